#pragma once

#include "net/transport.h"
#include "store/requestinput.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <memory>

namespace corscope {

class ExchangeRunner;
class PreflightCache;
class Transport;
struct ExchangeResult;
struct Hop;

// The network side of the window's sends: one exchange at a time on a transport, with one preflight
// cache shared by every exchange (as a browser tab has). It builds no records: the exchange log
// (ui/exchangelog.h) gives each send its id and turns what arrives here into records. A result
// that arrives for an exchange that is no longer current (cancelled and replaced) is still reported.
class ExchangeSession final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ExchangeSession)

public:
    // The transport must outlive the session.
    explicit ExchangeSession(Transport *transport, QObject *parent = nullptr);
    ~ExchangeSession() override;

    Transport *transport() const { return m_transport; }
    // Starts exchange `id` (a running one is cancelled first).
    void start(int id, const BuiltRequest &request);
    void cancel();
    bool isBusy() const;
    // What the exchanges go out on; the window's collection runs use it too.
    void clearPreflightCache();
    // Milliseconds since the current exchange started (its hops' clock); 0 when idle.
    double elapsedMs() const;

Q_SIGNALS:
    void busyChanged(bool busy);
    void hopFinished(int id, const corscope::Hop &hop);
    void finished(int id, const corscope::ExchangeResult &result);

private:
    QPointer<Transport> m_transport;
    std::unique_ptr<PreflightCache> m_cache;
    QPointer<ExchangeRunner> m_runner;
    QElapsedTimer m_clock;
};

} // namespace corscope
