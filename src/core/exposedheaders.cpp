#include "core/exposedheaders.h"

#include "core/httpsyntax.h"

namespace corscope {

namespace {
bool isForbiddenResponseHeader(QByteArrayView name)
{
    return HeaderList::namesEqual(name, "set-cookie") || HeaderList::namesEqual(name, "set-cookie2");
}

bool isSafelistedResponseHeader(QByteArrayView name)
{
    static constexpr QByteArrayView names[] = {"cache-control", "content-language", "content-length",
                                               "content-type",  "expires",          "last-modified", "pragma"};
    return std::any_of(std::begin(names), std::end(names),
                       [name](QByteArrayView safelisted) { return HeaderList::namesEqual(name, safelisted); });
}

bool containsName(const QList<QByteArray> &names, QByteArrayView name)
{
    return std::any_of(names.cbegin(), names.cend(),
                       [name](const QByteArray &candidate) { return HeaderList::namesEqual(candidate, name); });
}

template<typename Predicate>
QList<QByteArray> presentNames(const HeaderList &headers, Predicate readable)
{
    QList<QByteArray> result;
    for (const HeaderField &field : headers) {
        if (!isForbiddenResponseHeader(field.name) && readable(field.name) && !containsName(result, field.name))
            result.append(field.name.toLower());
    }
    return result;
}
} // namespace

QList<QByteArray> readableResponseHeaders(const HeaderList &responseHeaders, bool credentialsIncluded)
{
    QList<QByteArray> exposed;
    if (const auto value = responseHeaders.combinedValue("access-control-expose-headers")) {
        if (auto names = parseTokenList(*value))
            exposed = std::move(*names);
    }
    const bool all = !credentialsIncluded && exposed.contains("*");
    return presentNames(responseHeaders, [&](const QByteArray &name) {
        return all || isSafelistedResponseHeader(name) || containsName(exposed, name);
    });
}

QList<QByteArray> readableBasicResponseHeaders(const HeaderList &responseHeaders)
{
    return presentNames(responseHeaders, [](const QByteArray &) { return true; });
}

} // namespace corscope
