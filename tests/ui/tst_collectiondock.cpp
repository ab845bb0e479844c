#include "net/qnamtransport.h"
#include "net/rawhttpserver.h"
#include "store/collectionfile.h"
#include "ui/collectionbridge.h"
#include "ui/collectiondock.h"
#include "ui/collectiondocument.h"
#include "ui/collectionmodel.h"
#include "ui/composerpanel.h"
#include "ui/exchangelog.h"
#include "ui/exchangesession.h"
#include "ui/importjob.h"
#include "ui/mainwindow.h"
#include "ui/runpanel.h"
#include "ui/runresultsmodel.h"
#include "ui/timelinemodel.h"
#include "ui/timelinepanel.h"

#include <QApplication>
#include <QAction>
#include <QClipboard>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QLineEdit>
#include <QMenu>
#include <QMimeData>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QTreeView>
#include <QUndoStack>
#include <memory>

#include <sys/stat.h>

using namespace corscope;

// The collection dock inside the real window, against a server in this process.
class TestCollectionDock : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void openingAFileFillsTheTreeAndTheRecentMenu();
    void aDockShowsTheDocumentItIsGiven();
    void theImportRowShowsProgressAndCancels();
    void theUnsavedMarkerIsInTheWindowAndDockTitles();
    void openingARequestFillsTheComposerWithTheEnvironment();
    void aRequestIsCopiedAsCurlForEveryPageOrigin();
    void runningFillsTheOriginMatrixAndTheTimeline();
    void openingARequestAfterARunSelectsItsLastResult();
    void aRunCanBeCancelled();
    void droppingAFileOnTheWindowImportsIt();
    void pastingACurlCommandIntoTheUrlFieldImportsIt();
    void theWorkingStateIsSavedAndRestored();
    void anUnreadableWorkingStateStartsEmpty();
    void screenshotOfTheDock();

private:
    QString writeCollection(const QString &name) const;
    void createWindow();
    // The dock's file operations run on its file thread: these start one and wait for its end.
    bool open(const QString &path, QString *error = nullptr);
    bool saveAs(const QString &path, QString *error = nullptr);

    QTemporaryDir m_dir;
    std::unique_ptr<RawHttpServer> m_server;
    std::unique_ptr<QnamTransport> m_transport;
    std::unique_ptr<ExchangeSession> m_session;
    std::unique_ptr<MainWindow> m_window;
    CollectionBridge *m_bridge = nullptr;
    CollectionDock *m_dock = nullptr;
};

void TestCollectionDock::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
}

void TestCollectionDock::init()
{
    QFile::remove(CollectionDock::workingStatePath());
    QSettings().remove(QStringLiteral("collections"));
    m_server = std::make_unique<RawHttpServer>();
    m_server->route("/ok", [](const RawHttpRequest &request, RawHttpResponder &responder) {
        // Allows every origin, and the X-Trace header its preflight asks for.
        responder.respond(200, "OK",
            {{"Access-Control-Allow-Origin", request.headers.combinedValue("origin").value_or("")},
                {"Access-Control-Allow-Headers", "X-Trace"}, {"Vary", "Origin"}},
            "{}");
    });
    m_server->route("/local-only", [](const RawHttpRequest &request, RawHttpResponder &responder) {
        const QByteArray origin = request.headers.combinedValue("origin").value_or("");
        HeaderList headers;
        if (origin == "http://localhost:3000")
            headers.append("Access-Control-Allow-Origin", origin);
        responder.respond(200, "OK", headers, "{}");
    });
    m_server->route("/hang", [](const RawHttpRequest &, RawHttpResponder &) {});
    QVERIFY(m_server->listen());
    m_transport = std::make_unique<QnamTransport>();
    m_session = std::make_unique<ExchangeSession>(m_transport.get());
    createWindow();
}

