#pragma once

#include "ui/exchangerecord.h"

#include <QList>
#include <QObject>
#include <QString>
#include <atomic>
#include <memory>

class QThread;

namespace corscope {

// The window's past exchanges on disk, one JSON line per exchange (ui/historyjson.h), bounded to
// the newest `limit` entries. Every file operation runs in order on one worker thread; the GUI
// thread only posts work and receives results as queued calls, so it never waits for the disk
// (except in the destructor, which lets queued writes finish).
//
// Secret values are masked before they are written unless the user opted in (ui/secretsatrest.h).
//
// A file that cannot be read completely is moved aside (history.jsonl.corrupt-<time>), the entries
// that could be read are kept, and warning() says so.
class HistoryStore final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HistoryStore)

public:
    static constexpr int defaultLimit = 5000;
    // Entries are loaded and handed over in batches of this many (one model insert each).
    static constexpr int batchSize = 500;

    explicit HistoryStore(const QString &path, int limit = defaultLimit, QObject *parent = nullptr);
    ~HistoryStore() override;

    // QStandardPaths::AppDataLocation/history.jsonl
    static QString defaultPath();

    QString path() const { return m_path; }
    int limit() const { return m_limit; }
    bool isLoading() const { return m_loading; }

    // Reads the file in the background: batchLoaded() with the oldest entries first, then loaded().
    void load();
    void append(const ExchangeRecordPtr &record);
    // Empties the file; batches of a load still under way are dropped.
    void clear();
    // Replaces the file with these entries, oldest first (a deleted exchange, an undone clear).
    void replaceAll(const QList<ExchangeRecordPtr> &records);

Q_SIGNALS:
    void batchLoaded(const QList<corscope::ExchangeRecordPtr> &records);
    // The load is complete: count entries, the highest exchange id among them (0 when none).
    void loaded(int count, int highestId);
    // An append or clear reached the file (tests and the status bar use it).
    void saved();
    void warning(const QString &message);

private:
    struct State;

    // Runs job on the worker thread, after every job posted before it.
    template <typename Job>
    void post(Job &&job);

    QString m_path;
    int m_limit;
    QThread *m_thread;
    QObject *m_worker; // lives on m_thread
    std::shared_ptr<State> m_state; // touched only on the worker thread
    std::shared_ptr<std::atomic_int> m_generation;
    bool m_loading = false;
};

} // namespace corscope
