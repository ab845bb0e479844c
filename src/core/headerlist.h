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

    // Header names compare ASCII case-insensitively (exactly like qstrnicmp, which folds Latin-1 too;
    // this inline loop does the ASCII bytes itself and leaves the rare others to qstrnicmp).
    static bool namesEqual(QByteArrayView a, QByteArrayView b)
    {
        const qsizetype size = a.size();
        if (size != b.size())
            return false;
        const char *x = a.data();
        const char *y = b.data();
        for (qsizetype i = 0; i < size; ++i) {
            const auto c = static_cast<unsigned char>(x[i]);
            const auto d = static_cast<unsigned char>(y[i]);
            if (c == d)
                continue;
            if ((c | d) >= 0x80)
                return qstrnicmp(x + i, size - i, y + i, size - i) == 0;
            const auto lower = [](unsigned char e) { return (e >= 'A' && e <= 'Z') ? e | 0x20 : e; };
            if (lower(c) != lower(d))
                return false;
        }
        return true;
    }

    const QList<HeaderField> &fields() const { return m_fields; }
    qsizetype size() const { return m_fields.size(); }
    bool isEmpty() const { return m_fields.isEmpty(); }
    QList<HeaderField>::const_iterator begin() const { return m_fields.cbegin(); }
    QList<HeaderField>::const_iterator end() const { return m_fields.cend(); }

    friend bool operator==(const HeaderList &, const HeaderList &) = default;

private:
    QList<HeaderField> m_fields;
};

} // namespace corscope
