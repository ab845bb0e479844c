// The JSON shape of an exchange (what `corscope check --format json` prints), from hand-built results.
#include "core/browserprofile.h"
#include "core/exchange.h"
#include "core/exchangejson.h"
#include "core/fetchrequest.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace corscope;
using namespace Qt::StringLiterals;

namespace {
const QUrl kUrl(QStringLiteral("http://api.test:8000/x"));

FetchRequest request(const QByteArray &method)
{
    FetchRequest r;
    r.method = method;
    r.url = kUrl;
    r.origin = Origin::fromUrl(QUrl(QStringLiteral("http://app.test:3000")));
    r.headers.append("X-Trace", "1");
    return r;
}

Hop actualHop(int status)
{
    Hop hop;
    hop.kind = HopKind::Actual;
    hop.request.method = "PUT";
    hop.request.url = kUrl;
    hop.request.headers = {{"Origin", "http://app.test:3000"}, {"X-Trace", "1"}};
    HttpResponse response;
    response.status = status;
    response.headers = {{"Access-Control-Allow-Origin", "*"}, {"Content-Type", "text/plain"}};
    hop.response = response;
    hop.timings.totalMs = 3.0;
    return hop;
}

Hop preflightHop(int status)
{
    Hop hop;
    hop.kind = HopKind::Preflight;
    hop.request.method = "OPTIONS";
    hop.request.url = kUrl;
    hop.request.headers = {{"Origin", "http://app.test:3000"},
                           {"Access-Control-Request-Method", "PUT"},
                           {"Access-Control-Request-Headers", "x-trace"}};
    HttpResponse response;
    response.status = status;
    response.headers = {{"Access-Control-Allow-Origin", "*"}, {"Access-Control-Allow-Methods", "PUT"}};
    hop.response = response;
    hop.timings.startMs = 0;
    hop.timings.totalMs = 12.5;
    return hop;
}

QString dump(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

void verifyHeaderPairs(const QJsonValue &value)
{
    QVERIFY2(value.isArray(), "headers must be an array of [name, value] pairs");
    for (const QJsonValue &pair : value.toArray()) {
        QVERIFY(pair.isArray());
        QCOMPARE(pair.toArray().size(), 2);
        QVERIFY(pair.toArray().at(0).isString());
        QVERIFY(pair.toArray().at(1).isString());
    }
}

Hop networkErrorHop()
{
    Hop hop;
    hop.kind = HopKind::Actual;
    hop.request.method = "GET";
    hop.request.url = kUrl;
    hop.request.headers = {{"Origin", "http://app.test:3000"}};
    hop.networkError = QStringLiteral("net::ERR_CONNECTION_REFUSED");
    hop.networkErrorDetail = QStringLiteral("Connection refused");
    hop.passed = false;
    hop.timings.startMs = 0;
    hop.timings.connectMs = 0.25;
    hop.timings.totalMs = 1.0 / 3.0; // written rounded to the microsecond
    return hop;
}

Finding finding(Stage stage, CheckId check, const QByteArray &header, int status)
{
    Finding f;
    f.stage = stage;
    f.check = check;
    f.header = header;
    f.status = status;
    f.seen = QStringLiteral("(absent)");
    f.needed = QStringLiteral("`*` or http://app.test:3000");
    f.explanation = QStringLiteral("The response has no `Access-Control-Allow-Origin`.");
    f.consoleMessage = QStringLiteral("Access to fetch at 'http://api.test:8000/x' has been blocked by CORS policy.");
    f.fix = QStringLiteral("Send `Access-Control-Allow-Origin: http://app.test:3000`.");
    return f;
}

QByteArray everyByte()
{
    QByteArray bytes;
    for (int i = 0; i < 256; ++i)
        bytes.append(char(i));
    return bytes;
}

bool hasPair(const QJsonArray &pairs, const QString &name, const QString &value)
{
    for (const QJsonValue &pair : pairs) {
        const QJsonArray p = pair.toArray();
        if (p.at(0).toString().compare(name, Qt::CaseInsensitive) == 0 && p.at(1).toString() == value)
            return true;
    }
    return false;
}
} // namespace

class tst_ExchangeJson : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void allowedWithoutPreflight();
    void blockedAtThePreflight();
    void warningsAndReadableHeaders();
    void everyHeaderListIsWrittenAsItIs();
    void readingBackWritesTheSameJson_data();
    void readingBackWritesTheSameJson();
    void readingBackGivesTheEngineTypes();
    void aBodyPastThePreviewKeepsItsSize();
    void whatIsNotAnExchangeIsRefusedWithAReason_data();
    void whatIsNotAnExchangeIsRefusedWithAReason();
};

