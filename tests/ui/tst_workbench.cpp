// The window as a workbench: the flows that connect the composer, the timeline and the collection.
// Saving the composed request (Ctrl+S, Save As), opening a timeline row (Enter, double click), the
// row's context menu, clearing the history with its question and undo, the Help menu, and no key
// bound twice. Driven by object name against an in-process server, offscreen.
#include "net/qnamtransport.h"
#include "net/rawhttpserver.h"
#include "store/collectionfile.h"
#include "ui/collectionbridge.h"
#include "ui/collectiondock.h"
#include "ui/collectionmodel.h"
#include "ui/composerpanel.h"
#include "ui/exchangeactions.h"
#include "ui/exchangelog.h"
#include "ui/exchangesession.h"
#include "ui/explanationpanel.h"
#include "ui/mainwindow.h"
#include "ui/reportdialog.h"
#include "ui/runpanel.h"
#include "ui/runresultsmodel.h"
#include "ui/saverequestdialog.h"
#include "ui/shortcutsdialog.h"
#include "ui/timelinefiltermodel.h"
#include "ui/timelinemodel.h"
#include "ui/timelinepanel.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QFile>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>
#include <QTreeView>
#include <QUndoStack>
#include <memory>

using namespace corscope;

class TestWorkbench : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void ctrlSAsksWhereANewRequestGoesThenUpdatesIt();
    void savingAnOpenedRequestKeepsItsVariables();
    void saveAsAlwaysAsksAndMakesTheFolder();
    void enterOnATimelineRowLoadsItsRequest();
    void theRowContextMenuActsOnItsExchange();
    void deleteFromHistoryForgetsTheExchange();
    void clearHistoryAsksAndCanBeUndone();
    void aMatrixCellSelectsItsExchange();
    void theHelpMenuListsTheShortcuts();
    void noKeyIsBoundTwice();

private:
    template <typename T>
    T *child(const QString &name) const
    {
        T *widget = m_window->findChild<T *>(name);
        if (!widget)
            qFatal("no child %s", qPrintable(name));
        return widget;
    }
    RequestInput input(const QString &path) const;
    ExchangeRecordPtr send(const QString &path);
    SaveRequestDialog *waitForSaveDialog();
    CollectionDock *dock() const { return m_window->findChild<CollectionDock *>(); }
    void pressOnWindow(const QKeySequence &keys);

    std::unique_ptr<RawHttpServer> m_server;
    std::unique_ptr<QnamTransport> m_transport;
    std::unique_ptr<ExchangeSession> m_session;
    std::unique_ptr<MainWindow> m_window;
};

void TestWorkbench::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestWorkbench::init()
{
    QFile::remove(CollectionDock::workingStatePath());
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
    m_window = std::make_unique<MainWindow>(m_session.get());
    m_window->show();
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    QTRY_VERIFY(!m_window->collections()->isRestoring());
}

void TestWorkbench::cleanup()
{
    m_window.reset();
    m_session.reset();
    m_transport.reset();
    m_server.reset();
}

RequestInput TestWorkbench::input(const QString &path) const
{
    RequestInput request;
    request.method = QStringLiteral("PUT");
    request.url = QString::fromUtf8(m_server->url(path).toEncoded());
    request.origin = QStringLiteral("http://localhost:3000");
    request.headerLines = {QStringLiteral("X-Trace: 1")};
    request.body = "{\"id\":1}";
    return request;
}

ExchangeRecordPtr TestWorkbench::send(const QString &path)
{
    RequestInput request = input(path);
    request.method = QStringLiteral("GET");
    request.headerLines.clear();
    request.body.clear();
    m_window->composer()->setInput(request);
    QSignalSpy finished(m_window->exchangeLog(), &ExchangeLog::exchangeFinished);
    if (!m_window->sendCurrentRequest() || !finished.wait(10000))
        return nullptr;
    return finished.first().first().value<ExchangeRecordPtr>();
}

SaveRequestDialog *TestWorkbench::waitForSaveDialog()
{
    SaveRequestDialog *dialog = nullptr;
    (void)QTest::qWaitFor(
        [&] { return (dialog = m_window->findChild<SaveRequestDialog *>()) && dialog->isVisible(); });
    if (!dialog)
        qFatal("the Save Request dialog did not open");
    return dialog;
}

