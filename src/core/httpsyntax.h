#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

#include <optional>

namespace corscope {

// Byte-level HTTP grammar shared by the engine (RFC 9110).
bool isToken(QByteArrayView value);
// RFC 9110 tchar; a table lookup, it runs for every byte of every token list.
inline bool isTokenChar(char c)
{
    static constexpr auto table = [] {
        struct Table { bool allowed[256] = {}; } t;
        for (int b = '0'; b <= '9'; ++b)
            t.allowed[b] = true;
        for (int b = 'a'; b <= 'z'; ++b)
            t.allowed[b] = t.allowed[b - 'a' + 'A'] = true;
        for (const char *p = "!#$%&'*+-.^_`|~"; *p; ++p)
            t.allowed[static_cast<unsigned char>(*p)] = true;
        return t;
    }();
    return table.allowed[static_cast<unsigned char>(c)];
}
// CR, LF or NUL: bytes that would split a header line on the wire.
bool containsLineBreakOrNul(const QByteArray &value);
// Strips leading and trailing spaces and horizontal tabs (HTTP "OWS").
QByteArray trimWhitespace(const QByteArray &value);
// The same, as a view into value (no copy).
QByteArrayView trimmedView(QByteArrayView value);

// "Extract header list values" for #token lists (Access-Control-Allow-Methods/-Headers/-Expose-Headers):
// split on commas, trim, skip empty elements; nullopt when an element is not a token.
// On failure, *badElement receives the first offending element.
std::optional<QList<QByteArray>> parseTokenList(const QByteArray &value, QByteArray *badElement = nullptr);

// The same walk without copying: visit(QByteArrayView element) for every element, in order.
// Returns false at the first element that is not a token (after visiting the ones before it),
// which *badElement then views.
template<typename Visit>
bool forEachTokenListElement(QByteArrayView value, Visit visit, QByteArrayView *badElement = nullptr)
{
    const char *data = value.data();
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
            for (char c : element) {
                if (!isTokenChar(c)) {
                    if (badElement)
                        *badElement = element;
                    return false;
                }
            }
            visit(element);
        }
        start = stop + 1;
    }
    return true;
}

} // namespace corscope
