// `corscope analyze FILE.har`: the real binary writes each evaluated exchange as it goes; what reaches
// stdout must still be one JSON document (an array with every cross-origin entry, in file order, laid
// out exactly as QJsonDocument::toJson(Indented) lays out the whole array), or one text block per
// entry and the summary line.
#include "corscopeprocess.h"

#include <QFile>
#include <QTemporaryDir>

using namespace corscope;
using namespace corscope::testing;
using namespace Qt::StringLiterals;

namespace {
const QString pageOrigin = u"http://localhost:3000"_s;

QJsonArray headers(const QList<QPair<QString, QString>> &pairs)
{
    QJsonArray array;
    for (const auto &[name, value] : pairs)
        array.append(QJsonObject{{u"name"_s, name}, {u"value"_s, value}});
    return array;
}

QJsonObject entry(const QString &method, const QString &url,
    const QList<QPair<QString, QString>> &requestHeaders, int status,
    const QList<QPair<QString, QString>> &responseHeaders, const QString &body = QString(),
    const QString &encoding = QString())
{
    QJsonObject content{{u"size"_s, body.size()}, {u"mimeType"_s, u"application/json"_s}};
    if (!body.isEmpty())
        content.insert(u"text"_s, body);
    if (!encoding.isEmpty())
        content.insert(u"encoding"_s, encoding);
    return QJsonObject{
        {u"startedDateTime"_s, u"2025-05-01T10:00:00.000Z"_s},
        {u"request"_s,
            QJsonObject{{u"method"_s, method}, {u"url"_s, url}, {u"headers"_s, headers(requestHeaders)}}},
        {u"response"_s,
            QJsonObject{
                {u"status"_s, status}, {u"headers"_s, headers(responseHeaders)}, {u"content"_s, content}}},
    };
}

QJsonObject simpleGet(const QString &url, bool allowed, const QString &body = QString())
{
    QList<QPair<QString, QString>> response{{u"content-type"_s, u"application/json"_s}};
    if (allowed)
        response.append({u"access-control-allow-origin"_s, pageOrigin});
    return entry(u"GET"_s, url, {{u"origin"_s, pageOrigin}, {u"accept"_s, u"*/*"_s}}, 200, response, body);
}

QByteArray har(const QJsonArray &entries)
{
    const QJsonObject log{{u"version"_s, u"1.2"_s},
        {u"creator"_s, QJsonObject{{u"name"_s, u"tst_analyzecommand"_s}}}, {u"entries"_s, entries}};
    return QJsonDocument(QJsonObject{{u"log"_s, log}}).toJson(QJsonDocument::Indented);
}

QList<int> harEntries(const QJsonArray &exchanges)
{
    QList<int> numbers;
    for (const QJsonValue &exchange : exchanges)
        numbers.append(exchange[u"harEntry"].toInt(-1));
    return numbers;
}
} // namespace

class tst_AnalyzeCommand : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void jsonIsOneDocumentWithEveryEntry_data();
    void jsonIsOneDocumentWithEveryEntry();
    void textHasOneBlockPerEntryAndTheSummary();

private:
    QString write(const QString &name, const QByteArray &bytes)
    {
        const QString path = m_dir.filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
            qFatal("cannot write %s", qPrintable(path));
        return path;
    }
    static QJsonArray mixedEntries()
    {
        QJsonArray entries;
        // 1, 2: a preflighted PUT whose response body needs escaping (quotes, backslash, newline, non-ASCII).
        entries.append(entry(u"OPTIONS"_s, u"https://api.example.com/items/1"_s,
            {{u"origin"_s, pageOrigin}, {u"access-control-request-method"_s, u"PUT"_s},
                {u"access-control-request-headers"_s, u"content-type"_s}},
            204,
            {{u"access-control-allow-origin"_s, pageOrigin}, {u"access-control-allow-methods"_s, u"PUT"_s},
                {u"access-control-allow-headers"_s, u"content-type"_s}}));
        entries.append(entry(u"PUT"_s, u"https://api.example.com/items/1"_s,
            {{u"origin"_s, pageOrigin}, {u"content-type"_s, u"application/json"_s}}, 200,
            {{u"access-control-allow-origin"_s, pageOrigin}},
            u"{\"name\": \"caf\u00e9 \\\\ \u2713\",\n \"list\": [1, 2]}"_s));
        // 3: blocked, no Access-Control-Allow-Origin.
        entries.append(simpleGet(u"https://api.example.com/items/2"_s, false, u"[]"_s));
        // 4: same-origin, not an exchange.
        entries.append(simpleGet(pageOrigin + u"/app.js"_s, true));
        // 5: allowed, base64 body.
        entries.append(entry(u"GET"_s, u"https://cdn.example.com/logo.png"_s, {{u"origin"_s, pageOrigin}},
            200, {{u"access-control-allow-origin"_s, u"*"_s}}, u"iVBORw0KGgo="_s, u"base64"_s));
        // 6: a PUT whose preflight is not in the HAR.
        entries.append(entry(u"PUT"_s, u"https://api.example.com/items/3"_s,
            {{u"origin"_s, pageOrigin}, {u"content-type"_s, u"application/json"_s}}, 200,
            {{u"access-control-allow-origin"_s, pageOrigin}}));
        return entries;
    }
    QTemporaryDir m_dir;
};

