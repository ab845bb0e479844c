#pragma once

#include "store/collection.h"
#include "runner/collectionrunner.h"
#include "store/requestinput.h"

#include <QDockWidget>
#include <QList>

#include <optional>

class QAction;
class QComboBox;
class QLabel;
class QMenu;
class QProgressBar;
class QToolButton;
class QTreeView;

namespace corscope {

class CollectionDocument;
class CollectionModel;
class ImportJob;

// The view of a CollectionDocument in a dock: the tree (rename inline, duplicate, drag to reorder,
// delete with undo), the environment that resolves {{variables}}, the actions and their file dialogs,
// the recent-files menu, the import progress row, and "run". File work, imports and the working state
// belong to the document; the dock calls it, and forwards its signals for callers that still listen
// here.
class CollectionDock final : public QDockWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CollectionDock)

public:
    // The document must outlive the dock (the window owns both).
    explicit CollectionDock(CollectionDocument *document, QWidget *parent = nullptr);
    // Creates and owns its own document.
    explicit CollectionDock(QWidget *parent = nullptr);
    ~CollectionDock() override;

    CollectionDocument *document() const { return m_document; }
    CollectionModel *model() const;
    QTreeView *view() const { return m_view; }
    QComboBox *environmentCombo() const { return m_environment; }
    QMenu *recentMenu() const { return m_recentMenu; }

    // With file dialogs (the menu actions).
    void openWithDialog();
    void saveOrAsk();
    void saveAsWithDialog();
    void importWithDialog();

    // The document's, kept here for callers written before the document existed.
    QString filePath() const;
    bool isModified() const;
    QString documentName() const;
    void newCollection();
    void openFile(const QString &path);
    bool save();
    void saveAs(const QString &path);
    QStringList recentFiles() const;
    ImportJob *importFile(const QString &path);
    int importText(const QString &text, QString *error = nullptr);
    static QString workingStatePath();
    bool restoreWorkingState();
    void writeWorkingState();
    void waitForWorkingState();

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

Q_SIGNALS:
    void requestOpened(
        const QString &itemId, const corscope::RequestInput &input, const QStringList &problems);
    void runRequested(const QString &folderPath);
    // Forwarded from the document (see CollectionDocument).
    void documentChanged();
    void statusMessage(const QString &text);
    void importFinished(bool ok);
    void fileOpened(const QString &path, bool ok, const QString &error);
    void fileSaved(const QString &path, bool ok, const QString &error);
    void workingStateRestored(bool restored);

private:
    void createActions();
    void connectDocument();
    void updateTitle();
    void updateEnvironments();
    void updateActions();
    void rebuildRecentMenu();

    CollectionDocument *m_document;
    QTreeView *m_view;
    QComboBox *m_environment;
    QWidget *m_importRow;
    QLabel *m_importLabel;
    QProgressBar *m_importProgress;
    QToolButton *m_importCancel;
    QMenu *m_recentMenu;
    QAction *m_duplicateAction = nullptr;
    QAction *m_deleteAction = nullptr;
    QAction *m_copyCurlAction = nullptr;
    QAction *m_runFolderAction = nullptr;
};

} // namespace corscope
