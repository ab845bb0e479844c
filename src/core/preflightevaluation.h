#pragma once

#include "core/accesscheck.h"
#include "core/browserprofile.h"
#include "core/httpmessage.h"

#include <QByteArray>
#include <QList>

#include <optional>
#include <variant>

namespace corscope {

// What the actual request asks the preflight response to allow.
struct PreflightQuestion
{
    QByteArray serializedOrigin;
    QByteArray method; // normalized
    QList<QByteArray> unsafeHeaderNames; // sorted lowercase
    bool credentialsIncluded = false;
};

// A passed preflight: what it allows and for how long it may be cached.
struct PreflightGrant
{
    std::optional<QByteArray> allowMethodsValue; // Access-Control-Allow-Methods as received (a valid list)
    std::optional<QByteArray> allowHeadersValue; // Access-Control-Allow-Headers as received (a valid list)
    std::optional<QByteArray> maxAgeValue; // raw, as sent
    qint64 cacheSeconds = 0;  // after parsing, defaulting and capping; 0 = not cached
    bool maxAgeCapped = false;
    bool authorizationCoveredByWildcard = false;

    // The parsed lists, as the preflight cache keeps them. Built on demand: the checks themselves
    // walk the received values in place, and most evaluations never reach a cache.
    QList<QByteArray> methods() const;
    QList<QByteArray> headerNames() const; // lowercase
};

// Redirects that the Fetch standard follows (and that a preflight may not answer with).
bool isRedirectResponse(const HttpResponse &response);

// Parses Access-Control-Max-Age the profile's way: seconds to cache (0 = not cached), capped.
qint64 preflightCacheSeconds(const std::optional<QByteArray> &maxAge, const BrowserProfile &profile,
                             bool *capped = nullptr);

// Validates a preflight response in the profile's order of checks.
std::variant<PreflightGrant, CheckFailure> evaluatePreflightResponse(const HttpResponse &response,
                                                                     const PreflightQuestion &question,
                                                                     const BrowserProfile &profile);

// The method and header checks alone, shared with cache look-ups.
bool methodAllowed(const QByteArray &method, const QList<QByteArray> &allowedMethods, bool credentialsIncluded);
bool headerAllowed(const QByteArray &lowerName, const QList<QByteArray> &allowedLowerNames,
                   bool credentialsIncluded, const BrowserProfile &profile);

} // namespace corscope
