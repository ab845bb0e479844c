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

std::optional<CheckFailure> checkAccess(const HeaderList &responseHeaders, const QByteArray &serializedOrigin,
                                        bool credentialsIncluded, const BrowserProfile &profile)
{
    const int lines = responseHeaders.count(allowOrigin);
    const std::optional<QByteArray> value = normalizedHeaderValue(responseHeaders, allowOrigin);

    if (profile.multipleOriginsOnlyForSeparateLines && lines > 1)
        return failure(CheckId::MultipleAllowOrigin, allowOrigin, *value);
    if (!value)
        return failure(CheckId::MissingAllowOrigin, allowOrigin, {}, false);
    if (*value == "*") {
        if (!credentialsIncluded)
            return std::nullopt;
        return failure(CheckId::WildcardOriginWithCredentials, allowOrigin, *value);
    }
    if (*value != serializedOrigin) {
        switch (profile.browser) {
        case Browser::Chromium:
            if (value->contains(' ') || value->contains(','))
                return failure(CheckId::MultipleAllowOrigin, allowOrigin, *value);
            if (*value != "null" && !isValidUrlLike(*value))
                return failure(CheckId::InvalidAllowOrigin, allowOrigin, *value);
            break;
        case Browser::Safari:
            if (value->contains(','))
                return failure(CheckId::MultipleAllowOrigin, allowOrigin, *value);
            break;
        case Browser::Firefox:
            break;
        }
        return failure(CheckId::AllowOriginMismatch, allowOrigin, *value);
    }
    if (!credentialsIncluded)
        return std::nullopt;
    const std::optional<QByteArray> credentials = normalizedHeaderValue(responseHeaders, allowCredentials);
    if (credentials != "true") {
        return failure(CheckId::InvalidAllowCredentials, allowCredentials, credentials.value_or(QByteArray()),
                       credentials.has_value());
    }
    return std::nullopt;
}

} // namespace corscope
