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

QTEST_GUILESS_MAIN(tst_ExchangeJson)
#include "tst_exchangejson.moc"
