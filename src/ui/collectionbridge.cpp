#include "ui/collectionbridge.h"

#include "store/curlimport.h"
#include "ui/collectiondock.h"
#include "ui/collectionmodel.h"
#include "ui/composerpanel.h"
#include "ui/exchangesession.h"
#include "ui/mainwindow.h"
#include "ui/menus.h"
#include "ui/runpanel.h"
#include "ui/timelinemodel.h"
#include "ui/timelinepanel.h"

#include <QAction>
#include <QClipboard>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QGuiApplication>
#include <QKeyEvent>
#include <QLineEdit>
#include <QMenuBar>
#include <QMimeData>
#include <QStatusBar>
#include <QTreeView>
#include <QUndoStack>

namespace corscope {

namespace {
QStringList localFiles(const QMimeData *mime)
{
    QStringList files;
    if (!mime || !mime->hasUrls())
        return files;
    for (const QUrl &url : mime->urls()) {
        if (url.isLocalFile())
            files.append(url.toLocalFile());
    }
    return files;
}

} // namespace

CollectionBridge *CollectionBridge::install(MainWindow *window, ExchangeSession *session)
{
    return new CollectionBridge(window, session);
}

CollectionBridge::CollectionBridge(MainWindow *window, ExchangeSession *session)
    : QObject(window)
    , m_window(window)
    , m_session(session)
    , m_dock(new CollectionDock(window))
    , m_runDock(new QDockWidget(QStringLiteral("Run results"), window))
    , m_runPanel(new RunPanel(m_runDock))
    , m_runTransport(session->transport())
{
    setObjectName(QStringLiteral("collectionBridge"));
    m_baseTitle = window->windowTitle();
    window->addDockWidget(Qt::LeftDockWidgetArea, m_dock);
    m_runDock->setObjectName(QStringLiteral("runDock"));
    m_runDock->setWidget(m_runPanel);
    window->addDockWidget(Qt::BottomDockWidgetArea, m_runDock);
    m_runDock->hide();
    // The left area keeps the width the window gave it: the dock starts hidden, and widening the
    // area here would squeeze the explanation panel on a 1280-pixel screen.
    window->resizeDocks({m_runDock}, {240}, Qt::Vertical);
    window->setAcceptDrops(true);
    window->installEventFilter(this);
    m_urlEdit = window->composer()->findChild<QLineEdit *>(QStringLiteral("urlEdit"));
    if (m_urlEdit)
        m_urlEdit->installEventFilter(this);

    createMenus();

    connect(m_dock, &CollectionDock::documentChanged, this, &CollectionBridge::updateWindowTitle);
    connect(m_dock, &CollectionDock::statusMessage, this, &CollectionBridge::showStatus);
    connect(m_dock, &CollectionDock::requestOpened, this, &CollectionBridge::onRequestOpened);
    connect(m_dock, &CollectionDock::runRequested, this, &CollectionBridge::startRun);
    connect(m_runPanel, &RunPanel::jobFinished, this, &CollectionBridge::onRunJobFinished);
    connect(m_runPanel, &RunPanel::runFinished, this, [this] { showStatus(m_runPanel->summary()); });
    connect(m_session, &ExchangeSession::exchangeStarted, this, [this](int id) {
        // A send right after opening a request (its URL unchanged) is that request's latest result.
        const RequestInput input = m_window->composer()->input();
        if (!m_openedItemId.isEmpty() && input.url == m_openedUrl) {
            m_lastExchange.insert(m_openedItemId, id);
            m_lastExchange.insert(m_openedItemId + u'\n' + input.origin, id);
        }
    });
    if (m_urlEdit) {
        // A single-line curl typed or dropped into the field (the paste shortcut is caught earlier).
        connect(m_urlEdit, &QLineEdit::textEdited, this, [this](const QString &text) {
            if (looksLikeCurl(text) && text.contains(u' ') && (text.contains(u'\'') || text.contains(u'"')))
                importPastedCurl(text);
        });
    }

    // A first start keeps the whole width for the exchange; opening or importing shows the dock.
    // Later starts show it at once and fill it when the file thread has read the working state.
    if (!m_dock->restoreWorkingState())
        startEmpty();
    connect(m_dock, &CollectionDock::workingStateRestored, this, [this](bool restored) {
        if (!restored && m_dock->filePath().isEmpty() && m_dock->model()->rowCount() == 0)
            startEmpty();
    });
    updateWindowTitle();
}

CollectionBridge::~CollectionBridge() = default;

void CollectionBridge::startEmpty()
{
    m_dock->newCollection();
    m_dock->hide();
}

void CollectionBridge::createMenus()
{
    QMenuBar *bar = m_window->menuBar();
    auto action
        = [this](const char *name) { return m_dock->findChild<QAction *>(QString::fromLatin1(name)); };

    QMenu *file = findOrCreateMenu(bar, QStringLiteral("&File"), true);
    if (!file->actions().isEmpty())
        file->addSeparator();
    file->addAction(action("newCollectionAction"));
    file->addAction(action("openCollectionAction"));
    file->addMenu(m_dock->recentMenu());
    file->addAction(action("saveCollectionAction"));
    file->addAction(action("saveCollectionAsAction"));
    file->addSeparator();
    file->addAction(action("importAction"));

    QMenu *collection = findOrCreateMenu(bar, QStringLiteral("&Collection"), false);
    collection->setObjectName(QStringLiteral("collectionMenu"));
    for (const char *name : {"runCollectionAction", "runFolderAction"})
        collection->addAction(action(name));
    collection->addSeparator();
    for (const char *name : {"undoAction", "redoAction"})
        collection->addAction(action(name));
    collection->addSeparator();
    for (const char *name : {"renameAction", "duplicateAction", "deleteAction", "newFolderAction"})
        collection->addAction(action(name));
    collection->addSeparator();
    collection->addAction(m_dock->toggleViewAction());
    collection->addAction(m_runDock->toggleViewAction());
    for (const char *name : {"newCollectionAction", "openCollectionAction", "saveCollectionAction",
             "saveCollectionAsAction", "importAction", "runCollectionAction"})
        m_window->addAction(action(name));
}

void CollectionBridge::updateWindowTitle()
{
    m_window->setWindowTitle(m_baseTitle + u" — " + m_dock->documentName() + u"[*]");
    m_window->setWindowModified(m_dock->isModified());
}

void CollectionBridge::showStatus(const QString &text)
{
    m_window->statusBar()->showMessage(text, 10000);
}

void CollectionBridge::onRequestOpened(
    const QString &itemId, const RequestInput &input, const QStringList &problems)
{
    m_window->composer()->setInput(input);
    m_openedItemId = itemId;
    m_openedUrl = input.url;
    const QModelIndex index = m_dock->model()->indexOfId(itemId);
    QString text = u"Opened “" + index.data().toString() + u"”.";
    if (!problems.isEmpty())
        text += u' ' + problems.first();
    // The result from the page origin the composer now shows, else the item's latest.
    const int exchangeId = m_lastExchange.value(itemId + u'\n' + input.origin, m_lastExchange.value(itemId));
    const int row = exchangeId > 0 ? m_window->timelineModel()->focusRowOfExchange(exchangeId) : -1;
    if (row >= 0) {
        m_window->timeline()->selectSourceRow(row);
        text += u" Its last result is #" + QString::number(exchangeId) + u" in the timeline.";
    } else {
        text += QStringLiteral(" Press Ctrl+Enter to send it.");
    }
    showStatus(text);
}

bool CollectionBridge::startRun(const QString &folderPath)
{
    if (m_runPanel->isRunning()) {
        showStatus(QStringLiteral("A run is in progress: cancel it first."));
        return false;
    }
    QStringList problems;
    const QList<RunJob> jobs = m_dock->jobsFor(folderPath, &problems);
    if (jobs.isEmpty()) {
        showStatus(u"Nothing to run"
            + (problems.isEmpty() ? QStringLiteral(".") : QString(u": " + problems.first())));
        return false;
    }
    m_runDock->show();
    m_runDock->raise();
    const QString title = folderPath.isEmpty() ? m_dock->documentName() : folderPath;
    m_runPanel->start(title, jobs, m_runTransport);
    if (!problems.isEmpty())
        showStatus(QString::number(problems.size()) + u" request(s) skipped: " + problems.first());
    return true;
}

void CollectionBridge::onRunJobFinished(const RunJob &job, const ExchangeResult &result)
{
    auto record = std::make_shared<ExchangeRecord>();
    record->id = m_session->nextId();
    m_session->setNextId(record->id + 1);
    record->finishedAt = QDateTime::currentDateTime();
    record->request = job.built.request;
    record->profile = job.built.profile;
    record->result = result;
    m_window->timelineModel()->appendExchange(record);
    m_lastExchange.insert(job.itemId, record->id);
    m_lastExchange.insert(job.itemId + u'\n' + job.origin, record->id);
}

bool CollectionBridge::importPastedCurl(const QString &text)
{
    QString error;
    const auto imported = importCurl(text, &error);
    if (!imported || imported->collection.items.empty()) {
        showStatus(u"The pasted text looks like curl but could not be read: " + error);
        return false;
    }
    const int before = m_dock->model()->rowCount();
    const int added
        = m_dock->model()->addImported(imported->collection, QStringLiteral("Paste curl command"));
    if (added <= 0)
        return false;
    m_dock->show();
    // Fill the composer from the first imported request, resolved like any collection request.
    const QModelIndex first = m_dock->model()->index(before, 0);
    m_dock->view()->setCurrentIndex(first);
    QStringList problems;
    if (const auto input = m_dock->resolvedInput(first, &problems)) {
        // The field keeps the URL, not the command: set it after the edit that triggered this.
        m_window->composer()->setInput(*input);
        m_openedItemId = first.data(CollectionModel::IdRole).toString();
        m_openedUrl = input->url;
    }
    showStatus(u"Imported the pasted curl command as “" + first.data().toString() + u"” ("
        + QString::number(added) + u" request(s)). Ctrl+Z in the collection removes it.");
    return true;
}

bool CollectionBridge::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_urlEdit && event->type() == QEvent::KeyPress) {
        auto *key = static_cast<QKeyEvent *>(event);
        if (key->matches(QKeySequence::Paste)) {
            const QString clip = QGuiApplication::clipboard()->text();
            if (looksLikeCurl(clip) && importPastedCurl(clip))
                return true;
        }
    }
    if (watched == m_window) {
        if (event->type() == QEvent::DragEnter || event->type() == QEvent::DragMove) {
            auto *drag = static_cast<QDropEvent *>(event);
            if (!localFiles(drag->mimeData()).isEmpty()) {
                drag->acceptProposedAction();
                return true;
            }
        } else if (event->type() == QEvent::Drop) {
            auto *drop = static_cast<QDropEvent *>(event);
            const QStringList files = localFiles(drop->mimeData());
            if (!files.isEmpty()) {
                for (const QString &path : files)
                    m_dock->importFile(path);
                drop->acceptProposedAction();
                return true;
            }
        }
    }
    return QObject::eventFilter(watched, event);
}

} // namespace corscope
