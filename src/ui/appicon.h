#pragma once

#include <QIcon>

namespace corscope {

// The application icon, drawn at startup at the usual sizes (no SVG module needed): a magnifier
// over a request arrow on a blue tile.
QIcon appIcon();
QImage appIconImage(int size);

} // namespace corscope
