#include "ui/collectiondock.h"

#include "store/collectionfile.h"
#include "store/curlexport.h"
#include "store/importer.h"
#include "store/variables.h"
#include "ui/collectionmodel.h"
#include "ui/importjob.h"

#include <QAction>
#include <QClipboard>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QProgressBar>
#include <QSaveFile>
#include <QSettings>
#include <QStandardPaths>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>
#include <QTreeView>
#include <QUndoStack>
#include <QVBoxLayout>

namespace corscope {

namespace {
constexpr int maxRecentFiles = 8;
constexpr int autosaveDelayMs = 800;
const QString recentKey = QStringLiteral("collections/recentFiles");
const QString workingPathKey = QStringLiteral("collections/workingPath");
const QString workingModifiedKey = QStringLiteral("collections/workingModified");
const QString fileFilter = QStringLiteral("corscope collections (*.json);;All files (*)");
const QString importFilter
    = QStringLiteral("Imports (*.har *.json *.txt *.sh *.curl);;HAR files (*.har);;All files (*)");
} // namespace

CollectionDock::CollectionDock(QWidget *parent)
    : QDockWidget(QStringLiteral("Collection"), parent)
    , m_model(new CollectionModel(this))
    , m_view(new QTreeView(this))
    , m_environment(new QComboBox(this))
    , m_importRow(new QWidget(this))
    , m_importLabel(new QLabel(m_importRow))
    , m_importProgress(new QProgressBar(m_importRow))
    , m_importCancel(new QToolButton(m_importRow))
    , m_recentMenu(new QMenu(QStringLiteral("Open &Recent"), this))
    , m_autosaveTimer(new QTimer(this))
{
    setObjectName(QStringLiteral("collectionDock"));
    setFeatures(
        QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable | QDockWidget::DockWidgetClosable);
    m_filePool.setMaxThreadCount(1); // reads and writes stay in order

    m_view->setObjectName(QStringLiteral("collectionView"));
    m_view->setModel(m_model);
    m_view->setHeaderHidden(false);
    m_view->header()->setStretchLastSection(false);
    m_view->header()->setSectionResizeMode(CollectionModel::NameColumn, QHeaderView::Stretch);
    m_view->header()->setSectionResizeMode(CollectionModel::MethodColumn, QHeaderView::ResizeToContents);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setDragDropMode(QAbstractItemView::InternalMove);
    m_view->setDefaultDropAction(Qt::MoveAction);
    m_view->setDragEnabled(true);
    m_view->setAcceptDrops(true);
    m_view->setDropIndicatorShown(true);
    m_view->setEditTriggers(QAbstractItemView::EditKeyPressed | QAbstractItemView::SelectedClicked);
    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_view->setUniformRowHeights(true);

    m_environment->setObjectName(QStringLiteral("environmentCombo"));
    m_environment->setToolTip(
        QStringLiteral("The environment whose values fill {{variables}} when a request is opened or run"));
    m_recentMenu->setObjectName(QStringLiteral("recentCollectionsMenu"));

    m_importRow->setObjectName(QStringLiteral("importRow"));
    m_importProgress->setObjectName(QStringLiteral("importProgress"));
    m_importProgress->setRange(0, 100);
    m_importCancel->setObjectName(QStringLiteral("importCancelButton"));
    m_importCancel->setText(QStringLiteral("Cancel"));
    auto *importLayout = new QVBoxLayout(m_importRow);
    importLayout->setContentsMargins(0, 0, 0, 0);
    auto *importBar = new QHBoxLayout;
    importBar->addWidget(m_importProgress, 1);
    importBar->addWidget(m_importCancel);
    importLayout->addWidget(m_importLabel);
    importLayout->addLayout(importBar);
    m_importRow->hide();
    connect(m_importCancel, &QToolButton::clicked, this, [this] {
        for (const QPointer<ImportJob> &job : std::as_const(m_imports)) {
            if (job)
                job->cancel();
        }
    });

    auto *content = new QWidget(this);
    auto *toolbar = new QToolBar(content);
    toolbar->setObjectName(QStringLiteral("collectionToolBar"));
    toolbar->setIconSize(QSize(16, 16));
    toolbar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    auto *environmentRow = new QHBoxLayout;
    auto *environmentLabel = new QLabel(QStringLiteral("&Environment"), content);
    environmentLabel->setBuddy(m_environment);
    environmentRow->addWidget(environmentLabel);
    environmentRow->addWidget(m_environment, 1);
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(4, 0, 4, 4);
    layout->addWidget(toolbar);
    layout->addLayout(environmentRow);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_importRow);
    setWidget(content);