void TestCollectionDock::createWindow()
{
    m_window = std::make_unique<MainWindow>(m_session.get());
    m_bridge = m_window->findChild<CollectionBridge *>();
    QVERIFY(m_bridge);
    m_dock = m_bridge->dock();
    m_bridge->setRunTransport(m_transport.get());
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestCollectionDock::cleanup()
{
    m_window.reset();
    m_session.reset();
    m_transport.reset();
    m_server.reset();
}

QString TestCollectionDock::writeCollection(const QString &name) const
{
    const QString api = QString::fromUtf8(m_server->url(QStringLiteral("/")).toEncoded()).chopped(1);
    Collection collection;
    collection.name = QStringLiteral("API");
    collection.origins = {QStringLiteral("http://localhost:3000"), QStringLiteral("https://app.example.com")};
    collection.environments = {{QStringLiteral("dev"), {{QStringLiteral("api"), api}}},
        {QStringLiteral("prod"), {{QStringLiteral("api"), QStringLiteral("https://api.example.com")}}}};
    CollectionItem ok;
    ok.id = QStringLiteral("ok1");
    ok.name = QStringLiteral("works everywhere");
    ok.request.url = QStringLiteral("{{api}}/ok");
    ok.request.headers = {{QStringLiteral("X-Trace"), QStringLiteral("1")}};
    ok.request.method = QStringLiteral("GET");
    CollectionItem local;
    local.id = QStringLiteral("lo1");
    local.name = QStringLiteral("works on localhost");
    local.request.url = QStringLiteral("{{api}}/local-only");
    CollectionItem folder;
    folder.kind = CollectionItem::Kind::Folder;
    folder.id = QStringLiteral("fo1");
    folder.name = QStringLiteral("items");
    folder.children = {local};
    collection.items = {ok, folder};
    const QString path = m_dir.filePath(name);
    QString error;
    if (!saveCollection(collection, path, &error))
        qFatal("%s", qPrintable(error));
    return path;
}

bool TestCollectionDock::open(const QString &path, QString *error)
{
    QSignalSpy opened(m_dock, &CollectionDock::fileOpened);
    m_dock->openFile(path);
    if (!opened.wait(10000))
        qFatal("no fileOpened for %s", qPrintable(path));
    if (error)
        *error = opened.last().at(2).toString();
    return opened.last().at(1).toBool();
}

bool TestCollectionDock::saveAs(const QString &path, QString *error)
{
    QSignalSpy saved(m_dock, &CollectionDock::fileSaved);
    m_dock->saveAs(path);
    if (!saved.wait(10000))
        qFatal("no fileSaved for %s", qPrintable(path));
    if (error)
        *error = saved.last().at(2).toString();
    return saved.last().at(1).toBool();
}

void TestCollectionDock::openingAFileFillsTheTreeAndTheRecentMenu()
{
    m_dock->hide();
    const QString path = writeCollection(QStringLiteral("open.json"));
    QString error;
    QVERIFY2(open(path, &error), qPrintable(error));
    QVERIFY(m_dock->isVisible());
    QCOMPARE(m_dock->view()->model()->rowCount(), 2);
    QVERIFY(m_dock->view()->isExpanded(m_dock->model()->indexOfId(QStringLiteral("fo1"))));
    const QList<QAction *> recent = m_dock->recentMenu()->actions();
    QVERIFY(!recent.isEmpty());
    QCOMPARE(recent.first()->text(), QStringLiteral("open.json"));
    QCOMPARE(recent.first()->toolTip(), QFileInfo(path).absoluteFilePath());
}

void TestCollectionDock::aDockShowsTheDocumentItIsGiven()
{
    CollectionDocument document;
    document.importText(QStringLiteral("curl 'https://api.example.com/given'"));
    document.model()->setSaved();
    CollectionDock dock(&document);
    QVERIFY(!dock.windowTitle().endsWith(u" *"));
    QCOMPARE(dock.document(), &document);
    QCOMPARE(dock.view()->model(), document.model());
    QCOMPARE(dock.view()->model()->rowCount(), 1);
    QSignalSpy changed(&dock, &CollectionDock::documentChanged);
    document.model()->renameItem(document.model()->index(0, 0), QStringLiteral("renamed"));
    QCOMPARE(changed.size(), 1);
    QVERIFY(dock.windowTitle().endsWith(u" *"));
}

void TestCollectionDock::theImportRowShowsProgressAndCancels()
{
    // A named pipe holds the import open until the cancel button has been clicked.
    const QString path = m_dir.filePath(QStringLiteral("slow.txt"));
    QCOMPARE(::mkfifo(QFile::encodeName(path).constData(), 0600), 0);
    auto *row = m_dock->findChild<QWidget *>(QStringLiteral("importRow"));
    auto *cancel = m_dock->findChild<QToolButton *>(QStringLiteral("importCancelButton"));
    QVERIFY(row && cancel);
    QVERIFY(!row->isVisibleTo(m_dock));
    QSignalSpy done(m_dock, &CollectionDock::importFinished);
    m_dock->importFile(path);
    QVERIFY(row->isVisibleTo(m_dock));
    QTest::mouseClick(cancel, Qt::LeftButton);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly)); // lets the worker's open() return
    file.close();
    QVERIFY(done.wait(10000));
    QCOMPARE(done.first().first().toBool(), false);
    QVERIFY(!row->isVisibleTo(m_dock));
}

