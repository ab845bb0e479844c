// RunJsonBuilder: the JSON of `corscope run`, built piece by piece on a worker thread, must be
// byte for byte what QJsonDocument writes for the whole array.
#include "cli/runjsonbuilder.h"

#include "net/rawhttpserver.h"
#include "net/rawhttptransport.h"
#include "runner/collectionrunner.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace corscope;
using namespace Qt::StringLiterals;

class tst_RunJsonBuilder final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void piecesJoinToWhatQJsonDocumentWrites_data();
    void piecesJoinToWhatQJsonDocumentWrites();
    void runOutputEqualsTheRunnersResultsJson();
    void streamedOutputEqualsTheDocument_data();
    void streamedOutputEqualsTheDocument();
};

namespace {

// A loopback server that allows PUTs from http://app.test:3000, except on paths ending in /blocked.
void serveCors(RawHttpServer &server)
{
    server.setHandler([](const RawHttpRequest &request, RawHttpResponder &responder) {
        HeaderList headers{{"Access-Control-Allow-Origin", "http://app.test:3000"}};
        if (request.method == "OPTIONS") {
            headers.append("Access-Control-Allow-Methods", "PUT");
            headers.append("Access-Control-Allow-Headers", "content-type");
            responder.respond(204, "No Content", headers);
        } else if (request.target.endsWith("/blocked")) {
            responder.respond(200, "OK", {}, "no CORS here");
        } else {
            responder.respond(200, "OK", headers, "{\"ok\":true}");
        }
    });
}

} // namespace

void tst_RunJsonBuilder::piecesJoinToWhatQJsonDocumentWrites_data()
{
    QTest::addColumn<QJsonArray>("array");
    const QJsonObject nested{{u"name"_s, u"PUT item"_s},
                             {u"empty object"_s, QJsonObject()},
                             {u"empty array"_s, QJsonArray()},
                             {u"numbers"_s, QJsonArray{0, -1, 1.5, 1e300, 0.001, 12345678901.0}},
                             {u"flags"_s, QJsonArray{true, false, QJsonValue::Null}},
                             {u"deep"_s, QJsonObject{{u"a"_s, QJsonObject{{u"b"_s, QJsonArray{QJsonArray{1}}}}}}},
                             {u"escapes"_s, u"line\nbreak \"quoted\" back\\slash \t tab \u0001 é € 😀 /"_s}};
    QTest::newRow("an empty run is an empty array") << QJsonArray();
    QTest::newRow("one empty object") << QJsonArray{QJsonObject()};
    QTest::newRow("one object with every kind of value") << QJsonArray{nested};
    QTest::newRow("several objects are separated by commas") << QJsonArray{nested, QJsonObject(), nested};
}

void tst_RunJsonBuilder::piecesJoinToWhatQJsonDocumentWrites()
{
    QFETCH(QJsonArray, array);
    QList<QByteArray> elements;
    for (const QJsonValue &value : std::as_const(array))
        elements.append(RunJsonBuilder::arrayElement(value.toObject()));
    QCOMPARE(RunJsonBuilder::arrayDocument(elements), QJsonDocument(array).toJson(QJsonDocument::Indented));
}

