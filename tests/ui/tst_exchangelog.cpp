// The exchange log without a window: where every exchange is born (ids, records), what is kept in
// the history file, deleting one exchange, clearing and undoing the clear.
#include "net/qnamtransport.h"
#include "net/rawhttpserver.h"
#include "ui/exchangelog.h"
#include "ui/exchangesession.h"
#include "ui/historystore.h"
#include "ui/timelinemodel.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

using namespace corscope;

class TestExchangeLog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void aSendIsBornRunningAndFinishesWithItsResult();
    void runResultsAreKeptAndAnalysesAreNot();
    void deletingAnExchangeRemovesItHereAndOnDisk();
    void aClearCanBeUndone();
    void idsContinueAfterARestart();

private:
    BuiltRequest request(const QByteArray &path) const;
    ExchangeRecordPtr sendAndWait(ExchangeLog &log, const QByteArray &path);
    int linesOnDisk() const;

    std::unique_ptr<RawHttpServer> m_server;
    std::unique_ptr<QnamTransport> m_transport;
    std::unique_ptr<ExchangeSession> m_session;
    QTemporaryDir m_directory;
    QString m_historyPath;
};

void TestExchangeLog::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_directory.isValid());
}

void TestExchangeLog::init()
{
    m_server = std::make_unique<RawHttpServer>();
    m_server->route("/ok", [](const RawHttpRequest &request, RawHttpResponder &responder) {
        responder.respond(200, "OK",
            {{"Access-Control-Allow-Origin", request.headers.combinedValue("origin").value_or("")}}, "ok");
    });
    m_server->route("/no",
        [](const RawHttpRequest &, RawHttpResponder &responder) { responder.respond(200, "OK", {}, "no"); });
    QVERIFY(m_server->listen());
    m_transport = std::make_unique<QnamTransport>();
    m_session = std::make_unique<ExchangeSession>(m_transport.get());
    m_historyPath = m_directory.filePath(QString::fromLatin1(QTest::currentTestFunction()) + u".jsonl");
    QFile::remove(m_historyPath);
}

void TestExchangeLog::cleanup()
{
    m_session.reset();
    m_transport.reset();
    m_server.reset();
}

BuiltRequest TestExchangeLog::request(const QByteArray &path) const
{
    RequestInput input;
    input.url = u"http://127.0.0.1:" + QString::number(m_server->port()) + QString::fromLatin1(path);
    input.origin = QStringLiteral("http://localhost:3000");
    QStringList errors;
    const auto built = buildRequest(input, &errors);
    if (!built)
        qFatal("%s", qPrintable(errors.join(u' ')));
    return *built;
}

ExchangeRecordPtr TestExchangeLog::sendAndWait(ExchangeLog &log, const QByteArray &path)
{
    QSignalSpy finished(&log, &ExchangeLog::exchangeFinished);
    const int id = log.send(request(path));
    if (!finished.wait(10000))
        return nullptr;
    const auto record = finished.first().first().value<ExchangeRecordPtr>();
    return record && record->id == id ? record : nullptr;
}

int TestExchangeLog::linesOnDisk() const
{
    QFile file(m_historyPath);
    if (!file.open(QIODevice::ReadOnly))
        return 0;
    return int(file.readAll().count('\n'));
}

