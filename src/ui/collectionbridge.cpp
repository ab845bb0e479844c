#include "ui/collectionbridge.h"

#include "store/curlimport.h"
#include "store/requestsaving.h"
#include "store/variables.h"
#include "ui/collectiondock.h"
#include "ui/collectionmodel.h"
#include "ui/composerpanel.h"
#include "ui/exchangelog.h"
#include "ui/exchangesession.h"
#include "ui/menus.h"
#include "ui/runpanel.h"
#include "ui/runresultsmodel.h"
#include "ui/saverequestdialog.h"

#include <QAction>
#include <QClipboard>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QGuiApplication>
#include <QKeyEvent>
#include <QLineEdit>
#include <QMainWindow>
#include <QMenuBar>
#include <QMimeData>
#include <QStatusBar>
#include <QTableView>
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

// The folder directly under `parent` with this name, or an invalid index.
QModelIndex folderNamed(const CollectionModel *model, const QModelIndex &parent, const QString &name)
{
    for (int row = 0; row < model->rowCount(parent); ++row) {
        const QModelIndex child = model->index(row, 0, parent);
        if (child.data(CollectionModel::IsFolderRole).toBool() && child.data().toString() == name)
            return child;
    }
    return {};
}

} // namespace

CollectionBridge::CollectionBridge(QMainWindow *window, ExchangeLog *log, ComposerPanel *composer)
    : QObject(window)
    , m_window(window)
    , m_log(log)
    , m_composer(composer)
    , m_dock(new CollectionDock(window))
    , m_runDock(new QDockWidget(QStringLiteral("Run results"), window))
    , m_runPanel(new RunPanel(m_runDock))
    , m_runTransport(log->session()->transport())
{
    setObjectName(QStringLiteral("collectionBridge"));
    m_baseTitle = window->windowTitle();
    window->addDockWidget(Qt::LeftDockWidgetArea, m_dock);
    m_runDock->setObjectName(QStringLiteral("runDock"));
    m_runDock->setWidget(m_runPanel);
    window->addDockWidget(Qt::BottomDockWidgetArea, m_runDock);
    m_runDock->hide();
    window->resizeDocks({m_runDock}, {240}, Qt::Vertical);
    // Wide enough for real request names ("Preflight refused: header not allowed") at 1280 pixels.
    window->resizeDocks({m_dock}, {250}, Qt::Horizontal);
    window->setAcceptDrops(true);
    window->installEventFilter(this);
    m_urlEdit = composer->findChild<QLineEdit *>(QStringLiteral("urlEdit"));
    if (m_urlEdit)
        m_urlEdit->installEventFilter(this);

    createMenus();

    connect(m_dock, &CollectionDock::documentChanged, this, &CollectionBridge::updateWindowTitle);
    connect(m_dock, &CollectionDock::statusMessage, this, &CollectionBridge::showStatus);
    connect(m_dock, &CollectionDock::requestOpened, this, &CollectionBridge::onRequestOpened);
    connect(m_dock, &CollectionDock::runRequested, this, &CollectionBridge::startRun);
    connect(m_runPanel, &RunPanel::jobFinished, this, &CollectionBridge::onRunJobFinished);
    // A cell of the origin matrix selects its exchange in the timeline.
    auto showCell = [this](const QModelIndex &index) {
        const auto job = m_runPanel->jobAt(index.data(RunResultsModel::JobIndexRole).toInt());
        if (!job)
            return;
        if (const int id = lastExchangeOf(job->itemId, job->origin); id > 0)
            Q_EMIT exchangeChosen(id);
    };
    connect(m_runPanel->view(), &QAbstractItemView::clicked, this, showCell);
    connect(m_runPanel->view(), &QAbstractItemView::activated, this, showCell);
    connect(m_runPanel, &RunPanel::runFinished, this, [this] { showStatus(m_runPanel->summary()); });
    connect(m_log, &ExchangeLog::exchangeUpdated, this, [this](const ExchangeRecordPtr &record) {
        if (!record->result.hops.isEmpty())
            return; // not its start
        const int id = record->id;
        // A send right after opening a request (its URL unchanged) is that request's latest result.
        const RequestInput input = m_composer->input();
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

    // The tree is the working state of the last session; a first start (or an unreadable state)
    // opens on the lab's demo collection when the window has one, else on an empty collection.
    m_restoring = m_dock->restoreWorkingState();
    if (!m_restoring)
        startEmpty();
    connect(m_dock, &CollectionDock::workingStateRestored, this, [this](bool restored) {
        m_restoring = false;
        if (!restored && m_dock->filePath().isEmpty() && m_dock->model()->rowCount() == 0)
            startEmpty();
        if (m_demoPending)
            showDemo();
    });
    updateWindowTitle();
}

CollectionBridge::~CollectionBridge() = default;

void CollectionBridge::startEmpty()
{
    if (m_demo && m_dock->model()->rowCount() == 0) {
        m_dock->model()->setCollection(*m_demo);
        m_dock->model()->setSaved();
    } else {
        m_dock->newCollection();
    }
    m_dock->show();
}

void CollectionBridge::setDemoCollection(const Collection &demo)
{
    m_demo = demo;
    if (!m_restoring && m_dock->filePath().isEmpty() && m_dock->model()->rowCount() == 0)
        startEmpty();
}

QModelIndex CollectionBridge::demoRoot() const
{
    // The demo is the whole tree (a first start), or a top-level folder of that name.
    return folderNamed(m_dock->model(), {}, m_demo->name);
}

void CollectionBridge::showDemo()
{
    if (!m_demo)
        return;
    if (m_restoring) {
        m_demoPending = true; // after the working state is back, so that it is not overwritten
        return;
    }
    m_demoPending = false;
    CollectionModel *model = m_dock->model();
    QModelIndex root;
    if (model->rowCount() == 0) {
        model->setCollection(*m_demo);
        model->setSaved();
    } else if (model->properties().name != m_demo->name) {
        root = demoRoot();
        if (!root.isValid()) {
            // The user's own tree stays; the demo joins it as one folder (Ctrl+Z removes it).
            CollectionItem folder;
            folder.kind = CollectionItem::Kind::Folder;
            folder.name = m_demo->name;
            folder.children = m_demo->items;
            Collection wrapped = *m_demo;
            wrapped.items = {folder};
            model->addImported(wrapped, QStringLiteral("Open the lab demo"));
            root = demoRoot();
        }
    }
    m_dock->show();
    m_dock->raise();
    // The first request the demo expects to be blocked: a real failure, explained at once.
    std::function<QModelIndex(const QModelIndex &)> firstBlocked = [&](const QModelIndex &parent) -> QModelIndex {
        for (int row = 0; row < model->rowCount(parent); ++row) {
            const QModelIndex index = model->index(row, 0, parent);
            if (index.data(CollectionModel::IsFolderRole).toBool()) {
                if (const QModelIndex found = firstBlocked(index); found.isValid())
                    return found;
            } else if (const auto item = model->itemAt(index); item && item->request.expect == QStringLiteral("blocked")) {
                return index;
            }
        }
        return {};
    };
    const QModelIndex request = firstBlocked(root);
    if (request.isValid()) {
        m_dock->view()->expand(request.parent());
        m_dock->view()->setCurrentIndex(request);
        m_dock->openRequest(request);
    }
    Q_EMIT demoShown(request.isValid());
}

void CollectionBridge::forgetOpenedRequest()
{
    m_openedItemId.clear();
    m_openedUrl.clear();
}

void CollectionBridge::createMenus()
{
    QMenuBar *bar = m_window->menuBar();
    auto action
        = [this](const char *name) { return m_dock->findChild<QAction *>(QString::fromLatin1(name)); };

    QMenu *file = findOrCreateMenu(bar, QStringLiteral("&File"), true);
    if (!file->actions().isEmpty())
        file->addSeparator();
    // Ctrl+S saves what the user is working on, the request (as Postman and Bruno do); the
    // collection file has its own keys.
    QAction *saveRequest = file->addAction(QStringLiteral("&Save Request"));
    saveRequest->setObjectName(QStringLiteral("saveRequestAction"));
    saveRequest->setShortcut(QKeySequence::Save);
    saveRequest->setToolTip(QStringLiteral("Save the composer's request into the collection"));
    connect(saveRequest, &QAction::triggered, this, &CollectionBridge::saveComposedRequest);
    QAction *saveRequestAs = file->addAction(QStringLiteral("Save Request &As…"));
    saveRequestAs->setObjectName(QStringLiteral("saveRequestAsAction"));
    saveRequestAs->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S));
    connect(saveRequestAs, &QAction::triggered, this, [this] { this->saveRequestAs(m_composer->input()); });
    file->addSeparator();
    m_window->addAction(saveRequest);
    m_window->addAction(saveRequestAs);
    file->addAction(action("newCollectionAction"));
    QAction *openDemo = file->addAction(QStringLiteral("Open the &Lab Demo"));
    openDemo->setObjectName(QStringLiteral("openDemoAction"));
    openDemo->setToolTip(QStringLiteral("The lab's demo requests (one per common CORS failure) in the collection tree"));
    connect(openDemo, &QAction::triggered, this, &CollectionBridge::showDemo);
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
    m_composer->setInput(input);
    m_openedItemId = itemId;
    m_openedUrl = input.url;
    const QModelIndex index = m_dock->model()->indexOfId(itemId);
    QString text = u"Opened “" + index.data().toString() + u"”.";
    if (!problems.isEmpty())
        text += u' ' + problems.first();
    // The result from the page origin the composer now shows, else the item's latest.
    const int exchangeId = m_lastExchange.value(itemId + u'\n' + input.origin, m_lastExchange.value(itemId));
    if (m_log->record(exchangeId)) {
        Q_EMIT exchangeChosen(exchangeId);
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
    const ExchangeRecordPtr record = m_log->addRunResult(job.built, result);
    m_lastExchange.insert(job.itemId, record->id);
    m_lastExchange.insert(job.itemId + u'\n' + job.origin, record->id);
}

void CollectionBridge::saveComposedRequest()
{
    const RequestInput input = m_composer->input();
    const QModelIndex opened = m_openedItemId.isEmpty() ? QModelIndex() : m_dock->model()->indexOfId(m_openedItemId);
    if (!opened.isValid()) {
        saveRequestAs(input);
        return;
    }
    const auto item = m_dock->model()->itemAt(opened);
    const VariableResolver resolver(m_dock->model()->properties(), m_dock->currentEnvironment());
    const SavedRequest updated = updatedSavedRequest(item->request, input, resolver);
    if (m_dock->model()->setRequest(opened, updated))
        showStatus(u"Saved “" + item->name + u"” in " + m_dock->documentName() + u". Ctrl+Z in the collection undoes it.");
    else
        showStatus(u"“" + item->name + u"” has no changes to save.");
    m_openedUrl = input.url;
    Q_EMIT requestSaved(m_openedItemId);
}

void CollectionBridge::saveRequestAs(const RequestInput &input)
{
    QString suggested = input.method + u' ' + QUrl(input.url).path();
    if (QUrl(input.url).path().isEmpty())
        suggested = input.method + u' ' + QUrl(input.url).host();
    auto *dialog = new SaveRequestDialog(m_dock->model(), suggested.trimmed(), m_dock->currentFolderPath(), m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog, input] {
        const QModelIndex saved = saveRequestInto(input, dialog->requestName(), dialog->folderPath());
        if (saved.isValid() && input.url == m_composer->input().url) {
            // The composer now edits the saved entry: the next Ctrl+S updates it.
            m_openedItemId = saved.data(CollectionModel::IdRole).toString();
            m_openedUrl = input.url;
        }
    });
    dialog->open();
}

QModelIndex CollectionBridge::saveRequestInto(const RequestInput &input, const QString &name, const QString &folderPath)
{
    CollectionModel *model = m_dock->model();
    model->undoStack()->beginMacro(u"Save request “" + name + u"”");
    QModelIndex folder;
    for (const QString &part : folderPath.split(u'/', Qt::SkipEmptyParts)) {
        const QModelIndex found = folderNamed(model, folder, part);
        folder = found.isValid() ? found : model->addFolder(folder, part);
    }
    const QModelIndex saved = model->addRequest(folder, name, savedRequestFrom(input));
    model->undoStack()->endMacro();
    if (!saved.isValid())
        return {};
    m_dock->show();
    m_dock->raise();
    m_dock->view()->setCurrentIndex(saved);
    showStatus(u"Saved “" + name + u"” in " + m_dock->documentName()
        + (m_dock->filePath().isEmpty() ? QStringLiteral(" (File ▸ Save Collection writes it to a file).") : QStringLiteral(".")));
    const QString id = saved.data(CollectionModel::IdRole).toString();
    Q_EMIT requestSaved(id);
    return saved;
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
        m_composer->setInput(*input);
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
