#include "core/fetchsimulator.h"

#include "core/accesscheck.h"
#include "core/consolemessage.h"
#include "core/exposedheaders.h"
#include "core/failureexplanation.h"
#include "core/preflightcache.h"
#include "core/preflightdecision.h"
#include "core/preflightevaluation.h"
#include "core/responsewarnings.h"
#include "core/scriptheaders.h"

#include <cstring>

namespace corscope {

namespace {
constexpr int redirectLimit = 20;

// The registrable domain approximated by the last two labels ("api.example.com" -> "example.com").
QStringView siteOf(const QString &host)
{
    const qsizetype last = host.lastIndexOf(u'.');
    const qsizetype previous = last > 0 ? host.lastIndexOf(u'.', last - 1) : -1;
    return previous < 0 ? QStringView(host) : QStringView(host).mid(previous + 1);
}

// Access-Control-Request-Headers: the names joined by "," in one allocation (QList::join takes two passes).
QByteArray joinedNames(const QList<QByteArray> &names)
{
    qsizetype size = names.size() - 1;
    for (const QByteArray &name : names)
        size += name.size();
    QByteArray joined(size, Qt::Uninitialized);
    char *out = joined.data();
    for (const QByteArray &name : names) {
        if (out != joined.data())
            *out++ = ',';
        std::memcpy(out, name.constData(), name.size());
        out += name.size();
    }
    return joined;
}

QByteArray fetchSite(const Origin &initiator, const Origin &target)
{
    if (initiator.isSameOrigin(target))
        return QByteArrayLiteral("same-origin");
    const QString initiatorHost = initiator.host();
    const QString targetHost = target.host();
    if (!initiator.isOpaque() && !target.isOpaque() && initiator.scheme() == target.scheme()
        && siteOf(initiatorHost) == siteOf(targetHost)) {
        return QByteArrayLiteral("same-site");
    }
    return QByteArrayLiteral("cross-site");
}
} // namespace

struct FetchSimulator::Private
{
    enum class Next { Preflight, Actual, Done };

    FetchRequest request;
    BrowserProfile profile;
    PreflightCache *cache = nullptr;
    ExchangeResult result;

    QByteArray method;
    HeaderList headers; // the script's headers as fetch() keeps them
    QByteArray body;
    QByteArray pageOrigin; // request.origin serialized once
    QByteArray referer;    // what the default referrer policy sends: the page origin and "/"
    QUrl initialUrl;
    QUrl currentUrl;
    Origin currentOrigin;    // of currentUrl
    QByteArray currentSite;  // Sec-Fetch-Site for currentUrl
    bool tainted = false;      // Origin serializes to "null" from now on
    bool corsTainting = false; // response tainting "cors": every response gets the CORS check
    int redirectCount = 0;
    bool firstPlan = true;
    Next next = Next::Done;
    PreflightDecision decision;

    bool credentialsIncluded() const { return request.credentials == CredentialsMode::Include; }
    QByteArray serializedOrigin() const { return tainted ? QByteArrayLiteral("null") : pageOrigin; }

