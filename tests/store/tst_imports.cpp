// Imports of browser-copied cURL (every dialect), DevTools HAR and Postman v2.1; recorded-HAR
// analysis; malformed and truncated inputs; the curl export.
#include "core/browserprofile.h"
#include "store/curlexport.h"
#include "store/curlimport.h"
#include "store/haranalysis.h"
#include "store/harimport.h"
#include "store/importer.h"

#include <QDateTime>
#include <QFile>
#include <QStandardPaths>
#include <QTest>
#include <QTime>
#include <QUrl>

using namespace corscope;
using namespace Qt::StringLiterals;

namespace {
QByteArray readData(const QString &name)
{
    QFile file(QStringLiteral(DATA_DIR "/") + name);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(file.fileName()));
    return file.readAll();
}

QString header(const SavedRequest &request, const QString &name)
{
    for (const auto &[key, value] : request.headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return u"(absent)"_s;
}
} // namespace

class tst_Imports final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void browserCurlDialects_data();
    void browserCurlDialects();
    void severalCommandsInOneInput_data();
    void severalCommandsInOneInput();
    void brokenInputsAreRefusedClearly_data();
    void brokenInputsAreRefusedClearly();
    void harEntriesBecomeItemsWithPreflightsPaired();
    void recordedHarIsAnalyzedWithoutSending();
    void realChromiumHarPairsPreflightsInEitherOrder_data();
    void realChromiumHarPairsPreflightsInEitherOrder();
    void aLaterPreflightPairsWithTheRequestInFlight_data();
    void onlyCorsRequestsAreAnalyzed_data();
    void onlyCorsRequestsAreAnalyzed();
    void aLaterPreflightPairsWithTheRequestInFlight();
    void aPreflightReportedAfterItsRequestEndedStillPairs_data();
    void aPreflightReportedAfterItsRequestEndedStillPairs();
    void aSanitizedHarKeepsTheAuthorizationThePreflightAskedFor();
    void onlyACorsFailureIsJudgedAgainWithCredentials_data();
    void onlyACorsFailureIsJudgedAgainWithCredentials();
    void aFailureTheHarCannotExplainIsSaid();
    void recordedHopsKeepTheirTimes();
    void sanitizedChromiumHarKeepsEveryVerdict();
    void aRequestBlockedAtItsPreflightTakesALaterOne_data();
    void aRequestBlockedAtItsPreflightTakesALaterOne();
    void postmanFoldersVariablesAndBodies();
    void exportedCurlReproducesThePreflight();
    void copyAsCurlPastedBackIsTheRequest();
    void preflightCommandsThatAreNotFollowedByTheirRequestStay_data();
    void preflightCommandsThatAreNotFollowedByTheirRequestStay();
    void looksLikeCurlSkipsComments_data();
    void looksLikeCurlSkipsComments();
};

void tst_Imports::browserCurlDialects_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("method");
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("origin");
    QTest::addColumn<QString>("contentType");
    QTest::addColumn<QString>("body");
    QTest::addColumn<QString>("credentials");
    QTest::newRow("Chrome bash: $'...' body with \\u escape and \\' kept exactly")
        << u"chrome-bash.txt"_s << u"POST"_s << u"https://api.example.com/v1/items?x=1"_s << u"http://localhost:3000"_s
        << u"application/json"_s << u"{\"name\":\"café\",\"q\":\"it's\"}"_s << u"include"_s;
    QTest::newRow("Chrome cmd: ^\" quoting, ^ continuations, ^& and \\^\" inside the body")
        << u"chrome-cmd.txt"_s << u"POST"_s << u"https://api.example.com/v1/items?x=1&y=2"_s
        << u"http://localhost:3000"_s << u"application/json"_s << u"{\"name\":\"a b\",\"pct\":\"100%\"}"_s
        << u"same-origin"_s;
    QTest::newRow("Firefox POSIX: -X PUT with a body, $'\\n' newline, Cookie header makes credentials include")
        << u"firefox-posix.txt"_s << u"PUT"_s << u"https://api.example.com/v1/items/7"_s << u"https://app.example.com"_s
        << u"application/json"_s << u"{\"note\":\"line1\\nline2\",\"who\":\"O'Brien\"}"_s << u"include"_s;
    QTest::newRow("Firefox Windows: curl.exe, ^\" quoting and a newline written as ^ plus two line breaks")
        << u"firefox-windows.txt"_s << u"PUT"_s << u"https://api.example.com/v1/items/7"_s << u"https://app.example.com"_s
        << u"application/json"_s << u"{\"note\":\"line1\nline2\",\"who\":\"O'Brien\"}"_s << u"include"_s;
}

void tst_Imports::browserCurlDialects()
{
    QFETCH(QString, file);
    QString error;
    const auto result = importData(readData(file), &error);
    QVERIFY2(result, qPrintable(error));
    QCOMPARE(result->collection.items.size(), size_t(1));
    const SavedRequest &request = result->collection.items[0].request;
    QTEST(request.method, "method");
    QTEST(request.url, "url");
    QTEST(request.origins.value(0), "origin");
    QTEST(header(request, u"content-type"_s), "contentType");
    QTEST(request.body.value_or(u"(none)"_s), "body");
    QTEST(request.credentials, "credentials");
    // What the browser added is not the script's: left out.
    for (const QString &name : {u"origin"_s, u"referer"_s, u"cookie"_s, u"user-agent"_s, u"sec-fetch-mode"_s,
                                u"accept-language"_s, u"accept-encoding"_s, u"connection"_s, u"priority"_s})
        QCOMPARE(header(request, name), u"(absent)"_s);
    QVERIFY(!QString::fromUtf8(readData(file)).contains(u"sid=1") || result->warnings.join(u' ').contains(u"Cookie"));
}

