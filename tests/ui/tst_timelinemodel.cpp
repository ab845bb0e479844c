#include "ui/timelinefiltermodel.h"
#include "ui/timelinemodel.h"
#include "uitestdata.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace corscope;
using namespace corscope::testdata;

class TestTimelineModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void aBatchOfExchangesIsInsertedAtOnce();
    void everyHopIsARowInOrder();
    void timingRolesDriveTheWaterfall();
    void anExchangeThatSentNothingStillHasARow();
    void theFocusRowIsTheHopThatFailed();
    void theFilterMatchesUrlsVerdictsAndIds_data();
    void theFilterMatchesUrlsVerdictsAndIds();
    void clearEmptiesTheModel();
    void aRunningExchangeGrowsHopByHop();
    void historyGoesBeforeThisSessionsExchanges();

private:
    QList<ExchangeRecordPtr> sampleExchanges() const;
    TimelineModel *m_model = nullptr;
    QAbstractItemModelTester *m_tester = nullptr;
};

QList<ExchangeRecordPtr> TestTimelineModel::sampleExchanges() const
{
    const QString base = QStringLiteral("http://127.0.0.1:8080");
    return {
        exchange(1, Verdict::Blocked, {hop(HopKind::Actual, "GET", base + u"/no-acao", 200, 0, 4, false)}),
        exchange(2, Verdict::Allowed,
            {hop(HopKind::Preflight, "OPTIONS", base + u"/items", 204, 0, 3, true),
                hop(HopKind::Actual, "PUT", base + u"/items", 200, 3.5, 6, true)}),
        exchange(3, Verdict::Blocked,
            {hop(HopKind::Actual, "GET", base + u"/old", 302, 0, 2, true),
                hop(HopKind::Actual, "GET", base + u"/new", 200, 2.5, 2, false)}),
    };
}

void TestTimelineModel::init()
{
    m_model = new TimelineModel(this);
    // Created before any data, so it checks every insertion.
    m_tester
        = new QAbstractItemModelTester(m_model, QAbstractItemModelTester::FailureReportingMode::QtTest, this);
}

void TestTimelineModel::cleanup()
{
    delete m_tester;
    delete m_model;
}

void TestTimelineModel::aBatchOfExchangesIsInsertedAtOnce()
{
    QSignalSpy inserted(m_model, &QAbstractItemModel::rowsInserted);
    m_model->appendExchanges(sampleExchanges());
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(inserted.first().at(1).toInt(), 0);
    QCOMPARE(inserted.first().at(2).toInt(), 4);
    QCOMPARE(m_model->rowCount(), 5);
    QCOMPARE(m_model->exchangeCount(), 3);

    m_model->appendExchange(exchange(4, Verdict::Allowed,
        {hop(HopKind::Actual, "GET", QStringLiteral("http://a.test/"), 200, 0, 1, true)}));
    QCOMPARE(inserted.count(), 2);
    QCOMPARE(inserted.last().at(1).toInt(), 5);
    QCOMPARE(m_model->rowCount(), 6);
}

void TestTimelineModel::everyHopIsARowInOrder()
{
    m_model->appendExchanges(sampleExchanges());
    auto text = [this](int row, int column) { return m_model->index(row, column).data().toString(); };
    QCOMPARE(text(0, TimelineModel::ExchangeColumn), QStringLiteral("#1"));
    QCOMPARE(text(0, TimelineModel::KindColumn), QStringLiteral("Request"));
    QCOMPARE(text(1, TimelineModel::KindColumn), QStringLiteral("Preflight"));
    QCOMPARE(text(1, TimelineModel::MethodColumn), QStringLiteral("OPTIONS"));
    QCOMPARE(text(2, TimelineModel::MethodColumn), QStringLiteral("PUT"));
    QCOMPARE(text(3, TimelineModel::KindColumn), QStringLiteral("Redirect"));
    QCOMPARE(text(3, TimelineModel::StatusColumn), QStringLiteral("302 Found"));
    QCOMPARE(text(4, TimelineModel::UrlColumn), QStringLiteral("http://127.0.0.1:8080/new"));
    QCOMPARE(text(0, TimelineModel::DurationColumn), QStringLiteral("4.0 ms"));
    QCOMPARE(m_model->index(0, TimelineModel::ResultColumn).data(TimelineModel::PassedRole).toBool(), false);
    QCOMPARE(m_model->index(1, TimelineModel::ResultColumn).data(TimelineModel::PassedRole).toBool(), true);
    QCOMPARE(m_model->index(2, 0).data(TimelineModel::ExchangeIdRole).toInt(), 2);
    QCOMPARE(m_model->index(2, 0).data(TimelineModel::HopIndexRole).toInt(), 1);
    QCOMPARE(m_model->hopIndexAt(2), 1);
    QCOMPARE(m_model->exchangeAt(4)->id, 3);
}

