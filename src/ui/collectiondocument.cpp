#include "ui/collectiondocument.h"

#include "store/collectionfile.h"
#include "store/importer.h"
#include "ui/collectionmodel.h"
#include "ui/importjob.h"
#include "ui/workingstatesecrets.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QSettings>
#include <QStandardPaths>
#include <QTimer>

namespace corscope {

namespace {
struct CollectionRead
{
    std::optional<Collection> collection;
    QString problem; // when unreadable
};

CollectionRead readCollectionFile(const QString &path)
{
    CollectionRead read;
    read.collection = loadCollection(path, &read.problem);
    return read;
}

constexpr int maxRecentFiles = 8;
constexpr int autosaveDelayMs = 800;
const QString recentKey = QStringLiteral("collections/recentFiles");
const QString workingPathKey = QStringLiteral("collections/workingPath");
const QString workingModifiedKey = QStringLiteral("collections/workingModified");
// Shared with the history and the composer: secret values are written to disk only when this is on.
const QString keepSecretsKey = QStringLiteral("privacy/keepSecrets");
} // namespace

CollectionDocument::CollectionDocument(QObject *parent)
    : QObject(parent)
    , m_model(new CollectionModel(this))
    , m_autosaveTimer(new QTimer(this))
    , m_reads(this, JobTracker::Delivery::NewestOnly, &m_filePool)
    , m_writes(this, JobTracker::Delivery::EveryJob, &m_filePool)
{
    setObjectName(QStringLiteral("collectionDocument"));
    m_filePool.setMaxThreadCount(1); // reads and writes stay in order
    m_autosaveTimer->setSingleShot(true);
    m_autosaveTimer->setInterval(autosaveDelayMs);
    connect(m_autosaveTimer, &QTimer::timeout, this, &CollectionDocument::writeWorkingState);
    connect(m_model, &CollectionModel::contentChanged, this, [this] {
        ++m_revision;
        scheduleWorkingState();
    });
    connect(m_model, &CollectionModel::modifiedChanged, this, [this] {
        Q_EMIT documentChanged();
        scheduleWorkingState();
    });
    // A whole new tree (the lab demo, a restore) may bring its own name for the titles.
    connect(m_model, &QAbstractItemModel::modelReset, this, &CollectionDocument::documentChanged);
}

CollectionDocument::~CollectionDocument()
{
    cancelImports();
    if (m_autosaveTimer->isActive())
        writeWorkingState();
    m_filePool.waitForDone();
}

bool CollectionDocument::isModified() const
{
    return m_model->isModified();
}

QString CollectionDocument::documentName() const
{
    if (!m_path.isEmpty())
        return QFileInfo(m_path).fileName();
    // Not saved to a file yet: its own name when it has one ("corscope lab demo").
    const QString name = m_model->properties().name.trimmed();
    return name.isEmpty() || name == u"Untitled" ? QStringLiteral("Untitled collection") : name;
}

void CollectionDocument::newCollection()
{
    Collection collection;
    collection.name = QStringLiteral("Untitled");
    m_path.clear();
    m_model->setCollection(collection);
    m_itemsMissingSecrets.clear();
    Q_EMIT documentChanged();
}

void CollectionDocument::openFile(const QString &path)
{
    Q_EMIT statusMessage(u"Opening " + QFileInfo(path).fileName() + u"…");
    m_reads.startJob([path](const JobControl &) { return readCollectionFile(path); },
        [this, path](const CollectionRead &read) { finishOpen(path, read.collection, read.problem); });
}

void CollectionDocument::finishOpen(
    const QString &path, const std::optional<Collection> &collection, const QString &problem)
{
    if (!collection) {
        Q_EMIT statusMessage(u"Not opened: " + problem);
        Q_EMIT fileOpened(path, false, problem);
        return;
    }
    m_path = QFileInfo(path).absoluteFilePath();
    m_model->setCollection(*collection);
    m_itemsMissingSecrets.clear();
    addRecent(m_path);
    Q_EMIT documentChanged();
    Q_EMIT statusMessage(
        u"Opened " + documentName() + u" (" + QString::number(collection->requestCount()) + u" requests).");
    Q_EMIT fileOpened(path, true, QString());
}

bool CollectionDocument::save()
{
    if (m_path.isEmpty())
        return false;
    saveAs(m_path);
    return true;
}

void CollectionDocument::saveAs(const QString &path)
{
    const quint64 revision = m_revision;
    Q_EMIT statusMessage(u"Saving " + QFileInfo(path).fileName() + u"…");
    m_writes.startJob(
        [collection = m_model->collection(), path](const JobControl &) {
            QString problem;
            return saveCollection(collection, path, &problem) ? QString() : problem;
        },
        [this, path, revision](const QString &problem) { finishSave(path, revision, problem); });
}

void CollectionDocument::finishSave(const QString &path, quint64 revision, const QString &problem)
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
    Q_EMIT documentChanged();
    scheduleWorkingState();
    Q_EMIT statusMessage(u"Saved " + documentName() + u'.');
    Q_EMIT fileSaved(path, true, QString());
}