    createActions();
    for (const char *name : {"openCollectionAction", "saveCollectionAction", "importAction"})
        toolbar->addAction(findChild<QAction *>(QString::fromLatin1(name)));
    toolbar->addSeparator();
    toolbar->addAction(findChild<QAction *>(QStringLiteral("runCollectionAction")));

    m_autosaveTimer->setSingleShot(true);
    m_autosaveTimer->setInterval(autosaveDelayMs);
    connect(m_autosaveTimer, &QTimer::timeout, this, &CollectionDock::writeWorkingState);
    connect(m_model, &CollectionModel::contentChanged, this, [this] {
        ++m_revision;
        scheduleWorkingState();
    });
    connect(m_model, &CollectionModel::contentChanged, this, &CollectionDock::updateEnvironments);
    connect(m_model, &CollectionModel::modifiedChanged, this, [this] {
        updateTitle();
        scheduleWorkingState();
    });
    connect(m_view, &QTreeView::activated, this, &CollectionDock::openRequest);
    connect(
        m_view->selectionModel(), &QItemSelectionModel::currentChanged, this, &CollectionDock::updateActions);
    connect(m_model, &QAbstractItemModel::modelReset, this, &CollectionDock::updateActions);

    rebuildRecentMenu();
    updateEnvironments();
    updateTitle();
    updateActions();
}

CollectionDock::~CollectionDock()
{
    for (const QPointer<ImportJob> &job : std::as_const(m_imports)) {
        if (job)
            job->cancel();
    }
    if (m_autosaveTimer->isActive())
        writeWorkingState();
    m_filePool.waitForDone();
}