void tst_ExchangeJson::allowedWithoutPreflight()
{
    ExchangeResult result;
    result.verdict = Verdict::Allowed;
    result.crossOrigin = true;
    result.hops = {actualHop(200)};
    result.readableHeaders = {"content-type"};
    result.reachedServer = true;

    const QJsonObject json = exchangeToJson(request("GET"), BrowserProfile::chromium(), result);
    QCOMPARE(json.value(u"verdict").toString(), QStringLiteral("allowed"));
    QVERIFY2(json.contains(u"failure") && json.value(u"failure").isNull(), qPrintable(dump(json)));
    QVERIFY2(json.contains(u"preflight") && json.value(u"preflight").isNull(), qPrintable(dump(json)));
    QVERIFY(json.value(u"hops").isArray());
    QCOMPARE(json.value(u"hops").toArray().size(), 1);
    QCOMPARE(json.value(u"readableHeaders").toArray(), QJsonArray{QStringLiteral("content-type")});
    QVERIFY(json.value(u"warnings").isArray());
    QCOMPARE(json.value(u"warnings").toArray().size(), 0);
    QVERIFY2(!json.contains(u"startedAt"), qPrintable(dump(json))); // never run live: no time to tell

    result.startedAtMs = QDateTime(QDate(2026, 11, 22), QTime(19, 5, 7, 42), Qt::UTC).toMSecsSinceEpoch();
    const QJsonObject timed = exchangeToJson(request("GET"), BrowserProfile::chromium(), result);
    QCOMPARE(timed.value(u"startedAt").toString(), QStringLiteral("2026-11-22T19:05:07.042Z"));
}

void tst_ExchangeJson::blockedAtThePreflight()
{
    ExchangeResult result;
    result.verdict = Verdict::Blocked;
    result.crossOrigin = true;
    result.preflightNeeded = true;
    result.preflightReasons = {PreflightReason::recorded(QStringLiteral("PUT is not a CORS-safelisted method."))};
    Hop preflight = preflightHop(404);
    preflight.passed = false;
    result.hops = {preflight};
    Finding failure;
    failure.stage = Stage::Preflight;
    failure.check = CheckId::PreflightInvalidStatus;
    failure.header = {};
    failure.status = 404;
    failure.explanation = QStringLiteral("The preflight answered 404; it must answer 2xx.");
    failure.consoleMessage = QStringLiteral(
        "Access to fetch at 'http://api.test:8000/x' from origin 'http://app.test:3000' has been blocked by CORS "
        "policy: Response to preflight request doesn't pass access control check: It does not have HTTP ok status.");
    result.failure = failure;

    const QJsonObject json = exchangeToJson(request("PUT"), BrowserProfile::chromium(), result);
    QCOMPARE(json.value(u"verdict").toString(), QStringLiteral("blocked"));

    const QJsonObject f = json.value(u"failure").toObject();
    QVERIFY2(!f.isEmpty(), qPrintable(dump(json)));
    QCOMPARE(f.value(u"stage").toString(), QStringLiteral("preflight"));
    QCOMPARE(f.value(u"check").toString(), QStringLiteral("preflight-invalid-status"));
    QVERIFY(f.contains(u"header"));
    QCOMPARE(f.value(u"message").toString(), failure.consoleMessage);
    QCOMPARE(f.value(u"explanation").toString(), failure.explanation);

    const QJsonObject p = json.value(u"preflight").toObject();
    QVERIFY2(!p.isEmpty(), qPrintable(dump(json)));
    QCOMPARE(p.value(u"sent").toBool(false), true);
    const QJsonObject sentRequest = p.value(u"request").toObject();
    QCOMPARE(sentRequest.value(u"method").toString(), QStringLiteral("OPTIONS"));
    QCOMPARE(sentRequest.value(u"url").toString(), QStringLiteral("http://api.test:8000/x"));
    verifyHeaderPairs(sentRequest.value(u"headers"));
    QVERIFY(hasPair(sentRequest.value(u"headers").toArray(), QStringLiteral("Access-Control-Request-Method"),
                    QStringLiteral("PUT")));
    QCOMPARE(sentRequest.value(u"headers").toArray().size(), 3);
    const QJsonObject response = p.value(u"response").toObject();
    QCOMPARE(response.value(u"status").toInt(), 404);
    verifyHeaderPairs(response.value(u"headers"));
    QVERIFY(hasPair(response.value(u"headers").toArray(), QStringLiteral("Access-Control-Allow-Methods"),
                    QStringLiteral("PUT")));
    QCOMPARE(p.value(u"timings").toObject().value(u"totalMs").toDouble(), 12.5);

    QCOMPARE(json.value(u"hops").toArray().size(), 1);
    QVERIFY(json.value(u"readableHeaders").isArray());
    QCOMPARE(json.value(u"readableHeaders").toArray().size(), 0);
}

