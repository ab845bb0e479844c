#include "core/exposedheaders.h"

#include "core/httpsyntax.h"

namespace corscope {

namespace {
bool isForbiddenResponseHeader(const QByteArray &lowerName)
{
    return lowerName == "set-cookie" || lowerName == "set-cookie2";
}

bool isSafelistedResponseHeader(const QByteArray &lowerName)
{
    static const char *const names[] = {"cache-control", "content-language", "content-length", "content-type",
                                        "expires",       "last-modified",    "pragma"};
    for (const char *name : names) {
        if (lowerName == name)
            return true;
    }
    return false;
}

template<typename Predicate>
QList<QByteArray> presentNames(const HeaderList &headers, Predicate readable)
{
    QList<QByteArray> result;
    for (const HeaderField &field : headers) {
        const QByteArray lower = field.name.toLower();
        if (!isForbiddenResponseHeader(lower) && readable(lower) && !result.contains(lower))
            result.append(lower);
    }
    return result;
}
} // namespace

QList<QByteArray> readableResponseHeaders(const HeaderList &responseHeaders, bool credentialsIncluded)
{
    QList<QByteArray> exposed;
    if (const auto value = responseHeaders.combinedValue("access-control-expose-headers")) {
        if (const auto names = parseTokenList(*value)) {
            for (const QByteArray &name : *names)
                exposed.append(name.toLower());
        }
    }
    const bool all = !credentialsIncluded && exposed.contains("*");
    return presentNames(responseHeaders, [&](const QByteArray &lower) {
        return all || isSafelistedResponseHeader(lower) || exposed.contains(lower);
    });
}

QList<QByteArray> readableBasicResponseHeaders(const HeaderList &responseHeaders)
{
    return presentNames(responseHeaders, [](const QByteArray &) { return true; });
}

} // namespace corscope
