#pragma once

#include "store/collection.h"
#include "runner/collectionrunner.h"
#include "store/requestinput.h"

#include <QDockWidget>
#include <QList>
#include <QPointer>
#include <QThreadPool>

#include <functional>

class QAction;
class QComboBox;
class QLabel;
class QMenu;
class QProgressBar;
class QTimer;
class QToolButton;
class QTreeView;

namespace corscope {

class CollectionModel;
class ImportJob;

// The collection tree in a dock: open, save, save as, recent files, rename (inline), duplicate,
// drag to reorder, delete with undo, imports in the background, the environment to resolve
// {{variables}} with, and "run". The file operations take paths (the dialogs are a thin layer on
// top) so that tests drive the same code. Files are read and written on the dock's file thread,
// never the GUI thread, in the order asked: opens, saves and the working state, which is written to
// the app data folder a moment after every change and restored at the next start.
class CollectionDock final : public QDockWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CollectionDock)

public:
    explicit CollectionDock(QWidget *parent = nullptr);
    ~CollectionDock() override;

    CollectionModel *model() const { return m_model; }
    QTreeView *view() const { return m_view; }
    QComboBox *environmentCombo() const { return m_environment; }
    QMenu *recentMenu() const { return m_recentMenu; }

    QString filePath() const { return m_path; }
    bool isModified() const;
    // "api.json", or "Untitled collection".
    QString documentName() const;

    void newCollection();
    // Each reads or writes on the file thread and ends with fileOpened() or fileSaved(); on failure
    // the tree and the file on disk are left as they were. The newest open wins.
    void openFile(const QString &path);
    bool save(); // to filePath(); false (nothing started) when there is none
    void saveAs(const QString &path);

    // With file dialogs (the menu actions).
    void openWithDialog();
    void saveOrAsk();
    void saveAsWithDialog();
    void importWithDialog();

    QStringList recentFiles() const;

    // Background import of a file; the job is owned by the dock and merged into the tree when done.
    ImportJob *importFile(const QString &path);
    // Imports text (a pasted curl command) at once; returns the number of items added.
    int importText(const QString &text, QString *error = nullptr);

    // The selected environment (null: none).
    const Environment *currentEnvironment() const;
    // The request with {{variables}} resolved for the first page origin; problems in *problems.
    std::optional<RequestInput> resolvedInput(
        const QModelIndex &index, QStringList *problems = nullptr) const;
    void openRequest(const QModelIndex &index);
    // Puts the curl commands of the request at `index` on the clipboard (its preflight and itself,
    // once per page origin, variables resolved); false and a status message when it cannot.
    bool copyAsCurl(const QModelIndex &index);

    // The runnable jobs of the collection or one folder ("a/b"); problems per request in *problems.
    QList<RunJob> jobsFor(const QString &folderPath, QStringList *problems) const;
    // The folder of the current item ("" for the top level).
    QString currentFolderPath() const;

    static QString workingStatePath();
    // Loads the autosaved working state on the file thread. False at once when there is none (a
    // first start); else workingStateRestored() follows.
    bool restoreWorkingState();
    // Writes the working state now (on the autosave thread); the timer calls it after changes.
    void writeWorkingState();
    // Waits for pending autosave writes (tests, shutdown).
    void waitForWorkingState();

Q_SIGNALS:
    void requestOpened(
        const QString &itemId, const corscope::RequestInput &input, const QStringList &problems);
    void runRequested(const QString &folderPath);
    void documentChanged(); // path or modified state changed: the window updates its title
    void statusMessage(const QString &text);
    void importFinished(bool ok);
    // error: a sentence when ok is false.
    void fileOpened(const QString &path, bool ok, const QString &error);
    void fileSaved(const QString &path, bool ok, const QString &error);
    // restored is false when the file was unreadable, or a file was opened or the tree edited first.
    void workingStateRestored(bool restored);

private:
    void createActions();
    void updateTitle();
    void updateEnvironments();
    void updateActions();
    void addRecent(const QString &path);
    void rebuildRecentMenu();
    void onImportFinished(ImportJob *job);
    void scheduleWorkingState();
    void finishOpen(const QString &path, const std::optional<Collection> &collection, const QString &problem);
    void finishSave(const QString &path, quint64 revision, const QString &problem);
    void finishRestore(const std::optional<Collection> &collection); // nullopt: nothing to restore
    // Reads a collection file on the file thread; `loaded` gets it on the GUI thread (nullopt and the
    // problem when unreadable), and whether no other read was started since.
    using Loaded = std::function<void(const std::optional<Collection> &collection, const QString &problem, bool newest)>;
    void readOnFileThread(const QString &path, const Loaded &loaded);

    CollectionModel *m_model;
    QTreeView *m_view;
    QComboBox *m_environment;
    QWidget *m_importRow;
    QLabel *m_importLabel;
    QProgressBar *m_importProgress;
    QToolButton *m_importCancel;
    QMenu *m_recentMenu;
    QTimer *m_autosaveTimer;
    QThreadPool m_filePool; // one thread: opens, saves and autosaves happen in the order asked
    quint64 m_readTicket = 0; // the newest read (an open or the restore); older ones are stale
    quint64 m_revision = 0; // counts edits, so a save knows whether the tree moved on meanwhile
    QList<QPointer<ImportJob>> m_imports;
    QString m_path;
    QAction *m_duplicateAction = nullptr;
    QAction *m_deleteAction = nullptr;
    QAction *m_copyCurlAction = nullptr;
    QAction *m_runFolderAction = nullptr;
};

} // namespace corscope