void tst_ExchangeJson::warningsAndReadableHeaders()
{
    ExchangeResult result;
    result.verdict = Verdict::Allowed;
    result.crossOrigin = true;
    result.preflightNeeded = true;
    result.hops = {preflightHop(204), actualHop(200)};
    result.readableHeaders = {"cache-control", "content-type", "x-trace-id"};
    result.warnings = {{QStringLiteral("vary-origin-missing"), QStringLiteral("Add Vary: Origin."), {}},
                       {QStringLiteral("max-age-capped"), QStringLiteral("Chromium caps Max-Age at 7200 s."),
                        QByteArrayLiteral("Access-Control-Max-Age")}};

    const QJsonObject json = exchangeToJson(request("PUT"), BrowserProfile::chromium(), result);
    QCOMPARE(json.value(u"verdict").toString(), QStringLiteral("allowed"));
    QVERIFY(json.value(u"failure").isNull());
    QVERIFY(json.value(u"preflight").isObject());
    QCOMPARE(json.value(u"hops").toArray().size(), 2);
    const QJsonArray readable = json.value(u"readableHeaders").toArray();
    QCOMPARE(readable.size(), 3);
    QCOMPARE(readable.at(2).toString(), QStringLiteral("x-trace-id"));
    const QJsonArray warnings = json.value(u"warnings").toArray();
    QCOMPARE(warnings.size(), 2);
    QCOMPARE(warnings.at(0).toObject().value(u"check").toString(), QStringLiteral("vary-origin-missing"));
    QCOMPARE(warnings.at(0).toObject().value(u"message").toString(), QStringLiteral("Add Vary: Origin."));
    QCOMPARE(warnings.at(1).toObject().value(u"check").toString(), QStringLiteral("max-age-capped"));
}

// exchangeToJson keeps the JSON of recent header lists: lists that differ only in the case of a name,
// in one byte of a value or in order, the empty list, and more distinct lists than it keeps (so that
// some are evicted and built again) must each come out exactly as they are.
void tst_ExchangeJson::everyHeaderListIsWrittenAsItIs()
{
    QList<HeaderList> variants;
    for (int i = 0; i < 20; ++i)
        variants.append(HeaderList{{"Access-Control-Allow-Origin", "*"}, {"X-Variant", QByteArray::number(i)}});
    variants.append(HeaderList{{"Access-Control-Allow-Origin", "*"}, {"x-variant", "0"}});
    variants.append(HeaderList{{"X-Variant", "0"}, {"Access-Control-Allow-Origin", "*"}});
    variants.append(HeaderList{{"Access-Control-Allow-Origin", "*"}, {"X-Variant", "\xc3\xa9"}});
    variants.append(HeaderList());
    for (int round = 0; round < 3; ++round) {
        for (qsizetype i = 0; i < variants.size(); ++i) {
            const HeaderList &headers = variants.at((i * 7 + round) % variants.size());
            Hop hop = actualHop(200);
            hop.response->headers = headers;
            ExchangeResult result;
            result.verdict = Verdict::Allowed;
            result.hops = {hop};
            const QJsonObject json = exchangeToJson(request("GET"), BrowserProfile::chromium(), result);
            QJsonArray expected;
            for (const HeaderField &field : headers)
                expected.append(QJsonArray{QString::fromUtf8(field.name), QString::fromUtf8(field.value)});
            const QJsonValue written = json[u"hops"][0][u"response"][u"headers"];
            QCOMPARE(written.toArray(), expected);
        }
    }
}

