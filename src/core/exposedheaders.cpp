#include "core/exposedheaders.h"

#include "core/httpsyntax.h"

#include <QVarLengthArray>

#include <algorithm>

namespace corscope {

namespace {
bool isForbiddenResponseHeader(QByteArrayView name)
{
    return HeaderList::namesEqual(name, "set-cookie") || HeaderList::namesEqual(name, "set-cookie2");
}

// The lowercase spelling of a CORS-safelisted response-header name (static data), or a null array.
QByteArray safelistedResponseName(QByteArrayView name)
{
    auto is = [name](const QByteArray &lower) { return HeaderList::namesEqual(name, lower) ? lower : QByteArray(); };
    switch (name.size()) {
    case 6:
        return is(QByteArrayLiteral("pragma"));
    case 7:
        return is(QByteArrayLiteral("expires"));
    case 12:
        return is(QByteArrayLiteral("content-type"));
    case 13: {
        const QByteArray cacheControl = is(QByteArrayLiteral("cache-control"));
        return cacheControl.isNull() ? is(QByteArrayLiteral("last-modified")) : cacheControl;
    }
    case 14:
        return is(QByteArrayLiteral("content-length"));
    case 16:
        return is(QByteArrayLiteral("content-language"));
    default:
        return {};
    }
}

// The lowercase names of the fields that are not Set-Cookie and that `exposed` accepts (it gets the
// name and says whether a non-safelisted name is readable), each once, in order.
template<typename Predicate>
QList<QByteArray> presentNames(const HeaderList &headers, Predicate exposed)
{
    QList<QByteArray> result;
    result.reserve(headers.size());
    for (const HeaderField &field : headers) {
        if (isForbiddenResponseHeader(field.name))
            continue;
        QByteArray lower = safelistedResponseName(field.name);
        if (lower.isNull()) {
            if (!exposed(field.name))
                continue;
            lower = HeaderList::lowercaseName(field.name);
        }
        if (!result.contains(lower))
            result.append(lower);
    }
    return result;
}

} // namespace

QList<QByteArray> readableResponseHeaders(const HeaderList &responseHeaders, bool credentialsIncluded)
{
    // Access-Control-Expose-Headers is read in place, field by field: splitting the fields one by one
    // is splitting their ", "-combination, and one bad element voids the whole list as it does there.
    QVarLengthArray<QByteArrayView, 16> exposed;
    bool wildcard = false;
    bool valid = true;
    for (const HeaderField &field : responseHeaders) {
        if (!valid || !HeaderList::namesEqual(field.name, "access-control-expose-headers"))
            continue;
        valid = forEachTokenListElement(field.value, [&](QByteArrayView name) {
            exposed.append(name);
            wildcard = wildcard || name == "*";
        });
    }
    if (!valid) {
        exposed.clear();
        wildcard = false;
    }
    const bool all = wildcard && !credentialsIncluded;
    return presentNames(responseHeaders, [&](const QByteArray &name) {
        return all
               || std::any_of(exposed.cbegin(), exposed.cend(),
                              [&](QByteArrayView candidate) { return HeaderList::namesEqual(candidate, name); });
    });
}

QList<QByteArray> readableBasicResponseHeaders(const HeaderList &responseHeaders)
{
    return presentNames(responseHeaders, [](const QByteArray &) { return true; });
}

} // namespace corscope