    void plan();
    PendingHop preflightHop() const;
    PendingHop actualHop() const;
    void appendFetchMetadata(HeaderList &h) const;
    void handlePreflight(const Hop &outcome);
    void handleActual(const Hop &outcome);
    void followRedirect(const HttpResponse &response);
    void finishAllowed(const HttpResponse &response);
    void finishBlocked(const CheckFailure &failure, Stage stage, const HttpResponse &response);
    void finishNetworkError(const QString &code, const QString &detail, Stage stage);
    QByteArray scriptSpelling(const QByteArray &lowerName) const;
};

FetchSimulator::FetchSimulator(const FetchRequest &request, const BrowserProfile &profile, PreflightCache *cache)
    : d(std::make_unique<Private>())
{
    d->request = request;
    d->profile = profile;
    d->cache = cache;
    d->method = normalizeMethod(request.method);
    d->headers = scriptHeadersAsSent(request, profile);
    for (const HeaderField &field : request.headers) {
        if (isForbiddenRequestHeader(field.name, field.value, profile)) {
            d->result.warnings.append({QStringLiteral("forbidden-header-dropped"),
                                       QString::fromLatin1(field.name) + u" is a forbidden request header: "
                                           + profile.displayName + u" dropped it from the request without a word.",
                                       field.name});
        }
    }
    d->body = request.body;
    d->result.hops.reserve(2);
    d->pageOrigin = request.origin.serialize();
    d->referer = d->pageOrigin + '/';
    d->initialUrl = request.url.userInfo().isEmpty() ? request.url : request.url.adjusted(QUrl::RemoveUserInfo);
    d->currentUrl = d->initialUrl;
    d->plan();
}

FetchSimulator::~FetchSimulator() = default;

void FetchSimulator::Private::plan()
{
    currentOrigin = Origin::fromUrl(currentUrl);
    currentSite = fetchSite(request.origin, currentOrigin);
    const bool sameOrigin = !tainted && request.origin.isSameOrigin(currentOrigin);
    if (!sameOrigin)
        corsTainting = true;
    if (!corsTainting) {
        next = Next::Actual;
        return;
    }
    result.crossOrigin = true;
    decision = decidePreflight(method, headers, profile);
    const bool fromCache = decision.needed && cache
                           && cache->allows(serializedOrigin(), currentUrl.toEncoded(), credentialsIncluded(),
                                            method, decision.unsafeHeaderNames, profile);
    if (firstPlan) {
        result.preflightNeeded = decision.needed;
        result.preflightReasons = decision.reasons;
        result.preflightFromCache = fromCache;
        firstPlan = false;
    }
    next = decision.needed && !fromCache ? Next::Preflight : Next::Actual;
}

// The headers Chromium adds to every fetch() request, preflights included.
void FetchSimulator::Private::appendFetchMetadata(HeaderList &h) const
{
    h.append(QByteArrayLiteral("Sec-Fetch-Mode"), QByteArrayLiteral("cors"));
    h.append(QByteArrayLiteral("Sec-Fetch-Site"), currentSite);
    h.append(QByteArrayLiteral("Sec-Fetch-Dest"), QByteArrayLiteral("empty"));
    // The default referrer policy (strict-origin-when-cross-origin) sends only the origin.
    if (!request.origin.isOpaque())
        h.append(QByteArrayLiteral("Referer"), referer);
}

PendingHop FetchSimulator::Private::preflightHop() const
{
    PendingHop hop;
    hop.kind = HopKind::Preflight;
    hop.request.method = QByteArrayLiteral("OPTIONS");
    hop.request.url = currentUrl;
    HeaderList &h = hop.request.headers;
    h.reserve(8);
    h.append(QByteArrayLiteral("Accept"), QByteArrayLiteral("*/*"));
    h.append(QByteArrayLiteral("Access-Control-Request-Method"), method);
    if (!decision.unsafeHeaderNames.isEmpty())
        h.append(QByteArrayLiteral("Access-Control-Request-Headers"), joinedNames(decision.unsafeHeaderNames));
    h.append(QByteArrayLiteral("Origin"), serializedOrigin());
    appendFetchMetadata(h);
    return hop;
}

PendingHop FetchSimulator::Private::actualHop() const
{
    PendingHop hop;
    hop.kind = HopKind::Actual;
    hop.request.method = method;
    hop.request.url = currentUrl;
    hop.request.body = body;
    HeaderList &h = hop.request.headers;
    h = headers;
    h.reserve(headers.size() + 6); // one allocation for the headers added below
    if (!h.contains("accept"))
        h.append(QByteArrayLiteral("Accept"), QByteArrayLiteral("*/*"));
    if (corsTainting || (method != "GET" && method != "HEAD"))
        h.append(QByteArrayLiteral("Origin"), serializedOrigin());
    appendFetchMetadata(h);
    return hop;
}

std::optional<PendingHop> FetchSimulator::nextHop() const
{
    switch (d->next) {
    case Private::Next::Preflight:
        return d->preflightHop();
    case Private::Next::Actual:
        return d->actualHop();
    case Private::Next::Done:
        break;
    }
    return std::nullopt;
}

void FetchSimulator::deliver(HopOutcome outcome)
{
    if (d->next == Private::Next::Done)
        return;
    Hop hop;
    hop.kind = d->next == Private::Next::Preflight ? HopKind::Preflight : HopKind::Actual;
    hop.request = std::move(outcome.sentRequest);
    hop.response = std::move(outcome.response);
    hop.networkError = std::move(outcome.networkError);
    hop.networkErrorDetail = std::move(outcome.networkErrorDetail);
    hop.timings = outcome.timings;
    d->result.hops.append(std::move(hop));
    const Hop &recorded = d->result.hops.last(); // the checks below never append another hop
    if (recorded.kind == HopKind::Preflight)
        d->handlePreflight(recorded);
    else
        d->handleActual(recorded);
}

bool FetchSimulator::isFinished() const
{
    return d->next == Private::Next::Done;
}

const ExchangeResult &FetchSimulator::result() const
{
    return d->result;
}

void FetchSimulator::setStartedAt(qint64 msSinceEpoch)
{
    d->result.startedAtMs = msSinceEpoch;
}

void FetchSimulator::Private::handlePreflight(const Hop &outcome)
{
    if (!outcome.response) {
        if (cache)
            cache->clear(serializedOrigin(), currentUrl.toEncoded());
        finishNetworkError(outcome.networkError, outcome.networkErrorDetail, Stage::Preflight);
        return;
    }
    const HttpResponse &response = *outcome.response;
    const PreflightQuestion question{serializedOrigin(), method, decision.unsafeHeaderNames, credentialsIncluded()};
    const auto evaluation = evaluatePreflightResponse(response, question, profile);
    if (const auto *failure = std::get_if<CheckFailure>(&evaluation)) {
        finishBlocked(*failure, Stage::Preflight, response);
        return;
    }
    const auto &grant = std::get<PreflightGrant>(evaluation);
    if (cache) {
        cache->store(serializedOrigin(), currentUrl.toEncoded(), credentialsIncluded(), grant.methods(),
                     grant.headerNames(), grant.cacheSeconds, profile);
    }
    result.warnings += preflightWarnings(grant, profile);
    next = Next::Actual;
}

void FetchSimulator::Private::handleActual(const Hop &outcome)
{
    if (!outcome.response) {
        finishNetworkError(outcome.networkError, outcome.networkErrorDetail, Stage::Actual);
        return;
    }
    result.reachedServer = true;
    const HttpResponse &response = *outcome.response;
    if (!isRedirectResponse(response)) {
        if (corsTainting) {
            if (auto failure = checkAccess(response.headers, serializedOrigin(), credentialsIncluded(), profile)) {
                finishBlocked(*failure, Stage::Actual, response);
                return;
            }
        }
        finishAllowed(response);
        return;
    }
    if (corsTainting) {
        if (auto failure = checkAccess(response.headers, serializedOrigin(), credentialsIncluded(), profile)) {
            finishBlocked(*failure, Stage::Redirect, response);
            return;
        }
    }
    switch (request.redirect) {
    case RedirectMode::Manual:
        // fetch() resolves with an opaque-redirect response: status 0, no headers, no body.
        result.verdict = Verdict::Allowed;
        result.readableHeaders.clear();
        result.warnings.append({QStringLiteral("opaque-redirect"),
                                QStringLiteral("With redirect: 'manual' the page gets an opaque redirect (type "
                                               "\"opaqueredirect\", status 0): it cannot read the status, the headers "
                                               "or the Location."),
                                QByteArrayLiteral("Location")});
        next = Next::Done;
        return;
    case RedirectMode::Error:
        finishNetworkError(QStringLiteral("net::ERR_FAILED"),
                           QStringLiteral("The server redirected and the request uses redirect: 'error'."),
                           Stage::Redirect);
        return;
    case RedirectMode::Follow:
        followRedirect(response);
        return;
    }
}

void FetchSimulator::Private::followRedirect(const HttpResponse &response)
{
    const QByteArray location = response.headers.combinedValue("location").value_or(QByteArray());
    const QUrl target = currentUrl.resolved(QUrl::fromEncoded(location));
    const QString scheme = target.scheme().toLower();
    if (!target.isValid() || (scheme != u"http" && scheme != u"https")) {
        finishNetworkError(QStringLiteral("net::ERR_UNSAFE_REDIRECT"),
                           u"The redirect Location '" + QString::fromLatin1(location) + u"' is not an http(s) URL.",
                           Stage::Redirect);
        return;
    }
    if (redirectCount >= redirectLimit) {
        finishNetworkError(QStringLiteral("net::ERR_TOO_MANY_REDIRECTS"),
                           QStringLiteral("The request was redirected more than 20 times."), Stage::Redirect);
        return;
    }
    const Origin targetOrigin = Origin::fromUrl(target);
    if (!target.userInfo().isEmpty() && (corsTainting || !request.origin.isSameOrigin(targetOrigin))) {
        if (profile.redirectWithCredentialsIsNetworkError) {
            finishNetworkError(QStringLiteral("NS_ERROR_DOM_BAD_URI"),
                               QStringLiteral("The server redirected to a URL with a user name and password."),
                               Stage::Redirect);
            return;
        }
        finishBlocked({CheckId::RedirectContainsCredentials, QByteArrayLiteral("Location"), location, true},
                      Stage::Redirect, response);
        return;
    }
    ++redirectCount;
    const int status = response.status;
    if (((status == 301 || status == 302) && method == "POST") || (status == 303 && method != "GET" && method != "HEAD")) {
        method = QByteArrayLiteral("GET");
        body.clear();
        for (const char *name : {"content-encoding", "content-language", "content-location", "content-type"})
            headers.remove(name);
    }
    if (!targetOrigin.isSameOrigin(currentOrigin))
        headers.remove("authorization");
    if (!targetOrigin.isSameOrigin(currentOrigin) && !request.origin.isSameOrigin(currentOrigin))
        tainted = true;
    currentUrl = target;
    plan();
}

void FetchSimulator::Private::finishAllowed(const HttpResponse &response)
{
    result.verdict = Verdict::Allowed;
    result.readableHeaders = corsTainting ? readableResponseHeaders(response.headers, credentialsIncluded())
                                          : readableBasicResponseHeaders(response.headers);
    if (corsTainting)
        result.warnings += actualResponseWarnings(response, serializedOrigin(), credentialsIncluded());
    next = Next::Done;
}

QByteArray FetchSimulator::Private::scriptSpelling(const QByteArray &lowerName) const
{
    for (const HeaderField &field : headers) {
        if (field.name.toLower() == lowerName)
            return field.name;
    }
    return lowerName;
}

void FetchSimulator::Private::finishBlocked(const CheckFailure &failure, Stage stage, const HttpResponse &response)
{
    result.verdict = Verdict::Blocked;
    result.hops.last().passed = false;
    Finding finding;
    finding.stage = stage;
    finding.check = failure.check;
    finding.header = failure.header;
    finding.status = response.status;
    MessageContext message;
    message.stage = stage;
    message.initialUrl = initialUrl;
    message.currentUrl = currentUrl;
    message.initiatorOrigin = pageOrigin;
    message.status = response.status;
    if (failure.check == CheckId::HeaderDisallowed)
        message.scriptHeaderName = scriptSpelling(failure.hint);
    finding.consoleMessage = consoleMessage(profile, failure, message);
    ExplanationContext explanation;
    explanation.stage = stage;
    explanation.serializedOrigin = serializedOrigin();
    explanation.pageOrigin = pageOrigin;
    explanation.method = method;
    explanation.credentials = request.credentials;
    explanation.status = response.status;
    explanation.originTainted = tainted;
    explainFailure(finding, failure, explanation);
    if (failure.check == CheckId::MethodDisallowed || failure.check == CheckId::HeaderDisallowed) {
        // The hint names what was refused; people need to see what the server actually allowed.
        const auto allowed = normalizedHeaderValue(response.headers, failure.header);
        finding.seen = allowed ? QString::fromLatin1(*allowed) : QStringLiteral("(absent)");
    }
    result.failure = finding;
    result.warnings += blockedResponseWarnings(finding, response, method);
    next = Next::Done;
}

void FetchSimulator::Private::finishNetworkError(const QString &code, const QString &detail, Stage stage)
{
    result.verdict = Verdict::NetworkError;
    if (!result.hops.isEmpty())
        result.hops.last().passed = false;
    const QString errorCode = code.isEmpty() ? QStringLiteral("net::ERR_FAILED") : code;
    Finding finding;
    finding.stage = stage;
    finding.check = CheckId::NetworkError;
    finding.seen = detail.isEmpty() ? errorCode : detail;
    finding.needed = QStringLiteral("an HTTP response");
    MessageContext message;
    message.stage = stage;
    message.initialUrl = initialUrl;
    message.currentUrl = currentUrl;
    message.initiatorOrigin = pageOrigin;
    message.networkError = errorCode;
    finding.consoleMessage = consoleMessage(profile, {CheckId::NetworkError, {}, {}, false}, message);
    finding.explanation = (detail.isEmpty() ? errorCode : detail)
                          + u" The browser reports a network error (fetch() rejects with \"TypeError: Failed to "
                            u"fetch\"); no CORS check was reached.";
    finding.fix = QStringLiteral("Check that the server is running, reachable at this URL, and answers with valid HTTP.");
    result.failure = finding;
    next = Next::Done;
}

} // namespace corscope
