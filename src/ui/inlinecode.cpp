#include "ui/inlinecode.h"

namespace corscope {

QString htmlWithInlineCode(const QString &text)
{
    QString html;
    html.reserve(text.size() + 32);
    qsizetype at = 0;
    while (at < text.size()) {
        const qsizetype open = text.indexOf(u'`', at);
        const qsizetype close = open < 0 ? -1 : text.indexOf(u'`', open + 1);
        if (close < 0 || close == open + 1) {
            const qsizetype end = close < 0 ? text.size() : close + 1;
            html += text.mid(at, end - at).toHtmlEscaped();
            at = end;
            continue;
        }
        html += text.mid(at, open - at).toHtmlEscaped() + u"<code>"
            + text.mid(open + 1, close - open - 1).toHtmlEscaped() + u"</code>";
        at = close + 1;
    }
    html.replace(u'\n', QStringLiteral("<br>"));
    return html;
}

} // namespace corscope
