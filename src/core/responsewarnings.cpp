#include "core/responsewarnings.h"

#include "core/accesscheck.h"
#include "core/httpsyntax.h"

namespace corscope {

namespace {
bool varyMentionsOrigin(const HeaderList &headers)
{
    const auto vary = headers.combinedValue("vary");
    if (!vary)
        return false;
    // In place: this runs for every allowed cross-origin response.
    const QByteArrayView all(*vary);
    qsizetype start = 0;
    while (start <= all.size()) {
        qsizetype stop = all.indexOf(',', start);
        if (stop < 0)
            stop = all.size();
        const QByteArrayView token = trimmedView(all.sliced(start, stop - start));
        if (HeaderList::namesEqual(token, "origin") || token == "*")
            return true;
        start = stop + 1;
    }
    return false;
}
} // namespace

QList<Warning> preflightWarnings(const PreflightGrant &grant, const BrowserProfile &profile)
{
    QList<Warning> warnings;
    if (grant.maxAgeCapped) {
        warnings.append({QStringLiteral("max-age-capped"),
                         u"Access-Control-Max-Age is " + QString::fromLatin1(grant.maxAgeValue.value_or(QByteArray()))
                             + u" seconds, but " + profile.displayName + u" caches preflights for at most "
                             + QString::number(profile.maxAgeCapSeconds) + u" seconds.",
                         QByteArrayLiteral("Access-Control-Max-Age")});
    }
    if (grant.authorizationCoveredByWildcard) {
        warnings.append({QStringLiteral("authorization-wildcard"),
                         profile.displayName
                             + u" lets `Access-Control-Allow-Headers: *` cover Authorization, but the Fetch "
                               u"standard says it never does and a future browser may block this request. List "
                               u"Authorization explicitly.",
                         QByteArrayLiteral("Access-Control-Allow-Headers")});
    }
    return warnings;
}

QList<Warning> actualResponseWarnings(const HttpResponse &response, const QByteArray &serializedOrigin,
                                      bool credentialsIncluded)
{
    QList<Warning> warnings;
    const auto allowOrigin = normalizedHeaderValue(response.headers, "access-control-allow-origin");
    if (allowOrigin && *allowOrigin == serializedOrigin && serializedOrigin != "null"
        && !varyMentionsOrigin(response.headers)) {
        warnings.append({QStringLiteral("vary-origin-missing"),
                         QStringLiteral("The server echoes the origin in Access-Control-Allow-Origin without "
                                        "`Vary: Origin`: a cache or CDN may serve this response to another origin, "
                                        "which the browser then blocks."),
                         QByteArrayLiteral("Vary")});
    }
    if (allowOrigin == "*" && response.headers.contains("set-cookie")) {
        warnings.append({QStringLiteral("wildcard-with-cookies"),
                         QStringLiteral("The response sets cookies but allows any origin with `*`: the browser "
                                        "only stores cookies from credentialed requests, and those need an explicit "
                                        "origin and `Access-Control-Allow-Credentials: true`."),
                         QByteArrayLiteral("Set-Cookie")});
    }
    Q_UNUSED(credentialsIncluded);
    return warnings;
}

QList<Warning> blockedResponseWarnings(const Finding &failure, const HttpResponse &response, const QByteArray &method)
{
    QList<Warning> warnings;
    if (response.status >= 400 && failure.check == CheckId::MissingAllowOrigin) {
        warnings.append({QStringLiteral("error-status-hidden"),
                         u"The server answered HTTP " + QString::number(response.status)
                             + u" without CORS headers. The console shows a CORS error, but the real problem is "
                               u"this " + QString::number(response.status)
                             + u": fix it, or make the error path send the CORS headers too.",
                         {}});
    }
    if (failure.stage != Stage::Preflight && method != "GET" && method != "HEAD") {
        warnings.append({QStringLiteral("request-ran-on-server"),
                         u"Blocked does not mean untouched: the " + QString::fromLatin1(method)
                             + u" request reached the server and ran; only the response was hidden from the page.",
                         {}});
    }
    return warnings;
}

} // namespace corscope
