#include "ui/exchangesession.h"
#include "net/transport.h"

#include "core/exchange.h"
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

void ExchangeSession::start(int id, const BuiltRequest &request)
{
    if (m_runner && m_runner->isRunning())
        m_runner->cancel();
    auto *runner = new ExchangeRunner(request.request, request.profile, m_cache.get(), m_transport, this);
    m_runner = runner;
    connect(runner, &ExchangeRunner::hopFinished, this, [this, id](const Hop &hop) { Q_EMIT hopFinished(id, hop); });
    connect(runner, &ExchangeRunner::finished, this, [this, runner, id](const ExchangeResult &result) {
        runner->deleteLater();
        const bool wasCurrent = m_runner == runner;
        if (wasCurrent)
            m_runner = nullptr;
        Q_EMIT finished(id, result);
        if (wasCurrent)
            Q_EMIT busyChanged(false);
    });
    m_clock.start();
    runner->start();
    Q_EMIT busyChanged(true);
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
