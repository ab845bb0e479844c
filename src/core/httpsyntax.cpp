#include "core/httpsyntax.h"

#include <cstring>

namespace corscope {

bool isTokenChar(char c)
{
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
        return true;
    return c != '\0' && std::strchr("!#$%&'*+-.^_`|~", c) != nullptr;
}

bool isToken(const QByteArray &value)
{
    if (value.isEmpty())
        return false;
    return std::all_of(value.cbegin(), value.cend(), isTokenChar);
}

bool containsLineBreakOrNul(const QByteArray &value)
{
    return value.contains('\r') || value.contains('\n') || value.contains('\0');
}

QByteArray trimWhitespace(const QByteArray &value)
{
    qsizetype begin = 0;
    qsizetype end = value.size();
    while (begin < end && (value.at(begin) == ' ' || value.at(begin) == '\t'))
        ++begin;
    while (end > begin && (value.at(end - 1) == ' ' || value.at(end - 1) == '\t'))
        --end;
    return value.mid(begin, end - begin);
}

std::optional<QList<QByteArray>> parseTokenList(const QByteArray &value, QByteArray *badElement)
{
    QList<QByteArray> result;
    for (const QByteArray &part : value.split(',')) {
        const QByteArray element = trimWhitespace(part);
        if (element.isEmpty())
            continue;
        if (!isToken(element)) {
            if (badElement)
                *badElement = element;
            return std::nullopt;
        }
        result.append(element);
    }
    return result;
}

} // namespace corscope