// Every kind of exchange the engine produces: write it, read it back, write it again: the same JSON.
void tst_ExchangeJson::readingBackWritesTheSameJson_data()
{
    QTest::addColumn<FetchRequest>("request");
    QTest::addColumn<BrowserProfile>("profile");
    QTest::addColumn<ExchangeResult>("result");

    ExchangeResult simple;
    simple.verdict = Verdict::Allowed;
    simple.crossOrigin = true;
    simple.hops = {actualHop(200)};
    simple.readableHeaders = {"content-type"};
    simple.reachedServer = true;
    QTest::newRow("an allowed GET without preflight") << request("GET") << BrowserProfile::chromium() << simple;

    ExchangeResult timed = simple;
    timed.startedAtMs = QDateTime(QDate(2026, 11, 22), QTime(19, 5, 7, 42), Qt::UTC).toMSecsSinceEpoch();
    timed.hops.first().timings = {0.5, 1.25, 2.0004, 0.1, 3.85};
    QTest::newRow("a timed exchange keeps its start and its hop timings") << request("GET") << BrowserProfile::firefox()
                                                                          << timed;

    ExchangeResult blocked;
    blocked.verdict = Verdict::Blocked;
    blocked.crossOrigin = true;
    blocked.preflightNeeded = true;
    blocked.preflightReasons = {PreflightReason{PreflightReason::Kind::UnsafeMethod, "PUT", {}, 0, {}},
                                PreflightReason{PreflightReason::Kind::UnsafeHeaderName, "X-Trace", {}, 0, {}}};
    Hop failedPreflight = preflightHop(404);
    failedPreflight.passed = false;
    blocked.hops = {failedPreflight};
    blocked.failure = finding(Stage::Preflight, CheckId::PreflightInvalidStatus, {}, 404);
    QTest::newRow("a PUT blocked at the preflight") << request("PUT") << BrowserProfile::safari() << blocked;

    ExchangeResult warned;
    warned.verdict = Verdict::Allowed;
    warned.crossOrigin = true;
    warned.preflightNeeded = true;
    warned.hops = {preflightHop(204), actualHop(200)};
    warned.readableHeaders = {"cache-control", "x-trace-id"};
    warned.warnings = {{QStringLiteral("vary-origin-missing"), QStringLiteral("Add Vary: Origin."), {}},
                       {QStringLiteral("max-age-capped"), QStringLiteral("Capped at 7200 s."), "Access-Control-Max-Age"}};
    warned.reachedServer = true;
    QTest::newRow("an allowed PUT after a preflight, with warnings") << request("PUT") << BrowserProfile::chromium()
                                                                     << warned;

    ExchangeResult cached = warned;
    cached.preflightFromCache = true;
    cached.hops = {actualHop(200)};
    QTest::newRow("a preflight answered from the cache") << request("PUT") << BrowserProfile::chromium() << cached;

    FetchRequest withCredentials = request("GET");
    withCredentials.credentials = CredentialsMode::Include;
    withCredentials.redirect = RedirectMode::Manual;
    ExchangeResult redirected;
    redirected.verdict = Verdict::Blocked;
    redirected.crossOrigin = true;
    Hop moved = actualHop(302);
    moved.response->reasonPhrase = "Found";
    moved.response->headers.append("Location", "http://other.test/y?q=%C3%A9");
    Hop second = actualHop(200);
    second.request.url = QUrl(QStringLiteral("http://other.test/y?q=%C3%A9"));
    second.request.headers = {{"Origin", "null"}, {"Cookie", "a=b"}};
    second.passed = false;
    redirected.hops = {moved, second};
    redirected.failure = finding(Stage::Actual, CheckId::WildcardOriginWithCredentials, "Access-Control-Allow-Origin", 200);
    redirected.reachedServer = true;
    QTest::newRow("a redirect followed with credentials, then blocked") << withCredentials << BrowserProfile::firefox()
                                                                        << redirected;

    ExchangeResult refused;
    refused.verdict = Verdict::NetworkError;
    refused.crossOrigin = true;
    refused.hops = {networkErrorHop()};
    refused.failure = finding(Stage::Actual, CheckId::NetworkError, {}, 0);
    QTest::newRow("a refused connection") << request("GET") << BrowserProfile::chromium() << refused;

    FetchRequest posted = request("POST");
    posted.headers = {{"Content-Type", "application/json"}, {"X-Name", "caf\xc3\xa9"}};
    posted.body = "{\"name\":\"caf\xc3\xa9\"}";
    ExchangeResult withBodies = simple;
    withBodies.hops.first().request.body = posted.body;
    withBodies.hops.first().response->body = "{\"ok\":true}\n";
    QTest::newRow("text bodies and a non-ASCII header value") << posted << BrowserProfile::chromium() << withBodies;

    FetchRequest binary = request("POST");
    binary.body = everyByte();
    ExchangeResult binaryBodies = simple;
    binaryBodies.hops.first().request.body = everyByte();
    binaryBodies.hops.first().response->body = everyByte() + everyByte();
    QTest::newRow("binary bodies") << binary << BrowserProfile::chromium() << binaryBodies;

    FetchRequest large = request("POST");
    large.body = QByteArray(40 * 1024, 'a');
    ExchangeResult largeBodies = simple;
    largeBodies.hops.first().request.body = large.body;
    largeBodies.hops.first().response->body = QByteArray(100 * 1024, 'b');
    largeBodies.hops.first().response->bodyTruncated = true;
    QTest::newRow("bodies past the 16 KiB preview") << large << BrowserProfile::chromium() << largeBodies;

    FetchRequest opaque = request("GET");
    opaque.origin = Origin::opaque();
    opaque.credentials = CredentialsMode::Omit;
    opaque.redirect = RedirectMode::Error;
    QTest::newRow("a page with an opaque origin") << opaque << BrowserProfile::chromium() << simple;

    ExchangeResult nothingSent;
    nothingSent.verdict = Verdict::Blocked;
    nothingSent.crossOrigin = true;
    nothingSent.failure = finding(Stage::Actual, CheckId::Other, {}, 0);
    QTest::newRow("nothing sent") << request("GET") << BrowserProfile::chromium() << nothingSent;
}

