#include "core/preflightevaluation.h"

#include "core/httpsyntax.h"
#include "core/preflightdecision.h"

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
    QByteArray bad;
    const auto methodsValue = response.headers.combinedValue(allowMethods);
    const auto methods = parseTokenList(methodsValue.value_or(QByteArray()), &bad);
    if (!methods)
        return CheckFailure{CheckId::InvalidAllowMethods, allowMethods, bad, true};
    const auto headersValue = response.headers.combinedValue(allowHeaders);
    const auto headerNames = parseTokenList(headersValue.value_or(QByteArray()), &bad);
    if (!headerNames)
        return CheckFailure{CheckId::InvalidAllowHeaders, allowHeaders, bad, true};
    grant.methods = *methods;
    for (const QByteArray &name : *headerNames)
        grant.headerNames.append(name.toLower());

    if (!methodAllowed(question.method, grant.methods, question.credentialsIncluded))
        return CheckFailure{CheckId::MethodDisallowed, allowMethods, question.method, methodsValue.has_value()};
    for (const QByteArray &name : question.unsafeHeaderNames) {
        if (!headerAllowed(name, grant.headerNames, question.credentialsIncluded, profile))
            return CheckFailure{CheckId::HeaderDisallowed, allowHeaders, name, headersValue.has_value()};
        if (name == "authorization" && !grant.headerNames.contains(name))
            grant.authorizationCoveredByWildcard = true;
    }

    grant.maxAgeValue = response.headers.combinedValue("access-control-max-age");
    grant.cacheSeconds = preflightCacheSeconds(grant.maxAgeValue, profile, &grant.maxAgeCapped);
    return grant;
}

} // namespace corscope
