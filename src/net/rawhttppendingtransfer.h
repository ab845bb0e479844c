#pragma once

#include "net/hoplimits.h"
#include "net/pendingtransfer.h"
#include "net/rawhttpresponseparser.h"

#include <QAbstractSocket>
#include <QElapsedTimer>
#include <QPointer>
#include <QBasicTimer>


namespace corscope {

class RawHttpSocket;
class RawHttpTransport;

// One request of a RawHttpTransport: connect (or take a pooled keep-alive connection), write the
// request once, read the response with RawHttpResponseParser, hand the connection back to the pool
// when it may be reused. Created by RawHttpTransport.
//
// The socket is unbuffered: Qt reads nothing on its own, and before each read a non-blocking
// MSG_PEEK tells a reset (ECONNRESET) from an orderly close (0 bytes) — Qt 6.4 reports both as
// RemoteHostClosedError. Errors as Chromium names them:
// - refused → net::ERR_CONNECTION_REFUSED; unknown host → net::ERR_NAME_NOT_RESOLVED;
// - closed before any byte → net::ERR_EMPTY_RESPONSE; reset before a usable head →
//   net::ERR_CONNECTION_RESET; bytes that are no HTTP/1.x status line →
//   net::ERR_INVALID_HTTP_RESPONSE;
// - closed in the middle of the head: the status line and fields that arrived form the response
//   (what Chromium's HttpStreamParser does for http://), with a note in networkErrorDetail;
// - closed or reset in the middle of the body, idle or total timeout after the head: the response
//   is kept with bodyTruncated and a note; before the head a timeout is net::ERR_TIMED_OUT
//   (net::ERR_CONNECTION_TIMED_OUT while still connecting).
// The request is written at most once; nothing here ever resends it.
class RawHttpPendingTransfer final : public PendingTransfer
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RawHttpPendingTransfer)

public:
    struct Endpoint
    {
        QString key; // the keep-alive pool key
        QString host; // what to connect to: an address or a name to resolve
        quint16 port = 0;
        bool mayReuse = true; // the request itself did not ask for Connection: close
    };

    RawHttpPendingTransfer(const HopOutcome &initial, const QByteArray &requestBytes, const Endpoint &endpoint,
        const HopLimits &limits, RawHttpTransport *transport);
    ~RawHttpPendingTransfer() override;

    // Starts on the next event-loop turn.
    void start();

    void abort() override;
    // succeed() hands the connection back to the pool before finish().
    bool mayContinueFromFinished() const override { return true; }

protected:
    void timerEvent(QTimerEvent *event) override;

private:
    friend class RawHttpSocket; // routes the socket's signals to the on...() functions

    void begin();
    void attach(RawHttpSocket *socket);
    void onConnected();
    void writeRequest();
    void onBytesWritten();
    void onReadyRead();
    void onErrorOccurred(QAbstractSocket::SocketError error);
    void onEof(bool reset);
    void onIdleTimer();
    void onTimeout(bool total);
    void activity();
    void succeed(); // the parser is Done
    void failWith(const QString &code, const QString &detail);
    void closeSocket();
    void connectFresh();
    void retryOnFreshConnection();
    void fillTimings();
    QString where() const;

    QByteArray m_requestBytes;
    Endpoint m_endpoint;
    HopLimits m_limits;
    QPointer<RawHttpTransport> m_transport;
    QPointer<RawHttpSocket> m_socket;
    RawHttpResponseParser m_parser;
    QElapsedTimer m_clock;
    // QBasicTimer, not QTimer: no two timer objects and connections per hop. Precise (coarse timers
    // may fire 5 % early; a timeout is a promise to the user) and single-shot (see timerEvent()).
    QBasicTimer m_idleTimer;
    QBasicTimer m_totalTimer;
    qint64 m_lastActivityNs = 0;
    qint64 m_connectStartNs = -1;
    qint64 m_connectedNs = -1;
    qint64 m_requestSentNs = -1;
    qint64 m_firstByteNs = -1;
    bool m_reused = false;
    bool m_connected = false;
    bool m_written = false; // write() was called on this connection
    bool m_retried = false; // the request already went out again on a fresh connection
};

} // namespace corscope
