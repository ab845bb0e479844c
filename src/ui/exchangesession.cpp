#include "ui/exchangesession.h"

#include "core/preflightcache.h"
#include "net/exchangerunner.h"
#include "net/transport.h"

namespace corscope {

ExchangeSession::ExchangeSession(Transport *transport, QObject *parent)
    : QObject(parent)
    , m_transport(transport)
    , m_cache(std::make_unique<PreflightCache>())
{ }

ExchangeSession::~ExchangeSession()
{
    if (m_runner) {
        // Destroying the runner aborts its transfer; nobody listens any more.
        m_runner->disconnect(this);
        delete m_runner;
    }
}

Transport *ExchangeSession::transport() const
{
    return m_transport;
}

int ExchangeSession::send(const BuiltRequest &request)
{
    if (m_runner && m_runner->isRunning())
        m_runner->cancel();
    const int id = m_nextId++;
    auto *runner = new ExchangeRunner(request.request, request.profile, m_cache.get(), m_transport, this);
    m_runner = runner;
    auto partial = std::make_shared<ExchangeRecord>();
    partial->id = id;
    partial->request = request.request;
    partial->profile = request.profile;
    partial->running = true;
    // Each update is a new immutable record: views may still hold the previous one.
    connect(runner, &ExchangeRunner::hopFinished, this, [this, id, partial](const Hop &hop) {
        Q_EMIT hopFinished(id, hop);
        partial->result.hops.append(hop);
        Q_EMIT exchangeUpdated(std::make_shared<ExchangeRecord>(*partial));
    });
    connect(runner, &ExchangeRunner::finished, this,
        [this, runner, id, fetch = request.request, profile = request.profile](const ExchangeResult &result) {
            auto record = std::make_shared<ExchangeRecord>();
            record->id = id;
            record->finishedAt = QDateTime::currentDateTime();
            record->request = fetch;
            record->profile = profile;
            record->result = result;
            runner->deleteLater();
            const bool wasCurrent = m_runner == runner;
            if (wasCurrent)
                m_runner = nullptr;
            Q_EMIT exchangeFinished(record);
            if (wasCurrent)
                Q_EMIT busyChanged(false);
        });
    m_clock.start();
    runner->start();
    Q_EMIT exchangeStarted(id);
    Q_EMIT exchangeUpdated(std::make_shared<ExchangeRecord>(*partial));
    Q_EMIT busyChanged(true);
    return id;
}

void ExchangeSession::cancel()
{
    if (m_runner && m_runner->isRunning())
        m_runner->cancel();
}

double ExchangeSession::elapsedMs() const
{
    return isBusy() ? double(m_clock.nsecsElapsed()) / 1e6 : 0.0;
}

bool ExchangeSession::isBusy() const
{
    return m_runner && m_runner->isRunning();
}

void ExchangeSession::clearPreflightCache()
{
    m_cache->clearAll();
}

} // namespace corscope
