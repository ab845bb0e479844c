#pragma once

#include <QString>
#include <QStringView>

namespace corscope {

// Text that came from outside (a server's header values, Location, status text, bodies, error details;
// names from a file) made safe to print on a terminal: every control character is shown as a visible
// escape instead of being written, so that a server cannot set the window title, clear the screen,
// move the cursor, recolour the output or forge lines. C0 controls, DEL and C1 controls become \xHH
// ("\x1b", "\x0a" for a line break inside a value); the Unicode controls that reorder or break text
// (bidirectional overrides and isolates, line and paragraph separators) become \uHHHH. Everything
// else, backslashes included, is kept as it is. Apply it to each piece of outside text, before our own
// line breaks and colours are added around it.
QString escapeControlCharacters(QStringView text);

} // namespace corscope
