#pragma once

#include "store/collection.h"
#include "ui/jobtracker.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>
#include <QThreadPool>
#include <optional>

class QTimer;

namespace corscope {

class CollectionModel;
class ImportJob;

// One open collection as a document, without widgets: the tree (CollectionModel), the file it came
// from, whether it is modified, the recent files, imports, and the working state that is written to
// the app data folder a moment after every change and restored at the next start. Views (the
// collection dock) and the window call it and listen to its signals; tests drive it with no window.
//
// Files are read and written on the document's file thread, never the GUI thread, in the order
// asked: opens, saves and the working state. Each open or save ends with fileOpened() or
// fileSaved(); on failure the tree and the file on disk are left as they were. The newest open wins.
class CollectionDocument final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CollectionDocument)

public:
    explicit CollectionDocument(QObject *parent = nullptr);
    // Writes a pending working state and waits for the file thread.
    ~CollectionDocument() override;

    CollectionModel *model() const { return m_model; }
    QString filePath() const { return m_path; }
    bool isModified() const;
    // "api.json", or "Untitled collection".
    QString documentName() const;

    void newCollection();
    void openFile(const QString &path);
    bool save(); // to filePath(); false (nothing started) when there is none
    void saveAs(const QString &path);

    QStringList recentFiles() const; // newest first

    // Background import of a file; the job is owned by the document and merged into the tree when
    // done (importFinished() follows).
    ImportJob *importFile(const QString &path);
    // Imports text (a pasted curl command) at once; returns the number of items added.
    int importText(const QString &text, QString *error = nullptr);
    bool isImporting() const;
    void cancelImports();

    static QString workingStatePath();
    // Loads the working state on the file thread. False at once when there is none (a first start);
    // else workingStateRestored() follows. An unreadable working state is moved aside as
    // "working-collection.json.corrupt-<time>" with a warning(), never deleted. Secret values the
    // working state left out (unless QSettings "privacy/keepSecrets") are taken from the collection
    // file when it still has them; the requests still missing some are named in a statusMessage().
    bool restoreWorkingState();
    // Writes the working state now (on the file thread); a timer calls it a moment after changes.
    void writeWorkingState();
    // The requests of the restored working state whose secret values were not kept (their ids).
    QStringList itemsMissingSecrets() const { return m_itemsMissingSecrets; }
    // Waits until the file thread is idle (tests, shutdown). Results are still delivered later, by
    // the event loop.
    void waitForFileThread();

Q_SIGNALS:
    void documentChanged(); // path or modified state changed: titles follow
    void statusMessage(const QString &text);
    // error: a sentence when ok is false.
    void fileOpened(const QString &path, bool ok, const QString &error);
    void fileSaved(const QString &path, bool ok, const QString &error);
    // restored is false when the file was unreadable, or a file was opened or the tree edited first.
    void workingStateRestored(bool restored);
    // Something the user must know about their data (an unreadable working state moved aside).
    void warning(const QString &text);
    void recentFilesChanged();
    void importStarted(const QString &path);
    // The newest progress of any running import; percent 0-100, phase text for people.
    void importProgress(int percent, const QString &phase);
    void importFinished(bool ok);

private:
    void addRecent(const QString &path);
    void onImportFinished(ImportJob *job);
    void scheduleWorkingState();
    void finishOpen(const QString &path, const std::optional<Collection> &collection, const QString &problem);
    void finishSave(const QString &path, quint64 revision, const QString &problem);
    void finishRestore(Collection collection, const QStringList &itemsMissingSecrets);

    CollectionModel *m_model;
    QTimer *m_autosaveTimer;
    QThreadPool m_filePool; // one thread: opens, saves and autosaves happen in the order asked
    // On the file thread. Reads (opens and the restore): the newest wins. Writes: each reports.
    JobTracker m_reads;
    JobTracker m_writes;
    bool m_workingStateWritable = true;
    QStringList m_itemsMissingSecrets;
    quint64 m_revision = 0; // counts edits, so a save knows whether the tree moved on meanwhile
    QList<QPointer<ImportJob>> m_imports;
    QString m_path;
};

} // namespace corscope
