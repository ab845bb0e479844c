#include "cli/terminaltext.h"

namespace corscope {

namespace {
bool needsEscape(char16_t c)
{
    if (c < 0x20 || (c >= 0x7f && c <= 0x9f))
        return true;
    return (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069) || c == 0x2028 || c == 0x2029
        || c == 0x200e || c == 0x200f || c == 0x061c;
}

void appendHex(QString &out, char16_t c, int digits)
{
    static constexpr char16_t hex[] = u"0123456789abcdef";
    for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4)
        out += QChar(hex[(c >> shift) & 0xf]);
}
} // namespace

QString escapeControlCharacters(QStringView text)
{
    qsizetype first = 0;
    while (first < text.size() && !needsEscape(text.at(first).unicode()))
        ++first;
    if (first == text.size())
        return text.toString();
    QString out;
    out.reserve(text.size() + 16);
    out += text.left(first);
    for (qsizetype i = first; i < text.size(); ++i) {
        const char16_t c = text.at(i).unicode();
        if (!needsEscape(c)) {
            out += QChar(c);
        } else if (c <= 0xff) {
            out += u"\\x";
            appendHex(out, c, 2);
        } else {
            out += u"\\u";
            appendHex(out, c, 4);
        }
    }
    return out;
}

} // namespace corscope
