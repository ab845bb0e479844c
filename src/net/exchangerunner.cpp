#include "net/exchangerunner.h"

#include "core/fetchsimulator.h"
#include "net/transport.h"

#include <QDateTime>

namespace corscope {

ExchangeRunner::ExchangeRunner(const FetchRequest &request, const BrowserProfile &profile,
    PreflightCache *cache, Transport *transport, QObject *parent)
    : QObject(parent)
    , m_simulator(std::make_unique<FetchSimulator>(request, profile, cache))
    , m_transport(transport)
{ }

ExchangeRunner::~ExchangeRunner()
{
    if (m_pending) {
        m_pending->disconnect(this);
        m_pending->abort();
    }
}

const ExchangeResult &ExchangeRunner::result() const
{
    return m_simulator->result();
}

void ExchangeRunner::start()
{
    if (m_state != State::Idle)
        return;
    m_state = State::Running;
    m_clock.start();
    m_simulator->setStartedAt(QDateTime::currentMSecsSinceEpoch());
    QMetaObject::invokeMethod(this, &ExchangeRunner::sendNext, Qt::QueuedConnection);
}

void ExchangeRunner::cancel()
{
    if (m_state != State::Running)
        return;
    if (m_pending) {
        PendingTransfer *pending = m_pending;
        m_pending = nullptr;
        pending->disconnect(this);
        pending->abort();
        HopOutcome aborted;
        aborted.networkError = QStringLiteral("net::ERR_ABORTED");
        aborted.networkErrorDetail = QStringLiteral("The exchange was cancelled.");
        if (auto hop = m_simulator->nextHop())
            aborted.sentRequest = hop->request;
        aborted.timings.startMs = m_hopStartMs;
        aborted.timings.totalMs = double(m_clock.nsecsElapsed()) / 1e6 - m_hopStartMs;
        deliver(aborted);
    }
    complete();
}

void ExchangeRunner::sendNext()
{
    if (m_state != State::Running)
        return;
    const std::optional<PendingHop> hop = m_simulator->nextHop();
    if (!hop || !m_transport) {
        complete();
        return;
    }
    m_hopStartMs = double(m_clock.nsecsElapsed()) / 1e6;
    m_pending = m_transport->send(hop->request);
    connect(m_pending, &PendingTransfer::finished, this, &ExchangeRunner::onHopOutcome);
}

void ExchangeRunner::onHopOutcome(const HopOutcome &outcome)
{
    const bool direct = m_pending && m_pending->mayContinueFromFinished();
    m_pending = nullptr;
    HopOutcome rebased = outcome;
    rebased.timings.startMs = m_hopStartMs; // transports measure from send(); hops from the exchange start
    deliver(rebased);
    // The next hop starts at once when the transfer allows it (its connection is back in the pool,
    // and sending only queues the start of the next transfer); else after this transfer's signal has
    // fully returned.
    if (direct)
        sendNext();
    else
        QMetaObject::invokeMethod(this, &ExchangeRunner::sendNext, Qt::QueuedConnection);
}

void ExchangeRunner::deliver(HopOutcome outcome)
{
    m_simulator->deliver(std::move(outcome));
    const QList<Hop> &hops = m_simulator->result().hops;
    while (m_reportedHops < hops.size()) {
        const Hop hop = hops.at(m_reportedHops++);
        Q_EMIT hopFinished(hop);
    }
}

void ExchangeRunner::complete()
{
    if (m_state == State::Finished)
        return;
    m_state = State::Finished;
    Q_EMIT finished(m_simulator->result());
}

} // namespace corscope