void tst_ExchangeJson::readingBackWritesTheSameJson()
{
    QFETCH(FetchRequest, request);
    QFETCH(BrowserProfile, profile);
    QFETCH(ExchangeResult, result);
    const QJsonObject written = exchangeToJson(request, profile, result);
    const ExchangeOrError read = exchangeFromJson(written);
    QVERIFY2(read.exchange, qPrintable(read.error));
    QVERIFY(read.error.isEmpty());
    const QJsonObject again = exchangeToJson(read.exchange->request, read.exchange->profile, read.exchange->result);
    QCOMPARE(dump(again), dump(written));
    // And once more from the second writing: reading is not a one-off.
    const ExchangeOrError twice = exchangeFromJson(again);
    QVERIFY2(twice.exchange, qPrintable(twice.error));
    QCOMPARE(dump(exchangeToJson(twice.exchange->request, twice.exchange->profile, twice.exchange->result)),
             dump(written));
}

void tst_ExchangeJson::readingBackGivesTheEngineTypes()
{
    FetchRequest asked = request("PUT");
    asked.credentials = CredentialsMode::Include;
    asked.body = "{\"a\":1}";
    ExchangeResult result;
    result.verdict = Verdict::Blocked;
    result.crossOrigin = true;
    result.preflightNeeded = true;
    result.preflightReasons = {PreflightReason{PreflightReason::Kind::UnsafeMethod, "PUT", {}, 0, {}}};
    Hop preflight = preflightHop(204);
    Hop actual = actualHop(200);
    actual.passed = false;
    actual.timings.startMs = 13.5;
    actual.response->body = "{\"ok\":true}";
    result.hops = {preflight, actual};
    result.failure = finding(Stage::Actual, CheckId::MissingAllowOrigin, "Access-Control-Allow-Origin", 200);
    result.warnings = {{QStringLiteral("vary-origin-missing"), QStringLiteral("No Vary"), "Vary"}};
    result.readableHeaders = {"content-type"};
    result.reachedServer = true;

    const ExchangeOrError read = exchangeFromJson(exchangeToJson(asked, BrowserProfile::firefox(), result));
    QVERIFY2(read.exchange, qPrintable(read.error));
    const JudgedExchange &e = *read.exchange;
    QCOMPARE(e.profile.browser, Browser::Firefox);
    QCOMPARE(e.profile.displayName, BrowserProfile::firefox().displayName);
    QCOMPARE(e.request.method, QByteArray("PUT"));
    QCOMPARE(e.request.url, kUrl);
    QCOMPARE(e.request.origin.serialize(), QByteArray("http://app.test:3000"));
    QCOMPARE(e.request.credentials, CredentialsMode::Include);
    QCOMPARE(e.request.redirect, RedirectMode::Follow);
    QCOMPARE(e.request.headers, asked.headers);
    QCOMPARE(e.request.body, asked.body);
    QCOMPARE(e.result.verdict, Verdict::Blocked);
    QVERIFY(e.result.crossOrigin);
    QVERIFY(e.result.preflightNeeded);
    QVERIFY(!e.result.preflightFromCache);
    QVERIFY(e.result.reachedServer);
    QCOMPARE(preflightReasonTexts(e.result.preflightReasons), preflightReasonTexts(result.preflightReasons));
    QVERIFY(e.result.failure);
    QCOMPARE(e.result.failure->stage, Stage::Actual);
    QCOMPARE(e.result.failure->check, CheckId::MissingAllowOrigin);
    QCOMPARE(e.result.failure->header, QByteArray("Access-Control-Allow-Origin"));
    QCOMPARE(e.result.failure->status, 200);
    QCOMPARE(e.result.failure->fix, result.failure->fix);
    QCOMPARE(e.result.failure->consoleMessage, result.failure->consoleMessage);
    QCOMPARE(e.result.hops.size(), 2);
    QCOMPARE(e.result.hops.at(0).kind, HopKind::Preflight);
    QCOMPARE(e.result.hops.at(0).request.headers, preflight.request.headers);
    QCOMPARE(e.result.hops.at(0).response->headers, preflight.response->headers);
    QCOMPARE(e.result.hops.at(1).kind, HopKind::Actual);
    QCOMPARE(e.result.hops.at(1).passed, false);
    QCOMPARE(e.result.hops.at(1).timings.startMs, 13.5);
    QCOMPARE(e.result.hops.at(1).response->status, 200);
    QCOMPARE(e.result.hops.at(1).response->body, QByteArray("{\"ok\":true}"));
    QCOMPARE(e.result.hops.at(1).response->bodySize(), qint64(11));
    QCOMPARE(e.result.hops.at(1).response->url, kUrl);
    QCOMPARE(e.result.warnings.size(), 1);
    QCOMPARE(e.result.warnings.first().header, QByteArray("Vary"));
    QCOMPARE(e.result.readableHeaders, QList<QByteArray>{"content-type"});
    QCOMPARE(e.result.startedAtMs, qint64(-1));

    // A blocked preflight: the request never reached the server.
    result.hops = {preflight};
    const ExchangeOrError unsent = exchangeFromJson(exchangeToJson(asked, BrowserProfile::firefox(), result));
    QVERIFY2(unsent.exchange, qPrintable(unsent.error));
    QVERIFY(!unsent.exchange->result.reachedServer);
}