void tst_Imports::severalCommandsInOneInput_data()
{
    QTest::addColumn<QString>("file");
    QTest::newRow("bash commands separated by ; and a comment") << u"multi-bash.txt"_s;
    QTest::newRow("cmd commands separated by ^& (Chrome's copy all as cURL (cmd))") << u"chrome-cmd-multi.txt"_s;
}

void tst_Imports::severalCommandsInOneInput()
{
    QFETCH(QString, file);
    QString error;
    const auto result = importData(readData(file), &error);
    QVERIFY2(result, qPrintable(error));
    const auto requests = *result->collection.requests();
    QCOMPARE(requests.size(), 2);
    QCOMPARE(requests.at(0).item->request.url, u"http://localhost:8080/api/a"_s);
    QCOMPARE(requests.at(1).item->request.method, u"DELETE"_s);
    QCOMPARE(header(requests.at(1).item->request, u"X-Csrf"_s), u"1"_s);
    QCOMPARE(requests.at(1).item->request.origins, QStringList{u"http://localhost:3000"_s});
}

void tst_Imports::brokenInputsAreRefusedClearly_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("message");
    QTest::newRow("truncated bash command") << u"truncated-bash.txt"_s << u"cURL: a single-quoted string is not closed"_s;
    QTest::newRow("truncated cmd command") << u"truncated-cmd.txt"_s << u"cURL: a quoted string is not closed"_s;
    QTest::newRow("option without its value") << u"missing-value.txt"_s << u"option -H needs a value"_s;
    QTest::newRow("truncated HAR") << u"truncated.har"_s << u"HAR: not valid JSON"_s;
    QTest::newRow("HAR entry without a request") << u"malformed.har"_s << u"HAR: entry 3: \"request\""_s;
    QTest::newRow("truncated Postman collection") << u"truncated-postman.json"_s << u"Postman: not valid JSON"_s;
}

void tst_Imports::brokenInputsAreRefusedClearly()
{
    QFETCH(QString, file);
    QFETCH(QString, message);
    QString error;
    QVERIFY(!importData(readData(file), &error));
    QVERIFY2(error.contains(message), qPrintable(error));
    // Every prefix of a valid input either imports or is refused: never a crash.
    const QByteArray whole = readData(u"chrome-devtools.har"_s);
    for (qsizetype cut = 0; cut < whole.size(); cut += 97)
        importData(whole.left(cut), &error);
    const QByteArray curl = readData(u"chrome-cmd.txt"_s);
    for (qsizetype cut = 0; cut < curl.size(); ++cut)
        importData(curl.left(cut), &error);
}

void tst_Imports::harEntriesBecomeItemsWithPreflightsPaired()
{
    QString error;
    const auto result = importData(readData(u"chrome-devtools.har"_s), &error);
    QVERIFY2(result, qPrintable(error));
    const auto requests = *result->collection.requests();
    // 8 entries: 2 preflights paired with their requests, 1 redirect follow-up → 5 items.
    QCOMPARE(requests.size(), 5);
    QStringList methods;
    for (const CollectionEntry &entry : requests)
        methods.append(entry.item->request.method);
    QCOMPARE(methods, (QStringList{u"PUT"_s, u"GET"_s, u"DELETE"_s, u"GET"_s, u"GET"_s}));
    const SavedRequest &put = requests.at(0).item->request;
    QCOMPARE(put.origins, QStringList{u"http://localhost:3000"_s});
    QCOMPARE(put.headers.size(), 3); // accept, content-type, x-request-id; no pseudo or sec- headers
    QCOMPARE(header(put, u"x-request-id"_s), u"42"_s);
    QCOMPARE(put.body, std::optional<QString>(u"{\"name\":\"demo\"}"_s));
    QVERIFY(requests.at(3).item->request.origins.isEmpty()); // same-origin page load
    QVERIFY(requests.at(4).item->description.contains(u"https://cdn.example.com/new"));
}

void tst_Imports::recordedHarIsAnalyzedWithoutSending()
{
    QString error;
    const auto har = parseHar(readData(u"chrome-devtools.har"_s), &error);
    QVERIFY2(har, qPrintable(error));
    const QList<RecordedExchange> exchanges = analyzeHar(*har, BrowserProfile::chromium());
    QCOMPARE(exchanges.size(), 4);
    QCOMPARE(exchanges.at(0).entryIndex, 1);
    QCOMPARE(exchanges.at(0).preflightIndex, 0);
    QCOMPARE(exchanges.at(0).result.verdict, Verdict::Allowed);
    QVERIFY(exchanges.at(0).result.preflightNeeded);
    QCOMPARE(exchanges.at(1).result.verdict, Verdict::Blocked);
    QCOMPARE(exchanges.at(1).result.failure->check, CheckId::MissingAllowOrigin);
    QCOMPARE(exchanges.at(2).preflightIndex, 3);
    QCOMPARE(exchanges.at(2).result.verdict, Verdict::Blocked);
    QCOMPARE(exchanges.at(2).result.failure->check, CheckId::MethodDisallowed);
    QCOMPARE(exchanges.at(2).result.failure->stage, Stage::Preflight);
    QCOMPARE(exchanges.at(3).redirectChain, QList<int>{7});
    QCOMPARE(exchanges.at(3).result.verdict, Verdict::Allowed);
    QCOMPARE(exchanges.at(3).result.hops.size(), 2);

    // Without the recorded preflight the engine says so instead of inventing a response.
    HarLog withoutPreflight = *har;
    withoutPreflight.entries.removeFirst();
    const QList<RecordedExchange> missing = analyzeHar(withoutPreflight, BrowserProfile::chromium());
    QCOMPARE(missing.first().result.verdict, Verdict::NetworkError);
    QVERIFY(missing.first().note.contains(u"preflight"));
}

