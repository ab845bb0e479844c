#include "store/haranalysis.h"

#include "core/fetchsimulator.h"
#include "core/preflightcache.h"
#include "store/importedrequest.h"

#include <QSet>

namespace corscope {

namespace {
HttpResponse recordedResponse(const HarEntry &entry)
{
    HttpResponse response;
    response.status = entry.status;
    response.reasonPhrase = entry.statusText.toUtf8();
    for (const auto &[name, value] : entry.responseHeaders) {
        if (name.startsWith(u':')) // HTTP/2 pseudo-headers are not header fields
            continue;
        response.headers.append(name.toLatin1(), value.toUtf8());
    }
    response.body = entry.responseBody;
    response.url = QUrl(entry.url);
    return response;
}

// The recorded times of a hop: its start after the exchange's first entry (a preflight Chromium
// reported late can seem to start after its request), and its "time", all of it as waiting (the
// HAR's timings split it, but DevTools often puts nearly all of it under "wait").
HopTimings recordedTimings(const HarEntry &entry, std::optional<qint64> exchangeStartMs)
{
    HopTimings timings;
    if (entry.time < 0)
        return timings;
    timings.totalMs = entry.time;
    timings.waitMs = entry.time;
    const auto started = entry.startedMs();
    if (exchangeStartMs && started)
        timings.startMs = double(std::max<qint64>(0, *started - *exchangeStartMs));
    return timings;
}

// Appends a sentence to an exchange's note.
void addNote(QString &note, const QString &sentence)
{
    if (!note.isEmpty())
        note += u' ';
    note += sentence;
}

HopOutcome outcomeFor(const PendingHop &hop, const HarEntry *entry, const QString &missing,
                      std::optional<qint64> exchangeStartMs)
{
    HopOutcome outcome;
    outcome.sentRequest = hop.request;
    if (!entry) {
        outcome.networkError = QStringLiteral("net::ERR_FAILED");
        outcome.networkErrorDetail = missing;
        return outcome;
    }
    outcome.timings = recordedTimings(*entry, exchangeStartMs);
    if (entry->status <= 0) {
        outcome.networkError = entry->error.isEmpty() ? QStringLiteral("net::ERR_FAILED") : entry->error;
        outcome.networkErrorDetail = QStringLiteral("No response was recorded for this request.");
        return outcome;
    }
    outcome.response = recordedResponse(*entry);
    return outcome;
}

// Runs the engine over the recorded hops of `exchange` (its request, entry and preflight index set):
// the recorded preflight response for the preflight, the entry and its redirect continuations for the
// actual requests. Fills result, redirectChain and note.
void replay(const HarLog &har, const QList<int> &continuation, const BrowserProfile &profile,
            PreflightCache *cache, RecordedExchange *exchange)
{
    std::optional<qint64> exchangeStartMs;
    for (const int index : {exchange->entryIndex, exchange->preflightIndex}) {
        if (const auto started = index >= 0 ? har.entries.at(index).startedMs() : std::nullopt)
            exchangeStartMs = std::min(exchangeStartMs.value_or(*started), *started);
    }
    FetchSimulator simulator(exchange->request, profile, cache);
    bool preflightUsed = false;
    int actualCursor = exchange->entryIndex;
    bool firstActual = true;
    while (auto hop = simulator.nextHop()) {
        if (hop->kind == HopKind::Preflight) {
            const HarEntry *recorded = nullptr;
            if (!preflightUsed && exchange->preflightIndex >= 0)
                recorded = &har.entries.at(exchange->preflightIndex);
            preflightUsed = true;
            if (!recorded)
                exchange->note = QStringLiteral("The browser's preflight for this request is not in the HAR.");
            simulator.deliver(outcomeFor(*hop, recorded, exchange->note, exchangeStartMs));
            continue;
        }
        const HarEntry *recorded = nullptr;
        if (firstActual) {
            recorded = &har.entries.at(exchange->entryIndex);
            firstActual = false;
        } else if (actualCursor >= 0 && continuation.at(actualCursor) >= 0) {
            actualCursor = continuation.at(actualCursor);
            recorded = &har.entries.at(actualCursor);
            exchange->redirectChain.append(actualCursor);
        }
        if (!recorded)
            exchange->note = QStringLiteral("The request after a redirect is not in the HAR.");
        simulator.deliver(outcomeFor(*hop, recorded, exchange->note, exchangeStartMs));
    }
    exchange->result = simulator.result();
}

// A simple request whose response fails the CORS check, which the browser nevertheless loaded: the
// HAR records no failure on it or on any hop after it (DevTools writes "_error": null, or
// "net::ERR_ABORTED" when the page let go of an empty opaque response). A CORS-mode load that fails
// the check always ends in net::ERR_FAILED, so the page made it with mode: 'no-cors' (over plain
// http, Chromium sends no Sec-Fetch-Mode to say so).
bool loadedWithoutCors(const HarLog &har, const RecordedExchange &exchange)
{
    const ExchangeResult &result = exchange.result;
    if (result.verdict != Verdict::Blocked || result.preflightNeeded || !result.failure
        || result.failure->stage == Stage::Preflight)
        return false;
    QList<int> chain{exchange.entryIndex};
    chain.append(exchange.redirectChain);
    return std::all_of(chain.cbegin(), chain.cend(), [&har](int index) {
        const HarEntry &entry = har.entries.at(index);
        return entry.errorRecorded && entry.status > 0
            && (entry.error.isEmpty() || entry.error == u"net::ERR_ABORTED");
    });
}
} // namespace

QList<RecordedExchange> analyzeHar(const HarLog &har, const BrowserProfile &profile)
{
    QList<RecordedExchange> out;
    analyzeHar(har, profile, [&out](RecordedExchange &&exchange) { out.append(std::move(exchange)); });
    return out;
}

void analyzeHar(const HarLog &har, const BrowserProfile &profile,
                const std::function<void(RecordedExchange &&exchange)> &consume)
{
    qint64 nowMs = 0;
    PreflightCache cache([&nowMs] { return nowMs; });
    const QList<int> preflightOf = pairPreflights(har.entries);
    const QList<int> continuation = redirectContinuations(har.entries);
    QSet<int> followUps;
    for (const int next : continuation) {
        if (next >= 0)
            followUps.insert(next);
    }
    for (qsizetype i = 0; i < har.entries.size(); ++i) {
        const HarEntry &entry = har.entries.at(i);
        if (entry.isPreflight() || followUps.contains(int(i)))
            continue;
        const QUrl url(entry.url);
        if (!url.isValid() || (url.scheme() != u"http" && url.scheme() != u"https"))
            continue;
        // What Chromium made without CORS: navigations (even a form POST with an Origin header), and
        // subresources sent without Origin (<img>, <script>, <link> without crossorigin: "parser"
        // initiators with the page URL, which would otherwise pass for the page origin).
        if (entry.resourceType == u"document")
            continue;
        // The request mode as the browser sent it (Chromium, Firefox; absent on a request blocked at
        // its preflight, which was never sent): only "cors" is checked. A no-cors fetch() POST carries
        // Origin and is typed "fetch", yet the browser checks nothing.
        const QString mode = entry.requestHeader(u"sec-fetch-mode").trimmed();
        if (!mode.isEmpty() && mode.compare(u"cors", Qt::CaseInsensitive) != 0)
            continue;
        if (entry.requestHeader(u"origin").isEmpty() && preflightOf.at(i) < 0 && !entry.resourceType.isEmpty()
            && entry.resourceType != u"fetch" && entry.resourceType != u"xhr" && entry.resourceType != u"eventsource")
            continue;
        const QString originText = recordedPageOrigin(har.entries, int(i), preflightOf.at(i));
        if (originText.isEmpty())
            continue;
        const auto origin = Origin::parse(originText);
        if (!origin || origin->isSameOrigin(Origin::fromUrl(url)))
            continue;
        const auto started = entry.startedMs();
        if (started)
            nowMs = *started;

        RecordedExchange exchange;
        exchange.entryIndex = int(i);
        exchange.preflightIndex = preflightOf.at(i);
        FetchRequest &request = exchange.request;
        request.method = entry.method.toUtf8();
        request.url = url;
        request.origin = *origin;
        SavedRequest saved;
        adoptRecordedHeaders(entry.requestHeaders, &saved);
        if (exchange.preflightIndex >= 0) {
            // A value the HAR left out still made the header CORS-unsafe, as the preflight shows: "(" is
            // a CORS-unsafe byte, so the placeholder keeps even Accept or Content-Type unsafe.
            const QStringList valueless = adoptPreflightAskedHeaders(
                entry, har.entries.at(exchange.preflightIndex), &saved, QStringLiteral("(not in the HAR)"));
            if (!valueless.isEmpty())
                addNote(exchange.note, u"The HAR has no value for " + valueless.join(u", ") + u", which the "
                                       u"preflight shows the page sent: a sanitized export leaves such values out.");
        }
        for (const auto &[name, value] : std::as_const(saved.headers))
            request.headers.append(name.toLatin1(), value.toUtf8());
        request.credentials = saved.credentials == u"include" ? CredentialsMode::Include : CredentialsMode::SameOrigin;
        if (entry.requestBody)
            request.body = entry.requestBody->toUtf8();

        // A browser-recorded CORS failure (DevTools' response._error) of a response every check passes: the
        // request had credentials the HAR does not show, when its Cookie header was left out (Chrome's
        // sanitized export). It is judged again with credentials, if that is what fails.
        const bool failedInBrowser = entry.status > 0 && entry.error == u"net::ERR_FAILED"; // not ERR_ABORTED
        const bool mayHaveHiddenCredentials = failedInBrowser && request.credentials != CredentialsMode::Include;
        std::optional<PreflightCache> before;
        if (mayHaveHiddenCredentials)
            before = cache;
        const QString headerNote = exchange.note;
        replay(har, continuation, profile, &cache, &exchange);
        if (mayHaveHiddenCredentials && exchange.result.verdict == Verdict::Allowed) {
            RecordedExchange credentialed = exchange;
            credentialed.request.credentials = CredentialsMode::Include;
            credentialed.redirectChain.clear();
            credentialed.note = headerNote;
            replay(har, continuation, profile, &*before, &credentialed);
            if (credentialed.result.verdict != Verdict::Allowed) {
                addNote(credentialed.note, u"The browser failed this request (" + entry.error + u"), yet without "
                        u"credentials it passes every check: it was judged with credentials: 'include' (a sanitized "
                        u"HAR export leaves out the Cookie header that shows them).");
                exchange = std::move(credentialed);
                cache = std::move(*before);
            }
        }
        if (failedInBrowser && exchange.result.verdict == Verdict::Allowed) {
            addNote(exchange.note, u"The browser failed this request (" + entry.error + u"), yet what the HAR "
                    u"recorded passes every check: the cause is not in the HAR (a browser extension, a Private "
                    u"Network Access rule, a header the export left out).");
        }
        if (loadedWithoutCors(har, exchange))
            continue;
        if (started)
            exchange.result.startedAtMs = *started;
        consume(std::move(exchange));
    }
}

} // namespace corscope
