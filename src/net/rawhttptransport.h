#pragma once

#include "net/configurabletransport.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QPointer>


namespace corscope {

class RawHttpSocket;

// A byte-exact HTTP/1.1 Transport for plain http:// on QTcpSocket (https:// is refused; see
// CompositeTransport). One hop per send(), asynchronous, no redirect following, no cookies, no
// cache, never a request sent twice. RawHttpPendingTransfer runs one request; RawHttpResponseParser
// reads the response exactly as the server sent it (separate header lines in order, empty values
// kept, up to 256 KiB of head).
//
// Request on the wire, in this order:
//   METHOD target HTTP/1.1
//   Host (from the logical URL, default port omitted; a Host in the request is replaced),
//   the request's own headers in order (a Content-Length in them is dropped),
//   Content-Length when there is a body ("0" for an empty POST or PUT, as Chromium sends),
//   Connection: keep-alive, User-Agent, Accept-Language, Accept-Encoding: identity (each of these
//   four only when the request lacks it).
// Accept-Encoding is "identity" because this transport does not decode bodies: the body is kept as
// the server sent it.
//
// Keep-alive: after a complete response that allows reuse, the connection waits in a small pool per
// (connect address, port) and the next request to it uses it (connectMs 0). A pooled connection the
// server has already closed (FIN or RST seen before we write, checked with a non-blocking peek) is
// discarded and a fresh one opened: the request had not been written, so nothing is sent twice.
// Servers often close right after a response without saying "Connection: close" (the FIN follows
// the last body byte by microseconds on loopback), so a reused connection can turn out stale after
// the request was written. Then, as Chromium does (HttpNetworkTransaction::ShouldResendRequest),
// the request goes out once more on a fresh connection, provided no response byte had arrived; a
// fresh connection is never retried. setReuseSettleMs(N) optionally waits until a connection that
// did not announce "Connection: keep-alive" has been idle N ms before reusing it (default 0).
class RawHttpTransport final : public ConfigurableTransport
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RawHttpTransport)

public:
    static constexpr int maxIdlePerHost = 6;
    static constexpr int maxIdleAgeMs = 60000;
    static constexpr int defaultReuseSettleMs = 0;

    explicit RawHttpTransport(QObject *parent = nullptr);
    ~RawHttpTransport() override;

    PendingTransfer *send(const HttpRequest &request) override;

    // A keep-alive connection is reused only after it has been idle this long (see above).
    void setReuseSettleMs(int ms) { m_reuseSettleMs = ms; }
    int reuseSettleMs() const { return m_reuseSettleMs; }

    // Closes idle keep-alive connections so the next hop opens a new one.
    void clearConnectionCache();
    int idleConnectionCount() const;

    // The header list RawHttpTransport sends for this request, in wire order (see the class comment).
    HeaderList wireHeaders(const HttpRequest &request) const;
    // "METHOD target HTTP/1.1\r\n" + headers + "\r\n" + body.
    static QByteArray serialize(const HttpRequest &wireRequest);
    // The same with the request-target already computed (requestTarget(wireRequest.url)).
    static QByteArray serialize(const HttpRequest &wireRequest, const QByteArray &target);
    // The request-target for the URL: path (at least "/") and query, percent-encoded.
    static QByteArray requestTarget(const QUrl &url);
    // The Host header value: host (ACE, IPv6 in brackets) and the port unless it is 80.
    static QByteArray hostHeader(const QUrl &url);
    static QByteArray acceptEncoding() { return QByteArrayLiteral("identity"); }

private:
    friend class RawHttpPendingTransfer;
    friend class RawHttpSocket;

    struct IdleConnection
    {
        QPointer<RawHttpSocket> socket;
        QElapsedTimer since;
        bool announcedKeepAlive = false; // no settle time needed
    };

    // A live idle connection for key, or nullptr. Stale ones are discarded on the way. When the
    // freshest live one has been idle for less than reuseSettleMs, returns nullptr with *waitMs set
    // to the time left (the connection stays pooled); the caller asks again after that.
    RawHttpSocket *takeIdleConnection(const QString &key, int *waitMs);
    // Takes ownership of a connected socket whose last response allows reuse.
    void releaseConnection(const QString &key, RawHttpSocket *socket, bool announcedKeepAlive);
    void dropIdle(RawHttpSocket *socket);

    int m_reuseSettleMs = defaultReuseSettleMs;
    QHash<QString, QList<IdleConnection>> m_idle;
    QByteArray m_readBuffer; // shared by the transfers' reads (one thread, never re-entered)
};

} // namespace corscope