void TestWorkbench::pressOnWindow(const QKeySequence &keys)
{
    // A dialog that just closed may have taken the activation with it; keys go to the active window.
    m_window->activateWindow();
    if (!QTest::qWaitForWindowActive(m_window.get()))
        qFatal("the window is not active");
    QTest::keySequence(m_window.get(), keys);
}

void TestWorkbench::ctrlSAsksWhereANewRequestGoesThenUpdatesIt()
{
    m_window->composer()->setInput(input(QStringLiteral("/ok")));
    pressOnWindow(QKeySequence(Qt::CTRL | Qt::Key_S));
    SaveRequestDialog *dialog = waitForSaveDialog();
    QVERIFY(dialog);
    auto *name = dialog->findChild<QLineEdit *>(QStringLiteral("requestNameEdit"));
    QCOMPARE(name->text(), QStringLiteral("PUT /ok")); // a suggestion
    name->setText(QStringLiteral("Update an item"));
    dialog->accept();
    QTRY_VERIFY(!m_window->findChild<SaveRequestDialog *>());

    CollectionModel *model = dock()->model();
    QCOMPARE(model->rowCount(), 1);
    const QModelIndex saved = model->index(0, 0);
    QCOMPARE(saved.data().toString(), QStringLiteral("Update an item"));
    auto item = model->itemAt(saved);
    QCOMPARE(item->request.method, QStringLiteral("PUT"));
    QCOMPARE(item->request.origins, QStringList{QStringLiteral("http://localhost:3000")});
    QCOMPARE(item->request.headers.size(), 1);
    QCOMPARE(item->request.body.value_or(QString()), QStringLiteral("{\"id\":1}"));
    QVERIFY(dock()->isVisible());
    QVERIFY(m_window->isWindowModified());

    // The second Ctrl+S updates the same entry without asking.
    RequestInput changed = input(QStringLiteral("/ok"));
    changed.headerLines.append(QStringLiteral("X-Other: 2"));
    m_window->composer()->setInput(changed);
    pressOnWindow(QKeySequence(Qt::CTRL | Qt::Key_S));
    QVERIFY(!m_window->findChild<SaveRequestDialog *>());
    QCOMPARE(model->rowCount(), 1);
    QCOMPARE(model->itemAt(model->index(0, 0))->request.headers.size(), 2);
    // ... and Ctrl+Z in the collection takes it back.
    model->undoStack()->undo();
    QCOMPARE(model->itemAt(model->index(0, 0))->request.headers.size(), 1);

    // Saving the collection file has keys of its own.
    auto *saveCollection = dock()->findChild<QAction *>(QStringLiteral("saveCollectionAction"));
    QCOMPARE(saveCollection->shortcut(), QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_S));
}

void TestWorkbench::savingAnOpenedRequestKeepsItsVariables()
{
    Collection collection;
    collection.name = QStringLiteral("api");
    collection.variables
        = {{QStringLiteral("base"), QString::fromUtf8(m_server->url(QStringLiteral("")).toEncoded())}};
    collection.origins = {QStringLiteral("http://localhost:3000")};
    CollectionItem item;
    item.id = QStringLiteral("r1");
    item.name = QStringLiteral("list");
    item.request.url = QStringLiteral("{{base}}/ok");
    item.request.headers = {{QStringLiteral("X-Trace"), QStringLiteral("1")}};
    item.request.expect = QStringLiteral("allowed");
    collection.items.push_back(item);
    dock()->model()->setCollection(collection);
    dock()->openRequest(dock()->model()->indexOfId(QStringLiteral("r1")));
    auto *url = child<QLineEdit>(QStringLiteral("urlEdit"));
    QVERIFY(!url->text().contains(u"{{"));

    RequestInput edited = m_window->composer()->input();
    edited.headerLines = {QStringLiteral("X-Trace: 2")};
    m_window->composer()->setInput(edited);
    m_window->collections()->saveComposedRequest();
    const auto saved = dock()->model()->itemAt(dock()->model()->indexOfId(QStringLiteral("r1")));
    QCOMPARE(saved->request.url, QStringLiteral("{{base}}/ok")); // unchanged: the placeholder stays
    QCOMPARE(saved->request.headers.first().second, QStringLiteral("2"));
    QCOMPARE(saved->request.expect.value_or(QString()), QStringLiteral("allowed"));
    QVERIFY(saved->request.origins.isEmpty()); // the collection's origin still applies
}

