#include "ui/collectiondock.h"

#include "store/curlexport.h"
#include "store/variables.h"
#include "ui/collectiondocument.h"
#include "ui/collectioneditactions.h"
#include "ui/collectionmodel.h"

#include <QAction>
#include <QClipboard>
#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QProgressBar>
#include <QToolBar>
#include <QToolButton>
#include <QTreeView>
#include <QUndoStack>
#include <QVBoxLayout>

namespace corscope {

namespace {
const QString fileFilter = QStringLiteral("corscope collections (*.json);;All files (*)");
const QString importFilter
    = QStringLiteral("Imports (*.har *.json *.txt *.sh *.curl);;HAR files (*.har);;All files (*)");
} // namespace

CollectionDock::CollectionDock(QWidget *parent)
    : CollectionDock(nullptr, parent)
{ }

CollectionDock::CollectionDock(CollectionDocument *document, QWidget *parent)
    : QDockWidget(QStringLiteral("Collection"), parent)
    , m_document(document ? document : new CollectionDocument(this))
    , m_view(new QTreeView(this))
    , m_environment(new QComboBox(this))
    , m_importRow(new QWidget(this))
    , m_importLabel(new QLabel(m_importRow))
    , m_importProgress(new QProgressBar(m_importRow))
    , m_importCancel(new QToolButton(m_importRow))
    , m_recentMenu(new QMenu(QStringLiteral("Open &Recent"), this))
{
    setObjectName(QStringLiteral("collectionDock"));
    setFeatures(
        QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable | QDockWidget::DockWidgetClosable);

    m_view->setObjectName(QStringLiteral("collectionView"));
    m_view->setModel(model());
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
    connect(m_importCancel, &QToolButton::clicked, m_document, &CollectionDocument::cancelImports);

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
    // Request Settings…, Collection Settings… and Edit Environments… (CollectionEditActions).
    auto *edits = new CollectionEditActions(model(), m_view, m_environment, this);
    m_view->addActions(edits->treeActions());
    environmentRow->addWidget(edits->createEnvironmentButton(content));

    connectDocument();
    connect(m_view, &QTreeView::activated, this, &CollectionDock::openRequest);
    connect(
        m_view->selectionModel(), &QItemSelectionModel::currentChanged, this, &CollectionDock::updateActions);
    connect(model(), &QAbstractItemModel::modelReset, this, &CollectionDock::updateActions);

    rebuildRecentMenu();
    updateEnvironments();
    updateTitle();
    updateActions();
}

CollectionDock::~CollectionDock() = default;

void CollectionDock::connectDocument()
{
    CollectionDocument *document = m_document;
    connect(document, &CollectionDocument::documentChanged, this, &CollectionDock::updateTitle);
    connect(document->model(), &CollectionModel::contentChanged, this, &CollectionDock::updateEnvironments);
    connect(document, &CollectionDocument::recentFilesChanged, this, &CollectionDock::rebuildRecentMenu);
    connect(document, &CollectionDocument::fileOpened, this, [this](const QString &, bool ok) {
        if (!ok)
            return;
        m_view->expandToDepth(0);
        show();
    });
    connect(document, &CollectionDocument::workingStateRestored, this, [this](bool restored) {
        if (restored)
            m_view->expandToDepth(0);
    });
    connect(document, &CollectionDocument::importStarted, this, [this](const QString &path) {
        m_importLabel->setText(u"Importing " + QFileInfo(path).fileName() + u"…");
        m_importProgress->setValue(0);
        m_importRow->show();
    });
    connect(document, &CollectionDocument::importProgress, this, [this](int percent, const QString &phase) {
        m_importProgress->setValue(percent);
        m_importLabel->setText(phase);
    });
    connect(document, &CollectionDocument::importFinished, this, [this](bool ok) {
        if (!m_document->isImporting())
            m_importRow->hide();
        if (ok)
            show();
    });
    // Forwarded after the dock's own handlers, so that a listener here sees the view updated.
    connect(document, &CollectionDocument::documentChanged, this, &CollectionDock::documentChanged);
    connect(document, &CollectionDocument::statusMessage, this, &CollectionDock::statusMessage);
    connect(document, &CollectionDocument::importFinished, this, &CollectionDock::importFinished);
    connect(document, &CollectionDocument::fileOpened, this, &CollectionDock::fileOpened);
    connect(document, &CollectionDocument::fileSaved, this, &CollectionDock::fileSaved);
    connect(document, &CollectionDocument::workingStateRestored, this, &CollectionDock::workingStateRestored);
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
    connect(make(QStringLiteral("saveCollectionAction"), QStringLiteral("Save &Collection"),
                QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_S)),
        &QAction::triggered, this, &CollectionDock::saveOrAsk);
    connect(make(QStringLiteral("saveCollectionAsAction"), QStringLiteral("Save Collection As…"),
                QKeySequence(Qt::CTRL | Qt::ALT | Qt::SHIFT | Qt::Key_S)),
        &QAction::triggered, this, &CollectionDock::saveAsWithDialog);
    QAction *import = make(QStringLiteral("importAction"), QStringLiteral("&Import…"),
        QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_I));
    import->setToolTip(
        QStringLiteral("Import curl commands, a HAR or a Postman collection (or drop files on the window)"));
    import->setIconText(QStringLiteral("Import"));
    connect(import, &QAction::triggered, this, &CollectionDock::importWithDialog);

    // Fixed texts (the toolbar stays narrow); the tooltip says what would be undone.
    QUndoStack *stack = model()->undoStack();
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
        const QModelIndex copy = model()->duplicateItem(m_view->currentIndex().siblingAtColumn(0));
        if (copy.isValid())
            m_view->setCurrentIndex(copy);
    });
    m_deleteAction = make(QStringLiteral("deleteAction"), QStringLiteral("De&lete"), QKeySequence::Delete);
    m_deleteAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(m_deleteAction, &QAction::triggered, this, [this] {
        const QModelIndex current = m_view->currentIndex().siblingAtColumn(0);
        const QString name = current.data().toString();
        if (model()->removeItem(current))
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
        const QModelIndex created = model()->addFolder(parent, QStringLiteral("New folder"));
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

void CollectionDock::updateTitle()
{
    setWindowTitle(u"Collection — " + documentName() + (isModified() ? QStringLiteral(" *") : QString()));
}

void CollectionDock::updateEnvironments()
{
    QStringList names;
    for (const Environment &environment : model()->properties().environments)
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

CollectionModel *CollectionDock::model() const
{
    return m_document->model();
}

QString CollectionDock::filePath() const
{
    return m_document->filePath();
}

bool CollectionDock::isModified() const
{
    return m_document->isModified();
}

QString CollectionDock::documentName() const
{
    return m_document->documentName();
}

void CollectionDock::newCollection()
{
    m_document->newCollection();
}

void CollectionDock::openFile(const QString &path)
{
    m_document->openFile(path);
}

bool CollectionDock::save()
{
    return m_document->save();
}

void CollectionDock::saveAs(const QString &path)
{
    m_document->saveAs(path);
}

QStringList CollectionDock::recentFiles() const
{
    return m_document->recentFiles();
}

ImportJob *CollectionDock::importFile(const QString &path)
{
    return m_document->importFile(path);
}

int CollectionDock::importText(const QString &text, QString *error)
{
    return m_document->importText(text, error);
}

QString CollectionDock::workingStatePath()
{
    return CollectionDocument::workingStatePath();
}

bool CollectionDock::restoreWorkingState()
{
    return m_document->restoreWorkingState();
}

void CollectionDock::writeWorkingState()
{
    m_document->writeWorkingState();
}

void CollectionDock::waitForWorkingState()
{
    m_document->waitForFileThread();
}

void CollectionDock::openWithDialog()
{
    const QString path = QFileDialog::getOpenFileName(
        this, QStringLiteral("Open a collection"), QFileInfo(filePath()).absolutePath(), fileFilter);
    if (!path.isEmpty())
        openFile(path);
}

void CollectionDock::saveOrAsk()
{
    if (filePath().isEmpty())
        saveAsWithDialog();
    else
        save();
}

void CollectionDock::saveAsWithDialog()
{
    QString path = QFileDialog::getSaveFileName(this, QStringLiteral("Save the collection"),
        filePath().isEmpty() ? QDir::homePath() + u"/collection.json" : filePath(), fileFilter);
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

const Environment *CollectionDock::currentEnvironment() const
{
    if (m_environment->currentIndex() <= 0)
        return nullptr;
    return model()->properties().environment(m_environment->currentText());
}

bool CollectionDock::copyAsCurl(const QModelIndex &index)
{
    const auto item = model()->itemAt(index.siblingAtColumn(0));
    if (!item || item->isFolder())
        return false;
    QStringList problems;
    const QString curl = curlCommandsFor(
        item->request, VariableResolver(model()->properties(), currentEnvironment()), {}, &problems);
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
    const auto item = model()->itemAt(index.siblingAtColumn(0));
    if (!item || item->isFolder())
        return std::nullopt;
    const VariableResolver resolver(model()->properties(), currentEnvironment());
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
    const Collection collection = model()->collection();
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

} // namespace corscope
