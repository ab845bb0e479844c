// Evaluations per second of the CORS engine, without I/O: a FetchSimulator driven through its
// nextHop()/deliver() loop with canned responses (the whole fetch() simulation), the CORS
// evaluation of the same request, and decidePreflight() alone.
// Figures only: a benchmark never passes or fails (the verdict check below only guards against
// measuring the wrong path).
#include "core/browserprofile.h"
#include "core/exchange.h"
#include "core/exchangejson.h"
#include "core/fetchrequest.h"
#include "core/fetchsimulator.h"
#include "core/accesscheck.h"
#include "core/exposedheaders.h"
#include "core/preflightdecision.h"
#include "core/preflightevaluation.h"
#include "core/responsewarnings.h"
#include "core/scriptheaders.h"

#include <QUrl>
#include <benchmark/benchmark.h>

#include <QJsonDocument>

using namespace corscope;

namespace {

// PUT http://api.test:8000/items/1 from http://app.test:3000, JSON body type and a bearer token,
// credentials included: a preflighted, credentialed request.
FetchRequest typicalRequest()
{
    FetchRequest request;
    request.method = QByteArrayLiteral("PUT");
    request.url = QUrl(QStringLiteral("http://api.test:8000/items/1"));
    request.headers.append(QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json"));
    request.headers.append(QByteArrayLiteral("Authorization"), QByteArrayLiteral("Bearer x"));
    request.body = QByteArrayLiteral("{\"name\":\"x\"}");
    request.origin = Origin::fromUrl(QUrl(QStringLiteral("http://app.test:3000")));
    request.credentials = CredentialsMode::Include;
    return request;
}

HttpResponse preflightResponse(const QByteArray &allowHeaders)
{
    HttpResponse response;
    response.status = 204;
    response.reasonPhrase = QByteArrayLiteral("No Content");
    response.url = QUrl(QStringLiteral("http://api.test:8000/items/1"));
    HeaderList &h = response.headers;
    h.append(QByteArrayLiteral("Access-Control-Allow-Origin"), QByteArrayLiteral("http://app.test:3000"));
    h.append(QByteArrayLiteral("Access-Control-Allow-Credentials"), QByteArrayLiteral("true"));
    h.append(QByteArrayLiteral("Access-Control-Allow-Methods"), QByteArrayLiteral("GET, PUT, DELETE"));
    h.append(QByteArrayLiteral("Access-Control-Allow-Headers"), allowHeaders);
    h.append(QByteArrayLiteral("Access-Control-Max-Age"), QByteArrayLiteral("600"));
    h.append(QByteArrayLiteral("Vary"), QByteArrayLiteral("Origin"));
    h.append(QByteArrayLiteral("Content-Length"), QByteArrayLiteral("0"));
    return response;
}

HttpResponse actualResponse()
{
    HttpResponse response;
    response.status = 200;
    response.reasonPhrase = QByteArrayLiteral("OK");
    response.url = QUrl(QStringLiteral("http://api.test:8000/items/1"));
    HeaderList &h = response.headers;
    h.append(QByteArrayLiteral("Access-Control-Allow-Origin"), QByteArrayLiteral("http://app.test:3000"));
    h.append(QByteArrayLiteral("Access-Control-Allow-Credentials"), QByteArrayLiteral("true"));
    h.append(QByteArrayLiteral("Vary"), QByteArrayLiteral("Origin"));
    h.append(QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json"));
    h.append(QByteArrayLiteral("Access-Control-Expose-Headers"), QByteArrayLiteral("ETag, X-Request-Id"));
    h.append(QByteArrayLiteral("ETag"), QByteArrayLiteral("\"v2\""));
    h.append(QByteArrayLiteral("X-Request-Id"), QByteArrayLiteral("42"));
    h.append(QByteArrayLiteral("Content-Length"), QByteArrayLiteral("13"));
    response.body = QByteArrayLiteral("{\"name\":\"x\"}\n");
    return response;
}

// One complete evaluation: construct, then answer every hop the simulator asks for with the canned
// response of its kind, as the runner would (minus the network), until the verdict.
const ExchangeResult &evaluate(FetchSimulator &sim, const HttpResponse &preflight, const HttpResponse &actual)
{
    while (auto hop = sim.nextHop()) {
        HopOutcome outcome;
        outcome.response = hop->kind == HopKind::Preflight ? preflight : actual;
        outcome.sentRequest = std::move(hop->request);
        sim.deliver(std::move(outcome));
    }
    return sim.result();
}

void runExchange(
    benchmark::State &state, const HttpResponse &preflight, Verdict expected, qsizetype expectedHops)
{
    const FetchRequest request = typicalRequest();
    const BrowserProfile profile = BrowserProfile::chromium();
    const HttpResponse actual = actualResponse();
    {
        FetchSimulator sim(request, profile, nullptr);
        const ExchangeResult &result = evaluate(sim, preflight, actual);
        if (result.verdict != expected || result.hops.size() != expectedHops) {
            state.SkipWithError("the canned exchange does not end as this benchmark assumes");
            return;
        }
    }
    for (auto _ : state) {
        FetchSimulator sim(request, profile, nullptr);
        const ExchangeResult &result = evaluate(sim, preflight, actual);
        benchmark::DoNotOptimize(result.verdict);
    }
    state.SetItemsProcessed(state.iterations());
}

void BM_PreflightedExchangeAllowed(benchmark::State &state)
{
    runExchange(
        state, preflightResponse(QByteArrayLiteral("content-type, authorization")), Verdict::Allowed, 2);
}
BENCHMARK(BM_PreflightedExchangeAllowed);

void BM_PreflightedExchangeBlockedHeader(benchmark::State &state)
{
    // Authorization is not in ACAH: the preflight fails, the actual request is never sent.
    runExchange(state, preflightResponse(QByteArrayLiteral("content-type")), Verdict::Blocked, 1);
}
BENCHMARK(BM_PreflightedExchangeBlockedHeader);

void BM_DecidePreflight(benchmark::State &state)
{
    const FetchRequest request = typicalRequest();
    const BrowserProfile profile = BrowserProfile::chromium();
    const QByteArray method = normalizeMethod(request.method);
    if (!decidePreflight(method, request.headers, profile).needed) {
        state.SkipWithError("this request should need a preflight");
        return;
    }
    for (auto _ : state) {
        PreflightDecision decision = decidePreflight(method, request.headers, profile);
        benchmark::DoNotOptimize(decision.needed);
    }
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_DecidePreflight);

// The CORS evaluation of a typical preflighted request, from the script's request to the findings:
// method normalization, the headers fetch() sends, the preflight decision (with its reasons), the
// preflight response's validation, the CORS check on the actual response, the headers JavaScript
// can read and the warnings on both responses. What it leaves to the simulation above: writing
// out the two requests header by header for the network, and keeping the hop record.
void BM_EvaluatePreflightedRequest(benchmark::State &state)
{
    const FetchRequest request = typicalRequest();
    const BrowserProfile profile = BrowserProfile::chromium();
    const HttpResponse preflight = preflightResponse(QByteArrayLiteral("content-type, authorization"));
    const HttpResponse actual = actualResponse();
    const QByteArray origin = request.origin.serialize();
    auto evaluateOnce = [&] {
        const QByteArray method = normalizeMethod(request.method);
        const PreflightDecision decision = decidePreflight(method, scriptHeadersAsSent(request, profile), profile);
        const PreflightQuestion question{origin, method, decision.unsafeHeaderNames, true};
        const auto grant = evaluatePreflightResponse(preflight, question, profile);
        const auto *granted = std::get_if<PreflightGrant>(&grant);
        const bool allowed = decision.needed && granted && !checkAccess(actual.headers, origin, true, profile);
        QList<Warning> warnings;
        if (granted)
            warnings = preflightWarnings(*granted, profile) + actualResponseWarnings(actual, origin, true);
        return std::make_tuple(allowed, readableResponseHeaders(actual.headers, true), warnings);
    };
    if (!std::get<0>(evaluateOnce()) || std::get<1>(evaluateOnce()).size() != 4) {
        state.SkipWithError("the canned responses should pass with four readable headers");
        return;
    }
    for (auto _ : state) {
        auto outcome = evaluateOnce();
        benchmark::DoNotOptimize(outcome);
    }
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_EvaluatePreflightedRequest);

// Finished exchanges for the JSON benchmarks. With fresh headers, every header list of every
// exchange is new (an `X-Request-Id` differs), as when every response carries its own Date or id;
// otherwise all are the same exchange, as in a run where one server answers alike each time.
QList<ExchangeResult> finishedExchanges(const FetchRequest &request, const BrowserProfile &profile, bool freshHeaders)
{
    QList<ExchangeResult> results;
    for (int i = 0; i < 64; ++i) {
        FetchSimulator sim(request, profile, nullptr);
        ExchangeResult result
            = evaluate(sim, preflightResponse(QByteArrayLiteral("content-type, authorization")), actualResponse());
        if (freshHeaders) {
            for (Hop &hop : result.hops) {
                hop.request.headers.append("X-Request-Id", QByteArray::number(i));
                hop.response->headers.append("X-Request-Id", QByteArray::number(i));
            }
        }
        results.append(result);
    }
    return results;
}

// The JSON object of one finished exchange (what `check --format json`, `run` and `analyze` print),
// before serialization: two hops with their headers, the finding, the readable headers.
// Argument: 1 = every header list is new, 0 = header lists repeat.
void BM_ExchangeToJson(benchmark::State &state)
{
    const FetchRequest request = typicalRequest();
    const BrowserProfile profile = BrowserProfile::chromium();
    const QList<ExchangeResult> results = finishedExchanges(request, profile, state.range(0) == 1);
    qsizetype i = 0;
    for (auto _ : state) {
        QJsonObject object = exchangeToJson(request, profile, results.at(i++ % results.size()));
        benchmark::DoNotOptimize(object);
    }
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_ExchangeToJson)->ArgName("freshHeaders")->Arg(1)->Arg(0);

// The same object written out as the indented text the CLI prints (about 8 KB): what each exchange
// of `corscope run` or `analyze --format json` costs on top of the evaluation.
void BM_ExchangeToJsonText(benchmark::State &state)
{
    const FetchRequest request = typicalRequest();
    const BrowserProfile profile = BrowserProfile::chromium();
    const QList<ExchangeResult> results = finishedExchanges(request, profile, state.range(0) == 1);
    qsizetype bytes = 0;
    qsizetype i = 0;
    for (auto _ : state) {
        const QJsonObject object = exchangeToJson(request, profile, results.at(i++ % results.size()));
        const QByteArray text = QJsonDocument(object).toJson(QJsonDocument::Indented);
        bytes += text.size();
        benchmark::DoNotOptimize(text.data());
    }
    state.SetItemsProcessed(state.iterations());
    state.SetBytesProcessed(bytes);
}
BENCHMARK(BM_ExchangeToJsonText)->ArgName("freshHeaders")->Arg(1)->Arg(0);

} // namespace

BENCHMARK_MAIN();