void CollectionDock::createActions()
{
    auto make = [this](const QString &name, const QString &text, const QKeySequence &shortcut = {}) {
        auto *action = new QAction(text, this);
        action->setObjectName(name);
        if (!shortcut.isEmpty()) {
            action->setShortcut(shortcut);
            action->setShortcutContext(Qt::WindowShortcut);
        }
        return action;
    };
    connect(make(QStringLiteral("newCollectionAction"), QStringLiteral("&New Collection")),
        &QAction::triggered, this, &CollectionDock::newCollection);
    QAction *open
        = make(QStringLiteral("openCollectionAction"), QStringLiteral("&Open…"), QKeySequence::Open);
    open->setToolTip(QStringLiteral("Open a collection file"));
    open->setIconText(QStringLiteral("Open"));
    connect(open, &QAction::triggered, this, &CollectionDock::openWithDialog);
    connect(make(QStringLiteral("saveCollectionAction"), QStringLiteral("&Save"), QKeySequence::Save),
        &QAction::triggered, this, &CollectionDock::saveOrAsk);
    connect(make(QStringLiteral("saveCollectionAsAction"), QStringLiteral("Save &As…"), QKeySequence::SaveAs),
        &QAction::triggered, this, &CollectionDock::saveAsWithDialog);
    QAction *import = make(QStringLiteral("importAction"), QStringLiteral("&Import…"),
        QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_I));
    import->setToolTip(
        QStringLiteral("Import curl commands, a HAR or a Postman collection (or drop files on the window)"));
    import->setIconText(QStringLiteral("Import"));
    connect(import, &QAction::triggered, this, &CollectionDock::importWithDialog);

    // Fixed texts (the toolbar stays narrow); the tooltip says what would be undone.
    QUndoStack *stack = m_model->undoStack();
    QAction *undo = make(QStringLiteral("undoAction"), QStringLiteral("&Undo"), QKeySequence::Undo);
    undo->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    undo->setEnabled(false);
    connect(undo, &QAction::triggered, stack, &QUndoStack::undo);
    connect(stack, &QUndoStack::canUndoChanged, undo, &QAction::setEnabled);
    connect(stack, &QUndoStack::undoTextChanged, undo,
        [undo](const QString &text) { undo->setToolTip(u"Undo " + text); });
    QAction *redo = make(QStringLiteral("redoAction"), QStringLiteral("&Redo"), QKeySequence::Redo);
    redo->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    redo->setEnabled(false);
    connect(redo, &QAction::triggered, stack, &QUndoStack::redo);
    connect(stack, &QUndoStack::canRedoChanged, redo, &QAction::setEnabled);
    connect(stack, &QUndoStack::redoTextChanged, redo,
        [redo](const QString &text) { redo->setToolTip(u"Redo " + text); });

    QAction *rename
        = make(QStringLiteral("renameAction"), QStringLiteral("Re&name"), QKeySequence(Qt::Key_F2));
    rename->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(rename, &QAction::triggered, this, [this] {
        if (m_view->currentIndex().isValid())
            m_view->edit(m_view->currentIndex().siblingAtColumn(CollectionModel::NameColumn));
    });
    m_duplicateAction = make(
        QStringLiteral("duplicateAction"), QStringLiteral("&Duplicate"), QKeySequence(Qt::CTRL | Qt::Key_D));
    m_duplicateAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(m_duplicateAction, &QAction::triggered, this, [this] {
        const QModelIndex copy = m_model->duplicateItem(m_view->currentIndex().siblingAtColumn(0));
        if (copy.isValid())
            m_view->setCurrentIndex(copy);
    });
    m_deleteAction = make(QStringLiteral("deleteAction"), QStringLiteral("De&lete"), QKeySequence::Delete);
    m_deleteAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(m_deleteAction, &QAction::triggered, this, [this] {
        const QModelIndex current = m_view->currentIndex().siblingAtColumn(0);
        const QString name = current.data().toString();
        if (m_model->removeItem(current))
            Q_EMIT statusMessage(u"Deleted “" + name + u"” (Ctrl+Z brings it back).");
    });
    m_copyCurlAction = make(QStringLiteral("copyItemAsCurlAction"), QStringLiteral("Copy as c&URL (bash)"));
    m_copyCurlAction->setToolTip(QStringLiteral("The preflight and the request as curl commands, for each page origin"));
    connect(m_copyCurlAction, &QAction::triggered, this, [this] { copyAsCurl(m_view->currentIndex()); });
    QAction *folder = make(QStringLiteral("newFolderAction"), QStringLiteral("New &Folder"));
    connect(folder, &QAction::triggered, this, [this] {
        QModelIndex parent = m_view->currentIndex().siblingAtColumn(0);
        if (parent.isValid() && !parent.data(CollectionModel::IsFolderRole).toBool())
            parent = parent.parent();
        const QModelIndex created = m_model->addFolder(parent, QStringLiteral("New folder"));
        m_view->setCurrentIndex(created);
        m_view->edit(created);
    });
    QAction *run = make(QStringLiteral("runCollectionAction"), QStringLiteral("&Run Collection"),
        QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
    run->setToolTip(QStringLiteral("Send every request of the collection for each of its page origins"));
    run->setIconText(QStringLiteral("Run")); // the toolbar's text: the dock is narrow
    connect(run, &QAction::triggered, this, [this] { Q_EMIT runRequested(QString()); });
    m_runFolderAction = make(QStringLiteral("runFolderAction"), QStringLiteral("Run &Folder"));
    connect(
        m_runFolderAction, &QAction::triggered, this, [this] { Q_EMIT runRequested(currentFolderPath()); });

    for (QAction *action : {rename, m_duplicateAction, m_deleteAction, m_copyCurlAction, folder, m_runFolderAction})
        m_view->addAction(action);
    for (QAction *action : {undo, redo, rename, m_duplicateAction, m_deleteAction})
        widget()->addAction(action);
}

void CollectionDock::updateActions()
{
    const QModelIndex current = m_view->currentIndex();
    m_duplicateAction->setEnabled(current.isValid());
    m_deleteAction->setEnabled(current.isValid());
    m_copyCurlAction->setEnabled(current.isValid() && !current.siblingAtColumn(0).data(CollectionModel::IsFolderRole).toBool());
    m_runFolderAction->setEnabled(current.isValid() && !currentFolderPath().isEmpty());
}

bool CollectionDock::isModified() const
{
    return m_model->isModified();
}

QString CollectionDock::documentName() const
{
    return m_path.isEmpty() ? QStringLiteral("Untitled collection") : QFileInfo(m_path).fileName();
}

void CollectionDock::updateTitle()
{
    setWindowTitle(u"Collection — " + documentName() + (isModified() ? QStringLiteral(" *") : QString()));
    Q_EMIT documentChanged();
}

