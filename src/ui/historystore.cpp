#include "ui/historystore.h"

#include "ui/historyjson.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QSaveFile>
#include <QStandardPaths>
#include <QThread>

namespace corscope {

struct HistoryStore::State
{
    QString path;
    int limit = 0;
    int lineCount = -1; // lines in the file; -1 until counted
};

namespace {
QList<QByteArray> nonEmptyLines(const QByteArray &bytes)
{
    QList<QByteArray> lines = bytes.split('\n');
    lines.removeIf([](const QByteArray &line) { return line.trimmed().isEmpty(); });
    return lines;
}

// Replaces the file with these lines atomically (QSaveFile: a crash leaves the old file intact).
bool rewrite(const QString &path, const QList<QByteArray> &lines, QString *error)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = file.errorString();
        return false;
    }
    for (const QByteArray &line : lines) {
        file.write(line);
        file.write("\n", 1);
    }
    if (!file.commit()) {
        *error = file.errorString();
        return false;
    }
    return true;
}

// On the worker: tells the store, on its own thread and if it still exists, that a write is over.
void reportWritten(const QPointer<HistoryStore> &store, const QString &error, const QString &failure)
{
    QMetaObject::invokeMethod(
        store.data(),
        [store, error, failure] {
            if (!store)
                return;
            if (!error.isEmpty())
                Q_EMIT store->warning(failure + error);
            Q_EMIT store->saved();
        },
        Qt::QueuedConnection);
}
} // namespace

HistoryStore::HistoryStore(const QString &path, int limit, QObject *parent)
    : QObject(parent)
    , m_path(path)
    , m_limit(std::max(1, limit))
    , m_thread(new QThread(this))
    , m_worker(new QObject)
    , m_state(std::make_shared<State>())
    , m_generation(std::make_shared<std::atomic_int>(0))
{
    m_state->path = m_path;
    m_state->limit = m_limit;
    m_thread->setObjectName(QStringLiteral("corscope history"));
    m_worker->moveToThread(m_thread);
    connect(m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread->start(QThread::LowPriority);
}

HistoryStore::~HistoryStore()
{
    // Queued after every pending write, so the thread ends once they are on disk.
    QThread *thread = m_thread;
    QMetaObject::invokeMethod(
        m_worker, [thread] { thread->quit(); }, Qt::QueuedConnection);
    m_thread->wait();
}

QString HistoryStore::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)
        + QStringLiteral("/history.jsonl");
}

template <typename Job>
void HistoryStore::post(Job &&job)
{
    QMetaObject::invokeMethod(m_worker, std::forward<Job>(job), Qt::QueuedConnection);
}

void HistoryStore::load()
{
    m_loading = true;
    const int generation = m_generation->load();
    post([state = m_state, generationNow = m_generation, generation, store = QPointer<HistoryStore>(this)] {
        // Results go back as queued calls on the store; a clear() in between changes the generation.
        auto deliver = [store, generationNow, generation](auto &&function) {
            if (generationNow->load() != generation)
                return;
            QMetaObject::invokeMethod(
                store.data(),
                [store, generationNow, generation, function = std::forward<decltype(function)>(function)] {
                    if (store && generationNow->load() == generation)
                        function(store.data());
                },
                Qt::QueuedConnection);
        };

        QFile file(state->path);
        if (!file.exists()) {
            state->lineCount = 0;
            deliver([](HistoryStore *self) {
                self->m_loading = false;
                Q_EMIT self->loaded(0, 0);
            });
            return;
        }
        QList<QByteArray> lines;
        QString readError;
        if (file.open(QIODevice::ReadOnly))
            lines = nonEmptyLines(file.readAll());
        else
            readError = file.errorString();
        file.close();

        QList<ExchangeRecordPtr> records;
        QList<QByteArray> goodLines;
        records.reserve(std::min<qsizetype>(lines.size(), state->limit));
        int bad = 0;
        QString firstProblem = readError;
        // Only the newest `limit` entries are kept; older ones are not even parsed.
        const qsizetype first = std::max<qsizetype>(0, lines.size() - state->limit);
        for (qsizetype i = first; i < lines.size(); ++i) {
            QJsonParseError parseError;
            const QJsonDocument document = QJsonDocument::fromJson(lines.at(i), &parseError);
            QString problem;
            ExchangeRecordPtr record;
            if (!document.isObject())
                problem = parseError.error != QJsonParseError::NoError ? parseError.errorString()
                                                                       : QStringLiteral("not a JSON object");
            else
                record = historyEntryFromJson(document.object(), &problem);
            if (!record) {
                ++bad;
                if (firstProblem.isEmpty())
                    firstProblem = u"line " + QString::number(i + 1) + u": " + problem;
                continue;
            }
            records.append(record);
            goodLines.append(lines.at(i));
        }

        QString warning;
        if (bad > 0 || !readError.isEmpty()) {
            const QString aside = state->path + u".corrupt-"
                + QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-hhmmss"));
            QFile::remove(aside);
            const bool moved = QFile::rename(state->path, aside);
            QString writeError;
            if (moved && !goodLines.isEmpty())
                rewrite(state->path, goodLines, &writeError);
            warning = u"The history file could not be read completely (" + QString::number(bad)
                + (bad == 1 ? QStringLiteral(" bad entry; ") : QStringLiteral(" bad entries; "))
                + firstProblem + u"). "
                + (moved ? QString(u"It was moved aside to " + QDir::toNativeSeparators(aside) + u"; "
                       + QString::number(records.size()) + u" readable entries were kept.")
                         : QString(u"It could not be moved aside: " + QDir::toNativeSeparators(state->path)));
        } else if (first > 0) {
            QString writeError;
            rewrite(state->path, goodLines, &writeError);
        }
        state->lineCount = int(goodLines.size());

        int highestId = 0;
        for (const ExchangeRecordPtr &record : std::as_const(records))
            highestId = std::max(highestId, record->id);
        if (!warning.isEmpty())
            deliver([warning](HistoryStore *self) { Q_EMIT self->warning(warning); });
        for (qsizetype at = 0; at < records.size(); at += batchSize) {
            deliver([batch = records.mid(at, batchSize)](
                        HistoryStore *self) { Q_EMIT self->batchLoaded(batch); });
        }
        deliver([count = int(records.size()), highestId](HistoryStore *self) {
            self->m_loading = false;
            Q_EMIT self->loaded(count, highestId);
        });
    });
}