void tst_RunJsonBuilder::runOutputEqualsTheRunnersResultsJson()
{
    RawHttpServer server;
    serveCors(server);
    QVERIFY(server.listen());

    QList<RunJob> jobs;
    const QStringList paths{u"/a"_s, u"/blocked"_s, u"/b"_s, u"/c"_s};
    for (qsizetype i = 0; i < paths.size(); ++i) {
        RequestInput input;
        input.url = u"http://127.0.0.1:%1%2"_s.arg(server.port()).arg(paths.at(i));
        input.origin = u"http://app.test:3000"_s;
        input.method = i % 2 ? u"GET"_s : u"PUT"_s;
        if (input.method == u"PUT") {
            input.headerLines = {u"Content-Type: application/json"_s};
            input.body = "{}";
        }
        QStringList errors;
        const auto built = buildRequest(input, &errors);
        QVERIFY2(built, qPrintable(errors.join(u'\n')));
        jobs.append(RunJob{u"r%1"_s.arg(i), u"request %1"_s.arg(i), i == 2 ? QStringList{u"folder"_s} : QStringList(),
                           input.origin, *built, 0, i == 1 ? std::optional<QString>(u"allowed"_s) : std::nullopt});
    }
    RawHttpTransport transport;
    CollectionRunner runner(jobs, &transport, 2);
    RunJsonBuilder builder(&runner);
    QSignalSpy finished(&runner, &CollectionRunner::finished);
    runner.start();
    QVERIFY(finished.wait(10000));
    QTRY_VERIFY(builder.isReady());

    const QByteArray expected = QJsonDocument(runner.resultsJson()).toJson(QJsonDocument::Indented);
    QCOMPARE(builder.document(), expected);
    const QJsonArray parsed = QJsonDocument::fromJson(builder.document()).array();
    QCOMPARE(parsed.size(), jobs.size());
    QCOMPARE(parsed.at(1)[u"verdict"_s].toString(), u"blocked"_s);
    QCOMPARE(parsed.at(1)[u"asExpected"_s].toBool(), false);
    QCOMPARE(parsed.at(2)[u"folder"_s].toString(), u"folder"_s);
}

void tst_RunJsonBuilder::streamedOutputEqualsTheDocument_data()
{
    QTest::addColumn<int>("jobCount");
    QTest::addColumn<int>("serializeFrom"); // the job after which serializeFromNow() is called; -1: when the run ends
    QTest::newRow("an empty run") << 0 << -1;
    QTest::newRow("serialized when the run ends") << 60 << -1;
    QTest::newRow("serialized from the first job on") << 60 << 0;
    QTest::newRow("serialized from mid-run on") << 60 << 30;
}

// The stream is the document; every job is in it exactly once, whichever workers built it.
void tst_RunJsonBuilder::streamedOutputEqualsTheDocument()
{
    QFETCH(int, jobCount);
    QFETCH(int, serializeFrom);
    RawHttpServer server;
    serveCors(server);
    QVERIFY(server.listen());

    QList<RunJob> jobs;
    for (int i = 0; i < jobCount; ++i) {
        RequestInput input;
        input.url = u"http://127.0.0.1:%1/items/%2%3"_s.arg(server.port()).arg(i).arg(i % 7 == 3 ? u"/blocked"_s : QString());
        input.origin = u"http://app.test:3000"_s;
        input.method = u"PUT"_s;
        input.headerLines = {u"Content-Type: application/json"_s};
        input.body = "{}";
        QStringList errors;
        const auto built = buildRequest(input, &errors);
        QVERIFY2(built, qPrintable(errors.join(u'\n')));
        jobs.append(RunJob{u"r%1"_s.arg(i), u"request %1"_s.arg(i), {}, input.origin, *built, 0, std::nullopt});
    }
    RawHttpTransport transport;
    CollectionRunner runner(jobs, &transport, 4);
    RunJsonBuilder builder(&runner);
    QByteArray streamed;
    int chunks = 0;
    builder.streamTo([&](const QByteArray &bytes) { streamed += bytes; ++chunks; }, true);
    qsizetype finishedJobs = 0;
    connect(&runner, &CollectionRunner::jobFinished, &builder, [&] {
        if (finishedJobs++ == serializeFrom)
            builder.serializeFromNow();
    });
    QSignalSpy finished(&runner, &CollectionRunner::finished);
    runner.start();
    if (jobCount > 0)
        QVERIFY(finished.wait(20000));
    QTRY_VERIFY(builder.isReady());
    const int chunksBeforeTheEnd = chunks;
    builder.finishStream();

    const QByteArray expected = QJsonDocument(runner.resultsJson()).toJson(QJsonDocument::Indented);
    QCOMPARE(streamed, expected);
    QCOMPARE(builder.document(), expected);
    QCOMPARE(QJsonDocument::fromJson(streamed).array().size(), jobCount);
    if (jobCount > 0)
        QVERIFY2(chunksBeforeTheEnd > 0, "nothing was streamed before finishStream()");
}

QTEST_GUILESS_MAIN(tst_RunJsonBuilder)
#include "tst_runjsonbuilder.moc"