void TestCollectionDock::theUnsavedMarkerIsInTheWindowAndDockTitles()
{
    QVERIFY(open(writeCollection(QStringLiteral("marker.json"))));
    QVERIFY(m_window->windowTitle().contains(u"marker.json[*]"));
    QVERIFY(!m_window->isWindowModified());
    QVERIFY(!m_dock->windowTitle().endsWith(u'*'));
    m_dock->model()->renameItem(m_dock->model()->indexOfId(QStringLiteral("ok1")), QStringLiteral("x"));
    QVERIFY(m_window->isWindowModified());
    QVERIFY(m_dock->windowTitle().endsWith(u" *"));
    m_dock->model()->undoStack()->undo();
    QVERIFY(!m_window->isWindowModified());
    m_dock->model()->undoStack()->redo();
    QSignalSpy saved(m_dock, &CollectionDock::fileSaved);
    QVERIFY(m_dock->save());
    QVERIFY(saved.wait(10000));
    QVERIFY(!m_window->isWindowModified());
    QVERIFY(!m_dock->windowTitle().endsWith(u'*'));
}

void TestCollectionDock::aRequestIsCopiedAsCurlForEveryPageOrigin()
{
    QVERIFY(open(writeCollection(QStringLiteral("curl.json"))));
    CollectionModel *model = m_dock->model();
    QSignalSpy status(m_dock, &CollectionDock::statusMessage);
    QGuiApplication::clipboard()->setText(QStringLiteral("unchanged"));
    // No environment chosen: {{api}} has no value, and nothing half-resolved is copied.
    m_dock->environmentCombo()->setCurrentIndex(0);
    QVERIFY(!m_dock->copyAsCurl(model->indexOfId(QStringLiteral("ok1"))));
    QCOMPARE(QGuiApplication::clipboard()->text(), QStringLiteral("unchanged"));
    QVERIFY2(status.last().first().toString().startsWith(u"Not copied: "), qPrintable(status.last().first().toString()));
    QVERIFY2(status.last().first().toString().contains(u"api"), qPrintable(status.last().first().toString()));
    QVERIFY(!m_dock->copyAsCurl(model->indexOfId(QStringLiteral("fo1")))); // a folder

    m_dock->environmentCombo()->setCurrentIndex(m_dock->environmentCombo()->findText(QStringLiteral("prod")));
    m_dock->view()->setCurrentIndex(model->indexOfId(QStringLiteral("ok1")));
    auto *action = m_dock->findChild<QAction *>(QStringLiteral("copyItemAsCurlAction"));
    QVERIFY(action && action->isEnabled());
    action->trigger();
    const QString curl = QGuiApplication::clipboard()->text();
    // The X-Trace header needs a preflight; the collection has two page origins.
    QCOMPARE(curl.count(u"curl -i -X OPTIONS 'https://api.example.com/ok'"), 2);
    QCOMPARE(curl.count(u"curl -i -X GET 'https://api.example.com/ok'"), 2);
    QVERIFY2(curl.contains(u"-H 'Origin: http://localhost:3000'"), qPrintable(curl));
    QVERIFY2(curl.contains(u"-H 'Origin: https://app.example.com'"), qPrintable(curl));
    QVERIFY2(curl.contains(u"-H 'Access-Control-Request-Headers: x-trace'"), qPrintable(curl));
    QCOMPARE(status.last().first().toString(), QStringLiteral("Copied the curl commands of “works everywhere”."));
    QCOMPARE(m_server->requests().size(), 0);

    m_dock->view()->setCurrentIndex(model->indexOfId(QStringLiteral("fo1")));
    QVERIFY(!action->isEnabled());
}

