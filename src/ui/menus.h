#pragma once

#include <QString>

class QMenu;
class QMenuBar;

namespace corscope {

// The menu titled `title` ("&File"), created when missing: first in the bar or last.
QMenu *findOrCreateMenu(QMenuBar *bar, const QString &title, bool first);

} // namespace corscope
