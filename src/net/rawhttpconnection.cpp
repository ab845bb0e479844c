#include "net/rawhttpconnection.h"

#include "net/rawhttpserver.h"
#include "net/wirecheck.h"

namespace corscope {

RawHttpConnection::RawHttpConnection(QTcpSocket *socket, int connectionNumber, RawHttpServer *server)
    : QObject(server)
    , m_socket(socket)
    , m_server(server)
    , m_responder(std::make_unique<RawHttpResponder>(socket, this, connectionNumber))
{
    socket->setParent(this);
    connect(socket, &QTcpSocket::readyRead, this, &RawHttpConnection::onReadyRead);
    connect(socket, &QTcpSocket::disconnected, this, &QObject::deleteLater);
    connect(socket, &QTcpSocket::errorOccurred, this, [this](QAbstractSocket::SocketError) {
        if (m_socket->state() == QAbstractSocket::UnconnectedState)
            deleteLater();
    });
}

RawHttpConnection::~RawHttpConnection()
{
    m_server->m_connections.removeOne(this);
}

void RawHttpConnection::drop()
{
    m_socket->abort();
    deleteLater();
}

void RawHttpConnection::onReadyRead()
{
    if (m_refused) {
        m_socket->readAll(); // discard: we are closing
        return;
    }
    m_buffer += m_socket->readAll();
    parseAvailable();
}

void RawHttpConnection::parseAvailable()
{
    while (!m_refused) {
        if (!m_pending) {
            // Refuse what cannot start a request line at once (e.g. a TLS ClientHello), like real
            // servers do, instead of waiting for an empty line that never comes.
            const qsizetype space = m_buffer.indexOf(' ');
            const QByteArray method = space < 0 ? m_buffer : m_buffer.left(space);
            if (!method.isEmpty() && !isHttpToken(method)) {
                refuse(400, "Bad Request", QStringLiteral("malformed request line"));
                return;
            }
            const qsizetype headEnd = m_buffer.indexOf("\r\n\r\n");
            if (headEnd < 0) {
                if (m_buffer.size() > m_server->maxHeadBytes())
                    refuse(431, "Request Header Fields Too Large",
                        QStringLiteral("request head larger than %1 bytes").arg(m_server->maxHeadBytes()));
                return;
            }
            if (headEnd + 4 > m_server->maxHeadBytes()) {
                refuse(431, "Request Header Fields Too Large",
                    QStringLiteral("request head larger than %1 bytes").arg(m_server->maxHeadBytes()));
                return;
            }
            RawHttpRequest request;
            QString problem;
            if (!parseHead(headEnd, &request, &problem)) {
                const bool tooMany = request.headers.size() > m_server->maxHeaderCount();
                refuse(tooMany ? 431 : 400, tooMany ? "Request Header Fields Too Large" : "Bad Request",
                    problem);
                return;
            }
            if (request.headers.contains("transfer-encoding")) {
                refuse(501, "Not Implemented",
                    QStringLiteral("Transfer-Encoding in a request is not supported"));
                return;
            }
            qsizetype length = 0;
            if (const auto value = request.headers.combinedValue("content-length")) {
                bool ok = false;
                length = value->trimmed().toLongLong(&ok);
                if (!ok || length < 0 || request.headers.count("content-length") > 1) {
                    refuse(400, "Bad Request", QStringLiteral("invalid Content-Length"));
                    return;
                }
                if (length > m_server->maxBodyBytes()) {
                    refuse(413, "Content Too Large",
                        QStringLiteral("request body larger than %1 bytes").arg(m_server->maxBodyBytes()));
                    return;
                }
            }
            request.head = m_buffer.left(headEnd + 4);
            m_buffer.remove(0, headEnd + 4);
            m_pending = request;
            m_pendingBodyLength = length;
        }
        if (m_buffer.size() < m_pendingBodyLength)
            return;
        RawHttpRequest request = *m_pending;
        m_pending.reset();
        request.body = m_buffer.left(m_pendingBodyLength);
        m_buffer.remove(0, m_pendingBodyLength);
        request.connectionNumber = m_responder->connectionNumber();
        request.numberOnConnection = ++m_requestCount;
        m_server->dispatch(request, *m_responder);
    }
}

bool RawHttpConnection::parseHead(qsizetype headEnd, RawHttpRequest *request, QString *problem) const
{
    const QList<QByteArray> lines = m_buffer.left(headEnd).split('\n');
    const QByteArray requestLine = lines.first().endsWith('\r') ? lines.first().chopped(1) : lines.first();
    const QList<QByteArray> parts = requestLine.split(' ');
    if (parts.size() != 3 || parts[0].isEmpty() || parts[1].isEmpty() || !parts[2].startsWith("HTTP/")) {
        *problem = QStringLiteral("malformed request line");
        return false;
    }
    request->method = parts[0];
    request->target = parts[1];
    request->version = parts[2];
    for (qsizetype i = 1; i < lines.size(); ++i) {
        QByteArray line = lines[i];
        if (line.endsWith('\r'))
            line.chop(1);
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0) {
            *problem = QStringLiteral("malformed header line %1").arg(i);
            return false;
        }
        request->headers.append(line.left(colon), line.mid(colon + 1).trimmed());
        if (request->headers.size() > m_server->maxHeaderCount()) {
            *problem = QStringLiteral("more than %1 header fields").arg(m_server->maxHeaderCount());
            return false;
        }
    }
    return true;
}

void RawHttpConnection::refuse(int status, const QByteArray &reason, const QString &why)
{
    m_refused = true;
    m_buffer.clear();
    m_server->reject(why);
    m_responder->respond(status, reason, {{"Connection", "close"}});
    m_responder->close();
}

} // namespace corscope
