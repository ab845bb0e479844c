#pragma once

#include "core/exchange.h"
#include "store/requestinput.h"

#include <QHash>
#include <QList>
#include <QJsonArray>
#include <QJsonObject>
#include <QObject>
#include <QStringList>

#include <memory>
#include <optional>

namespace corscope {

class ExchangeRunner;
class PreflightCache;
class Transport;

// One request of a run, for one page origin, already resolved and checked.
struct RunJob
{
    QString itemId;
    QString name;
    QStringList folderPath;
    QString origin;   // as resolved (the column of the origin matrix)
    BuiltRequest built;
    int delayMs = 0;
    std::optional<QString> expect;
};

// Runs jobs with one shared preflight cache: jobs to the same host (scheme, host, port) start in
// their order, at most perHostLimit at a time (1 keeps the cache semantics deterministic); different
// hosts run side by side. A model for a window can listen to jobStarted/jobFinished; cancel() stops.
class CollectionRunner final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CollectionRunner)

public:
    CollectionRunner(QList<RunJob> jobs, Transport *transport, int perHostLimit = 1, QObject *parent = nullptr);
    ~CollectionRunner() override;

    void start();
    void cancel();

    const QList<RunJob> &jobs() const { return m_jobs; }
    // The result of job i once jobFinished(i) was emitted.
    const ExchangeResult &result(qsizetype index) const { return m_results.at(index); }
    bool isFinished(qsizetype index) const { return m_done.at(index); }
    bool wasCancelled() const { return m_cancelled; }
    // The finished jobs as `corscope run` prints them: the objects of `corscope check --format json`
    // with name, id, folder, origin, and expect/asExpected when the job has an expectation.
    QJsonArray resultsJson() const;
    // One element of resultsJson(). A pure function of its arguments, safe to call on any thread.
    static QJsonObject jobJson(const RunJob &job, const ExchangeResult &result);

Q_SIGNALS:
    void jobStarted(qsizetype index);
    void jobFinished(qsizetype index);
    void finished();

private:
    struct HostQueue
    {
        QList<qsizetype> pending;
        int running = 0;
        bool waiting = false; // a delay timer is armed
    };
    void pump(const QString &host);
    void launch(const QString &host, qsizetype index);
    void checkFinished();

    QList<RunJob> m_jobs;
    QList<ExchangeResult> m_results;
    QList<bool> m_done;
    QHash<QString, HostQueue> m_hosts;
    QList<ExchangeRunner *> m_running;
    std::unique_ptr<PreflightCache> m_cache;
    Transport *m_transport;
    int m_perHostLimit;
    qsizetype m_finishedCount = 0;
    bool m_cancelled = false;
    bool m_emittedFinished = false;
};

} // namespace corscope