// chromium-recorded.har: what tests/browser/har-roundtrip.mjs recorded from Chromium 156 (port set to 8000).
// Entries (1-based): 1 page, 2 simple GET, 3 GET without ACAO, 4 PUT + 5 its preflight, 6 GET with X-Trace
// blocked at 7 its preflight, 8 DELETE blocked at 9 its preflight, 10 GET with a cookie answered "*",
// 11 GET redirected to 12. DevTools writes entries in the order the requests started: a request blocked at
// its preflight was never sent, so it has no Origin header, and its preflight comes after it.
void tst_Imports::realChromiumHarPairsPreflightsInEitherOrder_data()
{
    QTest::addColumn<bool>("preflightFirst");
    QTest::newRow("as recorded, each request before its preflight") << false;
    QTest::newRow("the PUT's preflight recorded before the PUT (Chromium does that too)") << true;
}

void tst_Imports::realChromiumHarPairsPreflightsInEitherOrder()
{
    QFETCH(bool, preflightFirst);
    QString error;
    auto har = parseHar(readData(u"chromium-recorded.har"_s), &error);
    QVERIFY2(har, qPrintable(error));
    QCOMPARE(har->entries.size(), 12);
    QCOMPARE(har->entries.at(2).error, u"net::ERR_FAILED"_s); // DevTools writes response._error
    QVERIFY(har->entries.at(5).requestHeader(u"origin"_s).isEmpty());
    if (preflightFirst) {
        har->entries.swapItemsAt(3, 4);
        har->entries[3].index = 3;
        har->entries[4].index = 4;
    }
    const int putIndex = preflightFirst ? 4 : 3;
    const int putPreflight = preflightFirst ? 3 : 4;
    const QString page = u"http://app.corscope.test:8000"_s;

    const ImportResult imported = importHar(*har);
    QVERIFY2(imported.warnings.isEmpty(), qPrintable(imported.warnings.join(u'\n')));
    const auto requests = *imported.collection.requests();
    QStringList seen;
    for (const CollectionEntry &entry : requests)
        seen.append(entry.item->request.method + u' ' + QUrl(entry.item->request.url).path());
    QCOMPARE(seen, (QStringList{u"GET /"_s, u"GET /simple"_s, u"GET /no-acao"_s, u"PUT /put"_s, u"GET /header"_s,
                                u"DELETE /delete"_s, u"GET /cred"_s, u"GET /redirect"_s}));
    for (qsizetype i = 1; i < requests.size(); ++i)
        QCOMPARE(requests.at(i).item->request.origins, QStringList{page});
    const SavedRequest &put = requests.at(3).item->request;
    QCOMPARE(header(put, u"content-type"_s), u"application/json"_s);
    QCOMPARE(header(put, u"x-request-id"_s), u"7"_s);
    QCOMPARE(put.body, std::optional<QString>(u"{\"name\":\"demo\"}"_s));
    QCOMPARE(header(requests.at(4).item->request, u"x-trace"_s), u"abc"_s);
    QCOMPARE(requests.at(6).item->request.credentials, u"include"_s);
    QVERIFY(requests.at(7).item->description.contains(u"http://other.corscope.test:8000/final"));

    const QList<RecordedExchange> exchanges = analyzeHar(*har, BrowserProfile::chromium());
    QCOMPARE(exchanges.size(), 7);
    struct Expected
    {
        int entry;
        int preflight;
        Verdict verdict;
        std::optional<CheckId> check;
        Stage stage;
    };
    const QList<Expected> expected{
        {1, -1, Verdict::Allowed, {}, Stage::Actual},
        {2, -1, Verdict::Blocked, CheckId::MissingAllowOrigin, Stage::Actual},
        {putIndex, putPreflight, Verdict::Allowed, {}, Stage::Actual},
        {5, 6, Verdict::Blocked, CheckId::HeaderDisallowed, Stage::Preflight},
        {7, 8, Verdict::Blocked, CheckId::MethodDisallowed, Stage::Preflight},
        {9, -1, Verdict::Blocked, CheckId::WildcardOriginWithCredentials, Stage::Actual},
        {10, -1, Verdict::Allowed, {}, Stage::Actual},
    };
    for (qsizetype i = 0; i < expected.size(); ++i) {
        const RecordedExchange &x = exchanges.at(i);
        const Expected &want = expected.at(i);
        const QByteArray where = "exchange " + QByteArray::number(i);
        QVERIFY2(x.entryIndex == want.entry, where.constData());
        QVERIFY2(x.preflightIndex == want.preflight, where.constData());
        QVERIFY2(x.note.isEmpty(), qPrintable(x.note));
        QCOMPARE(x.request.origin.serialize(), page.toUtf8());
        QVERIFY2(x.result.verdict == want.verdict, where.constData());
        if (want.check) {
            QVERIFY2(x.result.failure && x.result.failure->check == *want.check, where.constData());
            QVERIFY2(x.result.failure->stage == want.stage, where.constData());
        }
    }
    QCOMPARE(exchanges.at(6).redirectChain, QList<int>{11});
}

