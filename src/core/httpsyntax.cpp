#include "core/httpsyntax.h"

#include <cstring>

namespace corscope {

bool isToken(QByteArrayView value)
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

QByteArrayView trimmedView(QByteArrayView value)
{
    while (!value.isEmpty() && (value.front() == ' ' || value.front() == '\t'))
        value = value.sliced(1);
    while (!value.isEmpty() && (value.back() == ' ' || value.back() == '\t'))
        value.chop(1);
    return value;
}

std::optional<QList<QByteArray>> parseTokenList(const QByteArray &value, QByteArray *badElement)
{
    QList<QByteArray> result;
    QByteArrayView bad;
    const bool valid = forEachTokenListElement(
        value,
        [&](QByteArrayView element) {
            if (result.isEmpty())
                result.reserve(4);
            // A whole value that is one element is shared instead of copied.
            result.append(element.size() == value.size() ? value : element.toByteArray());
        },
        &bad);
    if (!valid) {
        if (badElement)
            *badElement = bad.toByteArray();
        return std::nullopt;
    }
    return result;
}

} // namespace corscope
