#include "core/failureexplanation.h"

namespace corscope {

namespace {
QString latin1(const QByteArray &bytes)
{
    return QString::fromLatin1(bytes);
}

QString responseName(Stage stage)
{
    switch (stage) {
    case Stage::Preflight:
        return QStringLiteral("The preflight (OPTIONS) response");
    case Stage::Redirect:
        return QStringLiteral("The redirect response");
    case Stage::Actual:
        break;
    }
    return QStringLiteral("The response");
}

bool isAllowOriginCheck(CheckId check)
{
    return check == CheckId::MissingAllowOrigin || check == CheckId::AllowOriginMismatch
           || check == CheckId::InvalidAllowOrigin || check == CheckId::MultipleAllowOrigin;
}
} // namespace

void explainFailure(Finding &finding, const CheckFailure &failure, const ExplanationContext &context)
{
    const QString origin = latin1(context.serializedOrigin);
    const QString response = responseName(context.stage);
    const bool include = context.credentials == CredentialsMode::Include;
    const QString seen = failure.headerPresent ? latin1(failure.hint) : QStringLiteral("(absent)");
    finding.seen = seen;

    switch (failure.check) {
    case CheckId::MissingAllowOrigin:
        finding.needed = include ? origin : u"`*` or " + origin;
        finding.explanation = response + u" has no Access-Control-Allow-Origin header, so the browser refuses to "
                              u"let the page at " + latin1(context.pageOrigin) + u" read it.";
        if (context.status >= 400) {
            finding.explanation += u" It is an HTTP " + QString::number(context.status)
                                   + u": the server's error path probably skips the CORS headers, and the CORS "
                                     u"error hides the real error.";
        }
        if (context.stage == Stage::Preflight) {
            finding.explanation += QStringLiteral(" Preflights carry no cookies or Authorization header: if "
                                                  "authentication runs before the CORS layer, it rejects them.");
        }
        finding.fix = u"Send `Access-Control-Allow-Origin: " + origin + u"` on every response"
                      + (context.stage == Stage::Preflight ? QStringLiteral(", including the OPTIONS preflight.")
                                                         : QStringLiteral(", including errors."));
        break;
    case CheckId::MultipleAllowOrigin:
        finding.needed = origin;
        finding.explanation = u"Access-Control-Allow-Origin must hold exactly one origin, but it is '" + seen
                              + u"'. This usually means two layers (a proxy and the app, or a library and a manual "
                                u"snippet) both add the header, or the server lists several origins.";
        finding.fix = u"Let one layer add the header, and send only the requesting origin (" + origin + u").";
        break;
    case CheckId::InvalidAllowOrigin:
        finding.needed = origin;
        finding.explanation = u"Access-Control-Allow-Origin is '" + seen
                              + u"', which is not a valid origin: it must be an origin like " + origin
                              + u", `*` or `null`, with no quotes or patterns.";
        finding.fix = u"Send `Access-Control-Allow-Origin: " + origin
                      + u"` (check the requesting origin against an allow-list and echo it).";
        break;
    case CheckId::AllowOriginMismatch:
        finding.needed = origin;
        finding.explanation = u"Access-Control-Allow-Origin is '" + seen + u"' but the request comes from "
                              + origin + u". The comparison is exact: scheme, host and port must match, with "
                              u"no trailing slash and no default port.";
        finding.fix = u"Send `Access-Control-Allow-Origin: " + origin + u"` for this origin, with `Vary: Origin`.";
        break;
    case CheckId::WildcardOriginWithCredentials:
        finding.needed = origin;
        finding.explanation = QStringLiteral("The request is sent with credentials (credentials: 'include'), and "
                                             "then Access-Control-Allow-Origin may not be `*`: the server must name "
                                             "the origin.");
        finding.fix = u"Send `Access-Control-Allow-Origin: " + origin
                      + u"`, `Access-Control-Allow-Credentials: true` and `Vary: Origin` instead of `*`.";
        break;
    case CheckId::InvalidAllowCredentials:
        finding.needed = QStringLiteral("true");
        finding.explanation = u"The request is sent with credentials (credentials: 'include'), so the browser needs "
                              u"`Access-Control-Allow-Credentials: true` (exactly, lowercase); it got " + seen + u'.';
        finding.fix = QStringLiteral("Send `Access-Control-Allow-Credentials: true`, or drop credentials: "
                                     "'include' if the request does not need cookies.");
        break;
    case CheckId::PreflightInvalidStatus:
        finding.seen = QString::number(context.status);
        finding.needed = QStringLiteral("a 2xx status such as 200 or 204");
        finding.explanation = u"The preflight (OPTIONS) request got HTTP " + QString::number(context.status)
                              + u". Browsers need a 2xx answer to OPTIONS before they send the " + latin1(context.method)
                              + u" request. Typical causes: no route for OPTIONS (404/405), authentication "
                                u"applied to OPTIONS (401/403), or a CORS library rejecting the request (400).";
        finding.fix = QStringLiteral("Answer OPTIONS with 204 and the CORS headers before routing and authentication.");
        break;
    case CheckId::PreflightDisallowedRedirect:
        finding.needed = QStringLiteral("a 2xx answer at this URL (no redirect)");
        finding.explanation = u"The preflight (OPTIONS) request was redirected to " + seen
                              + u". Browsers never follow redirects for preflights. Common causes: a trailing-slash "
                                u"redirect, http→https, or a login redirect.";
        finding.fix = QStringLiteral("Call the final URL directly, or answer OPTIONS at this URL without redirecting.");
        break;
    case CheckId::MethodDisallowed:
        finding.needed = u"a list containing " + latin1(context.method)
                         + (include ? QString() : QStringLiteral(" (or `*`)"));
        finding.explanation = u"The preflight response does not allow the method " + latin1(context.method)
                              + u" in Access-Control-Allow-Methods. Methods compare case-sensitively, and `*` "
                                u"counts only without credentials.";
        finding.fix = u"Add " + latin1(context.method) + u" to Access-Control-Allow-Methods.";
        break;
    case CheckId::HeaderDisallowed:
        finding.needed = u"a list containing " + latin1(failure.hint);
        finding.explanation = u"The request sends the header " + latin1(failure.hint)
                              + u", which is not CORS-safelisted, and the preflight response does not list it in "
                                u"Access-Control-Allow-Headers." + (include ? QStringLiteral(" With credentials, `*` is not a wildcard.") : QString());
        finding.fix = u"Add " + latin1(failure.hint) + u" to Access-Control-Allow-Headers.";
        break;
    case CheckId::InvalidAllowMethods:
    case CheckId::InvalidAllowHeaders:
        finding.needed = QStringLiteral("a comma-separated list of tokens, e.g. `GET, PUT, X-Trace`");
        finding.explanation = u"The browser cannot parse " + latin1(failure.header) + u": '" + seen
                              + u"' is not a valid token. Separate values with commas, not spaces or semicolons, "
                                u"and do not quote them.";
        finding.fix = u"Send " + latin1(failure.header) + u" as a comma-separated list.";
        break;
    case CheckId::RedirectContainsCredentials:
        finding.needed = QStringLiteral("a redirect URL without user name and password");
        finding.explanation = QStringLiteral("The server redirected a cross-origin request to a URL with a user "
                                             "name and password in it, which browsers refuse.");
        finding.fix = QStringLiteral("Redirect to a URL without credentials; authenticate with a header instead.");
        break;
    case CheckId::NetworkError:
        finding.explanation = QStringLiteral("The request failed before any CORS check: the browser got no usable "
                                             "HTTP response.");
        finding.fix = QStringLiteral("Check that the server is running and reachable at this URL.");
        break;
    case CheckId::Other:
        break;
    }
    if (context.originTainted && isAllowOriginCheck(failure.check)) {
        // Naming `null` as the fix would be poor advice: it allows every sandboxed page.
        finding.explanation += u" The request was redirected from one other origin to another, so the browser "
                               u"now sends `Origin: null` instead of " + latin1(context.pageOrigin) + u'.';
        finding.fix = QStringLiteral("Call the final URL directly instead of through a cross-origin redirect, or "
                                     "let the redirect target answer `Access-Control-Allow-Origin: *` (only "
                                     "possible without credentials).");
    }
    if (context.stage != Stage::Preflight && failure.check != CheckId::NetworkError && context.method != "GET"
        && context.method != "HEAD") {
        finding.explanation += u" Note: the " + latin1(context.method)
                               + u" request did reach the server and ran there; only reading the response was blocked.";
    }
}

} // namespace corscope