void tst_Imports::onlyACorsFailureIsJudgedAgainWithCredentials_data()
{
    QTest::addColumn<QByteArray>("error");
    QTest::addColumn<bool>("blocked");
    QTest::newRow("net::ERR_FAILED: the Cookie a sanitized export dropped made `*` fail") << QByteArray("net::ERR_FAILED") << true;
    QTest::newRow("net::ERR_ABORTED: the page let go of a response that passed") << QByteArray("net::ERR_ABORTED") << false;
}

void tst_Imports::aFailureTheHarCannotExplainIsSaid()
{
    // Access-Control-Allow-Credentials: true and the exact origin: fine with or without credentials.
    const QByteArray json = R"({"log": {"entries": [{"_resourceType": "fetch", "request": {"method": "GET",
        "url": "http://api.test/me", "headers": [{"name": "Origin", "value": "http://app.test"}]},
        "response": {"status": 200, "headers": [{"name": "Access-Control-Allow-Origin", "value": "http://app.test"},
        {"name": "Access-Control-Allow-Credentials", "value": "true"}], "_error": "net::ERR_FAILED"}}]}})";
    QString error;
    const auto har = parseHar(json, &error);
    QVERIFY2(har, qPrintable(error));
    const QList<RecordedExchange> exchanges = analyzeHar(*har, BrowserProfile::chromium());
    QCOMPARE(exchanges.size(), 1);
    QVERIFY(exchanges.first().result.verdict == Verdict::Allowed);
    QVERIFY2(exchanges.first().note.contains(u"the cause is not in the HAR"), qPrintable(exchanges.first().note));
}

void tst_Imports::onlyACorsFailureIsJudgedAgainWithCredentials()
{
    QFETCH(QByteArray, error);
    QFETCH(bool, blocked);
    const QByteArray json = R"({"log": {"entries": [{"_resourceType": "fetch", "request": {"method": "GET",
        "url": "http://api.test/me", "headers": [{"name": "Origin", "value": "http://app.test"}]},
        "response": {"status": 200, "headers": [{"name": "Access-Control-Allow-Origin", "value": "*"}],
        "_error": ")" + error + R"("}}]}})";
    QString parseError;
    const auto har = parseHar(json, &parseError);
    QVERIFY2(har, qPrintable(parseError));
    const QList<RecordedExchange> exchanges = analyzeHar(*har, BrowserProfile::chromium());
    QCOMPARE(exchanges.size(), 1);
    const RecordedExchange &x = exchanges.first();
    QCOMPARE(x.result.verdict == Verdict::Blocked, blocked);
    QCOMPARE(x.request.credentials == CredentialsMode::Include, blocked);
    if (blocked)
        QVERIFY(x.result.failure && x.result.failure->check == CheckId::WildcardOriginWithCredentials);
    QCOMPARE(x.note.contains(u"credentials: 'include'"), blocked);
}

void tst_Imports::recordedHopsKeepTheirTimes()
{
    QString error;
    const auto har = parseHar(readData(u"chromium-recorded.har"_s), &error);
    QVERIFY2(har, qPrintable(error));
    const QList<RecordedExchange> exchanges = analyzeHar(*har, BrowserProfile::chromium());
    QVERIFY(!exchanges.isEmpty());
    for (const RecordedExchange &x : exchanges) {
        const HarEntry &entry = har->entries.at(x.entryIndex);
        const Hop *actual = nullptr;
        for (const Hop &hop : x.result.hops) {
            QVERIFY(hop.timings.startMs >= 0);
            QVERIFY(hop.timings.totalMs >= 0);
            if (!actual && hop.kind == HopKind::Actual)
                actual = &hop;
        }
        if (actual)
            QCOMPARE(actual->timings.totalMs, entry.time);
        QCOMPARE(x.result.startedAtMs,
                 QDateTime::fromString(entry.startedDateTime, Qt::ISODateWithMs).toMSecsSinceEpoch());
    }
}

void tst_Imports::sanitizedChromiumHarKeepsEveryVerdict()
{
    QString error;
    const auto har = parseHar(readData(u"chromium-recorded.har"_s), &error);
    QVERIFY2(har, qPrintable(error));
    // What DevTools' default "Export HAR (sanitized)" leaves out.
    HarLog sanitized = *har;
    const auto isSensitive = [](const QPair<QString, QString> &header) {
        for (const QString &name : {u"cookie"_s, u"set-cookie"_s, u"authorization"_s}) {
            if (header.first.compare(name, Qt::CaseInsensitive) == 0)
                return true;
        }
        return false;
    };
    int removed = 0;
    for (HarEntry &entry : sanitized.entries) {
        removed += entry.requestHeaders.removeIf(isSensitive) + entry.responseHeaders.removeIf(isSensitive);
    }
    QVERIFY(removed > 0);

    const QList<RecordedExchange> original = analyzeHar(*har, BrowserProfile::chromium());
    const QList<RecordedExchange> analyzed = analyzeHar(sanitized, BrowserProfile::chromium());
    QCOMPARE(analyzed.size(), original.size());
    int credentialed = 0;
    for (qsizetype i = 0; i < analyzed.size(); ++i) {
        const RecordedExchange &x = analyzed.at(i);
        const RecordedExchange &want = original.at(i);
        const QByteArray where = "HAR entry " + QByteArray::number(want.entryIndex + 1) + ": " + x.note.toUtf8();
        QVERIFY2(x.entryIndex == want.entryIndex && x.preflightIndex == want.preflightIndex, where.constData());
        QVERIFY2(x.result.verdict == want.result.verdict, where.constData());
        QVERIFY2(x.result.failure.has_value() == want.result.failure.has_value(), where.constData());
        if (want.result.failure) {
            QVERIFY2(x.result.failure->check == want.result.failure->check, where.constData());
            QVERIFY2(x.result.failure->stage == want.result.failure->stage, where.constData());
        }
        const bool judgedWithCredentials = x.note.contains(u"credentials: 'include'");
        QVERIFY2(judgedWithCredentials == (want.request.credentials == CredentialsMode::Include), where.constData());
        QVERIFY2(judgedWithCredentials || x.note.isEmpty(), where.constData());
        credentialed += judgedWithCredentials;
    }
    QCOMPARE(credentialed, 1);
}

