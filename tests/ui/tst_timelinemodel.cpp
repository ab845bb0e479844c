#include "ui/timelinefiltermodel.h"
#include "ui/timelinemodel.h"
#include "uitestdata.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace corscope;
using namespace corscope::testdata;

Q_DECLARE_METATYPE(corscope::TimelineFilter)

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
    void theStructuredFilterMeansWhatItSays_data();
    void theStructuredFilterMeansWhatItSays();
    void aCancelledExchangeSaysSo();
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

namespace {
// Five exchanges whose URLs name other outcomes than their own, so a filter that matched words in
// URLs instead of the outcome would be caught.
QList<ExchangeRecordPtr> filterSamples()
{
    const QString base = QStringLiteral("http://127.0.0.1:8080");
    auto withOrigin = [](ExchangeRecordPtr record, const QString &origin) {
        auto copy = std::make_shared<ExchangeRecord>(*record);
        copy->request.origin = *Origin::parse(origin);
        return ExchangeRecordPtr(copy);
    };
    Hop notFound = hop(HopKind::Actual, "GET", base + u"/allowed/missing", 404, 0, 2, false);
    notFound.response->reasonPhrase = "Not Found";
    Hop refused = hop(HopKind::Actual, "GET", base + u"/down", 0, 0, 1, false);
    refused.response.reset();
    refused.networkError = QStringLiteral("net::ERR_CONNECTION_REFUSED");
    Hop aborted = hop(HopKind::Actual, "POST", base + u"/slow-blocked", 0, 0, 50, false);
    aborted.response.reset();
    aborted.networkError = QStringLiteral("net::ERR_ABORTED");
    Hop serverError = hop(HopKind::Actual, "DELETE", base + u"/items/1", 500, 3, 2, true);
    serverError.response->reasonPhrase = "Internal Server Error";
    return {
        // #1: blocked, at a URL that says "not-allowed"
        exchange(1, Verdict::Blocked,
            {hop(HopKind::Actual, "GET", base + u"/cors-not-allowed", 200, 0, 4, false)}),
        // #2: allowed PUT with its preflight, from another page
        withOrigin(exchange(2, Verdict::Allowed,
                       {hop(HopKind::Preflight, "OPTIONS", base + u"/items", 204, 0, 3, true),
                           hop(HopKind::Actual, "PUT", base + u"/items", 200, 3.5, 6, true)}),
            QStringLiteral("http://localhost:30001")),
        // #3: blocked with a 404, at a URL that says "allowed"
        exchange(3, Verdict::Blocked, {notFound}),
        // #4: a network error, and #5: cancelled by the person (both without a response)
        exchange(4, Verdict::NetworkError, {refused}),
        exchange(5, Verdict::NetworkError, {aborted}),
        // #6: an allowed DELETE: preflight, then a 500
        exchange(6, Verdict::Allowed,
            {hop(HopKind::Preflight, "OPTIONS", base + u"/items/1", 204, 0, 3, true), serverError}),
    };
}
} // namespace