void CollectionDock::updateEnvironments()
{
    QStringList names;
    for (const Environment &environment : m_model->properties().environments)
        names.append(environment.name);
    QStringList shown;
    for (int i = 1; i < m_environment->count(); ++i)
        shown.append(m_environment->itemText(i));
    if (m_environment->count() > 0 && names == shown)
        return;
    const QString current = m_environment->currentIndex() > 0 ? m_environment->currentText() : QString();
    m_environment->clear();
    m_environment->addItem(QStringLiteral("(no environment)"));
    m_environment->addItems(names);
    m_environment->setCurrentIndex(qMax(0, int(names.indexOf(current)) + 1));
    m_environment->setEnabled(!names.isEmpty());
}

void CollectionDock::newCollection()
{
    Collection collection;
    collection.name = QStringLiteral("Untitled");
    m_path.clear();
    m_model->setCollection(collection);
    updateTitle();
}

void CollectionDock::openFile(const QString &path)
{
    Q_EMIT statusMessage(u"Opening " + QFileInfo(path).fileName() + u"…");
    readOnFileThread(path, [this, path](const std::optional<Collection> &collection, const QString &problem, bool newest) {
        if (newest)
            finishOpen(path, collection, problem);
    });
}

void CollectionDock::readOnFileThread(const QString &path, const Loaded &loaded)
{
    const quint64 ticket = ++m_readTicket;
    // The dock waits for the pool before it is destroyed, so `this` outlives the task; the queued
    // call is dropped with the dock if it goes first.
    m_filePool.start([this, path, ticket, loaded] {
        QString problem;
        const std::optional<Collection> collection = loadCollection(path, &problem);
        QMetaObject::invokeMethod(this, [this, ticket, loaded, collection, problem] {
            loaded(collection, problem, ticket == m_readTicket);
        }, Qt::QueuedConnection);
    });
}

void CollectionDock::finishOpen(const QString &path, const std::optional<Collection> &collection, const QString &problem)
{
    if (!collection) {
        Q_EMIT statusMessage(u"Not opened: " + problem);
        Q_EMIT fileOpened(path, false, problem);
        return;
    }
    m_path = QFileInfo(path).absoluteFilePath();
    m_model->setCollection(*collection);
    m_view->expandToDepth(0);
    show();
    addRecent(m_path);
    updateTitle();
    Q_EMIT statusMessage(u"Opened " + documentName() + u" ("
        + QString::number(collection->requestCount()) + u" requests).");
    Q_EMIT fileOpened(path, true, QString());
}

bool CollectionDock::save()
{
    if (m_path.isEmpty())
        return false;
    saveAs(m_path);
    return true;
}

void CollectionDock::saveAs(const QString &path)
{
    const quint64 revision = m_revision;
    Q_EMIT statusMessage(u"Saving " + QFileInfo(path).fileName() + u"…");
    m_filePool.start([this, collection = m_model->collection(), path, revision] {
        QString problem;
        const bool saved = saveCollection(collection, path, &problem);
        QMetaObject::invokeMethod(this, [this, path, revision, saved, problem] {
            finishSave(path, revision, saved ? QString() : problem);
        }, Qt::QueuedConnection);
    });
}

void CollectionDock::finishSave(const QString &path, quint64 revision, const QString &problem)
{
    if (!problem.isEmpty()) {
        Q_EMIT statusMessage(u"Not saved: " + problem);
        Q_EMIT fileSaved(path, false, problem);
        return;
    }
    m_path = QFileInfo(path).absoluteFilePath();
    // Edits made while the file was written are not in it: the document stays modified then.
    if (revision == m_revision)
        m_model->setSaved();
    addRecent(m_path);
    updateTitle();
    scheduleWorkingState();
    Q_EMIT statusMessage(u"Saved " + documentName() + u'.');
    Q_EMIT fileSaved(path, true, QString());
}

void CollectionDock::openWithDialog()
{
    const QString path = QFileDialog::getOpenFileName(
        this, QStringLiteral("Open a collection"), QFileInfo(m_path).absolutePath(), fileFilter);
    if (!path.isEmpty())
        openFile(path);
}

void CollectionDock::saveOrAsk()
{
    if (m_path.isEmpty())
        saveAsWithDialog();
    else
        save();
}

void CollectionDock::saveAsWithDialog()
{
    QString path = QFileDialog::getSaveFileName(this, QStringLiteral("Save the collection"),
        m_path.isEmpty() ? QDir::homePath() + u"/collection.json" : m_path, fileFilter);
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty())
        path += QStringLiteral(".json");
    saveAs(path);
}

void CollectionDock::importWithDialog()
{
    const QStringList paths
        = QFileDialog::getOpenFileNames(this, QStringLiteral("Import requests"), QString(), importFilter);
    for (const QString &path : paths)
        importFile(path);
}