namespace {
// A HAR entry for the pairing tests: a PUT to /p, or its preflight, started at `ms` after 10:00:00.
QByteArray pairingEntry(bool preflight, int ms, double time)
{
    const QByteArray started = "2025-05-01T" + QTime(10, 0).addMSecs(ms).toString(u"HH:mm:ss.zzz").toLatin1() + 'Z';
    const QByteArray timeField = time >= 0 ? ", \"time\": " + QByteArray::number(time) : QByteArray();
    const QByteArray headers = preflight
        ? R"([{"name": "Origin", "value": "http://localhost:3000"}, {"name": "Access-Control-Request-Method", "value": "PUT"}])"
        : R"([{"name": "Origin", "value": "http://localhost:3000"}])";
    const QByteArray status = preflight ? "204" : "200";
    return "{\"startedDateTime\": \"" + started + '"' + timeField + ", \"request\": {\"method\": \""
        + (preflight ? "OPTIONS" : "PUT") + R"(", "url": "https://api.example.com/p", "headers": )" + headers
        + "}, \"response\": {\"status\": " + status + ", \"headers\": []}}";
}
} // namespace

void tst_Imports::aLaterPreflightPairsWithTheRequestInFlight_data()
{
    QTest::addColumn<double>("time");
    QTest::addColumn<QList<int>>("paired");
    // Entries: PUT at 0 ms (its preflight was cached), PUT at 100 ms, the preflight at 101 ms.
    QTest::newRow("the first PUT was over before the preflight: it goes to the second")
        << 5.0 << QList<int>{-1, 2, -1};
    QTest::newRow("without times the oldest waiting request takes it") << -1.0 << QList<int>{2, -1, -1};
}

void tst_Imports::aLaterPreflightPairsWithTheRequestInFlight()
{
    QFETCH(double, time);
    QFETCH(QList<int>, paired);
    const QByteArray json = R"({"log": {"entries": [)" + pairingEntry(false, 0, time) + ", "
        + pairingEntry(false, 100, time) + ", " + pairingEntry(true, 101, time) + "]}}";
    QString error;
    const auto har = parseHar(json, &error);
    QVERIFY2(har, qPrintable(error));
    QCOMPARE(pairPreflights(har->entries), paired);
}

void tst_Imports::aPreflightReportedAfterItsRequestEndedStillPairs_data()
{
    QTest::addColumn<QByteArrayList>("entries");
    QTest::addColumn<QList<int>>("paired");
    const QByteArray put = pairingEntry(false, 0, 5);
    const QByteArray askingForXTrace = pairingEntry(true, 8, 0).replace(
        R"("value": "PUT"})", R"("value": "PUT"}, {"name": "Access-Control-Request-Headers", "value": "x-trace"})");
    // What Chromium 156 wrote under load: the preflight's report came 3 ms after its PUT was answered.
    QTest::newRow("reported 3 ms after its 5 ms PUT ended") << QByteArrayList{put, pairingEntry(true, 8, 0)}
                                                           << QList<int>{1, -1};
    QTest::newRow("the first PUT takes it; the second was answered from the cache it filled")
        << QByteArrayList{put, pairingEntry(false, 10, 5), pairingEntry(true, 18, 0)} << QList<int>{2, -1, -1};
    QTest::newRow("reported 300 ms late, it still finds its PUT") << QByteArrayList{put, pairingEntry(true, 300, 0)}
                                                                 << QList<int>{1, -1};
    QTest::newRow("reported late after two PUTs, the oldest takes it")
        << QByteArrayList{put, pairingEntry(false, 100, 5), pairingEntry(true, 200, 0)} << QList<int>{2, -1, -1};
    QTest::newRow("more than a second after the PUT ended it is someone else's")
        << QByteArrayList{put, pairingEntry(true, 1200, 0)} << QList<int>{-1, -1};
    QTest::newRow("one asking for a header the PUT did not send is not its")
        << QByteArrayList{put, askingForXTrace} << QList<int>{-1, -1};
    QByteArray putWithXTrace = put;
    putWithXTrace.replace(R"([{"name": "Origin")", R"([{"name": "X-Trace", "value": "1"}, {"name": "Origin")");
    QTest::newRow("one asking for a header the PUT sent is") << QByteArrayList{putWithXTrace, askingForXTrace}
                                                             << QList<int>{1, -1};
    QTest::newRow("one asking for Authorization pairs with a PUT a sanitized export recorded without it")
        << QByteArrayList{putWithXTrace, QByteArray(askingForXTrace).replace("\"x-trace\"", "\"authorization, x-trace\"")}
        << QList<int>{1, -1};
    QTest::newRow("one from another page origin is not")
        << QByteArrayList{put, pairingEntry(true, 8, 0).replace("localhost:3000", "localhost:4000")}
        << QList<int>{-1, -1};
}