void TestWorkbench::saveAsAlwaysAsksAndMakesTheFolder()
{
    m_window->composer()->setInput(input(QStringLiteral("/ok")));
    pressOnWindow(QKeySequence(Qt::CTRL | Qt::Key_S));
    SaveRequestDialog *first = waitForSaveDialog();
    first->accept();
    QTRY_VERIFY(!m_window->findChild<SaveRequestDialog *>());

    pressOnWindow(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S));
    SaveRequestDialog *dialog = waitForSaveDialog();
    dialog->findChild<QLineEdit *>(QStringLiteral("requestNameEdit"))->setText(QStringLiteral("copy"));
    dialog->findChild<QComboBox *>(QStringLiteral("folderCombo"))
        ->setCurrentText(QStringLiteral("items / admin"));
    QCOMPARE(dialog->folderPath(), QStringLiteral("items/admin"));
    dialog->accept();
    QTRY_VERIFY(!m_window->findChild<SaveRequestDialog *>());
    CollectionModel *model = dock()->model();
    QCOMPARE(model->rowCount(), 2);
    const QModelIndex items = model->index(1, 0);
    QCOMPARE(items.data().toString(), QStringLiteral("items"));
    const QModelIndex admin = model->index(0, 0, items);
    QCOMPARE(admin.data().toString(), QStringLiteral("admin"));
    QCOMPARE(model->index(0, 0, admin).data().toString(), QStringLiteral("copy"));
    // One undo step takes back the folders and the request.
    model->undoStack()->undo();
    QCOMPARE(model->rowCount(), 1);
}

void TestWorkbench::enterOnATimelineRowLoadsItsRequest()
{
    const ExchangeRecordPtr first = send(QStringLiteral("/no"));
    const ExchangeRecordPtr second = send(QStringLiteral("/ok"));
    QVERIFY(first && second);
    m_window->composer()->setInput({});
    QTreeView *view = m_window->timeline()->view();
    const int row = m_window->timelineModel()->focusRowOfExchange(first->id);
    const QModelIndex index = m_window->timeline()->proxy()->mapFromSource(
        m_window->timelineModel()->index(row, TimelineModel::UrlColumn));
    view->setCurrentIndex(index);
    view->setFocus();
    QTest::keyClick(view, Qt::Key_Return);
    QTRY_COMPARE(child<QLineEdit>(QStringLiteral("urlEdit"))->text(),
        QString::fromUtf8(first->request.url.toEncoded()));
    QCOMPARE(m_window->composer()->input().origin, QStringLiteral("http://localhost:3000"));
    QCOMPARE(m_window->explanation()->exchange()->id, first->id);

    // A double click does the same.
    m_window->composer()->setInput({});
    const int secondRow = m_window->timelineModel()->focusRowOfExchange(second->id);
    const QModelIndex secondIndex = m_window->timeline()->proxy()->mapFromSource(
        m_window->timelineModel()->index(secondRow, TimelineModel::UrlColumn));
    const QPoint centre = view->visualRect(secondIndex).center();
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, centre);
    QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, centre);
    QTRY_COMPARE(child<QLineEdit>(QStringLiteral("urlEdit"))->text(),
        QString::fromUtf8(second->request.url.toEncoded()));
    QCOMPARE(m_window->explanation()->exchange()->id, second->id);
}

