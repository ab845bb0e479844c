// CollectionRunner: jobs of one host share one preflight cache and start in order; cancel() stops.
#include "runner/collectionrunner.h"

#include "net/rawhttpserver.h"
#include "net/rawhttptransport.h"

#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace corscope;
using namespace Qt::StringLiterals;

namespace {
const QString pageOrigin = u"http://app.test:3000"_s;

// A server that allows PUT with a JSON body from pageOrigin, caching its preflight for maxAge
// seconds (no Access-Control-Max-Age header when maxAge is empty), and counts the preflights.
void serveCors(RawHttpServer &server, const QByteArray &maxAge, int *preflights)
{
    server.setHandler([maxAge, preflights](const RawHttpRequest &request, RawHttpResponder &responder) {
        HeaderList headers{{"Access-Control-Allow-Origin", pageOrigin.toUtf8()}};
        if (request.method == "OPTIONS") {
            ++*preflights;
            headers.append("Access-Control-Allow-Methods", "PUT");
            headers.append("Access-Control-Allow-Headers", "content-type");
            if (!maxAge.isEmpty())
                headers.append("Access-Control-Max-Age", maxAge);
            responder.respond(204, "No Content", headers);
        } else {
            responder.respond(200, "OK", headers, "{\"ok\":true}");
        }
    });
}

RunJob putJob(const QString &url, int index, int delayMs = 0)
{
    RequestInput input;
    input.url = url;
    input.origin = pageOrigin;
    input.method = u"PUT"_s;
    input.headerLines = {u"Content-Type: application/json"_s};
    input.body = "{}";
    QStringList errors;
    const auto built = buildRequest(input, &errors);
    if (!built)
        qFatal("buildRequest failed: %s", qPrintable(errors.join(u'\n')));
    return RunJob{u"r%1"_s.arg(index), u"request %1"_s.arg(index), {}, input.origin, *built, delayMs, std::nullopt};
}
} // namespace

class tst_CollectionRunner final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void jobsShareOnePreflightCache_data();
    void jobsShareOnePreflightCache();
    void jobsToOneHostStartInTheirOrder();
    void cancelBeforeTheFirstJobRunsNothing();
};

void tst_CollectionRunner::jobsShareOnePreflightCache_data()
{
    QTest::addColumn<QByteArray>("maxAge");
    QTest::addColumn<int>("expectedPreflights");
    QTest::newRow("a cached preflight is sent once for three identical requests") << QByteArray("600") << 1;
    QTest::newRow("max-age 0 sends a preflight before every request") << QByteArray("0") << 3;
}

void tst_CollectionRunner::jobsShareOnePreflightCache()
{
    QFETCH(QByteArray, maxAge);
    QFETCH(int, expectedPreflights);
    int preflights = 0;
    RawHttpServer server;
    serveCors(server, maxAge, &preflights);
    QVERIFY(server.listen());
    const QString url = u"http://127.0.0.1:%1/item"_s.arg(server.port());

    RawHttpTransport transport;
    CollectionRunner runner({putJob(url, 0), putJob(url, 1), putJob(url, 2)}, &transport);
    QSignalSpy finished(&runner, &CollectionRunner::finished);
    runner.start();
    QVERIFY(finished.wait(10000));
    QCOMPARE(finished.size(), 1);
    for (qsizetype i = 0; i < runner.jobs().size(); ++i) {
        QVERIFY(runner.isFinished(i));
        QCOMPARE(verdictName(runner.result(i).verdict), u"allowed"_s);
    }
    QCOMPARE(preflights, expectedPreflights);
    QCOMPARE(runner.resultsJson().size(), 3);
}

void tst_CollectionRunner::jobsToOneHostStartInTheirOrder()
{
    int preflights = 0;
    RawHttpServer server;
    serveCors(server, "600", &preflights);
    QVERIFY(server.listen());
    const QString base = u"http://127.0.0.1:%1/"_s.arg(server.port());

    RawHttpTransport transport;
    CollectionRunner runner({putJob(base + u"a", 0), putJob(base + u"b", 1), putJob(base + u"c", 2)}, &transport);
    QList<qsizetype> events; // index for a start, -1 - index for a finish
    connect(&runner, &CollectionRunner::jobStarted, this, [&events](qsizetype i) { events.append(i); });
    connect(&runner, &CollectionRunner::jobFinished, this, [&events](qsizetype i) { events.append(-1 - i); });
    QSignalSpy finished(&runner, &CollectionRunner::finished);
    runner.start();
    QVERIFY(events.isEmpty()); // start() never emits synchronously
    QVERIFY(finished.wait(10000));
    // perHostLimit 1: each job starts only after the previous one finished.
    QCOMPARE(events, (QList<qsizetype>{0, -1, 1, -2, 2, -3}));
}

void tst_CollectionRunner::cancelBeforeTheFirstJobRunsNothing()
{
    int preflights = 0;
    RawHttpServer server;
    serveCors(server, "600", &preflights);
    QVERIFY(server.listen());
    const QString url = u"http://127.0.0.1:%1/item"_s.arg(server.port());

    RawHttpTransport transport;
    CollectionRunner runner({putJob(url, 0, 60000), putJob(url, 1)}, &transport);
    QSignalSpy started(&runner, &CollectionRunner::jobStarted);
    QSignalSpy finished(&runner, &CollectionRunner::finished);
    runner.start();
    QTest::qWait(50); // the first job is now waiting for its delay
    runner.cancel();
    QVERIFY(finished.wait(5000));
    QVERIFY(runner.wasCancelled());
    QCOMPARE(started.size(), 0);
    QVERIFY(!runner.isFinished(0));
    QVERIFY(!runner.isFinished(1));
    QCOMPARE(runner.resultsJson().size(), 0);
    QCOMPARE(preflights, 0);
}

QTEST_GUILESS_MAIN(tst_CollectionRunner)
#include "tst_collectionrunner.moc"
