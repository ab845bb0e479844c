#pragma once

#include "core/exchange.h"

#include <QObject>

namespace corscope {

// One request in flight on a Transport. It emits finished() exactly once, then deletes itself
// with deleteLater(): the receiver must not delete it and should hold it in a QPointer if it keeps
// a reference past that signal. finished() is never emitted from inside Transport::send(), so a
// caller can always connect first.
class PendingTransfer : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PendingTransfer)

public:
    // `initial`: the outcome as far as it is known before sending (the request as it goes out).
    explicit PendingTransfer(const HopOutcome &initial, QObject *parent = nullptr);
    ~PendingTransfer() override;

    // Ends the transfer now. If it has not finished yet, finished() is emitted synchronously from
    // inside abort() with networkError "net::ERR_ABORTED"; afterwards nothing more is emitted.
    virtual void abort() = 0;

    bool isFinished() const { return m_finished; }

    // True when the connection is already back in its pool (or closed) by the time finished() is
    // emitted, and sending the next request from inside a slot connected to finished() is safe.
    // QNetworkAccessManager returns a connection to its pool only after finished(): a request sent
    // from inside the signal would open a new connection.
    virtual bool mayContinueFromFinished() const { return false; }
    // Finishes on the next event-loop turn without sending anything.
    void failLater(const QString &networkError, const QString &detail);

Q_SIGNALS:
    void finished(const corscope::HopOutcome &outcome);

protected:
    // Emits finished() (only the first call does anything) and schedules deletion.
    void finish(const HopOutcome &outcome);

    HopOutcome m_outcome; // what finished() will carry, filled in as the transfer goes

private:
    bool m_finished = false;
};

} // namespace corscope
