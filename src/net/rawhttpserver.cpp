#include "net/rawhttpserver.h"

#include "net/rawhttpconnection.h"

#include <QTcpSocket>

namespace corscope {

RawHttpServer::RawHttpServer(QObject *parent)
    : QObject(parent)
{
    connect(&m_server, &QTcpServer::newConnection, this, &RawHttpServer::onNewConnection);
    m_fallback = [](const RawHttpRequest &, RawHttpResponder &responder) {
        responder.respond(404, "Not Found", {{"Content-Type", "text/plain"}}, "no handler\n");
    };
}

RawHttpServer::~RawHttpServer()
{
    m_server.close();
    // Connections are children; delete them while m_connections still exists (they unregister).
    qDeleteAll(findChildren<RawHttpConnection *>(Qt::FindDirectChildrenOnly));
}

bool RawHttpServer::listen(const QHostAddress &address, quint16 port)
{
    if (!address.isLoopback()) {
        // QTcpServer::errorString() cannot be set; refuse loudly instead of listening on a network.
        qWarning("RawHttpServer only listens on loopback addresses");
        return false;
    }
    return m_server.listen(address, port);
}

void RawHttpServer::close()
{
    m_server.close();
    const QList<RawHttpConnection *> connections = m_connections;
    for (RawHttpConnection *connection : connections)
        connection->drop();
    m_connections.clear();
}

bool RawHttpServer::isListening() const
{
    return m_server.isListening();
}

QHostAddress RawHttpServer::address() const
{
    return m_server.serverAddress();
}

quint16 RawHttpServer::port() const
{
    return m_server.serverPort();
}

QString RawHttpServer::errorString() const
{
    return m_server.errorString();
}

QUrl RawHttpServer::url(const QString &pathAndQuery) const
{
    const QHostAddress host = address();
    const QString hostText
        = host.protocol() == QAbstractSocket::IPv6Protocol ? u'[' + host.toString() + u']' : host.toString();
    return QUrl(QStringLiteral("http://") + hostText + u':' + QString::number(port()) + pathAndQuery,
        QUrl::StrictMode);
}

void RawHttpServer::setHandler(Handler handler)
{
    m_fallback = std::move(handler);
}

void RawHttpServer::route(const QByteArray &path, Handler handler)
{
    m_routes.insert(path, std::move(handler));
}

void RawHttpServer::onNewConnection()
{
    while (QTcpSocket *socket = m_server.nextPendingConnection()) {
        if (m_connections.size() >= m_maxConnections) {
            socket->abort();
            socket->deleteLater();
            reject(QStringLiteral("more than %1 open connections").arg(m_maxConnections));
            continue;
        }
        m_connections.append(new RawHttpConnection(socket, ++m_acceptedConnections, this));
    }
}

void RawHttpServer::dispatch(const RawHttpRequest &request, RawHttpResponder &responder)
{
    m_requests.append(request);
    Q_EMIT requestReceived(request);
    const auto route = m_routes.constFind(request.path());
    const Handler handler = route != m_routes.constEnd() ? *route : m_fallback;
    if (handler)
        handler(request, responder);
}

} // namespace corscope