void tst_ExchangeJson::aBodyPastThePreviewKeepsItsSize()
{
    ExchangeResult result;
    result.hops = {actualHop(200)};
    result.hops.first().response->body = QByteArray(20000, 'x');
    const ExchangeOrError read = exchangeFromJson(exchangeToJson(request("GET"), BrowserProfile::chromium(), result));
    QVERIFY2(read.exchange, qPrintable(read.error));
    const HttpResponse &response = *read.exchange->result.hops.first().response;
    QCOMPARE(response.body.size(), qsizetype(16 * 1024));
    QCOMPARE(response.bodySize(), qint64(20000));
}

void tst_ExchangeJson::whatIsNotAnExchangeIsRefusedWithAReason_data()
{
    QTest::addColumn<QString>("path"); // "key" or "key/key" of the value to replace
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<QString>("reason");

    const QJsonValue none(QJsonValue::Undefined);
    QTest::newRow("no request") << u"request"_s << none << u"not a corscope result"_s;
    QTest::newRow("no verdict") << u"verdict"_s << none << u"not a corscope result"_s;
    QTest::newRow("hops that are not a list") << u"hops"_s << QJsonValue(3) << u"not a corscope result"_s;
    QTest::newRow("an unknown verdict") << u"verdict"_s << QJsonValue(u"maybe"_s) << u"verdict"_s;
    QTest::newRow("an unknown browser") << u"browser"_s << QJsonValue(u"netscape"_s) << u"netscape"_s;
    QTest::newRow("an unknown credentials mode") << u"request/credentials"_s << QJsonValue(u"all"_s)
                                                 << u"credentials"_s;
    QTest::newRow("a request without URL") << u"request/url"_s << none << u"URL"_s;
    QTest::newRow("a page origin with a path") << u"request/origin"_s << QJsonValue(u"http://app.test/x"_s)
                                               << u"origin"_s;
    QTest::newRow("a header that is not a pair") << u"request/headers"_s << QJsonValue(QJsonArray{QJsonArray{u"a"_s}})
                                                 << u"pair"_s;
    QTest::newRow("an unknown hop kind") << u"hops"_s
                                         << QJsonValue(QJsonArray{QJsonObject{{u"kind"_s, u"teleport"_s}}})
                                         << u"teleport"_s;
    QTest::newRow("a failure with an unknown check")
        << u"failure"_s << QJsonValue(QJsonObject{{u"stage"_s, u"actual"_s}, {u"check"_s, u"vibes"_s}})
        << u"unknown stage or check"_s;
    QTest::newRow("a start that is not a time") << u"startedAt"_s << QJsonValue(u"yesterday"_s) << u"startedAt"_s;
}

void tst_ExchangeJson::whatIsNotAnExchangeIsRefusedWithAReason()
{
    QFETCH(QString, path);
    QFETCH(QJsonValue, value);
    QFETCH(QString, reason);
    ExchangeResult result;
    result.verdict = Verdict::Allowed;
    result.hops = {actualHop(200)};
    QJsonObject json = exchangeToJson(request("GET"), BrowserProfile::chromium(), result);
    QVERIFY(exchangeFromJson(json).exchange); // the unspoilt object is read
    const QStringList keys = path.split(u'/');
    if (keys.size() == 1) {
        json.remove(keys.first());
        if (!value.isUndefined())
            json.insert(keys.first(), value);
    } else {
        QJsonObject inner = json.value(keys.first()).toObject();
        inner.remove(keys.last());
        if (!value.isUndefined())
            inner.insert(keys.last(), value);
        json.insert(keys.first(), inner);
    }
    const ExchangeOrError read = exchangeFromJson(json);
    QVERIFY2(!read.exchange, qPrintable(dump(json)));
    QVERIFY2(read.error.contains(reason), qPrintable(read.error));
}

QTEST_GUILESS_MAIN(tst_ExchangeJson)
#include "tst_exchangejson.moc"
