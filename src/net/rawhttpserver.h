#pragma once

#include "net/rawhttprequest.h"
#include "net/rawhttpresponder.h"

#include <QHash>
#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QTcpServer>
#include <QUrl>
#include <functional>

namespace corscope {

class RawHttpConnection;

// An HTTP/1.1 server for tests and the lab that can answer anything byte for byte. It parses each
// request (request line, headers in order with their original case, body by Content-Length),
// records it, and hands it to a handler with a RawHttpResponder.
//
// Connections are kept alive: after a handler has answered, the next request on the same
// connection is parsed and handled (no pipelining: requests are handled one after the other, and a
// handler that never answers stalls its connection). A handler that wants the connection closed
// calls RawHttpResponder::close() or reset().
//
// Limits against hostile clients: request head (line + headers) at most maxHeadBytes (default
// 64 KiB) and maxHeaderCount fields (default 200) → 431 and close; body at most maxBodyBytes
// (default 1 MiB) → 413 and close; Transfer-Encoding in a request → 501 and close; at most
// maxConnections open connections (default 64), further ones are closed at once.
class RawHttpServer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RawHttpServer)

public:
    using Handler = std::function<void(const RawHttpRequest &, RawHttpResponder &)>;

    explicit RawHttpServer(QObject *parent = nullptr);
    ~RawHttpServer() override;

    // Port 0 picks a free ephemeral port. Only loopback addresses are accepted.
    bool listen(const QHostAddress &address = QHostAddress(QHostAddress::LocalHost), quint16 port = 0);
    void close(); // stops listening and drops every open connection
    bool isListening() const;
    QHostAddress address() const;
    quint16 port() const;
    QString errorString() const;
    // http://127.0.0.1:<port><pathAndQuery> (brackets for IPv6).
    QUrl url(const QString &pathAndQuery = QStringLiteral("/")) const;

    // Handles every request whose path has no route. The default answers 404.
    void setHandler(Handler handler);
    // Handles requests whose path (target without the query) is exactly path.
    void route(const QByteArray &path, Handler handler);

    QList<RawHttpRequest> requests() const { return m_requests; }
    void clearRequests() { m_requests.clear(); }
    int acceptedConnectionCount() const { return m_acceptedConnections; }
    int openConnectionCount() const { return int(m_connections.size()); }

    void setMaxHeadBytes(qsizetype bytes) { m_maxHeadBytes = bytes; }
    qsizetype maxHeadBytes() const { return m_maxHeadBytes; }
    void setMaxHeaderCount(int count) { m_maxHeaderCount = count; }
    int maxHeaderCount() const { return m_maxHeaderCount; }
    void setMaxBodyBytes(qsizetype bytes) { m_maxBodyBytes = bytes; }
    qsizetype maxBodyBytes() const { return m_maxBodyBytes; }
    void setMaxConnections(int count) { m_maxConnections = count; }
    int maxConnections() const { return m_maxConnections; }

Q_SIGNALS:
    void requestReceived(const corscope::RawHttpRequest &request);
    // A request the server refused (too large, malformed); the text says why.
    void requestRejected(const QString &reason);

private:
    friend class RawHttpConnection;
    void onNewConnection();
    void dispatch(const RawHttpRequest &request, RawHttpResponder &responder);
    void reject(const QString &reason) { Q_EMIT requestRejected(reason); }

    QTcpServer m_server;
    Handler m_fallback;
    QHash<QByteArray, Handler> m_routes;
    QList<RawHttpRequest> m_requests;
    QList<RawHttpConnection *> m_connections;
    int m_acceptedConnections = 0;
    qsizetype m_maxHeadBytes = 64 * 1024;
    int m_maxHeaderCount = 200;
    qsizetype m_maxBodyBytes = 1024 * 1024;
    int m_maxConnections = 64;
};

} // namespace corscope