void tst_Imports::aPreflightReportedAfterItsRequestEndedStillPairs()
{
    QFETCH(QByteArrayList, entries);
    QFETCH(QList<int>, paired);
    QString error;
    const auto har = parseHar(R"({"log": {"entries": [)" + entries.join(", ") + "]}}", &error);
    QVERIFY2(har, qPrintable(error));
    QCOMPARE(pairPreflights(har->entries), paired);
}

void tst_Imports::aSanitizedHarKeepsTheAuthorizationThePreflightAskedFor()
{
    // Chrome's default "Export HAR (sanitized)" drops Authorization from the blocked request; its
    // preflight still names it, and the server does not allow it.
    QByteArray rejected = pairingEntry(false, 0, 2);
    rejected.replace("\"status\": 200", "\"status\": 0");
    QByteArray preflight = pairingEntry(true, 6, 0);
    preflight.replace(R"("value": "PUT"})", R"("value": "PUT"}, {"name": "Access-Control-Request-Headers", "value": "authorization"})");
    preflight.replace(R"("headers": []})", R"("headers": [{"name": "Access-Control-Allow-Origin", "value": "http://localhost:3000"},
        {"name": "Access-Control-Allow-Methods", "value": "PUT"}, {"name": "Access-Control-Allow-Headers", "value": "content-type"}]})");
    QString error;
    const auto har = parseHar(R"({"log": {"entries": [)" + rejected + ", " + preflight + "]}}", &error);
    QVERIFY2(har, qPrintable(error));

    const QList<RecordedExchange> exchanges = analyzeHar(*har, BrowserProfile::chromium());
    QCOMPARE(exchanges.size(), 1);
    const RecordedExchange &x = exchanges.first();
    QCOMPARE(x.preflightIndex, 1);
    QVERIFY(x.result.verdict == Verdict::Blocked);
    QVERIFY(x.result.failure && x.result.failure->check == CheckId::HeaderDisallowed);
    QVERIFY(x.result.failure->stage == Stage::Preflight);
    QVERIFY2(x.note.contains(u"authorization"), qPrintable(x.note));

    const ImportResult imported = importHar(*har);
    const SavedRequest &put = imported.collection.items.front().request;
    QCOMPARE(imported.collection.items.size(), 1);
    QCOMPARE(header(put, u"authorization"_s), QString());
    QCOMPARE(imported.warnings.size(), 1);
    QVERIFY2(imported.warnings.first().contains(u"authorization"), qPrintable(imported.warnings.first()));
}

void tst_Imports::aRequestBlockedAtItsPreflightTakesALaterOne_data()
{
    QTest::addColumn<int>("preflightMs");
    QTest::addColumn<QList<int>>("paired");
    // A PUT that never got a response (status 0, 2 ms until the page saw the rejection), then its
    // preflight. Chromium's HAR times come from different clocks: the preflight may start after the
    // rejected request "ended".
    QTest::newRow("a preflight 6 ms after the start of a 2 ms rejected request is its preflight")
        << 6 << QList<int>{1, -1};
    QTest::newRow("a preflight seconds later belongs to something else") << 2500 << QList<int>{-1, -1};
}

void tst_Imports::aRequestBlockedAtItsPreflightTakesALaterOne()
{
    QFETCH(int, preflightMs);
    QFETCH(QList<int>, paired);
    QByteArray rejected = pairingEntry(false, 0, 2);
    rejected.replace("\"status\": 200", "\"status\": 0");
    const QByteArray preflight = pairingEntry(true, preflightMs, 0);
    const QByteArray json = R"({"log": {"entries": [)" + rejected + ", " + preflight + "]}}";
    QString error;
    const auto har = parseHar(json, &error);
    QVERIFY2(har, qPrintable(error));
    QCOMPARE(pairPreflights(har->entries), paired);
}