void TestCollectionDock::openingARequestFillsTheComposerWithTheEnvironment()
{
    QVERIFY(open(writeCollection(QStringLiteral("fill.json"))));
    QComboBox *environments = m_dock->environmentCombo();
    QCOMPARE(environments->count(), 3);
    environments->setCurrentIndex(environments->findText(QStringLiteral("prod")));
    m_dock->openRequest(m_dock->model()->indexOfId(QStringLiteral("ok1")));
    RequestInput input = m_window->composer()->input();
    QCOMPARE(input.url, QStringLiteral("https://api.example.com/ok"));
    QCOMPARE(input.origin, QStringLiteral("http://localhost:3000"));
    QCOMPARE(input.headerLines, QStringList{QStringLiteral("X-Trace: 1")});

    environments->setCurrentIndex(environments->findText(QStringLiteral("dev")));
    // Activating the row in the tree (Enter / double-click) opens it too.
    const QModelIndex local = m_dock->model()->indexOfId(QStringLiteral("lo1"));
    m_dock->view()->expandAll();
    Q_EMIT m_dock->view()->activated(local);
    input = m_window->composer()->input();
    QCOMPARE(input.url, QString::fromUtf8(m_server->url(QStringLiteral("/local-only")).toEncoded()));
    QCOMPARE(input.method, QStringLiteral("GET"));
}

void TestCollectionDock::runningFillsTheOriginMatrixAndTheTimeline()
{
    QVERIFY(open(writeCollection(QStringLiteral("run.json"))));
    m_dock->environmentCombo()->setCurrentIndex(m_dock->environmentCombo()->findText(QStringLiteral("dev")));
    RunPanel *panel = m_bridge->runPanel();
    QSignalSpy finished(panel, &RunPanel::runFinished);
    QSignalSpy jobs(panel, &RunPanel::jobFinished);
    QVERIFY(m_bridge->startRun(QString()));
    QVERIFY(panel->isRunning());
    QVERIFY(finished.wait(10000));
    QCOMPARE(jobs.count(), 4);

    RunResultsModel *results = panel->model();
    QCOMPARE(results->rowCount(), 2);
    QCOMPARE(results->origins(),
        (QStringList{QStringLiteral("http://localhost:3000"), QStringLiteral("https://app.example.com")}));
    QCOMPARE(results->index(0, 0).data().toString(), QStringLiteral("works everywhere"));
    QCOMPARE(results->index(1, 0).data().toString(), QStringLiteral("items/works on localhost"));
    QCOMPARE(results->index(0, 1).data(RunResultsModel::VerdictRole).toString(), QStringLiteral("allowed"));
    QCOMPARE(results->index(0, 2).data(RunResultsModel::VerdictRole).toString(), QStringLiteral("allowed"));
    QCOMPARE(results->index(1, 1).data(RunResultsModel::VerdictRole).toString(), QStringLiteral("allowed"));
    QCOMPARE(results->index(1, 2).data(RunResultsModel::VerdictRole).toString(), QStringLiteral("blocked"));
    QCOMPARE(results->index(1, 2).data(RunResultsModel::CheckRole).toString(),
        QStringLiteral("missing-allow-origin"));
    QVERIFY(results->index(1, 2).data().toString().startsWith(u"✗ missing-allow-origin"));
    QVERIFY(panel->summary().contains(u"3 allowed, 1 blocked"));
    QCOMPARE(m_window->timelineModel()->exchangeCount(), 4);
    QCOMPARE(panel->lastRunJson().size(), 4);

    // A folder only.
    QVERIFY(m_bridge->startRun(QStringLiteral("items")));
    QVERIFY(finished.wait(10000));
    QCOMPARE(results->rowCount(), 1);
    QCOMPARE(m_window->timelineModel()->exchangeCount(), 6);
}

