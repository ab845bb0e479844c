#pragma once

#include <QString>

namespace corscope {

// Engine sentences write code the Markdown way (`Vary: Origin`). Labels that show them are rich
// text and get this: the text HTML-escaped, each `code` span in <code>, line breaks as <br>. A
// backtick without its pair, or an empty pair, is kept as it is.
QString htmlWithInlineCode(const QString &text);

} // namespace corscope
