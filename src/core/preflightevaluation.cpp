#include "core/preflightevaluation.h"

#include "core/httpsyntax.h"
#include "core/preflightdecision.h"

#include <QVarLengthArray>

#include <algorithm>

namespace corscope {

namespace {
const QByteArray allowMethods = QByteArrayLiteral("Access-Control-Allow-Methods");
const QByteArray allowHeaders = QByteArrayLiteral("Access-Control-Allow-Headers");

bool isOkStatus(int status)
{
    return status >= 200 && status <= 299;
}

CheckFailure statusFailure(const HttpResponse &response)
{
    return {CheckId::PreflightInvalidStatus, {}, QByteArray::number(response.status), true};
}

CheckFailure redirectFailure(const HttpResponse &response)
{
    return {CheckId::PreflightDisallowedRedirect, QByteArrayLiteral("Location"),
            response.headers.combinedValue("location").value_or(QByteArray()), true};
}
} // namespace

bool isRedirectResponse(const HttpResponse &response)
{
    switch (response.status) {
    case 301:
    case 302:
    case 303:
    case 307:
    case 308:
        return response.headers.contains("location");
    default:
        return false;
    }
}

qint64 preflightCacheSeconds(const std::optional<QByteArray> &maxAge, const BrowserProfile &profile, bool *capped)
{
    if (capped)
        *capped = false;
    qint64 seconds = profile.maxAgeDefaultSeconds;
    if (maxAge) {
        const QByteArray value = trimWhitespace(*maxAge);
        if (profile.cacheOnlyPlainDigitMaxAge) {
            const bool digits = !value.isEmpty()
                                && std::all_of(value.cbegin(), value.cend(), [](char c) { return c >= '0' && c <= '9'; });
            if (!digits)
                return 0;
        }
        bool ok = false;
        const qint64 parsed = value.toLongLong(&ok);
        if (ok)
            seconds = parsed < 0 ? 0 : parsed;
    }
    if (seconds > profile.maxAgeCapSeconds) {
        if (capped)
            *capped = true;
        seconds = profile.maxAgeCapSeconds;
    }
    return seconds;
}

bool methodAllowed(const QByteArray &method, const QList<QByteArray> &allowedMethods, bool credentialsIncluded)
{
    if (isSafelistedMethod(method) || allowedMethods.contains(method))
        return true;
    return !credentialsIncluded && allowedMethods.contains("*");
}

bool headerAllowed(const QByteArray &lowerName, const QList<QByteArray> &allowedLowerNames,
                   bool credentialsIncluded, const BrowserProfile &profile)
{
    if (allowedLowerNames.contains(lowerName))
        return true;
    if (credentialsIncluded || !allowedLowerNames.contains("*"))
        return false;
    return lowerName != "authorization" || profile.wildcardCoversAuthorization;
}

std::variant<PreflightGrant, CheckFailure> evaluatePreflightResponse(const HttpResponse &response,
                                                                     const PreflightQuestion &question,
                                                                     const BrowserProfile &profile)
{
    const bool redirect = isRedirectResponse(response);
    if (profile.statusCheckedFirstInPreflight && !isOkStatus(response.status))
        return statusFailure(response);
    if (profile.redirectCheckedFirstInPreflight && redirect)
        return redirectFailure(response);
    if (auto failure = checkAccess(response.headers, question.serializedOrigin, question.credentialsIncluded, profile))
        return *failure;
    if (redirect)
        return redirectFailure(response);
    if (!isOkStatus(response.status))
        return statusFailure(response);

    PreflightGrant grant;
    QByteArrayView bad;
    grant.allowMethodsValue = response.headers.combinedValue(allowMethods);
    bool methodListed = false;
    bool methodWildcard = false;
    const bool methodsValid = forEachTokenListElement(
        grant.allowMethodsValue.value_or(QByteArray()),
        [&](QByteArrayView allowed) {
            methodListed = methodListed || allowed == question.method; // methods compare case-sensitively
            methodWildcard = methodWildcard || allowed == "*";
        },
        &bad);
    if (!methodsValid)
        return CheckFailure{CheckId::InvalidAllowMethods, allowMethods, bad.toByteArray(), true};

    grant.allowHeadersValue = response.headers.combinedValue(allowHeaders);
    QVarLengthArray<QByteArrayView, 16> allowedNames;
    bool headerWildcard = false;
    const bool headersValid = forEachTokenListElement(
        grant.allowHeadersValue.value_or(QByteArray()),
        [&](QByteArrayView allowed) {
            allowedNames.append(allowed);
            headerWildcard = headerWildcard || allowed == "*";
        },
        &bad);
    if (!headersValid)
        return CheckFailure{CheckId::InvalidAllowHeaders, allowHeaders, bad.toByteArray(), true};

    const bool credentials = question.credentialsIncluded;
    if (!isSafelistedMethod(question.method) && !methodListed && !(methodWildcard && !credentials)) {
        return CheckFailure{CheckId::MethodDisallowed, allowMethods, question.method,
                            grant.allowMethodsValue.has_value()};
    }
    for (const QByteArray &name : question.unsafeHeaderNames) {
        const bool listed = std::any_of(allowedNames.cbegin(), allowedNames.cend(),
                                        [&](QByteArrayView allowed) { return HeaderList::namesEqual(allowed, name); });
        if (listed)
            continue;
        const bool authorization = name == "authorization";
        if (credentials || !headerWildcard || (authorization && !profile.wildcardCoversAuthorization))
            return CheckFailure{CheckId::HeaderDisallowed, allowHeaders, name, grant.allowHeadersValue.has_value()};
        grant.authorizationCoveredByWildcard = grant.authorizationCoveredByWildcard || authorization;
    }
    grant.maxAgeValue = response.headers.combinedValue("access-control-max-age");
    grant.cacheSeconds = preflightCacheSeconds(grant.maxAgeValue, profile, &grant.maxAgeCapped);
    return grant;
}

QList<QByteArray> PreflightGrant::methods() const
{
    return parseTokenList(allowMethodsValue.value_or(QByteArray())).value_or(QList<QByteArray>());
}

QList<QByteArray> PreflightGrant::headerNames() const
{
    QList<QByteArray> names = parseTokenList(allowHeadersValue.value_or(QByteArray())).value_or(QList<QByteArray>());
    for (QByteArray &name : names)
        name = HeaderList::lowercaseName(name);
    return names;
}

} // namespace corscope