void TestCollectionDock::openingARequestAfterARunSelectsItsLastResult()
{
    QVERIFY(open(writeCollection(QStringLiteral("select.json"))));
    m_dock->environmentCombo()->setCurrentIndex(m_dock->environmentCombo()->findText(QStringLiteral("dev")));
    QSignalSpy finished(m_bridge->runPanel(), &RunPanel::runFinished);
    QVERIFY(m_bridge->startRun(QString()));
    QVERIFY(finished.wait(10000));
    // The composer opens on the first page origin: its result is the one selected, not the last run.
    const int exchangeId
        = m_bridge->lastExchangeOf(QStringLiteral("lo1"), QStringLiteral("http://localhost:3000"));
    QVERIFY(exchangeId > 0);
    QVERIFY(m_bridge->lastExchangeOf(QStringLiteral("lo1")) > exchangeId);
    m_dock->openRequest(m_dock->model()->indexOfId(QStringLiteral("lo1")));
    const QModelIndex current = m_window->timeline()->view()->currentIndex();
    QVERIFY(current.isValid());
    QCOMPARE(current.data(TimelineModel::ExchangeIdRole).toInt(), exchangeId);

    // A send from the composer after opening becomes that request's latest result.
    QSignalSpy sent(m_window->exchangeLog(), &ExchangeLog::exchangeFinished);
    QVERIFY(m_window->sendCurrentRequest());
    QVERIFY(sent.wait(10000));
    QVERIFY(m_bridge->lastExchangeOf(QStringLiteral("lo1"), QStringLiteral("http://localhost:3000"))
        > exchangeId);
}

void TestCollectionDock::aRunCanBeCancelled()
{
    Collection collection;
    collection.origins = {QStringLiteral("http://localhost:3000")};
    CollectionItem hang;
    hang.name = QStringLiteral("hangs");
    hang.request.url = QString::fromUtf8(m_server->url(QStringLiteral("/hang")).toEncoded());
    collection.items = {hang, hang};
    m_dock->model()->setCollection(collection);
    RunPanel *panel = m_bridge->runPanel();
    QSignalSpy finished(panel, &RunPanel::runFinished);
    QVERIFY(m_bridge->startRun(QString()));
    QTRY_COMPARE(panel->model()->index(0, 1).data().toString(), QStringLiteral("running…"));
    panel->cancel();
    QVERIFY(finished.count() == 1 || finished.wait(5000));
    QVERIFY(!panel->isRunning());
    QVERIFY2(panel->summary().contains(u"cancelled"), qPrintable(panel->summary()));
}