QStringList CollectionDocument::recentFiles() const
{
    return QSettings().value(recentKey).toStringList();
}

void CollectionDocument::addRecent(const QString &path)
{
    QStringList recent = recentFiles();
    recent.removeAll(path);
    recent.prepend(path);
    QSettings().setValue(recentKey, recent.mid(0, maxRecentFiles));
    Q_EMIT recentFilesChanged();
}

ImportJob *CollectionDocument::importFile(const QString &path)
{
    auto *job = new ImportJob(path, this);
    m_imports.append(job);
    connect(job, &ImportJob::progressChanged, this, &CollectionDocument::importProgress);
    connect(job, &ImportJob::finished, this, [this, job] { onImportFinished(job); });
    Q_EMIT importStarted(path);
    job->start();
    return job;
}

bool CollectionDocument::isImporting() const
{
    for (const QPointer<ImportJob> &job : m_imports) {
        if (job)
            return true;
    }
    return false;
}

void CollectionDocument::cancelImports()
{
    for (const QPointer<ImportJob> &job : std::as_const(m_imports)) {
        if (job)
            job->cancel();
    }
}

void CollectionDocument::onImportFinished(ImportJob *job)
{
    m_imports.removeAll(job);
    m_imports.removeAll(nullptr);
    const QString name = QFileInfo(job->path()).fileName();
    bool ok = false;
    if (job->result()) {
        const ImportResult &result = *job->result();
        const int added = m_model->addImported(result.collection, u"Import " + name);
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

int CollectionDocument::importText(const QString &text, QString *error)
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

QString CollectionDocument::workingStatePath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + u"/working-collection.json";
}

void CollectionDocument::scheduleWorkingState()
{
    m_autosaveTimer->start();
}

void CollectionDocument::writeWorkingState()
{
    m_autosaveTimer->stop();
    if (!m_workingStateWritable)
        return; // an unreadable working state could not be moved aside: it is never overwritten
    const QString path = workingStatePath();
    if (m_path.isEmpty() && m_model->rowCount() == 0) {
        // Nothing worth restoring (the user emptied the tree): the next start opens as a first start does.
        m_writes.startJob([path](const JobControl &) { QFile::remove(path); }, [] {});
        return;
    }
    QSettings settings;
    settings.setValue(workingPathKey, m_path);
    settings.setValue(workingModifiedKey, isModified());
    const bool keepSecrets = settings.value(keepSecretsKey, false).toBool();
    // Only the copy is made here (its strings are shared, not copied): masking and serialising 16,000
    // imported requests takes a while, and the disk write (and its fsync) more; all stay off the GUI thread.
    m_writes.startJob(
        [collection = m_model->collection(), path, keepSecrets](const JobControl &) {
            const QByteArray bytes = serializeCollection(
                keepSecrets ? collection : WorkingStateSecrets::withoutSecrets(collection));
            QDir().mkpath(QFileInfo(path).absolutePath());
            QSaveFile file(path);
            if (file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size() && file.commit())
                return QString();
            return file.errorString();
        },
        [this](const QString &problem) {
            if (!problem.isEmpty())
                Q_EMIT statusMessage(u"The working state could not be written: " + problem);
        });
}

void CollectionDocument::waitForFileThread()
{
    m_filePool.waitForDone();
}

namespace {
struct WorkingStateRead
{
    std::optional<Collection> collection;
    QStringList itemsMissingSecrets;
    QString missingSecrets; // a sentence, when secret values were not kept
    QString warning; // the file was unreadable and moved aside (or could not be)
    bool movedAside = true;
};

// On the file thread: reads the working state; an unreadable one (cut short by a crash, or written by
// a newer corscope) is moved aside, never deleted, so the next write cannot destroy what it held.
WorkingStateRead readWorkingState(const QString &path, const QString &documentPath)
{
    WorkingStateRead read;
    QString problem;
    read.collection = loadCollection(path, &problem);
    if (!read.collection) {
        const QString base
            = path + u".corrupt-" + QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-hhmmss"));
        QString aside = base;
        for (int n = 2; QFileInfo::exists(aside); ++n)
            aside = base + u'-' + QString::number(n);
        read.movedAside = QFile::rename(path, aside);
        read.warning = u"The collection of the last session could not be restored (" + problem + u"). "
            + (read.movedAside
                    ? QString(u"It was moved aside to " + QDir::toNativeSeparators(aside) + u'.')
                    : QString(u"It could not be moved aside, so it is left as it is and the working "
                              u"state is not saved in this session: "
                        + QDir::toNativeSeparators(path)));
        return read;
    }
    // The user's own file still has the secret values the working state left out.
    if (!documentPath.isEmpty()) {
        QString ignored;
        if (const auto original = loadCollection(documentPath, &ignored))
            WorkingStateSecrets::refill(*read.collection, *original);
    }
    const WorkingStateSecrets::Missing missing = WorkingStateSecrets::missing(*read.collection);
    read.itemsMissingSecrets = missing.itemIds;
    read.missingSecrets = missing.sentence();
    return read;
}
} // namespace

bool CollectionDocument::restoreWorkingState()
{
    const QString path = workingStatePath();
    if (!QFileInfo::exists(path))
        return false;
    const quint64 revision = m_revision;
    const quint64 reads = m_reads.newestJobId();
    const QString documentPath = QSettings().value(workingPathKey).toString();
    // A write job: it runs in order with the others on the file thread (before any autosave), and
    // always reports.
    m_writes.startJob(
        [path, documentPath](const JobControl &) { return readWorkingState(path, documentPath); },
        [this, revision, reads](WorkingStateRead &&read) {
            if (!read.warning.isEmpty()) {
                m_workingStateWritable = read.movedAside;
                Q_EMIT warning(read.warning);
                Q_EMIT statusMessage(read.warning);
            }
            // A file opened or an edit made since the start wins over the older working state.
            if (revision != m_revision || reads != m_reads.newestJobId() || !read.collection) {
                Q_EMIT workingStateRestored(false);
                return;
            }
            finishRestore(std::move(*read.collection), read.itemsMissingSecrets);
            if (!read.missingSecrets.isEmpty())
                Q_EMIT statusMessage(read.missingSecrets);
        });
    return true;
}

void CollectionDocument::finishRestore(Collection collection, const QStringList &itemsMissingSecrets)
{
    QSettings settings;
    m_path = settings.value(workingPathKey).toString();
    m_model->setCollection(std::move(collection));
    m_itemsMissingSecrets = itemsMissingSecrets;
    // Masked values differ from the file: saving them over it must be a choice the title shows.
    if (settings.value(workingModifiedKey).toBool() || !itemsMissingSecrets.isEmpty())
        m_model->setModifiedWithoutHistory();
    m_autosaveTimer->stop(); // nothing new to write
    Q_EMIT documentChanged();
    Q_EMIT workingStateRestored(true);
}

} // namespace corscope
