#include "core/accesscheck.h"

#include "core/httpsyntax.h"

#include <QUrl>

namespace corscope {

namespace {

const QByteArray allowOrigin = QByteArrayLiteral("Access-Control-Allow-Origin");
const QByteArray allowCredentials = QByteArrayLiteral("Access-Control-Allow-Credentials");

// An approximation of Chromium's GURL validity for ACAO values: a scheme, and for hierarchical
// schemes a host. "app.example", "**", "'*'", "*.test" and "" are all invalid.
bool isValidUrlLike(const QByteArray &value)
{
    const qsizetype colon = value.indexOf(':');
    if (colon <= 0)
        return false;
    const QByteArray scheme = value.left(colon);
    if (!((scheme.at(0) >= 'a' && scheme.at(0) <= 'z') || (scheme.at(0) >= 'A' && scheme.at(0) <= 'Z')))
        return false;
    for (char c : scheme) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '+'
                        || c == '-' || c == '.';
        if (!ok)
            return false;
    }
    const QByteArray lowerScheme = scheme.toLower();
    const bool special = lowerScheme == "http" || lowerScheme == "https" || lowerScheme == "ws"
                         || lowerScheme == "wss" || lowerScheme == "ftp";
    if (!special)
        return true;
    const QUrl url(QString::fromLatin1(value), QUrl::TolerantMode);
    return url.isValid() && !url.host().isEmpty();
}

CheckFailure failure(CheckId check, const QByteArray &header, const QByteArray &hint, bool present = true)
{
    return {check, header, hint, present};
}

} // namespace

std::optional<QByteArray> normalizedHeaderValue(const HeaderList &headers, QByteArrayView name)
{
    std::optional<QByteArray> combined;
    for (const HeaderField &field : headers) {
        if (!HeaderList::namesEqual(field.name, name))
            continue;
        const QByteArray value = trimWhitespace(field.value);
        combined = combined ? *combined + ", " + value : value;
    }
    return combined;
}

namespace {

// The normalized value of a header that usually comes once: a view into that field, or the
// fields combined with ", " into *storage when it comes more than once.
struct HeaderLookup
{
    int lines = 0;
    QByteArrayView value;
};

HeaderLookup lookUp(const HeaderList &headers, QByteArrayView name, QByteArray *storage)
{
    HeaderLookup found;
    for (const HeaderField &field : headers) {
        if (!HeaderList::namesEqual(field.name, name))
            continue;
        if (++found.lines == 1) {
            found.value = trimmedView(field.value);
        } else {
            if (found.lines == 2)
                *storage = found.value.toByteArray();
            storage->append(", ").append(trimmedView(field.value));
            found.value = *storage;
        }
    }
    return found;
}

} // namespace

std::optional<CheckFailure> checkAccess(const HeaderList &responseHeaders, const QByteArray &serializedOrigin,
                                        bool credentialsIncluded, const BrowserProfile &profile)
{
    QByteArray storage;
    const HeaderLookup origin = lookUp(responseHeaders, allowOrigin, &storage);
    const QByteArrayView value = origin.value;
    if (profile.multipleOriginsOnlyForSeparateLines && origin.lines > 1)
        return failure(CheckId::MultipleAllowOrigin, allowOrigin, value.toByteArray());
    if (origin.lines == 0)
        return failure(CheckId::MissingAllowOrigin, allowOrigin, {}, false);
    if (value == "*") {
        if (!credentialsIncluded)
            return std::nullopt;
        return failure(CheckId::WildcardOriginWithCredentials, allowOrigin, value.toByteArray());
    }
    if (value != serializedOrigin) {
        const QByteArray seen = value.toByteArray();
        switch (profile.browser) {
        case Browser::Chromium:
            if (seen.contains(' ') || seen.contains(','))
                return failure(CheckId::MultipleAllowOrigin, allowOrigin, seen);
            if (seen != "null" && !isValidUrlLike(seen))
                return failure(CheckId::InvalidAllowOrigin, allowOrigin, seen);
            break;
        case Browser::Safari:
            if (seen.contains(','))
                return failure(CheckId::MultipleAllowOrigin, allowOrigin, seen);
            break;
        case Browser::Firefox:
            break;
        }
        return failure(CheckId::AllowOriginMismatch, allowOrigin, seen);
    }
    if (!credentialsIncluded)
        return std::nullopt;
    QByteArray credentialsStorage;
    const HeaderLookup credentials = lookUp(responseHeaders, allowCredentials, &credentialsStorage);
    if (credentials.lines == 0)
        return failure(CheckId::InvalidAllowCredentials, allowCredentials, {}, false);
    if (credentials.value != "true")
        return failure(CheckId::InvalidAllowCredentials, allowCredentials, credentials.value.toByteArray(), true);
    return std::nullopt;
}

} // namespace corscope