void tst_Imports::onlyCorsRequestsAreAnalyzed_data()
{
    QTest::addColumn<QByteArray>("entry");
    QTest::addColumn<int>("exchanges");
    const QByteArray response = R"("response": {"status": 200, "headers": [{"name": "Content-Type", "value": "image/svg+xml"}]})";
    QTest::newRow("a no-cors image of the page's markup is not (Chromium checks nothing)")
        << QByteArray(R"({"_resourceType": "image", "_initiator": {"type": "parser", "url": "http://app.test/", "lineNumber": 0},
            "request": {"method": "GET", "url": "http://api.test/logo.svg", "headers": [{"name": "Referer", "value": "http://app.test/"}]}, )" + response + "}")
        << 0;
    QTest::newRow("a cross-origin form POST navigation is not, even with its Origin header")
        << QByteArray(R"({"_resourceType": "document", "request": {"method": "POST", "url": "http://api.test/form",
            "headers": [{"name": "Origin", "value": "http://app.test"}]}, )" + response + "}")
        << 0;
    QTest::newRow("an image loaded with crossorigin (Origin sent) is")
        << QByteArray(R"({"_resourceType": "image", "request": {"method": "GET", "url": "http://api.test/logo.svg",
            "headers": [{"name": "Origin", "value": "http://app.test"}]}, )" + response + "}")
        << 1;
    QTest::newRow("a fetch recorded without Origin is, from its initiator URL")
        << QByteArray(R"({"_resourceType": "fetch", "_initiator": {"type": "script", "url": "http://app.test/main.js"},
            "request": {"method": "GET", "url": "http://api.test/data"}, )" + response + "}")
        << 1;
    QTest::newRow("a no-cors fetch POST is not, for all its Origin (Sec-Fetch-Mode says so)")
        << QByteArray(R"({"_resourceType": "fetch", "request": {"method": "POST", "url": "http://api.test/beacon",
            "headers": [{"name": "Origin", "value": "http://app.test"}, {"name": "Sec-Fetch-Mode", "value": "no-cors"}]}, )" + response + "}")
        << 0;
    QTest::newRow("a fetch sent with Sec-Fetch-Mode: cors is")
        << QByteArray(R"({"_resourceType": "fetch", "request": {"method": "POST", "url": "http://api.test/beacon",
            "headers": [{"name": "Origin", "value": "http://app.test"}, {"name": "Sec-Fetch-Mode", "value": "cors"}]}, )" + response + "}")
        << 1;
    // Over plain http Chromium sends no Sec-Fetch-Mode; what DevTools recorded of the load tells instead.
    const auto beacon = [](const QByteArray &error) -> QByteArray {
        const QByteArray errorField = error.isNull() ? QByteArray() : QByteArray(", \"_error\": " + error);
        return R"({"_resourceType": "fetch", "request": {"method": "POST", "url": "http://api.test/beacon",
            "headers": [{"name": "Origin", "value": "http://app.test"}]}, "response": {"status": 204, "headers": [])"
            + errorField + "}}";
    };
    QTest::newRow("a POST without ACAO the browser loaded (\"_error\": null) was no-cors: it is not")
        << beacon("null") << 0;
    QTest::newRow("one recorded as net::ERR_ABORTED (an empty opaque response let go) is not")
        << beacon("\"net::ERR_ABORTED\"") << 0;
    QTest::newRow("one the browser failed (net::ERR_FAILED) is") << beacon("\"net::ERR_FAILED\"") << 1;
    QTest::newRow("one from an exporter that writes no _error is") << beacon(QByteArray()) << 1;
    QTest::newRow("an untyped entry without Origin is, from its initiator URL")
        << QByteArray(R"({"_initiator": {"type": "other", "url": "http://app.test/"},
            "request": {"method": "GET", "url": "http://api.test/data"}, )" + response + "}")
        << 1;
}

void tst_Imports::onlyCorsRequestsAreAnalyzed()
{
    QFETCH(QByteArray, entry);
    QFETCH(int, exchanges);
    QString error;
    const auto har = parseHar(R"({"log": {"entries": [)" + entry + "]}}", &error);
    QVERIFY2(har, qPrintable(error));
    QCOMPARE(analyzeHar(*har, BrowserProfile::chromium()).size(), exchanges);
}

void tst_Imports::postmanFoldersVariablesAndBodies()
{
    QString error;
    ImportFormat format = ImportFormat::Unknown;
    const auto result = importData(readData(u"postman-v21.json"_s), &error, &format);
    QVERIFY2(result, qPrintable(error));
    QCOMPARE(format, ImportFormat::Postman);
    const Collection &c = result->collection;
    QCOMPARE(c.name, u"Shop API"_s);
    QCOMPARE(c.variables.size(), 2);
    QCOMPARE(c.variables.at(0), (QPair<QString, QString>{u"api"_s, u"http://localhost:8080"_s}));
    const auto admin = c.requests(u"Auth/Admin"_s);
    QVERIFY(admin);
    QCOMPARE(admin->size(), 1);
    const SavedRequest &del = admin->first().item->request;
    QCOMPARE(del.method, u"DELETE"_s);
    QCOMPARE(header(del, u"Authorization"_s), u"Bearer {{token}}"_s);
    QCOMPARE(header(del, u"X-Disabled"_s), u"(absent)"_s);
    const SavedRequest &login = c.requests(u"Auth"_s)->first().item->request;
    QCOMPARE(login.url, u"{{api}}/login"_s);
    QCOMPARE(login.origins, QStringList{u"http://localhost:3000"_s});
    QCOMPARE(header(login, u"Content-Type"_s), u"application/json"_s);
    const SavedRequest &search = c.items.back().request;
    QCOMPARE(search.body, std::optional<QString>(u"q=a%20b"_s));
    QCOMPARE(header(search, u"Content-Type"_s), u"application/x-www-form-urlencoded"_s);
}

void tst_Imports::exportedCurlReproducesThePreflight()
{
    FetchRequest request;
    request.method = "put";
    request.url = QUrl(u"https://api.example.com/v1/items"_s);
    request.origin = *Origin::parse(u"http://localhost:3000"_s);
    request.headers.append("Content-Type", "application/json");
    request.headers.append("X-Note", "it's");
    request.body = "{\"a\":1}";
    const QString script = curlCommandsFor(request, BrowserProfile::chromium());
    QVERIFY2(script.contains(u"curl -i -X OPTIONS 'https://api.example.com/v1/items'"), qPrintable(script));
    QVERIFY(script.contains(u"'Access-Control-Request-Method: PUT'"));
    QVERIFY(script.contains(u"'Access-Control-Request-Headers: content-type,x-note'"));
    QVERIFY(script.contains(u"'X-Note: it'\\''s'"));
    // Read back by the importer: the actual request survives the trip.
    QString error;
    const auto back = importCurl(script, &error);
    QVERIFY2(back, qPrintable(error));
    // The preflight is not a request of its own: the request brings it along.
    QCOMPARE(back->collection.items.size(), size_t(1));
    const SavedRequest &actual = back->collection.items[0].request;
    QCOMPARE(actual.method, u"PUT"_s);
    QCOMPARE(actual.body, std::optional<QString>(u"{\"a\":1}"_s));
    QCOMPARE(header(actual, u"x-note"_s), u"it's"_s);
    QCOMPARE(actual.origins, QStringList{u"http://localhost:3000"_s});
    // A simple request needs no preflight line.
    FetchRequest simple = request;
    simple.method = "GET";
    simple.headers = {};
    simple.body.clear();
    QVERIFY(!curlCommandsFor(simple, BrowserProfile::chromium()).contains(u"OPTIONS"));
}