void TestWorkbench::theRowContextMenuActsOnItsExchange()
{
    const ExchangeRecordPtr record = send(QStringLiteral("/no"));
    QVERIFY(record);
    ExchangeActions *actions = m_window->exchangeActions();
    std::unique_ptr<QMenu> menu(actions->createMenu(record, m_window.get()));
    QStringList names;
    for (QAction *action : menu->actions()) {
        if (!action->isSeparator())
            names.append(action->objectName());
    }
    QCOMPARE(names,
        QStringList({QStringLiteral("resendExchangeAction"), QStringLiteral("openExchangeAction"),
            QStringLiteral("copyExchangeCurlAction"), QStringLiteral("copyExchangeUrlAction"),
            QStringLiteral("saveExchangeAction"), QStringLiteral("reportExchangeAction"),
            QStringLiteral("deleteExchangeAction")}));
    auto action = [&menu](const char *name) { return menu->findChild<QAction *>(QString::fromLatin1(name)); };

    action("copyExchangeUrlAction")->trigger();
    QCOMPARE(QGuiApplication::clipboard()->text(), QString::fromUtf8(record->request.url.toEncoded()));
    action("copyExchangeCurlAction")->trigger();
    QVERIFY2(QGuiApplication::clipboard()->text().startsWith(u"curl")
            || QGuiApplication::clipboard()->text().contains(u"\ncurl"),
        qPrintable(QGuiApplication::clipboard()->text()));
    QVERIFY(
        QGuiApplication::clipboard()->text().contains(QString::fromUtf8(record->request.url.toEncoded())));

    // Resend: the same request again, a new exchange.
    m_window->composer()->setInput({});
    QSignalSpy finished(m_window->exchangeLog(), &ExchangeLog::exchangeFinished);
    action("resendExchangeAction")->trigger();
    QVERIFY(finished.wait(10000));
    const auto resent = finished.first().first().value<ExchangeRecordPtr>();
    QVERIFY(resent->id > record->id);
    QCOMPARE(resent->request.url, record->request.url);
    QCOMPARE(m_server->requests().size(), 2);

    // Report…: the preview dialog of that exchange.
    action("reportExchangeAction")->trigger();
    ReportDialog *report = nullptr;
    QTRY_VERIFY((report = m_window->findChild<ReportDialog *>()) && report->isVisible());
    report->close();

    // Save to Collection…: asks, then the request is in the tree.
    action("saveExchangeAction")->trigger();
    SaveRequestDialog *dialog = waitForSaveDialog();
    dialog->accept();
    QTRY_COMPARE(dock()->model()->rowCount(), 1);
    QCOMPARE(dock()->model()->itemAt(dock()->model()->index(0, 0))->request.url,
        QString::fromUtf8(record->request.url.toEncoded()));
}

void TestWorkbench::deleteFromHistoryForgetsTheExchange()
{
    const ExchangeRecordPtr first = send(QStringLiteral("/no"));
    const ExchangeRecordPtr second = send(QStringLiteral("/ok"));
    QVERIFY(first && second);
    std::unique_ptr<QMenu> menu(m_window->exchangeActions()->createMenu(first, m_window.get()));
    menu->findChild<QAction *>(QStringLiteral("deleteExchangeAction"))->trigger();
    QCOMPARE(m_window->timelineModel()->exchangeCount(), 1);
    QCOMPARE(m_window->timelineModel()->exchangeAt(0)->id, second->id);
    QVERIFY(!m_window->exchangeLog()->record(first->id));
}

void TestWorkbench::clearHistoryAsksAndCanBeUndone()
{
    QVERIFY(send(QStringLiteral("/no")));
    QVERIFY(send(QStringLiteral("/ok")));
    auto *clear = m_window->findChild<QAction *>(QStringLiteral("clearHistoryAction"));
    auto *undo = m_window->findChild<QAction *>(QStringLiteral("undoClearHistoryAction"));
    QVERIFY(!undo->isEnabled());

    // Cancel keeps everything.
    clear->trigger();
    QMessageBox *box = nullptr;
    QTRY_VERIFY((box = m_window->findChild<QMessageBox *>(QStringLiteral("clearHistoryQuestion")))
        && box->isVisible());
    QVERIFY(box->text().contains(u"2 exchanges"));
    box->button(QMessageBox::Cancel)->click();
    QTRY_VERIFY(!m_window->findChild<QMessageBox *>(QStringLiteral("clearHistoryQuestion")));
    QCOMPARE(m_window->timelineModel()->exchangeCount(), 2);

    clear->trigger();
    QTRY_VERIFY((box = m_window->findChild<QMessageBox *>(QStringLiteral("clearHistoryQuestion")))
        && box->isVisible());
    QAbstractButton *confirm = nullptr;
    for (QAbstractButton *button : box->buttons()) {
        if (box->buttonRole(button) == QMessageBox::DestructiveRole)
            confirm = button;
    }
    QVERIFY(confirm);
    confirm->click();
    QTRY_COMPARE(m_window->timelineModel()->exchangeCount(), 0);
    QVERIFY(undo->isEnabled());
    undo->trigger();
    QCOMPARE(m_window->timelineModel()->exchangeCount(), 2);
    QVERIFY(!undo->isEnabled());
}