QStringList CollectionDock::recentFiles() const
{
    return QSettings().value(recentKey).toStringList();
}

void CollectionDock::addRecent(const QString &path)
{
    QStringList recent = recentFiles();
    recent.removeAll(path);
    recent.prepend(path);
    QSettings().setValue(recentKey, recent.mid(0, maxRecentFiles));
    rebuildRecentMenu();
}

void CollectionDock::rebuildRecentMenu()
{
    m_recentMenu->clear();
    const QStringList recent = recentFiles();
    for (const QString &path : recent) {
        QAction *action = m_recentMenu->addAction(QFileInfo(path).fileName());
        action->setToolTip(path);
        action->setStatusTip(path);
        connect(action, &QAction::triggered, this, [this, path] { openFile(path); });
    }
    if (recent.isEmpty())
        m_recentMenu->addAction(QStringLiteral("(none yet)"))->setEnabled(false);
}

ImportJob *CollectionDock::importFile(const QString &path)
{
    auto *job = new ImportJob(path, this);
    m_imports.append(job);
    m_importLabel->setText(u"Importing " + QFileInfo(path).fileName() + u"…");
    m_importProgress->setValue(0);
    m_importRow->show();
    connect(job, &ImportJob::progressChanged, this, [this](int percent, const QString &phase) {
        m_importProgress->setValue(percent);
        m_importLabel->setText(phase);
    });
    connect(job, &ImportJob::finished, this, [this, job] { onImportFinished(job); });
    job->start();
    return job;
}

void CollectionDock::onImportFinished(ImportJob *job)
{
    m_imports.removeAll(job);
    m_imports.removeAll(nullptr);
    if (m_imports.isEmpty())
        m_importRow->hide();
    const QString name = QFileInfo(job->path()).fileName();
    bool ok = false;
    if (job->result()) {
        const ImportResult &result = *job->result();
        const int added = m_model->addImported(result.collection, u"Import " + name);
        show();
        QString text = u"Imported " + QString::number(added) + u" item(s) from " + name + u" ("
            + importFormatName(job->format()) + u')';
        if (!result.warnings.isEmpty())
            text += u"; " + QString::number(result.warnings.size()) + u" note(s): " + result.warnings.first();
        Q_EMIT statusMessage(text);
        ok = true;
    } else {
        Q_EMIT statusMessage(job->wasCancelled() ? QString(u"Import of " + name + u" cancelled.")
                                                 : QString(u"Not imported: " + job->errorString()));
    }
    job->deleteLater();
    Q_EMIT importFinished(ok);
}

int CollectionDock::importText(const QString &text, QString *error)
{
    QString problem;
    ImportFormat format = ImportFormat::Unknown;
    auto result = importData(text.toUtf8(), &problem, &format);
    if (!result) {
        if (error)
            *error = problem;
        return 0;
    }
    const int added = m_model->addImported(result->collection, u"Import " + importFormatName(format));
    Q_EMIT statusMessage(u"Imported " + QString::number(added) + u" request(s) from the pasted "
        + importFormatName(format) + u" text.");
    return added;
}

const Environment *CollectionDock::currentEnvironment() const
{
    if (m_environment->currentIndex() <= 0)
        return nullptr;
    return m_model->properties().environment(m_environment->currentText());
}

bool CollectionDock::copyAsCurl(const QModelIndex &index)
{
    const auto item = m_model->itemAt(index.siblingAtColumn(0));
    if (!item || item->isFolder())
        return false;
    QStringList problems;
    const QString curl = curlCommandsFor(
        item->request, VariableResolver(m_model->properties(), currentEnvironment()), {}, &problems);
    if (!problems.isEmpty() || curl.isEmpty()) {
        Q_EMIT statusMessage(u"Not copied: "
            + (problems.isEmpty() ? QStringLiteral("the request has no page origin.") : problems.first()));
        return false;
    }
    QGuiApplication::clipboard()->setText(curl);
    Q_EMIT statusMessage(u"Copied the curl commands of “" + item->name + u"”.");
    return true;
}

