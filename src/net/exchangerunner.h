#pragma once

#include "core/browserprofile.h"
#include "core/exchange.h"
#include "core/fetchrequest.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <memory>

namespace corscope {

class FetchSimulator;
class PendingTransfer;
class PreflightCache;
class Transport;

// Runs one fetch on the network: asks the engine (FetchSimulator) for the next hop, sends it with
// the transport, delivers the outcome, until the engine wants nothing more. Redirects, preflights
// and the redirect limit are the engine's decisions; the runner only moves bytes.
//
// Signals are never emitted from inside start() or the constructor. hopFinished() is emitted for
// every hop the engine records (a preflight answered from the cache produces none), finished()
// exactly once. cancel() aborts the hop in flight, delivers net::ERR_ABORTED to the engine and
// emits finished() with what the engine has. The request must have passed validateFetchRequest().
// The cache and the transport must outlive the runner.
class ExchangeRunner final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ExchangeRunner)

public:
    ExchangeRunner(const FetchRequest &request, const BrowserProfile &profile, PreflightCache *cache,
        Transport *transport, QObject *parent = nullptr);
    ~ExchangeRunner() override;

    void start();
    void cancel();

    bool isRunning() const { return m_state == State::Running; }
    bool isFinished() const { return m_state == State::Finished; }
    // The engine's result so far (complete once finished() was emitted).
    const ExchangeResult &result() const;

Q_SIGNALS:
    void hopFinished(const corscope::Hop &hop);
    void finished(const corscope::ExchangeResult &result);

private:
    enum class State { Idle, Running, Finished };

    void sendNext();
    void onHopOutcome(const HopOutcome &outcome);
    void deliver(HopOutcome outcome);
    void complete();

    std::unique_ptr<FetchSimulator> m_simulator;
    QPointer<Transport> m_transport;
    QPointer<PendingTransfer> m_pending;
    QElapsedTimer m_clock;
    double m_hopStartMs = 0;
    qsizetype m_reportedHops = 0;
    State m_state = State::Idle;
};

} // namespace corscope
