#pragma once

#include "store/requestinput.h"
#include "ui/exchangerecord.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <memory>

namespace corscope {

class ExchangeRunner;
class PreflightCache;
class Transport;

// Runs the window's exchanges one at a time on a transport, with one preflight cache shared by
// every exchange (as a browser tab has). Each exchange gets an id; a result that arrives for an
// exchange that is no longer current (cancelled and replaced) is still reported, tagged with its id.
class ExchangeSession final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ExchangeSession)

public:
    // The transport must outlive the session.
    explicit ExchangeSession(Transport *transport, QObject *parent = nullptr);
    ~ExchangeSession() override;

    // Starts an exchange (a running one is cancelled first) and returns its id.
    int send(const BuiltRequest &request);
    void cancel();
    bool isBusy() const;
    // What the exchanges go out on; the window's collection runs use it too.
    Transport *transport() const;
    void clearPreflightCache();
    // Ids continue after the history loaded at start.
    void setNextId(int id) { m_nextId = id; }
    int nextId() const { return m_nextId; }
    // Milliseconds since the current exchange started (its hops' clock); 0 when idle.
    double elapsedMs() const;

Q_SIGNALS:
    void busyChanged(bool busy);
    void exchangeStarted(int id);
    void hopFinished(int id, const corscope::Hop &hop);
    // The exchange so far, marked running: once when it starts (no hops) and after every hop.
    void exchangeUpdated(const corscope::ExchangeRecordPtr &record);
    void exchangeFinished(const corscope::ExchangeRecordPtr &record);

private:
    QPointer<Transport> m_transport;
    std::unique_ptr<PreflightCache> m_cache;
    QPointer<ExchangeRunner> m_runner;
    int m_nextId = 1;
    QElapsedTimer m_clock;
};

} // namespace corscope