std::optional<RequestInput> CollectionDock::resolvedInput(
    const QModelIndex &index, QStringList *problems) const
{
    const auto item = m_model->itemAt(index.siblingAtColumn(0));
    if (!item || item->isFolder())
        return std::nullopt;
    const VariableResolver resolver(m_model->properties(), currentEnvironment());
    QStringList found;
    const QList<RequestInput> inputs = resolver.inputsFor(item->request, {}, &found);
    if (problems)
        *problems = found;
    if (!inputs.isEmpty())
        return inputs.first();
    // No page origin anywhere: still fill what there is, the composer asks for the origin.
    RequestInput input;
    input.method = resolver.resolve(item->request.method, &found);
    input.url = resolver.resolve(item->request.url, &found);
    for (const auto &header : item->request.headers)
        input.headerLines.append(
            resolver.resolve(header.first, &found) + u": " + resolver.resolve(header.second, &found));
    if (item->request.body)
        input.body = resolver.resolve(*item->request.body, &found).toUtf8();
    input.credentials = item->request.credentials;
    input.redirect = item->request.redirect;
    input.browser = item->request.browser;
    return input;
}

void CollectionDock::openRequest(const QModelIndex &index)
{
    QStringList problems;
    const auto input = resolvedInput(index, &problems);
    if (!input)
        return;
    Q_EMIT requestOpened(index.data(CollectionModel::IdRole).toString(), *input, problems);
}

QList<RunJob> CollectionDock::jobsFor(const QString &folderPath, QStringList *problems) const
{
    QList<RunJob> jobs;
    const Collection collection = m_model->collection();
    const auto entries = collection.requests(folderPath);
    if (!entries) {
        problems->append(u"No folder '" + folderPath + u"' in the collection.");
        return jobs;
    }
    const VariableResolver resolver(collection, currentEnvironment());
    for (const CollectionEntry &entry : *entries) {
        const CollectionItem &item = *entry.item;
        QStringList itemProblems;
        for (const RequestInput &input : resolver.inputsFor(item.request, {}, &itemProblems)) {
            if (auto built = buildRequest(input, &itemProblems))
                jobs.append(RunJob{item.id, item.name, entry.folderPath, input.origin, *built,
                    item.request.delayMs, item.request.expect});
        }
        itemProblems.removeDuplicates();
        for (const QString &problem : std::as_const(itemProblems))
            problems->append(item.name + u": " + problem);
    }
    return jobs;
}

QString CollectionDock::currentFolderPath() const
{
    const QModelIndex current = m_view->currentIndex();
    return current.isValid() ? current.data(CollectionModel::FolderPathRole).toString() : QString();
}

QString CollectionDock::workingStatePath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + u"/working-collection.json";
}

void CollectionDock::scheduleWorkingState()
{
    m_autosaveTimer->start();
}

void CollectionDock::writeWorkingState()
{
    m_autosaveTimer->stop();
    const QString path = workingStatePath();
    if (m_path.isEmpty() && m_model->rowCount() == 0) {
        // Nothing worth restoring: the next start opens as a first start does.
        m_filePool.start([path] { QFile::remove(path); });
        return;
    }
    QSettings settings;
    settings.setValue(workingPathKey, m_path);
    settings.setValue(workingModifiedKey, isModified());
    // Only the copy is made here (its strings are shared, not copied): serialising 16,000 imported
    // requests takes about 50 ms, and the disk write (and its fsync) more; both stay off the GUI thread.
    m_filePool.start([collection = m_model->collection(), path] {
        const QByteArray bytes = serializeCollection(collection);
        QDir().mkpath(QFileInfo(path).absolutePath());
        QSaveFile file(path);
        if (file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size())
            file.commit();
    });
}

void CollectionDock::waitForWorkingState()
{
    m_filePool.waitForDone();
}

bool CollectionDock::restoreWorkingState()
{
    const QString path = workingStatePath();
    if (!QFileInfo::exists(path))
        return false;
    const quint64 revision = m_revision;
    readOnFileThread(path, [this, revision](const std::optional<Collection> &collection, const QString &, bool newest) {
        // A file opened or an edit made since the start wins over the older working state.
        finishRestore(newest && revision == m_revision ? collection : std::nullopt);
    });
    return true;
}

void CollectionDock::finishRestore(const std::optional<Collection> &collection)
{
    if (!collection) {
        Q_EMIT workingStateRestored(false);
        return;
    }
    QSettings settings;
    m_path = settings.value(workingPathKey).toString();
    m_model->setCollection(*collection);
    if (settings.value(workingModifiedKey).toBool())
        m_model->setModifiedWithoutHistory();
    m_view->expandToDepth(0);
    m_autosaveTimer->stop(); // nothing new to write
    updateTitle();
    Q_EMIT workingStateRestored(true);
}

} // namespace corscope
