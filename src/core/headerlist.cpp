#include "core/headerlist.h"

#include <algorithm>
#include <cstring>

namespace corscope {

namespace {
bool sameName(QByteArrayView a, QByteArrayView b)
{
    return HeaderList::namesEqual(a, b);
}
} // namespace

namespace {

// Lowercases the ASCII letters of a word of ASCII bytes (SWAR: the high bit of each byte of the two
// sums says whether that byte is >= 'A' and whether it is > 'Z'; no sum carries into the next byte).
template<typename Word>
Q_ALWAYS_INLINE Word foldAsciiCase(Word word)
{
    constexpr Word ones = Word(~Word(0)) / 0xff; // 0x0101...
    const Word atLeastA = word + ones * 0x3f;   // 0x80 - 'A'
    const Word aboveZ = word + ones * 0x25;     // 0x7f - 'Z'
    const Word upper = (atLeastA ^ aboveZ) & (ones * 0x80);
    return Word(word | (upper >> 2));
}

Q_NEVER_INLINE bool latin1BytesEqual(const char *x, const char *y, qsizetype size)
{
    return qstrnicmp(x, size, y, size) == 0;
}

template<typename Word>
Q_ALWAYS_INLINE bool wordsEqual(const char *x, const char *y)
{
    constexpr Word ones = Word(~Word(0)) / 0xff;
    Word u;
    Word v;
    std::memcpy(&u, x, sizeof(Word));
    std::memcpy(&v, y, sizeof(Word));
    if (u == v)
        return true;
    if ((u | v) & (ones * 0x80))
        return latin1BytesEqual(x, y, sizeof(Word));
    return foldAsciiCase(u) == foldAsciiCase(v);
}

} // namespace

// Whole words at a time. The last word first: names of a family share their start
// ("Access-Control-Allow-") and differ at the end, so most mismatches stop after one word.
bool HeaderList::sameSizeNamesEqual(const char *x, const char *y, qsizetype size)
{
    if (size >= 8) {
        if (!wordsEqual<quint64>(x + size - 8, y + size - 8))
            return false;
        for (qsizetype i = 0; i + 8 < size; i += 8) {
            if (!wordsEqual<quint64>(x + i, y + i))
                return false;
        }
        return true;
    }
    if (size >= 4)
        return wordsEqual<quint32>(x + size - 4, y + size - 4) && wordsEqual<quint32>(x, y);
    for (qsizetype i = 0; i < size; ++i) {
        if (!wordsEqual<quint8>(x + i, y + i))
            return false;
    }
    return true;
}

HeaderList::HeaderList(std::initializer_list<HeaderField> fields)
    : m_fields(fields)
{
}

void HeaderList::append(const QByteArray &name, const QByteArray &value)
{
    m_fields.emplaceBack(name, value);
}

void HeaderList::set(const QByteArray &name, const QByteArray &value)
{
    remove(name);
    append(name, value);
}

void HeaderList::remove(QByteArrayView name)
{
    m_fields.removeIf([&](const HeaderField &field) { return sameName(field.name, name); });
}

bool HeaderList::contains(QByteArrayView name) const
{
    return std::any_of(m_fields.cbegin(), m_fields.cend(),
                       [&](const HeaderField &field) { return sameName(field.name, name); });
}

int HeaderList::count(QByteArrayView name) const
{
    return int(std::count_if(m_fields.cbegin(), m_fields.cend(),
                             [&](const HeaderField &field) { return sameName(field.name, name); }));
}

std::optional<QByteArray> HeaderList::combinedValue(QByteArrayView name) const
{
    std::optional<QByteArray> combined;
    for (const HeaderField &field : m_fields) {
        if (!sameName(field.name, name))
            continue;
        if (combined)
            combined->append(", ").append(field.value);
        else
            combined = field.value;
    }
    return combined;
}

QList<QByteArray> HeaderList::values(QByteArrayView name) const
{
    QList<QByteArray> result;
    for (const HeaderField &field : m_fields) {
        if (sameName(field.name, name))
            result.append(field.value);
    }
    return result;
}

QByteArray HeaderList::lowercaseName(const QByteArray &name)
{
    const bool hasUpper = std::any_of(name.cbegin(), name.cend(), [](char c) { return c >= 'A' && c <= 'Z'; });
    if (!hasUpper)
        return name;
    // The names scripts and servers spell in mixed case most often: static data, no allocation.
    static const QByteArray wellKnown[] = {
        QByteArrayLiteral("accept"),        QByteArrayLiteral("accept-language"), QByteArrayLiteral("authorization"),
        QByteArrayLiteral("cache-control"), QByteArrayLiteral("content-language"), QByteArrayLiteral("content-length"),
        QByteArrayLiteral("content-type"),  QByteArrayLiteral("etag"),             QByteArrayLiteral("expires"),
        QByteArrayLiteral("last-modified"), QByteArrayLiteral("pragma"),           QByteArrayLiteral("range"),
        QByteArrayLiteral("x-request-id"),  QByteArrayLiteral("x-requested-with"),
    };
    for (const QByteArray &known : wellKnown) {
        if (namesEqual(name, known))
            return known;
    }
    return name.toLower();
}

} // namespace corscope
