// The demo requests: read from the compiled-in resource, moved to the lab's real port, listed in
// the Requests dock; clicking one fills the composer, and the first failing one really fails.
#include "net/labserver.h"
#include "net/qnamtransport.h"
#include "ui/composerpanel.h"
#include "ui/democollection.h"
#include "ui/exchangesession.h"
#include "ui/explanationpanel.h"
#include "ui/mainwindow.h"
#include "ui/savedrequestmodel.h"
#include "ui/savedrequestspanel.h"
#include "ui/timelinemodel.h"

#include <QAbstractItemModelTester>
#include <QLineEdit>
#include <QListView>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace corscope;

class TestDemoCollection : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void theDemoRequestsPointAtTheLabsPort();
    void onlyTheLabsPortIsRewritten();
    void clickingARequestFillsTheComposer();
    void theFirstFailingDemoRequestIsBlockedByTheLab();
};

void TestDemoCollection::theDemoRequestsPointAtTheLabsPort()
{
    QString error;
    const auto demo = demoCollection(51234, &error);
    QVERIFY2(demo, qPrintable(error));
    const QList<CollectionEntry> entries = *demo->requests();
    QVERIFY(entries.size() >= 10);
    for (const CollectionEntry &entry : entries)
        QVERIFY2(entry.item->request.url.startsWith(QStringLiteral("http://localhost:51234/")),
            qPrintable(entry.item->request.url));
    const int failing = firstFailingRequest(*demo);
    QVERIFY(failing > 0);
    QCOMPARE(entries.at(failing).item->request.expect.value_or(QString()), QStringLiteral("blocked"));
    for (int i = 0; i < failing; ++i)
        QCOMPARE(entries.at(i).item->request.expect.value_or(QString()), QStringLiteral("allowed"));

    // On the default port nothing changes.
    const auto same = demoCollection(LabServer::defaultPort, &error);
    QVERIFY(same->requests()->first().item->request.url.startsWith(QStringLiteral("http://localhost:4807/")));
}

void TestDemoCollection::onlyTheLabsPortIsRewritten()
{
    Collection collection;
    for (const char *url : {"http://localhost:4807/a", "http://127.0.0.1:4807", "http://localhost:48070/b",
             "http://example.test:4807/c"}) {
        CollectionItem request;
        request.request.url = QString::fromLatin1(url);
        collection.items.push_back(request);
    }
    const Collection moved = withLabPort(collection, 4807, 9000);
    QCOMPARE(moved.items.at(0).request.url, QStringLiteral("http://localhost:9000/a"));
    QCOMPARE(moved.items.at(1).request.url, QStringLiteral("http://127.0.0.1:9000"));
    QCOMPARE(moved.items.at(2).request.url, QStringLiteral("http://localhost:48070/b"));
    QCOMPARE(moved.items.at(3).request.url, QStringLiteral("http://example.test:4807/c"));
}

void TestDemoCollection::clickingARequestFillsTheComposer()
{
    QnamTransport transport;
    ExchangeSession session(&transport);
    MainWindow window(&session);
    // Attached before the collection is loaded.
    QAbstractItemModelTester tester(
        window.savedRequestModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QString error;
    const auto demo = demoCollection(40000, &error);
    QVERIFY(demo);
    window.setSavedRequests(*demo);
    QCOMPARE(window.savedRequestModel()->rowCount(), demo->requests()->size());

    QListView *list = window.savedRequests()->view();
    const int row = 2;
    const QRect rect = list->visualRect(window.savedRequestModel()->index(row, 0));
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, rect.center());
    auto *url = window.findChild<QLineEdit *>(QStringLiteral("urlEdit"));
    QTRY_COMPARE(url->text(), demo->requests()->at(row).item->request.url);
    QCOMPARE(window.savedRequestModel()->index(row, 0).data().toString(), demo->requests()->at(row).item->name);
    QCOMPARE(window.savedRequestModel()->index(row, 0).data(SavedRequestModel::ExpectRole).toString(),
        demo->requests()->at(row).item->request.expect.value_or(QString()));
}

void TestDemoCollection::theFirstFailingDemoRequestIsBlockedByTheLab()
{
    LabServer lab;
    QVERIFY(lab.listen(0));
    QnamTransport transport;
    ExchangeSession session(&transport);
    MainWindow window(&session);
    QString error;
    const auto demo = demoCollection(lab.port(), &error);
    QVERIFY(demo);
    window.setSavedRequests(*demo);
    window.loadSavedRequest(firstFailingRequest(*demo));
    QSignalSpy shown(&window, &MainWindow::exchangeShown);
    QVERIFY(window.sendCurrentRequest());
    QVERIFY(shown.wait(10000));
    QVERIFY2(window.explanation()->verdictText().contains(QStringLiteral("Blocked")),
        qPrintable(window.explanation()->verdictText()));
    QVERIFY(window.timelineModel()
                ->index(0, TimelineModel::UrlColumn)
                .data()
                .toString()
                .startsWith(u"http://localhost:" + QString::number(lab.port()) + u'/'));
}

QTEST_MAIN(TestDemoCollection)
#include "tst_democollection.moc"
