// The demo requests: read from the compiled-in resource, moved to the lab's real port, shown as a
// collection like any other (the tree of a first start, or a folder of the user's tree); opening one
// fills the composer, and the first failing one really fails.
#include "net/labserver.h"
#include "net/qnamtransport.h"
#include "ui/composerpanel.h"
#include "ui/democollection.h"
#include "ui/exchangesession.h"
#include "ui/explanationpanel.h"
#include "ui/mainwindow.h"
#include "ui/collectionbridge.h"
#include "ui/collectiondock.h"
#include "ui/collectionmodel.h"
#include "ui/timelinemodel.h"

#include <QAbstractItemModelTester>
#include <QLabel>
#include <QLineEdit>
#include <QTreeView>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QDockWidget>
#include <QFile>
#include <QTest>

using namespace corscope;

class TestDemoCollection : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void theDemoRequestsPointAtTheLabsPort();
    void onlyTheLabsPortIsRewritten();
    void init();
    void aFirstStartShowsTheDemoAsTheCollection();
    void theDemoJoinsAnExistingTreeAsOneFolder();
    void theFirstFailingDemoRequestIsBlockedByTheLab();
    void theWindowSaysWhenTheLabIsOnAnotherPort();
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

void TestDemoCollection::init()
{
    // Each window starts as a first start: no working state of an earlier test.
    QFile::remove(CollectionDock::workingStatePath());
}

void TestDemoCollection::aFirstStartShowsTheDemoAsTheCollection()
{
    QnamTransport transport;
    ExchangeSession session(&transport);
    MainWindow window(&session);
    auto *dock = window.findChild<CollectionDock *>();
    QVERIFY(dock);
    QAbstractItemModelTester tester(dock->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QString error;
    const auto demo = demoCollection(40000, &error);
    QVERIFY(demo);
    window.setDemoCollection(*demo);
    // One tree, visible, holding the demo; no second dock of requests.
    QTRY_VERIFY(dock->isVisible());
    QCOMPARE(int(dock->model()->collection().requests()->size()), int(demo->requests()->size()));
    QVERIFY(!window.findChild<QDockWidget *>(QStringLiteral("savedRequestsDock")));
    QVERIFY2(dock->width() >= 200, qPrintable(QString::number(dock->width())));

    // Enter on a request opens it in the composer.
    const CollectionEntry entry = demo->requests()->at(2);
    QModelIndex index;
    const QModelIndexList found = dock->model()->match(dock->model()->index(0, 0), Qt::DisplayRole, entry.item->name, 1,
        Qt::MatchExactly | Qt::MatchRecursive);
    if (!found.isEmpty())
        index = found.first();
    QVERIFY(index.isValid());
    dock->view()->setCurrentIndex(index);
    dock->view()->setFocus();
    QTest::keyClick(dock->view(), Qt::Key_Return);
    auto *url = window.findChild<QLineEdit *>(QStringLiteral("urlEdit"));
    QTRY_COMPARE(url->text(), entry.item->request.url);
}

void TestDemoCollection::theDemoJoinsAnExistingTreeAsOneFolder()
{
    QnamTransport transport;
    ExchangeSession session(&transport);
    MainWindow window(&session);
    auto *dock = window.findChild<CollectionDock *>();
    Collection mine;
    mine.name = QStringLiteral("mine");
    CollectionItem item;
    item.name = QStringLiteral("my request");
    item.request.url = QStringLiteral("http://localhost:1/x");
    mine.items.push_back(item);
    QTRY_VERIFY(!window.collections()->isRestoring());
    dock->model()->setCollection(mine);
    QString error;
    const auto demo = demoCollection(40000, &error);
    window.setDemoCollection(*demo);
    QSignalSpy shown(window.collections(), &CollectionBridge::demoShown);
    window.showDemo();
    QTRY_COMPARE(shown.count(), 1);
    QVERIFY(shown.first().first().toBool());
    QCOMPARE(dock->model()->rowCount(), 2);
    QCOMPARE(dock->model()->index(0, 0).data().toString(), QStringLiteral("my request"));
    QCOMPARE(dock->model()->index(1, 0).data().toString(), demo->name);
    // A second time adds nothing.
    window.showDemo();
    QTRY_COMPARE(shown.count(), 2);
    QCOMPARE(dock->model()->rowCount(), 2);
    // The composer holds the first request the demo expects to be blocked.
    auto *url = window.findChild<QLineEdit *>(QStringLiteral("urlEdit"));
    QCOMPARE(url->text(), demo->requests()->at(firstFailingRequest(*demo)).item->request.url);
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
    window.setDemoCollection(*demo);
    QSignalSpy opened(window.collections(), &CollectionBridge::demoShown);
    window.showDemo();
    QTRY_COMPARE(opened.count(), 1);
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

void TestDemoCollection::theWindowSaysWhenTheLabIsOnAnotherPort()
{
    QnamTransport transport;
    ExchangeSession session(&transport);
    MainWindow window(&session);
    auto *status = window.findChild<QLabel *>(QStringLiteral("statusLabel"));
    QVERIFY(status);
    const QString before = status->text();
    window.setLabPort(LabServer::defaultPort);
    QCOMPARE(status->text(), before);
    window.setLabPort(40123);
    QVERIFY2(status->text().contains(u"40123") && status->text().contains(u"4807"), qPrintable(status->text()));
}

QTEST_MAIN(TestDemoCollection)
#include "tst_democollection.moc"
