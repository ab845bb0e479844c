#include "ui/exchangesession.h"

#include "core/preflightcache.h"
#include "net/exchangerunner.h"
#include "net/transport.h"

namespace corscope {

ExchangeSession::ExchangeSession(Transport *transport, QObject *parent)
    : QObject(parent)
    , m_transport(transport)
    , m_cache(std::make_unique<PreflightCache>())
{
}

ExchangeSession::~ExchangeSession()
{
    if (m_runner) {
        // Destroying the runner aborts its transfer; nobody listens any more.
        m_runner->disconnect(this);
        delete m_runner;
    }
}

int ExchangeSession::send(const BuiltRequest &request)
{
    if (m_runner && m_runner->isRunning())
        m_runner->cancel();
    const int id = m_nextId++;
    auto *runner = new ExchangeRunner(request.request, request.profile, m_cache.get(), m_transport, this);
    m_runner = runner;
    connect(runner, &ExchangeRunner::hopFinished, this, [this, id](const Hop &hop) { Q_EMIT hopFinished(id, hop); });
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
    runner->start();
    Q_EMIT exchangeStarted(id);
    Q_EMIT busyChanged(true);
    return id;
}

void ExchangeSession::cancel()
{
    if (m_runner && m_runner->isRunning())
        m_runner->cancel();
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
