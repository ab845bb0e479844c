#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

#include <initializer_list>
#include <optional>

namespace corscope {

struct HeaderField
{
    QByteArray name;
    QByteArray value;
    friend bool operator==(const HeaderField &, const HeaderField &) = default;
};

// An ordered HTTP header list as in the Fetch standard: names compare case-insensitively,
// the spelling and order of every field are kept, duplicates are allowed.
class HeaderList
{
public:
    HeaderList() = default;
    HeaderList(std::initializer_list<HeaderField> fields);

    void append(const QByteArray &name, const QByteArray &value);
    // Removes every field with this name, then appends one.
    void set(const QByteArray &name, const QByteArray &value);
    void remove(QByteArrayView name);
    void reserve(qsizetype fields) { m_fields.reserve(fields); }

    bool contains(QByteArrayView name) const;
    int count(QByteArrayView name) const;
    // Fetch "get": the values of every field with this name joined with ", ", or nullopt when absent.
    std::optional<QByteArray> combinedValue(QByteArrayView name) const;
    QList<QByteArray> values(QByteArrayView name) const;

    // Header names compare ASCII case-insensitively (exactly like qstrnicmp, which folds Latin-1 too).
    // This runs for every header of every response, many times over, and most pairs differ in
    // length or in their first or last byte: those tests are inlined, the whole comparison is not.
    // (Bytes that fold to each other differ at most in bit 0x20, in ASCII and in Latin-1 alike.)
    Q_ALWAYS_INLINE static bool namesEqual(QByteArrayView a, QByteArrayView b)
    {
        const qsizetype size = a.size();
        if (size != b.size())
            return false;
        if (size == 0)
            return true;
        const auto mayFold = [](char x, char y) { return ((x ^ y) & ~0x20) == 0; };
        return mayFold(a.front(), b.front()) && mayFold(a.back(), b.back())
               && sameSizeNamesEqual(a.data(), b.data(), size);
    }

    // The name in lowercase, without allocating when it already is lowercase or is a well-known name.
    static QByteArray lowercaseName(const QByteArray &name);

    const QList<HeaderField> &fields() const { return m_fields; }
    qsizetype size() const { return m_fields.size(); }
    bool isEmpty() const { return m_fields.isEmpty(); }
    QList<HeaderField>::const_iterator begin() const { return m_fields.cbegin(); }
    QList<HeaderField>::const_iterator end() const { return m_fields.cend(); }

    friend bool operator==(const HeaderList &, const HeaderList &) = default;

private:
    static bool sameSizeNamesEqual(const char *x, const char *y, qsizetype size);

    QList<HeaderField> m_fields;
};

} // namespace corscope