void TestWorkbench::aMatrixCellSelectsItsExchange()
{
    Collection collection;
    collection.name = QStringLiteral("matrix");
    CollectionItem item;
    item.id = QStringLiteral("m1");
    item.name = QStringLiteral("ok");
    item.request.url = QString::fromUtf8(m_server->url(QStringLiteral("/no")).toEncoded());
    item.request.origins = {QStringLiteral("http://localhost:3000"), QStringLiteral("http://localhost:4000")};
    collection.items.push_back(item);
    dock()->model()->setCollection(collection);
    RunPanel *panel = m_window->collections()->runPanel();
    QSignalSpy finished(panel, &RunPanel::runFinished);
    QVERIFY(m_window->collections()->startRun(QString()));
    QVERIFY(finished.wait(10000));
    QCOMPARE(m_window->timelineModel()->exchangeCount(), 2);

    // The second origin's cell: its exchange is the one from http://localhost:4000.
    RunResultsModel *results = panel->model();
    QModelIndex cell;
    for (int column = 0; column < results->columnCount(); ++column) {
        if (results->headerData(column, Qt::Horizontal).toString().contains(u"4000"))
            cell = results->index(0, column);
    }
    QVERIFY(cell.isValid());
    QTest::mouseClick(
        panel->view()->viewport(), Qt::LeftButton, {}, panel->view()->visualRect(cell).center());
    QTRY_VERIFY(m_window->explanation()->exchange());
    QCOMPARE(QString::fromLatin1(m_window->explanation()->exchange()->request.origin.serialize()),
        QStringLiteral("http://localhost:4000"));
}

void TestWorkbench::theHelpMenuListsTheShortcuts()
{
    auto *help = m_window->findChild<QMenu *>(QStringLiteral("helpMenu"));
    QVERIFY(help);
    QVERIFY(m_window->findChild<QAction *>(QStringLiteral("aboutAction")));
    m_window->findChild<QAction *>(QStringLiteral("keyboardShortcutsAction"))->trigger();
    ShortcutsDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = m_window->findChild<ShortcutsDialog *>()) && dialog->isVisible());
    const auto rows = ShortcutsDialog::shortcutsOf(m_window.get());
    auto has = [&rows](const QString &name, const QKeySequence &keys) {
        for (const auto &row : rows) {
            if (row.first == name && row.second.contains(keys.toString(QKeySequence::NativeText)))
                return true;
        }
        return false;
    };
    QVERIFY(has(QStringLiteral("Save Request"), QKeySequence(Qt::CTRL | Qt::Key_S)));
    QVERIFY(has(QStringLiteral("Send"), QKeySequence(Qt::CTRL | Qt::Key_Return)));
    QVERIFY(has(QStringLiteral("Save Collection"), QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_S)));
    dialog->close();
}

void TestWorkbench::noKeyIsBoundTwice()
{
    // Qt calls a key "ambiguous" when two enabled actions it can reach from the window bind it. Every
    // action that reaches the whole window is listed with its keys; each key must have one owner.
    // (Pressing them all would open modal file dialogs; the bindings are what decides.)
    QList<QKeySequence> keys;
    for (QAction *action : m_window->findChildren<QAction *>()) {
        for (const QKeySequence &key : action->shortcuts()) {
            if (!keys.contains(key))
                keys.append(key);
        }
    }
    QVERIFY(keys.size() > 10);
    // Each key, and which actions bind it with a context that reaches the whole window.
    QHash<QString, QStringList> windowWide;
    for (QAction *action : m_window->findChildren<QAction *>()) {
        if (action->shortcutContext() != Qt::WindowShortcut
            && action->shortcutContext() != Qt::ApplicationShortcut)
            continue;
        if (action->associatedObjects().isEmpty())
            continue;
        for (const QKeySequence &key : action->shortcuts())
            windowWide[key.toString()].append(
                action->objectName().isEmpty() ? action->text() : action->objectName());
    }
    for (auto it = windowWide.cbegin(); it != windowWide.cend(); ++it) {
        QStringList names = it.value();
        names.removeDuplicates();
        QVERIFY2(names.size() == 1, qPrintable(it.key() + u": " + names.join(u", ")));
    }
    // And Qt agrees: Ctrl+Return, the most used key, is delivered to one action without complaint.
    static QStringList ambiguous;
    ambiguous.clear();
    const QtMessageHandler previous
        = qInstallMessageHandler([](QtMsgType, const QMessageLogContext &, const QString &text) {
              if (text.contains(u"Ambiguous shortcut overload"))
                  ambiguous.append(text);
          });
    pressOnWindow(QKeySequence(Qt::CTRL | Qt::Key_Return));
    qInstallMessageHandler(previous);
    QVERIFY2(ambiguous.isEmpty(), qPrintable(ambiguous.join(u'\n')));
}

QTEST_MAIN(TestWorkbench)
#include "tst_workbench.moc"
