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

// Lowercases the ASCII letters of up to eight ASCII bytes (SWAR: the high bit of each byte of the
// two sums says whether that byte is >= 'A' and whether it is > 'Z'; no sum carries into the next
// byte). Zero bytes above a shorter word stay zero.
Q_ALWAYS_INLINE quint64 foldAsciiCase(quint64 word)
{
    const quint64 atLeastA = word + 0x3f3f3f3f3f3f3f3fULL; // 0x80 - 'A'
    const quint64 aboveZ = word + 0x2525252525252525ULL;   // 0x7f - 'Z'
    const quint64 upper = (atLeastA ^ aboveZ) & 0x8080808080808080ULL;
    return word | (upper >> 2);
}

template<typename Word>
Q_ALWAYS_INLINE quint64 load(const char *p)
{
    Word word;
    std::memcpy(&word, p, sizeof(Word));
    return word;
}

// Differences and non-ASCII bytes are collected without branching: which way a comparison goes is
// unpredictable, and mispredicted branches cost more than the few extra operations.
struct Comparison
{
    quint64 difference = 0;
    quint64 nonAscii = 0;

    Q_ALWAYS_INLINE void add(quint64 u, quint64 v)
    {
        nonAscii |= (u | v) & 0x8080808080808080ULL;
        difference |= foldAsciiCase(u) ^ foldAsciiCase(v);
    }
};

} // namespace

// Whole words at a time, the last one overlapping the one before.
bool HeaderList::sameSizeNamesEqual(const char *x, const char *y, qsizetype size)
{
    Comparison comparison;
    if (size >= 8) {
        for (qsizetype i = 0; i + 8 < size; i += 8)
            comparison.add(load<quint64>(x + i), load<quint64>(y + i));
        comparison.add(load<quint64>(x + size - 8), load<quint64>(y + size - 8));
    } else if (size >= 4) {
        comparison.add(load<quint32>(x), load<quint32>(y));
        comparison.add(load<quint32>(x + size - 4), load<quint32>(y + size - 4));
    } else {
        for (qsizetype i = 0; i < size; ++i)
            comparison.add(load<quint8>(x + i), load<quint8>(y + i));
    }
    if (comparison.nonAscii)
        return qstrnicmp(x, size, y, size) == 0; // Latin-1 folding, exactly as before
    return comparison.difference == 0;
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