void TestTimelineModel::timingRolesDriveTheWaterfall()
{
    m_model->appendExchanges(sampleExchanges());
    const QModelIndex actual = m_model->index(2, TimelineModel::WaterfallColumn);
    QCOMPARE(actual.data(TimelineModel::HopStartMsRole).toDouble(), 3.5);
    QCOMPARE(actual.data(TimelineModel::TotalMsRole).toDouble(), 6.0);
    QCOMPARE(actual.data(TimelineModel::WaitMsRole).toDouble(), 6.0 * 0.6);
    // Both hops of exchange 2 share its time range: from 0 to the end of the last hop.
    QCOMPARE(actual.data(TimelineModel::ExchangeSpanMsRole).toDouble(), 9.5);
    QCOMPARE(m_model->index(1, 0).data(TimelineModel::ExchangeSpanMsRole).toDouble(), 9.5);
}

void TestTimelineModel::anExchangeThatSentNothingStillHasARow()
{
    m_model->appendExchange(exchange(7, Verdict::NetworkError, {}));
    QCOMPARE(m_model->rowCount(), 1);
    QCOMPARE(m_model->index(0, TimelineModel::KindColumn).data().toString(), QStringLiteral("Not sent"));
    QCOMPARE(m_model->index(0, 0).data(TimelineModel::HopIndexRole).toInt(), -1);
    QCOMPARE(m_model->index(0, 0).data(TimelineModel::HopStartMsRole).toDouble(), -1.0);
}

void TestTimelineModel::theFocusRowIsTheHopThatFailed()
{
    m_model->appendExchanges(sampleExchanges());
    QCOMPARE(m_model->focusRowOfExchange(1), 0);
    QCOMPARE(m_model->focusRowOfExchange(2), 2); // nothing failed: the last hop
    QCOMPARE(m_model->focusRowOfExchange(3), 4);
    QCOMPARE(m_model->firstRowOfExchange(3), 3);
    QCOMPARE(m_model->firstRowOfExchange(9), -1);
}

void TestTimelineModel::theFilterMatchesUrlsVerdictsAndIds_data()
{
    QTest::addColumn<QString>("filter");
    QTest::addColumn<int>("rows");
    QTest::newRow("a path matches the hops that requested it") << QStringLiteral("no-acao") << 1;
    QTest::newRow("'blocked' matches every hop of blocked exchanges") << QStringLiteral("BLOCKED") << 3;
    QTest::newRow("a method matches") << QStringLiteral("options") << 1;
    QTest::newRow("an exchange id matches its hops") << QStringLiteral("#2") << 2;
    QTest::newRow("a status matches") << QStringLiteral("302") << 1;
    QTest::newRow("a hop kind matches") << QStringLiteral("redirect") << 1;
    QTest::newRow("the page origin matches every hop") << QStringLiteral("localhost:3000") << 5;
    QTest::newRow("an empty filter shows everything") << QStringLiteral("  ") << 5;
    QTest::newRow("nothing matches an unknown word") << QStringLiteral("graphql") << 0;
}

void TestTimelineModel::theFilterMatchesUrlsVerdictsAndIds()
{
    QFETCH(QString, filter);
    QFETCH(int, rows);
    TimelineFilterModel proxy(m_model);
    QAbstractItemModelTester proxyTester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_model->appendExchanges(sampleExchanges());
    proxy.setFilterText(filter);
    QCOMPARE(proxy.rowCount(), rows);
    // Rows appended while filtering are filtered too.
    m_model->appendExchange(exchange(9, Verdict::Blocked,
        {hop(HopKind::Actual, "GET", QStringLiteral("http://b.test/no-acao"), 200, 0, 1, false)}));
    QCOMPARE(proxy.rowCount(), rows + (m_model->rowMatches(5, proxy.filterText()) ? 1 : 0));
}

void TestTimelineModel::clearEmptiesTheModel()
{
    m_model->appendExchanges(sampleExchanges());
    m_model->clear();
    QCOMPARE(m_model->rowCount(), 0);
    QCOMPARE(m_model->exchangeCount(), 0);
}