void tst_AnalyzeCommand::jsonIsOneDocumentWithEveryEntry_data()
{
    QTest::addColumn<QByteArray>("harBytes");
    QTest::addColumn<QList<int>>("expectedEntries");
    QTest::addColumn<int>("expectedExit");

    QTest::newRow("a HAR without cross-origin requests gives an empty array")
        << har({simpleGet(pageOrigin + u"/index.html"_s, true)}) << QList<int>{} << 0;
    QTest::newRow("a single allowed request gives a one-element array")
        << har({simpleGet(u"https://api.example.com/one"_s, true, u"{\"ok\":true}"_s)}) << QList<int>{1} << 0;
    QTest::newRow(
        "preflights, blocked, same-origin, base64 and unrecorded preflights keep every exchange in order")
        << har(mixedEntries()) << QList<int>{2, 3, 5, 6} << 1;
    QJsonArray many;
    QList<int> numbers;
    for (int i = 0; i < 300; ++i) {
        many.append(simpleGet(u"https://api%1.example.com/items/%2"_s.arg(i % 3).arg(i), i % 10 != 3,
            u"{\"item\": %1, \"text\": \"line\\nbreak\"}"_s.arg(i)));
        numbers.append(i + 1);
    }
    QTest::newRow("three hundred requests are three hundred elements") << har(many) << numbers << 1;
}

void tst_AnalyzeCommand::jsonIsOneDocumentWithEveryEntry()
{
    QFETCH(QByteArray, harBytes);
    QFETCH(QList<int>, expectedEntries);
    QFETCH(int, expectedExit);
    const QString path = write(u"recorded.har"_s, harBytes);
    const CorscopeRun run = runCorscope({u"analyze"_s, path, u"--format"_s, u"json"_s});
    QVERIFY2(run.finished && run.exitCode == expectedExit, qPrintable(run.describe()));

    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(run.out, &parseError);
    QVERIFY2(parseError.error == QJsonParseError::NoError,
        qPrintable(parseError.errorString() + u" at byte "_s + QString::number(parseError.offset) + u'\n'
            + run.describe()));
    QVERIFY2(document.isArray(), qPrintable(run.describe()));
    const QJsonArray exchanges = document.array();
    QCOMPARE(harEntries(exchanges), expectedEntries);
    for (const QJsonValue &exchange : exchanges) {
        QVERIFY(exchange[u"verdict"].isString());
        QCOMPARE(exchange[u"origin"].toString(), pageOrigin);
    }
    // The layout of one whole QJsonDocument, as printed before the output was streamed.
    QCOMPARE(run.out, document.toJson(QJsonDocument::Indented));
}

void tst_AnalyzeCommand::textHasOneBlockPerEntryAndTheSummary()
{
    const QString path = write(u"mixed.har"_s, har(mixedEntries()));
    const CorscopeRun run = runCorscope({u"analyze"_s, path});
    QVERIFY2(run.finished && run.exitCode == 1, qPrintable(run.describe()));
    const QString out = QString::fromUtf8(run.out);
    QList<int> blocks;
    for (const QString &line : out.split(u'\n')) {
        if (line.startsWith(u"── HAR entry "))
            blocks.append(line.mid(13).section(u' ', 0, 0).toInt());
    }
    QCOMPARE(blocks, (QList<int>{2, 3, 5, 6}));
    QVERIFY2(out.contains(u"── HAR entry 2 (preflight: entry 1)\n"), qPrintable(run.describe()));
    QVERIFY2(out.endsWith(u"6 entries, 4 cross-origin request(s): 2 allowed, 2 blocked or failed.\n"),
        qPrintable(run.describe()));
}

QTEST_GUILESS_MAIN(tst_AnalyzeCommand)
#include "tst_analyzecommand.moc"
