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
    // Scans in place: one allocation per element, none for the commas and the whitespace.
    QList<QByteArray> result;
    const char *data = value.constData();
    const qsizetype size = value.size();
    qsizetype start = 0;
    while (start <= size) {
        qsizetype stop = start;
        while (stop < size && data[stop] != ',')
            ++stop;
        qsizetype begin = start;
        qsizetype end = stop;
        while (begin < end && (data[begin] == ' ' || data[begin] == '\t'))
            ++begin;
        while (end > begin && (data[end - 1] == ' ' || data[end - 1] == '\t'))
            --end;
        if (begin < end) {
            const QByteArrayView element(data + begin, end - begin);
            if (!std::all_of(element.cbegin(), element.cend(), isTokenChar)) {
                if (badElement)
                    *badElement = element.toByteArray();
                return std::nullopt;
            }
            if (result.isEmpty())
                result.reserve(4);
            result.append(begin == 0 && end == size ? value : element.toByteArray());
        }
        start = stop + 1;
    }
    return result;
}

} // namespace corscope
