#include "runner/collectionrunner.h"

#include "core/exchangejson.h"
#include "core/preflightcache.h"
#include "net/exchangerunner.h"

#include <QTimer>

namespace corscope {

namespace {
QString hostKey(const QUrl &url)
{
    return url.scheme() + u"://" + url.host().toLower() + u':'
        + QString::number(url.port(url.scheme() == u"https" ? 443 : 80));
}
} // namespace

CollectionRunner::CollectionRunner(QList<RunJob> jobs, Transport *transport, int perHostLimit, QObject *parent)
    : QObject(parent)
    , m_jobs(std::move(jobs))
    , m_cache(std::make_unique<PreflightCache>())
    , m_transport(transport)
    , m_perHostLimit(qMax(1, perHostLimit))
{
    m_results.resize(m_jobs.size());
    m_done.fill(false, m_jobs.size());
}

CollectionRunner::~CollectionRunner() = default;

void CollectionRunner::start()
{
    QStringList order;
    for (qsizetype i = 0; i < m_jobs.size(); ++i) {
        const QString host = hostKey(m_jobs.at(i).built.request.url);
        if (!m_hosts.contains(host))
            order.append(host);
        m_hosts[host].pending.append(i);
    }
    // Never emit from inside start().
    QTimer::singleShot(0, this, [this, order] {
        for (const QString &host : order)
            pump(host);
        checkFinished();
    });
}

void CollectionRunner::cancel()
{
    if (m_cancelled)
        return;
    m_cancelled = true;
    for (HostQueue &queue : m_hosts) {
        queue.pending.clear();
        queue.waiting = false; // an armed delay timer only calls checkFinished() now: don't wait for it
    }
    const QList<ExchangeRunner *> running = m_running;
    for (ExchangeRunner *runner : running)
        runner->cancel();
    QTimer::singleShot(0, this, &CollectionRunner::checkFinished);
}

void CollectionRunner::pump(const QString &host)
{
    HostQueue &queue = m_hosts[host];
    while (!m_cancelled && !queue.waiting && queue.running < m_perHostLimit && !queue.pending.isEmpty()) {
        const qsizetype index = queue.pending.first();
        const int delay = m_jobs.at(index).delayMs;
        queue.pending.removeFirst();
        if (delay > 0) {
            queue.waiting = true;
            QTimer::singleShot(delay, this, [this, host, index] {
                m_hosts[host].waiting = false;
                if (m_cancelled) {
                    checkFinished();
                    return;
                }
                launch(host, index);
                pump(host);
            });
            return;
        }
        launch(host, index);
    }
}

void CollectionRunner::launch(const QString &host, qsizetype index)
{
    ++m_hosts[host].running;
    const RunJob &job = m_jobs.at(index);
    Q_EMIT jobStarted(index);
    auto *runner = new ExchangeRunner(job.built.request, job.built.profile, m_cache.get(), m_transport, this);
    m_running.append(runner);
    connect(runner, &ExchangeRunner::finished, this, [this, runner, host, index](const ExchangeResult &result) {
        m_running.removeOne(runner);
        runner->deleteLater();
        m_results[index] = result;
        m_done[index] = true;
        ++m_finishedCount;
        --m_hosts[host].running;
        Q_EMIT jobFinished(index);
        pump(host);
        checkFinished();
    });
    runner->start();
}

void CollectionRunner::checkFinished()
{
    if (m_emittedFinished || !m_running.isEmpty())
        return;
    for (const HostQueue &queue : std::as_const(m_hosts)) {
        if (queue.waiting || !queue.pending.isEmpty())
            return;
    }
    m_emittedFinished = true;
    Q_EMIT finished();
}

QJsonArray CollectionRunner::resultsJson() const
{
    QJsonArray array;
    for (qsizetype i = 0; i < m_jobs.size(); ++i) {
        if (isFinished(i))
            array.append(jobJson(m_jobs.at(i), result(i)));
    }
    return array;
}

QJsonObject CollectionRunner::jobJson(const RunJob &job, const ExchangeResult &outcome)
{
    QJsonObject object = exchangeToJson(job.built.request, job.built.profile, outcome);
    object.insert(QStringLiteral("name"), job.name);
    if (!job.itemId.isEmpty())
        object.insert(QStringLiteral("id"), job.itemId);
    if (!job.folderPath.isEmpty())
        object.insert(QStringLiteral("folder"), job.folderPath.join(u'/'));
    object.insert(QStringLiteral("origin"), QString::fromUtf8(job.built.request.origin.serialize()));
    if (job.expect) {
        object.insert(QStringLiteral("expect"), *job.expect);
        object.insert(QStringLiteral("asExpected"), *job.expect == verdictName(outcome.verdict));
    }
    return object;
}

} // namespace corscope