void HistoryStore::append(const ExchangeRecordPtr &record)
{
    if (!record)
        return;
    post([state = m_state, record, store = QPointer<HistoryStore>(this)] {
        // The JSON is built here, off the GUI thread: the record is immutable and shared. The
        // setting is read here too, so that a change applies to the next exchange.
        const QByteArray line = historyLine(*record, SecretsAtRest::policy());
        QDir().mkpath(QFileInfo(state->path).absolutePath());
        QString error;
        if (state->lineCount < 0) {
            QFile existing(state->path);
            state->lineCount
                = existing.open(QIODevice::ReadOnly) ? int(nonEmptyLines(existing.readAll()).size()) : 0;
        }
        // Appending costs one line; the file is cut back to `limit` entries only when it has grown
        // a tenth past it, so the rewrite happens once per limit/10 exchanges.
        if (state->lineCount + 1 > state->limit + state->limit / 10) {
            QFile existing(state->path);
            QList<QByteArray> lines;
            if (existing.open(QIODevice::ReadOnly))
                lines = nonEmptyLines(existing.readAll());
            existing.close();
            lines.append(line);
            lines = lines.mid(std::max<qsizetype>(0, lines.size() - state->limit));
            if (rewrite(state->path, lines, &error))
                state->lineCount = int(lines.size());
        } else {
            QFile file(state->path);
            if (file.open(QIODevice::WriteOnly | QIODevice::Append)
                && file.write(line + '\n') == line.size() + 1)
                ++state->lineCount;
            else
                error = file.errorString();
        }
        reportWritten(store, error, QStringLiteral("The history could not be saved: "));
    });
}

void HistoryStore::clear()
{
    m_generation->fetch_add(1);
    m_loading = false;
    post([state = m_state, store = QPointer<HistoryStore>(this)] {
        QString error;
        if (QFile::exists(state->path))
            rewrite(state->path, {}, &error);
        state->lineCount = 0;
        reportWritten(store, error, QStringLiteral("The history could not be cleared: "));
    });
}

void HistoryStore::replaceAll(const QList<ExchangeRecordPtr> &records)
{
    m_generation->fetch_add(1);
    m_loading = false;
    post([state = m_state, records, store = QPointer<HistoryStore>(this)] {
        QList<QByteArray> lines;
        lines.reserve(records.size());
        for (const ExchangeRecordPtr &record : records.mid(std::max<qsizetype>(0, records.size() - state->limit))) {
            if (record)
                lines.append(historyLine(*record));
        }
        QString error;
        if (rewrite(state->path, lines, &error))
            state->lineCount = int(lines.size());
        reportWritten(store, error, QStringLiteral("The history could not be written: "));
    });
}

} // namespace corscope
