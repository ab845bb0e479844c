#include "core/headerlist.h"

namespace corscope {

namespace {
bool sameName(QByteArrayView a, QByteArrayView b)
{
    return HeaderList::namesEqual(a, b);
}
} // namespace

HeaderList::HeaderList(std::initializer_list<HeaderField> fields)
    : m_fields(fields)
{
}

void HeaderList::append(const QByteArray &name, const QByteArray &value)
{
    m_fields.append({name, value});
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

} // namespace corscope