void TestTimelineModel::aRunningExchangeGrowsHopByHop()
{
    const QString url = QStringLiteral("http://127.0.0.1:8080/items");
    m_model->appendExchanges(sampleExchanges().mid(0, 1));
    TimelineFilterModel proxy(m_model);
    QAbstractItemModelTester proxyTester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    auto running = [&](const QList<Hop> &hops) {
        auto record = std::const_pointer_cast<ExchangeRecord>(exchange(2, Verdict::Allowed, hops));
        record->request.url = QUrl(url);
        record->request.method = "PUT";
        record->running = true;
        return ExchangeRecordPtr(record);
    };

    // Started: one in-flight row.
    m_model->setExchange(running({}));
    QCOMPARE(m_model->rowCount(), 2);
    QCOMPARE(m_model->exchangeCount(), 2);
    QVERIFY(m_model->index(1, 0).data(TimelineModel::RunningRole).toBool());
    QCOMPARE(m_model->index(1, TimelineModel::KindColumn).data().toString(), QStringLiteral("Sending…"));
    QCOMPARE(m_model->index(1, TimelineModel::MethodColumn).data().toString(), QStringLiteral("PUT"));
    QCOMPARE(m_model->index(1, TimelineModel::UrlColumn).data().toString(), url);

    // The clock moves: the in-flight row's duration and the exchange's time range follow.
    QSignalSpy changed(m_model, &QAbstractItemModel::dataChanged);
    m_model->setRunningElapsed(250);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(m_model->index(1, TimelineModel::DurationColumn).data().toString(), QStringLiteral("250 ms"));
    QCOMPARE(m_model->index(1, 0).data(TimelineModel::ExchangeSpanMsRole).toDouble(), 250.0);

    // The preflight came back: its row, then the in-flight row of the actual request.
    const Hop preflight = hop(HopKind::Preflight, "OPTIONS", url, 204, 0, 300, true);
    m_model->setExchange(running({preflight}));
    QCOMPARE(m_model->rowCount(), 3);
    QCOMPARE(m_model->index(1, TimelineModel::KindColumn).data().toString(), QStringLiteral("Preflight"));
    QVERIFY(!m_model->index(1, 0).data(TimelineModel::RunningRole).toBool());
    QVERIFY(m_model->index(2, 0).data(TimelineModel::RunningRole).toBool());
    QCOMPARE(m_model->index(2, 0).data(TimelineModel::HopStartMsRole).toDouble(), 300.0);

    // Finished: the in-flight row becomes the actual request.
    auto finished = std::const_pointer_cast<ExchangeRecord>(
        running({preflight, hop(HopKind::Actual, "PUT", url, 200, 300, 5, true)}));
    finished->running = false;
    m_model->setExchange(finished);
    QCOMPARE(m_model->rowCount(), 3);
    QCOMPARE(m_model->exchangeCount(), 2);
    QCOMPARE(m_model->index(2, TimelineModel::KindColumn).data().toString(), QStringLiteral("Request"));
    QVERIFY(!m_model->index(2, 0).data(TimelineModel::RunningRole).toBool());

    // Cancelled before any hop: the in-flight row turns into the one row of an exchange that sent nothing.
    auto started = running({});
    std::const_pointer_cast<ExchangeRecord>(started)->id = 3;
    m_model->setExchange(started);
    QCOMPARE(m_model->rowCount(), 4);
    auto cancelled = std::make_shared<ExchangeRecord>(*started);
    cancelled->running = false;
    m_model->setExchange(cancelled);
    QCOMPARE(m_model->rowCount(), 4);
    QCOMPARE(m_model->index(3, TimelineModel::KindColumn).data().toString(), QStringLiteral("Not sent"));
    QCOMPARE(proxy.rowCount(), 4);
}

void TestTimelineModel::historyGoesBeforeThisSessionsExchanges()
{
    const QList<ExchangeRecordPtr> samples = sampleExchanges();
    m_model->appendExchange(exchange(10, Verdict::Allowed,
        {hop(HopKind::Actual, "GET", QStringLiteral("http://a.test/live"), 200, 0, 1, true)}));
    m_model->insertHistory(samples.mid(0, 2));
    m_model->insertHistory(samples.mid(2));
    QCOMPARE(m_model->rowCount(), 6);
    QCOMPARE(m_model->exchangeCount(), 4);
    QCOMPARE(m_model->index(0, TimelineModel::ExchangeColumn).data().toString(), QStringLiteral("#1"));
    QCOMPARE(m_model->index(3, TimelineModel::ExchangeColumn).data().toString(), QStringLiteral("#3"));
    QCOMPARE(m_model->index(5, TimelineModel::ExchangeColumn).data().toString(), QStringLiteral("#10"));
    QCOMPARE(m_model->firstRowOfExchange(10), 5);
    QCOMPARE(m_model->firstRowOfExchange(2), 1);
}

QTEST_GUILESS_MAIN(TestTimelineModel)
#include "tst_timelinemodel.moc"
