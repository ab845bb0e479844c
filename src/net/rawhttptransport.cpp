#include "net/rawhttptransport.h"

#include "net/qnamtransport.h"
#include "net/rawhttppendingtransfer.h"
#include "net/rawhttpsocket.h"
#include "net/wirecheck.h"

#include <QHostAddress>
#include <QTcpSocket>

#include <cerrno>
#include <cstring>
#include <sys/socket.h>

namespace corscope {

namespace {

bool isNamed(const HeaderField &field, QByteArrayView name)
{
    return HeaderList::namesEqual(field.name, name);
}

// A pooled connection is usable when nothing (no byte, no FIN, no RST) is waiting on it.
bool isQuietAndOpen(const QTcpSocket *socket)
{
    if (socket->state() != QAbstractSocket::ConnectedState)
        return false;
    const qintptr descriptor = socket->socketDescriptor();
    if (descriptor < 0)
        return false;
    char byte = 0;
    const ssize_t result = ::recv(int(descriptor), &byte, 1, MSG_PEEK | MSG_DONTWAIT);
    return result < 0 && (errno == EAGAIN || errno == EWOULDBLOCK);
}

bool asksForClose(const HeaderList &headers)
{
    for (const QByteArray &value : headers.values("connection")) {
        for (const QByteArray &token : value.split(',')) {
            if (token.trimmed().compare("close", Qt::CaseInsensitive) == 0)
                return true;
        }
    }
    return false;
}

} // namespace

RawHttpTransport::RawHttpTransport(QObject *parent)
    : ConfigurableTransport(parent)
{ }

RawHttpTransport::~RawHttpTransport()
{
    // Transfers (children) close their own sockets; idle ones are children too.
    clearConnectionCache();
}

QByteArray RawHttpTransport::hostHeader(const QUrl &url)
{
    const QString host = url.host();
    // QUrl::host() is a reg-name, an IPv4 address or an IPv6 address (without brackets): only the
    // last contains a colon.
    QByteArray value = host.contains(u':') ? '[' + host.toLatin1() + ']' : QUrl::toAce(host);
    const int port = url.port(80);
    if (port != 80)
        value += ':' + QByteArray::number(port);
    return value;
}

QByteArray RawHttpTransport::requestTarget(const QUrl &url)
{
    // As Qt's own HTTP client builds it (QHttpNetworkRequest::uri), so both transports agree.
    QUrl::FormattingOptions format(QUrl::RemoveFragment | QUrl::RemoveUserInfo | QUrl::FullyEncoded
        | QUrl::RemoveScheme | QUrl::RemoveAuthority);
    QUrl copy = url;
    if (copy.path().isEmpty())
        copy.setPath(QStringLiteral("/"));
    else
        format |= QUrl::NormalizePathSegments;
    return copy.toEncoded(format);
}

HeaderList RawHttpTransport::wireHeaders(const HttpRequest &request) const
{
    // One pass over the request's headers notes which of the four defaults it already has (names
    // compare case-insensitively; Host and Content-Length of the request itself are dropped).
    HeaderList headers;
    headers.reserve(request.headers.size() + 6);
    headers.append(QByteArrayLiteral("Host"), hostHeader(request.url));
    bool hasConnection = false;
    bool hasUserAgent = false;
    bool hasAcceptLanguage = false;
    bool hasAcceptEncoding = false;
    for (const HeaderField &field : request.headers) {
        if (isNamed(field, "host") || isNamed(field, "content-length"))
            continue;
        hasConnection = hasConnection || isNamed(field, "connection");
        hasUserAgent = hasUserAgent || isNamed(field, "user-agent");
        hasAcceptLanguage = hasAcceptLanguage || isNamed(field, "accept-language");
        hasAcceptEncoding = hasAcceptEncoding || isNamed(field, "accept-encoding");
        headers.append(field.name, field.value);
    }
    const QByteArray &method = request.method;
    if (!request.body.isEmpty() || method.compare("POST", Qt::CaseInsensitive) == 0
        || method.compare("PUT", Qt::CaseInsensitive) == 0)
        headers.append(QByteArrayLiteral("Content-Length"), QByteArray::number(request.body.size()));
    if (!hasConnection)
        headers.append(QByteArrayLiteral("Connection"), QByteArrayLiteral("keep-alive"));
    if (!hasUserAgent)
        headers.append(QByteArrayLiteral("User-Agent"), userAgent());
    if (!hasAcceptLanguage)
        headers.append(QByteArrayLiteral("Accept-Language"), defaultAcceptLanguage());
    if (!hasAcceptEncoding)
        headers.append(QByteArrayLiteral("Accept-Encoding"), acceptEncoding()); // bodies are not decoded here
    return headers;
}

QByteArray RawHttpTransport::serialize(const HttpRequest &wireRequest)
{
    return serialize(wireRequest, requestTarget(wireRequest.url));
}

QByteArray RawHttpTransport::serialize(const HttpRequest &wireRequest, const QByteArray &target)
{
    // Sized once, then copied into: no growth, no temporaries per header line.
    static constexpr QByteArrayView version(" HTTP/1.1\r\n");
    qsizetype size = wireRequest.method.size() + 1 + target.size() + version.size() + 2 + wireRequest.body.size();
    for (const HeaderField &field : wireRequest.headers)
        size += field.name.size() + 2 + field.value.size() + 2;
    QByteArray bytes(size, Qt::Uninitialized);
    char *out = bytes.data();
    const auto put = [&out](QByteArrayView piece) {
        if (!piece.isEmpty())
            std::memcpy(out, piece.data(), size_t(piece.size()));
        out += piece.size();
    };
    put(wireRequest.method);
    put(" ");
    put(target);
    put(version);
    for (const HeaderField &field : wireRequest.headers) {
        put(field.name);
        put(": ");
        put(field.value);
        put("\r\n");
    }
    put("\r\n");
    put(wireRequest.body);
    Q_ASSERT(out == bytes.constData() + bytes.size());
    return bytes;
}

PendingTransfer *RawHttpTransport::send(const HttpRequest &request)
{
    HopOutcome outcome;
    outcome.sentRequest = request;

    QString problem = wireCheck(request);
    if (problem.isEmpty() && request.url.scheme().compare(u"http", Qt::CaseInsensitive) != 0)
        problem = QStringLiteral("RawHttpTransport speaks plain http:// only, not '%1:'.").arg(request.url.scheme());
    QByteArray target;
    if (problem.isEmpty()) {
        target = requestTarget(request.url);
        if (target.isEmpty() || std::any_of(target.cbegin(), target.cend(), [](char c) {
                return static_cast<unsigned char>(c) <= 0x20 || static_cast<unsigned char>(c) >= 0x7f;
            }))
            problem = QStringLiteral("The request target '%1' cannot be sent.").arg(QString::fromLatin1(target));
    }
    if (!problem.isEmpty()) {
        auto *refused = new RawHttpPendingTransfer(outcome, {}, {}, limits(), this);
        refused->failLater(QStringLiteral("net::ERR_INVALID_ARGUMENT"), problem);
        return refused;
    }

    outcome.sentRequest.headers = wireHeaders(request);
    RawHttpPendingTransfer::Endpoint endpoint;
    endpoint.port = quint16(request.url.port(80));
    if (const std::optional<QHostAddress> mapped = resolveMap().lookup(request.url))
        endpoint.host = mapped->toString();
    else
        endpoint.host = request.url.host().toLower();
    endpoint.key = endpoint.host + u'|' + QString::number(endpoint.port);
    endpoint.mayReuse = !asksForClose(outcome.sentRequest.headers);
    auto *transfer
        = new RawHttpPendingTransfer(outcome, serialize(outcome.sentRequest, target), endpoint, limits(), this);
    transfer->start();
    return transfer;
}

RawHttpSocket *RawHttpTransport::takeIdleConnection(const QString &key, int *waitMs)
{
    *waitMs = 0;
    auto it = m_idle.find(key);
    if (it == m_idle.end())
        return nullptr;
    RawHttpSocket *found = nullptr;
    while (!it->isEmpty() && !found) {
        const IdleConnection idle = it->last(); // the most recently used first
        // Cheap tests first: the peek is a system call, and the settle time is usually 0.
        if (m_reuseSettleMs > 0 && idle.socket && !idle.announcedKeepAlive
            && idle.since.elapsed() < m_reuseSettleMs && isQuietAndOpen(idle.socket)) {
            *waitMs = int(m_reuseSettleMs - idle.since.elapsed());
            return nullptr; // a FIN may still be on its way: look again in a moment
        }
        it->removeLast();
        if (!idle.socket)
            continue;
        idle.socket->detach();
        if (idle.since.elapsed() < maxIdleAgeMs && isQuietAndOpen(idle.socket)) {
            found = idle.socket;
        } else {
            idle.socket->abort(); // closed by the server while idle: never written to, so no resend
            idle.socket->deleteLater();
        }
    }
    if (it->isEmpty())
        m_idle.erase(it);
    return found;
}

void RawHttpTransport::releaseConnection(const QString &key, RawHttpSocket *socket, bool announcedKeepAlive)
{
    socket->setParent(this);
    QList<IdleConnection> &list = m_idle[key];
    if (list.size() >= maxIdlePerHost) {
        const IdleConnection oldest = list.takeFirst();
        if (oldest.socket) {
            oldest.socket->detach();
            oldest.socket->abort();
            oldest.socket->deleteLater();
        }
    }
    IdleConnection idle;
    idle.socket = socket;
    idle.since.start();
    idle.announcedKeepAlive = announcedKeepAlive;
    list.append(idle);
    // Anything arriving on an idle connection (FIN, RST, stray bytes) makes it unusable.
    socket->setPool(this);
}

void RawHttpTransport::dropIdle(RawHttpSocket *socket)
{
    for (auto it = m_idle.begin(); it != m_idle.end(); ++it) {
        const auto removed = it->removeIf([socket](const IdleConnection &idle) { return idle.socket == socket; });
        if (removed > 0) {
            if (it->isEmpty())
                m_idle.erase(it);
            socket->detach();
            socket->abort();
            socket->deleteLater();
            return;
        }
    }
}

void RawHttpTransport::clearConnectionCache()
{
    for (const QList<IdleConnection> &list : std::as_const(m_idle)) {
        for (const IdleConnection &idle : list) {
            if (idle.socket) {
                idle.socket->detach();
                idle.socket->abort();
                idle.socket->deleteLater();
            }
        }
    }
    m_idle.clear();
}

int RawHttpTransport::idleConnectionCount() const
{
    int count = 0;
    for (const QList<IdleConnection> &list : m_idle)
        count += int(list.size());
    return count;
}

} // namespace corscope