void tst_Imports::copyAsCurlPastedBackIsTheRequest()
{
    // What Request > Copy as cURL puts on the clipboard: comments, the preflight, the request with
    // credentials (its comment and the -b placeholder).
    FetchRequest request;
    request.method = "PATCH";
    request.url = QUrl(u"http://127.0.0.1:4807/api/items?page=2"_s);
    request.origin = *Origin::parse(u"http://localhost:3000"_s);
    request.credentials = CredentialsMode::Include;
    request.headers.append("X-Trace-Id", "7");
    request.body = "{\"done\":true}";
    const QString script = curlCommandsFor(request, BrowserProfile::chromium());
    QVERIFY2(script.startsWith(u"# "), qPrintable(script));
    QVERIFY(script.contains(u"-X OPTIONS"));
    QVERIFY(looksLikeCurl(script));

    QString error;
    const auto back = importCurl(script, &error);
    QVERIFY2(back, qPrintable(error));
    QCOMPARE(back->collection.items.size(), size_t(1));
    const SavedRequest &imported = back->collection.items[0].request;
    QCOMPARE(imported.method, u"PATCH"_s);
    QCOMPARE(imported.url, u"http://127.0.0.1:4807/api/items?page=2"_s);
    QCOMPARE(imported.origins, QStringList{u"http://localhost:3000"_s});
    QCOMPARE(imported.credentials, u"include"_s);
    QCOMPARE(imported.body, std::optional<QString>(u"{\"done\":true}"_s));
    QCOMPARE(header(imported, u"X-Trace-Id"_s), u"7"_s);
    for (const auto &field : imported.headers)
        QVERIFY2(!field.first.startsWith(u"Access-Control-", Qt::CaseInsensitive), qPrintable(field.first));
    QVERIFY(std::any_of(back->warnings.cbegin(), back->warnings.cend(),
        [](const QString &warning) { return warning.contains(u"preflight"); }));
}

void tst_Imports::preflightCommandsThatAreNotFollowedByTheirRequestStay_data()
{
    QTest::addColumn<QString>("script");
    QTest::addColumn<QStringList>("methods");
    QTest::newRow("an OPTIONS command alone is what the user wants to send")
        << u"curl -X OPTIONS 'https://a.test/x' -H 'Origin: http://localhost:3000' "
           u"-H 'Access-Control-Request-Method: PUT'"_s
        << QStringList{u"OPTIONS"_s};
    QTest::newRow("a preflight for another URL is kept")
        << u"curl -X OPTIONS 'https://a.test/x' -H 'Access-Control-Request-Method: PUT'\n"
           u"curl -X PUT 'https://a.test/y'"_s
        << QStringList{u"OPTIONS"_s, u"PUT"_s};
    QTest::newRow("a preflight for another method is kept")
        << u"curl -X OPTIONS 'https://a.test/x' -H 'Access-Control-Request-Method: PUT'\n"
           u"curl -X DELETE 'https://a.test/x'"_s
        << QStringList{u"OPTIONS"_s, u"DELETE"_s};
    QTest::newRow("an OPTIONS request without Access-Control-Request-Method is a request")
        << u"curl -X OPTIONS 'https://a.test/x'\ncurl -X PUT 'https://a.test/x'"_s
        << QStringList{u"OPTIONS"_s, u"PUT"_s};
    QTest::newRow("the preflight of the second of three commands goes, the others stay")
        << u"# three\ncurl 'https://a.test/a'\n\n# preflight\ncurl -i -X OPTIONS 'https://a.test/x' "
           u"-H 'Access-Control-Request-Method: put'\ncurl -X PUT 'https://a.test/x'"_s
        << QStringList{u"GET"_s, u"PUT"_s};
}

void tst_Imports::preflightCommandsThatAreNotFollowedByTheirRequestStay()
{
    QFETCH(QString, script);
    QFETCH(QStringList, methods);
    QString error;
    const auto back = importCurl(script, &error);
    QVERIFY2(back, qPrintable(error));
    QStringList imported;
    for (const CollectionItem &item : back->collection.items)
        imported.append(item.request.method);
    QCOMPARE(imported, methods);
}

void tst_Imports::looksLikeCurlSkipsComments_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("curl");
    QTest::newRow("a plain command") << u"curl 'https://a.test'"_s << true;
    QTest::newRow("curl.exe with leading blanks") << u"  curl.exe \"https://a.test\""_s << true;
    QTest::newRow("comment lines first") << u"# The request itself\n\ncurl -i 'https://a.test'"_s << true;
    QTest::newRow("a URL") << u"https://a.test/curl"_s << false;
    QTest::newRow("only comments") << u"# curl 'https://a.test'\n"_s << false;
    QTest::newRow("a word that starts with curl") << u"curlew 'x'"_s << false;
}

void tst_Imports::looksLikeCurlSkipsComments()
{
    QFETCH(QString, text);
    QFETCH(bool, curl);
    QCOMPARE(looksLikeCurl(text), curl);
}

QTEST_GUILESS_MAIN(tst_Imports)
#include "tst_imports.moc"