void TestCollectionDock::droppingAFileOnTheWindowImportsIt()
{
    const QString path = m_dir.filePath(QStringLiteral("dropped.txt"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("curl 'https://api.example.com/v1/drop' -H 'origin: http://localhost:3000' -X PUT\n");
    file.close();
    const int before = m_dock->model()->rowCount();

    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(path)});
    const QPoint at(m_window->width() / 2, m_window->height() / 2);
    QDragEnterEvent enter(at, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(m_window.get(), &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(QPointF(at), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(m_window.get(), &drop);
    QVERIFY(drop.isAccepted());
    QTRY_COMPARE(m_dock->model()->rowCount(), before + 1);
    const auto item = m_dock->model()->itemAt(m_dock->model()->index(before, 0));
    QCOMPARE(item->request.method, QStringLiteral("PUT"));
    QCOMPARE(item->request.url, QStringLiteral("https://api.example.com/v1/drop"));
}

void TestCollectionDock::pastingACurlCommandIntoTheUrlFieldImportsIt()
{
    const QString curl = QStringLiteral("curl 'https://api.example.com/v1/items?x=1' \\\n"
                                        "  -H 'accept: application/json' \\\n"
                                        "  -H 'content-type: application/json' \\\n"
                                        "  -H 'origin: http://localhost:3000' \\\n"
                                        "  -H 'sec-fetch-mode: cors' \\\n"
                                        "  --data-raw '{\"name\":\"x\"}'");
    QGuiApplication::clipboard()->setText(curl);
    auto *url = m_window->composer()->findChild<QLineEdit *>(QStringLiteral("urlEdit"));
    m_window->activateWindow();
    url->setFocus();
    url->clear();
    const int before = m_dock->model()->rowCount();
    QTest::keySequence(url, QKeySequence::Paste);
    QCOMPARE(url->text(), QStringLiteral("https://api.example.com/v1/items?x=1"));
    const RequestInput input = m_window->composer()->input();
    QCOMPARE(input.method, QStringLiteral("POST"));
    QCOMPARE(input.origin, QStringLiteral("http://localhost:3000"));
    QVERIFY(input.headerLines.contains(QStringLiteral("content-type: application/json")));
    QCOMPARE(input.body, QByteArray("{\"name\":\"x\"}"));
    QCOMPARE(m_dock->model()->rowCount(), before + 1);

    // Ordinary text still pastes as text.
    QGuiApplication::clipboard()->setText(QStringLiteral("https://example.com/plain"));
    url->clear();
    QTest::keySequence(url, QKeySequence::Paste);
    QCOMPARE(url->text(), QStringLiteral("https://example.com/plain"));
    QCOMPARE(m_dock->model()->rowCount(), before + 1);
}

void TestCollectionDock::theWorkingStateIsSavedAndRestored()
{
    const QString path = writeCollection(QStringLiteral("working.json"));
    QVERIFY(open(path));
    m_dock->model()->renameItem(
        m_dock->model()->indexOfId(QStringLiteral("ok1")), QStringLiteral("not saved yet"));
    // The autosave runs by itself a moment after the change.
    QTRY_VERIFY_WITH_TIMEOUT(QFileInfo::exists(CollectionDock::workingStatePath()), 5000);
    m_dock->waitForWorkingState();
    QString error;
    QTRY_VERIFY(loadCollection(CollectionDock::workingStatePath(), &error).has_value()
        && loadCollection(CollectionDock::workingStatePath(), &error)->items.front().name
            == u"not saved yet");

    m_window.reset(); // as if the application quit without saving
    createWindow();
    // Read on the file thread, which may end while the new window is still being shown.
    QTRY_COMPARE(
        m_dock->model()->indexOfId(QStringLiteral("ok1")).data().toString(), QStringLiteral("not saved yet"));
    QVERIFY(m_dock->isModified());
    QCOMPARE(m_dock->filePath(), QFileInfo(path).absoluteFilePath());
    QVERIFY(m_window->isWindowModified());
    // The file itself was never touched.
    QCOMPARE(loadCollection(path, &error)->items.front().name, QStringLiteral("works everywhere"));
}

void TestCollectionDock::anUnreadableWorkingStateStartsEmpty()
{
    m_window.reset();
    QDir folder = QFileInfo(CollectionDock::workingStatePath()).absoluteDir();
    QVERIFY(QDir().mkpath(folder.absolutePath()));
    for (const QString &old : folder.entryList({QStringLiteral("working-collection.json.corrupt-*")}))
        QVERIFY(folder.remove(old));
    const QByteArray cut = R"({"format": "corscope-collection", "version": 1, "items": [)"; // cut short by a crash
    QFile file(CollectionDock::workingStatePath());
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(cut);
    file.close();
    createWindow();
    // As a first start: an untitled collection, the dock shown (it is where saved requests go).
    QTRY_VERIFY(m_dock->isVisible());
    QCOMPARE(m_dock->model()->rowCount(), 0);
    QVERIFY(m_dock->filePath().isEmpty());
    QVERIFY(!m_dock->isModified());
    // And what the file held is kept aside, never deleted.
    m_dock->writeWorkingState();
    m_dock->waitForWorkingState();
    const QStringList aside = folder.entryList({QStringLiteral("working-collection.json.corrupt-*")});
    QCOMPARE(aside.size(), 1);
    QFile kept(folder.filePath(aside.first()));
    QVERIFY(kept.open(QIODevice::ReadOnly));
    QCOMPARE(kept.readAll(), cut);
}

void TestCollectionDock::screenshotOfTheDock()
{
    QVERIFY(open(writeCollection(QStringLiteral("screens.json"))));
    m_dock->environmentCombo()->setCurrentIndex(m_dock->environmentCombo()->findText(QStringLiteral("dev")));
    m_dock->model()->duplicateItem(m_dock->model()->indexOfId(QStringLiteral("ok1")));
    m_dock->view()->expandAll();
    QSignalSpy finished(m_bridge->runPanel(), &RunPanel::runFinished);
    QVERIFY(m_bridge->startRun(QString()));
    QVERIFY(finished.wait(10000));
    m_dock->openRequest(m_dock->model()->indexOfId(QStringLiteral("lo1")));
    m_window->resize(1500, 900);
    QDir().mkpath(QStringLiteral(CORSCOPE_SCREENSHOT_DIR));
    QVERIFY(
        m_window->renderImage().save(QStringLiteral(CORSCOPE_SCREENSHOT_DIR "/window-with-collection.png")));
    QVERIFY(m_dock->grab().save(QStringLiteral(CORSCOPE_SCREENSHOT_DIR "/collection-dock.png")));
}

QTEST_MAIN(TestCollectionDock)
#include "tst_collectiondock.moc"