void TestTimelineModel::theStructuredFilterMeansWhatItSays_data()
{
    using Outcome = TimelineFilter::Outcome;
    using StatusClass = TimelineFilter::StatusClass;
    QTest::addColumn<TimelineFilter>("filter");
    QTest::addColumn<QList<int>>("exchangeIds"); // of the rows shown, in order
    auto outcome = [](Outcome value) {
        TimelineFilter filter;
        filter.outcome = value;
        return filter;
    };
    auto status = [](StatusClass value) {
        TimelineFilter filter;
        filter.status = value;
        return filter;
    };
    auto method = [](const QByteArray &value) {
        TimelineFilter filter;
        filter.method = value;
        return filter;
    };
    auto origin = [](const QByteArray &value) {
        TimelineFilter filter;
        filter.origin = value;
        return filter;
    };
    QTest::newRow("no filter shows every hop") << TimelineFilter() << QList<int>{1, 2, 2, 3, 4, 5, 6, 6};
    QTest::newRow("allowed is the verdict, not a URL containing -not-allowed or /allowed/")
        << outcome(Outcome::Allowed) << QList<int>{2, 2, 6, 6};
    QTest::newRow("blocked shows every hop of blocked exchanges")
        << outcome(Outcome::Blocked) << QList<int>{1, 3};
    QTest::newRow("a network error is not a cancel") << outcome(Outcome::NetworkError) << QList<int>{4};
    QTest::newRow("cancelled shows the exchange the person cancelled")
        << outcome(Outcome::Cancelled) << QList<int>{5};
    QTest::newRow("2xx is the hop's status class") << status(StatusClass::Success) << QList<int>{1, 2, 2, 6};
    QTest::newRow("4xx") << status(StatusClass::ClientError) << QList<int>{3};
    QTest::newRow("5xx") << status(StatusClass::ServerError) << QList<int>{6};
    QTest::newRow("no response: network errors and cancels")
        << status(StatusClass::NoResponse) << QList<int>{4, 5};
    QTest::newRow("PUT shows the PUT exchange with its preflight") << method("PUT") << QList<int>{2, 2};
    QTest::newRow("the method is compared case-insensitively") << method("delete") << QList<int>{6, 6};
    QTest::newRow("OPTIONS shows every preflight") << method("OPTIONS") << QList<int>{2, 6};
    QTest::newRow("the origin is compared whole, not as a prefix")
        << origin("http://localhost:3000") << QList<int>{1, 3, 4, 5, 6, 6};
    QTest::newRow("another origin") << origin("http://localhost:30001") << QList<int>{2, 2};
    TimelineFilter combined = outcome(Outcome::Allowed);
    combined.method = "OPTIONS";
    combined.origin = "http://localhost:3000";
    QTest::newRow("all parts must match") << combined << QList<int>{6};
    TimelineFilter searched = outcome(Outcome::Blocked);
    searched.text = QStringLiteral("  allowed ");
    QTest::newRow("the text search still finds words in URLs within the outcome")
        << searched << QList<int>{1, 3};
    TimelineFilter cancelledWord;
    cancelledWord.text = QStringLiteral("cancelled");
    QTest::newRow("searching for cancelled finds the cancelled exchange") << cancelledWord << QList<int>{5};
}

void TestTimelineModel::theStructuredFilterMeansWhatItSays()
{
    QFETCH(TimelineFilter, filter);
    QFETCH(QList<int>, exchangeIds);
    TimelineFilterModel proxy(m_model);
    QAbstractItemModelTester proxyTester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    proxy.setFilter(filter);
    m_model->appendExchanges(filterSamples());
    QList<int> shown;
    for (int row = 0; row < proxy.rowCount(); ++row)
        shown.append(proxy.index(row, 0).data(TimelineModel::ExchangeIdRole).toInt());
    QCOMPARE(shown, exchangeIds);

    // A running exchange has no outcome yet: only a filter without an outcome or status shows it.
    auto running = std::make_shared<ExchangeRecord>(*exchange(7, Verdict::Allowed, {}));
    running->running = true;
    m_model->setExchange(running);
    const bool shownWhileRunning = proxy.rowCount() > shown.size();
    QCOMPARE(shownWhileRunning,
        filter.outcome == TimelineFilter::Outcome::Any && filter.status == TimelineFilter::StatusClass::Any
            && m_model->rowMatches(m_model->rowCount() - 1, filter));
}

void TestTimelineModel::aCancelledExchangeSaysSo()
{
    m_model->appendExchanges(filterSamples());
    const int cancelled = m_model->firstRowOfExchange(5);
    const int refused = m_model->firstRowOfExchange(4);
    QCOMPARE(m_model->index(cancelled, TimelineModel::StatusColumn).data().toString(),
        QStringLiteral("Cancelled"));
    QVERIFY(m_model->index(cancelled, 0).data(TimelineModel::CancelledRole).toBool());
    QVERIFY2(m_model->index(cancelled, TimelineModel::StatusColumn)
                 .data(Qt::ToolTipRole)
                 .toString()
                 .contains(QStringLiteral("You cancelled")),
        "the tooltip says who cancelled");
    QCOMPARE(m_model->index(refused, TimelineModel::StatusColumn).data().toString(),
        QStringLiteral("net::ERR_CONNECTION_REFUSED"));
    QVERIFY(!m_model->index(refused, 0).data(TimelineModel::CancelledRole).toBool());

    // The same outcome replayed from a HAR recording is the page letting go, not a cancel.
    auto recorded = std::make_shared<ExchangeRecord>(*m_model->exchangeAt(cancelled));
    recorded->id = 8;
    recorded->recordedIn = QStringLiteral("recorded in app.har, entry 3");
    m_model->appendExchange(recorded);
    const int replayed = m_model->firstRowOfExchange(8);
    QCOMPARE(m_model->index(replayed, TimelineModel::StatusColumn).data().toString(),
        QStringLiteral("net::ERR_ABORTED"));
    QVERIFY(!m_model->index(replayed, 0).data(TimelineModel::CancelledRole).toBool());
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