void TestExchangeLog::aSendIsBornRunningAndFinishesWithItsResult()
{
    ExchangeLog log(m_session.get());
    QAbstractItemModelTester tester(log.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy updated(&log, &ExchangeLog::exchangeUpdated);
    const int first = log.send(request("/ok"));
    QCOMPARE(updated.count(), 1);
    QVERIFY(updated.first().first().value<ExchangeRecordPtr>()->running);
    QVERIFY(log.record(first)->running);
    QVERIFY(log.isBusy());
    QSignalSpy finished(&log, &ExchangeLog::exchangeFinished);
    QVERIFY(finished.wait(10000));
    const ExchangeRecordPtr record = log.record(first);
    QVERIFY(!record->running);
    QCOMPARE(record->result.verdict, Verdict::Allowed);
    QVERIFY(record->finishedAt.isValid());
    // The timeline shows it, fed by the log.
    QCOMPARE(log.model()->exchangeCount(), 1);
    QCOMPARE(log.model()->exchangeAt(0), record);

    const ExchangeRecordPtr second = sendAndWait(log, "/no");
    QVERIFY(second);
    QCOMPARE(second->id, first + 1);
    QCOMPARE(second->result.verdict, Verdict::Blocked);
}

void TestExchangeLog::runResultsAreKeptAndAnalysesAreNot()
{
    HistoryStore history(m_historyPath);
    ExchangeLog log(m_session.get(), &history);
    QSignalSpy saved(&history, &HistoryStore::saved);
    ExchangeResult result;
    result.verdict = Verdict::Blocked;
    const ExchangeRecordPtr run = log.addRunResult(request("/no"), result);
    QVERIFY(run->id > 0);
    QTRY_COMPARE(saved.count(), 1);
    QCOMPARE(linesOnDisk(), 1);

    auto analyzed = std::make_shared<ExchangeRecord>();
    analyzed->request = request("/ok").request;
    analyzed->recordedIn = QStringLiteral("recorded in app.har, entry 1.");
    const QList<ExchangeRecordPtr> added = log.addAnalyzed({analyzed});
    QCOMPARE(added.size(), 1);
    QCOMPARE(added.first()->id, run->id + 1);
    QCOMPARE(log.model()->exchangeCount(), 2);
    // A send after the analysis is kept: then the file has the run and the send, not the analysis.
    QVERIFY(sendAndWait(log, "/ok"));
    QTRY_COMPARE(saved.count(), 2);
    QCOMPARE(linesOnDisk(), 2);
}

void TestExchangeLog::deletingAnExchangeRemovesItHereAndOnDisk()
{
    HistoryStore history(m_historyPath);
    ExchangeLog log(m_session.get(), &history);
    QAbstractItemModelTester tester(log.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy saved(&history, &HistoryStore::saved);
    const ExchangeRecordPtr first = sendAndWait(log, "/ok");
    const ExchangeRecordPtr second = sendAndWait(log, "/no");
    QVERIFY(first && second);
    QTRY_COMPARE(saved.count(), 2);
    QSignalSpy removed(&log, &ExchangeLog::exchangeRemoved);
    QVERIFY(log.remove(first->id));
    QCOMPARE(removed.count(), 1);
    QVERIFY(!log.record(first->id));
    QCOMPARE(log.model()->exchangeCount(), 1);
    QCOMPARE(log.model()->exchangeAt(0)->id, second->id);
    QTRY_COMPARE(saved.count(), 3);
    QCOMPARE(linesOnDisk(), 1);
    QVERIFY(!log.remove(first->id));
}

void TestExchangeLog::aClearCanBeUndone()
{
    HistoryStore history(m_historyPath);
    ExchangeLog log(m_session.get(), &history);
    QAbstractItemModelTester tester(log.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy saved(&history, &HistoryStore::saved);
    QVERIFY(sendAndWait(log, "/ok"));
    QVERIFY(sendAndWait(log, "/no"));
    QTRY_COMPARE(saved.count(), 2);
    QVERIFY(!log.canUndoClear());
    log.clear();
    QCOMPARE(log.count(), 0);
    QCOMPARE(log.model()->rowCount(), 0);
    QTRY_COMPARE(saved.count(), 3);
    QCOMPARE(linesOnDisk(), 0);
    QVERIFY(log.canUndoClear());
    // Something sent after the clear stays after the restored exchanges.
    const ExchangeRecordPtr later = sendAndWait(log, "/ok");
    QVERIFY(log.undoClear());
    QVERIFY(!log.canUndoClear());
    QCOMPARE(log.count(), 3);
    QCOMPARE(log.model()->exchangeCount(), 3);
    QCOMPARE(log.model()->exchangeAt(log.model()->rowCount() - 1)->id, later->id);
    QTRY_COMPARE(linesOnDisk(), 3);
}

void TestExchangeLog::idsContinueAfterARestart()
{
    int last = 0;
    {
        HistoryStore history(m_historyPath);
        ExchangeLog log(m_session.get(), &history);
        QSignalSpy saved(&history, &HistoryStore::saved);
        const ExchangeRecordPtr record = sendAndWait(log, "/ok");
        QVERIFY(record);
        last = record->id;
        QTRY_COMPARE(saved.count(), 1);
    }
    HistoryStore history(m_historyPath);
    ExchangeLog log(m_session.get(), &history);
    QSignalSpy loaded(&log, &ExchangeLog::historyLoaded);
    log.loadHistory();
    QVERIFY(loaded.wait(10000));
    QCOMPARE(loaded.first().first().toInt(), 1);
    QVERIFY(log.record(last));
    const ExchangeRecordPtr next = sendAndWait(log, "/ok");
    QVERIFY(next);
    QVERIFY(next->id > last);
}

QTEST_MAIN(TestExchangeLog)
#include "tst_exchangelog.moc"
