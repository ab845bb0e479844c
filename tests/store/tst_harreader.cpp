// The streaming HAR reader against the QJsonDocument reader it stands in for: same entries, same
// errors, on real HARs, hand-made edge cases, every truncation and thousands of mutations.
#include "store/harfile.h"
#include "store/harreader.h"

#include <QFile>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTest>

using namespace corscope;
using namespace Qt::StringLiterals;

class tst_HarReader final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void readsLikeQJsonDocument_data();
    void readsLikeQJsonDocument();
    void realDevToolsHarIsStreamedNotFallenBackOn();
    void skippingBodiesChangesNothingElse();
    void everyTruncationIsRefusedWithoutCrashing_data();
    void everyTruncationIsRefusedWithoutCrashing();
    void mutationsNeverDisagreeWithQJsonDocument();
    void progressFollowsTheBytesRead_data();
    void progressFollowsTheBytesRead();
};

namespace {
QByteArray readData(const QString &name)
{
    QFile file(QStringLiteral(DATA_DIR "/") + name);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(file.fileName()));
    return file.readAll();
}

bool same(const QString &a, const QString &b)
{
    return a == b && a.isNull() == b.isNull();
}

bool sameHeaders(const QList<QPair<QString, QString>> &a, const QList<QPair<QString, QString>> &b)
{
    if (a.size() != b.size())
        return false;
    for (qsizetype i = 0; i < a.size(); ++i) {
        if (!same(a.at(i).first, b.at(i).first) || !same(a.at(i).second, b.at(i).second))
            return false;
    }
    return true;
}

// Empty when equal, else the first difference.
QString difference(const HarLog &a, const HarLog &b)
{
    if (!same(a.creator, b.creator))
        return u"creator"_s;
    if (a.entries.size() != b.entries.size())
        return u"entry count %1 != %2"_s.arg(a.entries.size()).arg(b.entries.size());
    for (qsizetype i = 0; i < a.entries.size(); ++i) {
        const HarEntry &x = a.entries.at(i);
        const HarEntry &y = b.entries.at(i);
        const auto where = [i](const char *field) { return u"entry %1: %2"_s.arg(i).arg(QLatin1StringView(field)); };
        if (x.index != y.index)
            return where("index");
        if (!same(x.startedDateTime, y.startedDateTime))
            return where("startedDateTime");
        if (x.time != y.time)
            return where("time");
        if (!same(x.method, y.method) || !same(x.url, y.url))
            return where("method/url");
        if (!sameHeaders(x.requestHeaders, y.requestHeaders))
            return where("request headers");
        if (x.requestBody.has_value() != y.requestBody.has_value() || (x.requestBody && !same(*x.requestBody, *y.requestBody)))
            return where("request body");
        if (x.status != y.status || !same(x.statusText, y.statusText))
            return where("status");
        if (!sameHeaders(x.responseHeaders, y.responseHeaders))
            return where("response headers");
        if (x.responseBody != y.responseBody)
            return where("response body");
        if (!same(x.redirectUrl, y.redirectUrl) || !same(x.resourceType, y.resourceType)
            || !same(x.initiatorUrl, y.initiatorUrl) || !same(x.error, y.error) || x.errorRecorded != y.errorRecorded)
            return where("redirect/resource type/initiator/error");
    }
    return {};
}

// A minimal HAR around one entry's JSON text.
QByteArray har(const QByteArray &entry)
{
    return R"({"log": {"creator": {"name": "t"}, "entries": [)" + entry + "]}}";
}

const QByteArray plainEntry = R"({"startedDateTime": "2025-05-01T10:00:00.000Z",
  "request": {"method": "GET", "url": "https://api.example.com/x", "headers": [{"name": "origin", "value": "http://localhost:3000"}]},
  "response": {"status": 200, "statusText": "OK", "headers": [{"name": "access-control-allow-origin", "value": "*"}],
               "content": {"size": 5, "text": "hello"}, "redirectURL": ""}})";
} // namespace

void tst_HarReader::readsLikeQJsonDocument_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<bool>("streamed"); // false: the streaming reader must hand over (Unsure)

    QTest::newRow("a plain entry is streamed") << har(plainEntry) << true;
    QTest::newRow("the DevTools HAR is streamed") << readData(u"chrome-devtools.har"_s) << true;
    QTest::newRow("the malformed HAR is refused by the streaming reader") << readData(u"malformed.har"_s) << true;
    QTest::newRow("the truncated HAR is handed over") << readData(u"truncated.har"_s) << false;
    QTest::newRow("escapes, surrogate pairs and UTF-8 in strings are decoded")
        << har(R"({"request": {"method": "GET", "url": "https://a.test/\u00e9\/\"q\"\\\n\t", "headers": [{"name": "x-emoji", "value": "\ud83d\ude00 é 😀"}]}, "response": {"status": 200, "content": {"text": "b\u00f6dy\r\n"}}})")
        << true;
    QTest::newRow("a base64 body is decoded whatever the key order")
        << har(R"({"request": {"method": "GET", "url": "https://a.test/"}, "response": {"status": 200, "content": {"text": "aGVsbG8=", "encoding": "base64"}}})")
        << true;
    QTest::newRow("a status written 2e2 or 200.0 is 200, 200.5 and \"200\" are 0")
        << har(R"({"request": {"method": "GET", "url": "u"}, "response": {"status": 2e2}}, {"request": {"method": "GET", "url": "u"}, "response": {"status": 200.0}}, {"request": {"method": "GET", "url": "u"}, "response": {"status": 200.5}}, {"request": {"method": "GET", "url": "u"}, "response": {"status": "200"}}, {"request": {"method": "GET", "url": "u"}, "response": {"status": 99999999999}})")
        << true;
    QTest::newRow("the time is read as a number, -1 when absent or not a number")
        << har(R"({"request": {"method": "GET", "url": "u"}, "time": 93.875}, {"request": {"method": "GET", "url": "u"}, "time": 12}, {"request": {"method": "GET", "url": "u"}, "time": "5"}, {"request": {"method": "GET", "url": "u"}})")
        << true;
    QTest::newRow("DevTools' response._error is the error, an entry-level _error wins")
        << har(R"({"request": {"method": "GET", "url": "u"}, "response": {"status": 0, "_error": "net::ERR_FAILED"}}, {"_error": "a", "request": {"method": "GET", "url": "u"}, "response": {"_error": "b"}}, {"request": {"method": "GET", "url": "u"}, "response": {"_error": "b"}, "_error": "a"}, {"request": {"method": "GET", "url": "u"}, "response": {"_error": null}})")
        << true;
    QTest::newRow("postData text wins over params, in either order")
        << har(R"({"request": {"method": "POST", "url": "u", "postData": {"params": [{"name": "a", "value": "1"}], "text": "t"}}}, {"request": {"method": "POST", "url": "u", "postData": {"params": [{"name": "a", "value": "1"}, {"name": "b"}, 7]}}}, {"request": {"method": "POST", "url": "u", "postData": {"text": 5}}})")
        << true;
    QTest::newRow("a header without value and one with an empty value differ")
        << har(R"({"request": {"method": "GET", "url": "u", "headers": [{"name": "a"}, {"name": "b", "value": ""}, {"name": "c", "value": 3}]}})")
        << true;
    QTest::newRow("an entry that is not an object is refused with its number")
        << har(plainEntry + ", 42") << true;
    QTest::newRow("an empty request is refused") << har(R"({"request": {}})") << true;
    QTest::newRow("a method that is not a string is refused") << har(R"({"request": {"method": 1, "url": "u"}})") << true;
    QTest::newRow("request headers that are not a list are refused")
        << har(R"({"request": {"method": "GET", "url": "u", "headers": {}}})") << true;
    QTest::newRow("a header name that is not a string is refused")
        << har(R"({"request": {"method": "GET", "url": "u"}, "response": {"headers": [{"name": null}]}})") << true;
    QTest::newRow("a header that is not an object is refused")
        << har(R"({"request": {"method": "GET", "url": "u", "headers": ["a"]}})") << true;
    QTest::newRow("the first bad entry is named, not a later one")
        << har(plainEntry + R"(, {"request": {"method": "GET"}}, {"request": 3})") << true;
    QTest::newRow("no log is not a HAR") << QByteArray(R"({"logs": {"entries": []}})") << true;
    QTest::newRow("an empty log is not a HAR") << QByteArray(R"({"log": {}})") << true;
    QTest::newRow("entries that are not a list are not a HAR") << QByteArray(R"({"log": {"entries": {}}})") << true;
    QTest::newRow("a bad entry in a log that is no HAR reports the log")
        << QByteArray(R"({"log": {"entries": 1, "x": [{"request": 1}]}, "y": {"log": 1}})") << true;
    QTest::newRow("unknown keys, nesting and literals are skipped")
        << har(R"({"cache": {"a": [1, -2.5e-3, true, false, null, {"b": [[], {}]}]}, "request": {"method": "GET", "url": "u", "queryString": [], "cookies": [{"name": "c", "value": "\u0000"}]}, "timings": {"send": 0.123, "wait": 1E+2}})")
        << true;
    QTest::newRow("an escaped key is read as its text")
        << har(R"({"request": {"meth\u006fd": "GET", "url": "u"}})") << true;
    QTest::newRow("an empty entry list is a HAR") << har(QByteArray()) << true;
    QTest::newRow("a byte-order mark is handed over") << QByteArray("\xEF\xBB\xBF") + har(plainEntry) << false;
    QTest::newRow("a duplicate key is handed over")
        << har(R"({"request": {"method": "GET", "method": "PUT", "url": "u"}})") << false;
    QTest::newRow("an escaped lone surrogate in a kept string is handed over")
        << har(R"({"request": {"method": "GET", "url": "u\ud800"}})") << false;
    QTest::newRow("an escaped lone surrogate in a skipped string is fine")
        << har(R"({"request": {"method": "GET", "url": "u", "comment": "\udc00"}})") << true;
    QTest::newRow("a raw control character is handed over")
        << har("{\"request\": {\"method\": \"GET\", \"url\": \"u\x01\"}}") << false;
    QTest::newRow("invalid UTF-8 is handed over") << har("{\"request\": {\"method\": \"GET\", \"url\": \"u\xC3(\"}}") << false;
    QTest::newRow("a top-level list is handed over") << QByteArray("[1]") << false;
    QTest::newRow("garbage after the document is handed over") << har(plainEntry) + " x" << false;
    QTest::newRow("a trailing comma is handed over") << har(plainEntry + ",") << false;
    QTest::newRow("a leading zero is handed over")
        << har(R"({"request": {"method": "GET", "url": "u"}, "response": {"status": 0200}})") << false;
    QTest::newRow("empty input is handed over") << QByteArray() << false;
}

void tst_HarReader::readsLikeQJsonDocument()
{
    QFETCH(QByteArray, json);
    QFETCH(bool, streamed);
    const HarReader::Result fast = HarReader::read(json, HarBodies::Keep);
    QCOMPARE(fast.status != HarReader::Status::Unsure, streamed);
    QString expectedError;
    const auto expected = parseHarDocument(json, &expectedError);
    QString error;
    const auto actual = parseHar(json, &error);
    QCOMPARE(actual.has_value(), expected.has_value());
    QCOMPARE(error, expectedError);
    if (expected) {
        const QString diff = difference(*actual, *expected);
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
    }
}

void tst_HarReader::realDevToolsHarIsStreamedNotFallenBackOn()
{
    const HarReader::Result fast = HarReader::read(readData(u"chrome-devtools.har"_s), HarBodies::Keep);
    QCOMPARE(fast.status, HarReader::Status::Parsed);
    QCOMPARE(fast.log.entries.size(), 8);
    QCOMPARE(fast.log.creator, u"WebInspector"_s);
}

void tst_HarReader::skippingBodiesChangesNothingElse()
{
    const QByteArray json = readData(u"chrome-devtools.har"_s);
    QString error;
    const auto kept = parseHar(json, &error, HarBodies::Keep);
    auto skipped = parseHar(json, &error, HarBodies::Skip);
    QVERIFY(kept && skipped);
    bool anyBody = false;
    for (HarEntry &entry : skipped->entries) {
        QVERIFY(entry.responseBody.isEmpty());
        entry.responseBody = kept->entries.at(entry.index).responseBody;
        anyBody = anyBody || !entry.responseBody.isEmpty();
    }
    QVERIFY(anyBody);
    QCOMPARE(difference(*skipped, *kept), QString());
}

void tst_HarReader::everyTruncationIsRefusedWithoutCrashing_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::newRow("the DevTools HAR") << readData(u"chrome-devtools.har"_s);
    QTest::newRow("a HAR with escapes and a base64 body")
        << har(plainEntry + R"(, {"request": {"method": "GET", "url": "https://a.test/\u00e9\ud83d\ude00"}, "response": {"status": 2e2, "content": {"text": "aGVsbG8=", "encoding": "base64"}}})");
}

void tst_HarReader::everyTruncationIsRefusedWithoutCrashing()
{
    QFETCH(QByteArray, json);
    const QByteArray complete = json.trimmed();
    for (qsizetype length = 0; length < complete.size(); ++length) {
        const QByteArray prefix = complete.left(length);
        const HarReader::Result fast = HarReader::read(prefix, HarBodies::Keep);
        QVERIFY2(fast.status == HarReader::Status::Unsure, qPrintable(u"prefix of %1 bytes"_s.arg(length)));
        if (length % 101 == 0) { // the full path (with its QJsonDocument fallback) on a sample
            QString error;
            QVERIFY(!parseHar(prefix, &error));
            QVERIFY2(error.startsWith(u"not valid JSON ("), qPrintable(error));
        }
    }
    QCOMPARE(HarReader::read(complete, HarBodies::Keep).status, HarReader::Status::Parsed);
}

void tst_HarReader::mutationsNeverDisagreeWithQJsonDocument()
{
    const QByteArray original = readData(u"chrome-devtools.har"_s);
    const QList<QByteArray> snippets{"\\u00e9", "\xC3\xA9", "\\n", "\\ud83d\\ude00", "\\ud800", "x", "\"", "\\", "{", "}",
                                     "[", "]", ",", ":", "1", "-", ".", "e", "\t", "\x01", "\xC3", "\xED\xA0\x80",
                                     "\xEF\xBF\xBE", "null", "true", "\"\"", "{}", "[]", "\xF0\x9F\x98\x80", "0"};
    QRandomGenerator random(4242); // fixed seed: the same mutants every run
    int agreedParsed = 0;
    int agreedRefused = 0;
    for (int i = 0; i < 3000; ++i) {
        QByteArray mutant = original;
        const int edits = 1 + int(random.bounded(2));
        for (int e = 0; e < edits; ++e) {
            const qsizetype at = random.bounded(int(mutant.size()));
            const QByteArray &snippet = snippets.at(random.bounded(int(snippets.size())));
            if (random.bounded(2))
                mutant.insert(at, snippet);
            else
                mutant.replace(at, 1, snippet);
        }
        const HarReader::Result fast = HarReader::read(mutant, HarBodies::Keep);
        if (fast.status == HarReader::Status::Unsure)
            continue;
        QString expectedError;
        const auto expected = parseHarDocument(mutant, &expectedError);
        const QString context = u"mutant %1"_s.arg(i);
        if (fast.status == HarReader::Status::Parsed) {
            QVERIFY2(expected, qPrintable(context + u": QJsonDocument refused it: " + expectedError));
            const QString diff = difference(fast.log, *expected);
            QVERIFY2(diff.isEmpty(), qPrintable(context + u": " + diff));
            ++agreedParsed;
        } else {
            QVERIFY2(!expected, qPrintable(context + u": QJsonDocument read it"));
            QCOMPARE(fast.error, expectedError);
            ++agreedRefused;
        }
    }
    // The comparison must have had something to compare.
    QVERIFY2(agreedParsed > 300, qPrintable(QString::number(agreedParsed)));
    QVERIFY2(agreedRefused > 10, qPrintable(QString::number(agreedRefused)));
}

void tst_HarReader::progressFollowsTheBytesRead_data()
{
    QTest::addColumn<int>("entries");
    QTest::addColumn<QByteArray>("prefix");
    QTest::addColumn<bool>("streamed");
    QTest::newRow("a thousand entries report progress entry by entry") << 1000 << QByteArray() << true;
    QTest::newRow("a handful of entries report each of them") << 5 << QByteArray() << true;
    QTest::newRow("a HAR handed over to QJsonDocument reports only the end") << 1000 << QByteArray("\xEF\xBB\xBF")
                                                                            << false;
}

void tst_HarReader::progressFollowsTheBytesRead()
{
    QFETCH(int, entries);
    QFETCH(QByteArray, prefix);
    QFETCH(bool, streamed);
    QByteArrayList list;
    for (int i = 0; i < entries; ++i)
        list.append(plainEntry);
    const QByteArray json = prefix + har(list.join(','));
    QList<QPair<qint64, qint64>> calls;
    QString error;
    const auto log = parseHar(json, &error, HarBodies::Skip,
                              [&calls](qint64 bytesRead, qint64 totalBytes) { calls.append({bytesRead, totalBytes}); });
    QVERIFY2(log, qPrintable(error));
    QCOMPARE(log->entries.size(), entries);
    QVERIFY(!calls.isEmpty());
    QCOMPARE(calls.last(), (QPair<qint64, qint64>(json.size(), json.size())));
    if (!streamed) {
        QCOMPARE(calls.size(), 1);
        return;
    }
    // One call per entry at most, at most about 200 in all, and the bytes only grow.
    QVERIFY2(calls.size() >= qMin(entries, 100) && calls.size() <= qMin(entries + 1, 202),
             qPrintable(QString::number(calls.size())));
    for (qsizetype i = 0; i < calls.size(); ++i) {
        QCOMPARE(calls.at(i).second, json.size());
        QVERIFY(calls.at(i).first > 0 && calls.at(i).first <= json.size());
        if (i > 0)
            QVERIFY(calls.at(i).first > calls.at(i - 1).first);
    }
}

QTEST_GUILESS_MAIN(tst_HarReader)
#include "tst_harreader.moc"
