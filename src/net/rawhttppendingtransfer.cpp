#include "net/rawhttppendingtransfer.h"

#include "net/rawhttpsocket.h"
#include "net/rawhttptransport.h"

#include <QNetworkProxy>
#include <QTcpSocket>
#include <QTimer>
#include <QTimerEvent>

#include <cerrno>
#include <sys/socket.h>

namespace corscope {

namespace {

constexpr qint64 readChunkBytes = 64 * 1024;

QString mebibytes(qint64 bytes)
{
    return QString::number(double(bytes) / (1024.0 * 1024.0), 'g', 3) + QStringLiteral(" MiB");
}

// What the next read would see, without consuming it: 1 data, 0 orderly close (FIN), -1 reset,
// -2 nothing yet (or no descriptor).
int peekSocket(const QTcpSocket *socket)
{
    const qintptr descriptor = socket->socketDescriptor();
    if (descriptor < 0)
        return -2;
    char byte = 0;
    const ssize_t result = ::recv(int(descriptor), &byte, 1, MSG_PEEK | MSG_DONTWAIT);
    if (result > 0)
        return 1;
    if (result == 0)
        return 0;
    return errno == ECONNRESET ? -1 : -2;
}

double msBetween(qint64 fromNs, qint64 toNs)
{
    if (fromNs < 0 || toNs < 0)
        return -1;
    return double(std::max<qint64>(0, toNs - fromNs)) / 1e6;
}

} // namespace

RawHttpPendingTransfer::RawHttpPendingTransfer(const HopOutcome &initial, const QByteArray &requestBytes,
    const Endpoint &endpoint, const HopLimits &limits, RawHttpTransport *transport)
    : PendingTransfer(initial, transport)
    , m_requestBytes(requestBytes)
    , m_endpoint(endpoint)
    , m_limits(limits)
    , m_transport(transport)
    , m_parser(initial.sentRequest.method.compare("HEAD", Qt::CaseInsensitive) == 0, limits.bodyCap)
{
    m_clock.start();
}

RawHttpPendingTransfer::~RawHttpPendingTransfer()
{
    closeSocket();
}

void RawHttpPendingTransfer::start()
{
    if (m_limits.totalTimeoutMs > 0)
        m_totalTimer.start(m_limits.totalTimeoutMs, Qt::PreciseTimer, this);
    activity();
    QMetaObject::invokeMethod(this, &RawHttpPendingTransfer::begin, Qt::QueuedConnection);
}

void RawHttpPendingTransfer::abort()
{
    if (isFinished())
        return;
    closeSocket();
    m_idleTimer.stop();
    m_totalTimer.stop();
    fillTimings();
    m_outcome.response.reset();
    m_outcome.networkError = QStringLiteral("net::ERR_ABORTED");
    m_outcome.networkErrorDetail = QStringLiteral("The request was cancelled.");
    finish(m_outcome);
}

void RawHttpPendingTransfer::begin()
{
    if (isFinished())
        return;
    if (m_transport && !m_retried) {
        int waitMs = 0;
        RawHttpSocket *idle = m_transport->takeIdleConnection(m_endpoint.key, &waitMs);
        if (waitMs > 0) {
            QTimer::singleShot(waitMs, Qt::PreciseTimer, this, &RawHttpPendingTransfer::begin);
            return;
        }
        if (idle) {
            m_reused = true;
            attach(idle);
            m_connected = true;
            writeRequest();
            return;
        }
    }
    connectFresh();
}

void RawHttpPendingTransfer::connectFresh()
{
    auto *socket = new RawHttpSocket(this);
    socket->setProxy(QNetworkProxy::NoProxy);
    attach(socket);
    m_connectStartNs = m_clock.nsecsElapsed();
    // Unbuffered: Qt does not read by itself, so onReadyRead can peek for a reset first.
    socket->connectToHost(m_endpoint.host, m_endpoint.port, QIODevice::ReadWrite | QIODevice::Unbuffered);
}

void RawHttpPendingTransfer::attach(RawHttpSocket *socket)
{
    m_socket = socket;
    socket->setParent(this);
    socket->setTransfer(this); // its signals come here now
}

void RawHttpPendingTransfer::onConnected()
{
    if (isFinished() || !m_socket)
        return;
    m_connected = true;
    m_connectedNs = m_clock.nsecsElapsed();
    m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1); // Chromium sets TCP_NODELAY too
    activity();
    writeRequest();
}

void RawHttpPendingTransfer::writeRequest()
{
    if (m_written || !m_socket)
        return;
    m_written = true;
    if (m_socket->write(m_requestBytes) < 0) {
        // Nothing of the request reached the socket.
        failWith(QStringLiteral("net::ERR_CONNECTION_RESET"),
            QStringLiteral("The connection to %1 failed before the request could be written: %2.")
                .arg(where(), m_socket->errorString()));
        return;
    }
    onBytesWritten();
    // The server may have answered already (or closed): unbuffered sockets signal it only once.
    if (m_socket && !isFinished() && peekSocket(m_socket) != -2)
        onReadyRead();
}

void RawHttpPendingTransfer::onBytesWritten()
{
    if (isFinished() || !m_socket)
        return;
    activity();
    if (m_requestSentNs < 0 && m_socket->bytesToWrite() == 0)
        m_requestSentNs = m_clock.nsecsElapsed();
}

void RawHttpPendingTransfer::onReadyRead()
{
    if (isFinished() || !m_socket || !m_connected)
        return;
    activity();
    // One buffer per transport, not a 64 KiB allocation per read (freeing a chunk that large makes
    // glibc consolidate its heap every time). Nothing below reads it again after a call that may
    // emit, so another transfer of the same transport cannot overwrite it under us.
    QByteArray ownBuffer;
    QByteArray &buffer = m_transport ? m_transport->m_readBuffer : ownBuffer;
    if (buffer.size() != readChunkBytes)
        buffer = QByteArray(readChunkBytes, Qt::Uninitialized);
    while (m_socket && !isFinished()) {
        // Qt reports a reset like an orderly close: look before Qt reads.
        const int peek = peekSocket(m_socket);
        if (peek == 0 || peek == -1) {
            onEof(peek == -1);
            return;
        }
        const qint64 count = m_socket->read(buffer.data(), buffer.size());
        if (count < 0) {
            onEof(false);
            return;
        }
        if (count == 0)
            return; // nothing more for now; Qt notifies again
        if (m_firstByteNs < 0)
            m_firstByteNs = m_clock.nsecsElapsed();
        switch (m_parser.feed(QByteArrayView(buffer.constData(), count))) {
        case RawHttpResponseParser::State::Done:
            succeed();
            return;
        case RawHttpResponseParser::State::Failed:
            failWith(m_parser.error(), m_parser.errorDetail());
            return;
        case RawHttpResponseParser::State::Head:
        case RawHttpResponseParser::State::Body:
            break;
        }
    }
}

void RawHttpPendingTransfer::onErrorOccurred(QAbstractSocket::SocketError error)
{
    if (isFinished() || !m_socket)
        return;
    switch (error) {
    case QAbstractSocket::ConnectionRefusedError:
        failWith(QStringLiteral("net::ERR_CONNECTION_REFUSED"),
            QStringLiteral("Nothing accepted the connection to %1 (connection refused).").arg(where()));
        return;
    case QAbstractSocket::HostNotFoundError:
        failWith(QStringLiteral("net::ERR_NAME_NOT_RESOLVED"),
            QStringLiteral("The host name '%1' could not be resolved.").arg(m_outcome.sentRequest.url.host()));
        return;
    case QAbstractSocket::RemoteHostClosedError:
        if (m_connected) {
            onEof(false);
            return;
        }
        break;
    case QAbstractSocket::SocketTimeoutError:
        failWith(QStringLiteral("net::ERR_CONNECTION_TIMED_OUT"),
            QStringLiteral("The connection to %1 timed out.").arg(where()));
        return;
    case QAbstractSocket::NetworkError:
        if (!m_connected) {
            failWith(QStringLiteral("net::ERR_ADDRESS_UNREACHABLE"),
                QStringLiteral("%1 cannot be reached: %2.").arg(where(), m_socket->errorString()));
            return;
        }
        break;
    default:
        break;
    }
    if (m_connected && m_parser.hasHeaders()) {
        onEof(true);
        return;
    }
    failWith(m_connected ? QStringLiteral("net::ERR_CONNECTION_RESET") : QStringLiteral("net::ERR_CONNECTION_FAILED"),
        QStringLiteral("The connection to %1 failed: %2.").arg(where(), m_socket->errorString()));
}

void RawHttpPendingTransfer::onEof(bool reset)
{
    if (isFinished())
        return;
    if (reset && !m_parser.hasHeaders()) {
        // Chromium: a reset before the head is complete is the error, whatever arrived.
        failWith(QStringLiteral("net::ERR_CONNECTION_RESET"),
            m_parser.sawAnyByte()
                ? QStringLiteral("%1 reset the connection before the response headers were complete.").arg(where())
                : QStringLiteral("%1 reset the connection without answering.").arg(where()));
        return;
    }
    if (!m_parser.sawAnyByte()) {
        failWith(QStringLiteral("net::ERR_EMPTY_RESPONSE"),
            QStringLiteral("%1 closed the connection without sending any data.").arg(where()));
        return;
    }
    const bool hadHeaders = m_parser.hasHeaders();
    switch (m_parser.finishAtEof()) {
    case RawHttpResponseParser::State::Failed:
        failWith(m_parser.error(), m_parser.errorDetail());
        return;
    case RawHttpResponseParser::State::Done:
        if (reset && hadHeaders && m_parser.response().bodyTruncated)
            m_outcome.networkErrorDetail = QStringLiteral("The server reset the connection. ");
        succeed();
        return;
    case RawHttpResponseParser::State::Head:
    case RawHttpResponseParser::State::Body:
        break;
    }
    failWith(QStringLiteral("net::ERR_EMPTY_RESPONSE"),
        QStringLiteral("%1 closed the connection without a complete response.").arg(where()));
}

void RawHttpPendingTransfer::onTimeout(bool total)
{
    if (isFinished())
        return;
    const QString what = total
        ? QStringLiteral("the request took longer than %1 ms in all").arg(m_limits.totalTimeoutMs)
        : QStringLiteral("no data arrived for %1 ms").arg(m_limits.idleTimeoutMs);
    if (m_parser.hasHeaders()) {
        HttpResponse response = m_parser.takeResponse();
        response.bodyTruncated = true;
        response.url = m_outcome.sentRequest.url;
        m_outcome.response = response;
        m_outcome.networkErrorDetail
            = QStringLiteral("The body is incomplete: %1 after %2 body bytes.").arg(what).arg(response.body.size());
        closeSocket();
        m_idleTimer.stop();
        m_totalTimer.stop();
        fillTimings();
        finish(m_outcome);
        return;
    }
    if (!m_connected)
        failWith(QStringLiteral("net::ERR_CONNECTION_TIMED_OUT"),
            QStringLiteral("The connection to %1 was not established: %2.").arg(where(), what));
    else
        failWith(QStringLiteral("net::ERR_TIMED_OUT"), QStringLiteral("The server did not answer: %1.").arg(what));
}

void RawHttpPendingTransfer::activity()
{
    if (m_limits.idleTimeoutMs <= 0 || isFinished())
        return;
    // Restarting a timer for every read and write costs more than the hop itself on loopback: note
    // the time, and let onIdleTimer() re-arm for what is left.
    m_lastActivityNs = m_clock.nsecsElapsed();
    if (!m_idleTimer.isActive())
        m_idleTimer.start(m_limits.idleTimeoutMs, Qt::PreciseTimer, this);
}

void RawHttpPendingTransfer::timerEvent(QTimerEvent *event)
{
    // Both timers are single-shot.
    if (event->timerId() == m_idleTimer.timerId()) {
        m_idleTimer.stop();
        onIdleTimer();
    } else if (event->timerId() == m_totalTimer.timerId()) {
        m_totalTimer.stop();
        onTimeout(true);
    } else {
        PendingTransfer::timerEvent(event);
    }
}

void RawHttpPendingTransfer::onIdleTimer()
{
    const qint64 limitNs = qint64(m_limits.idleTimeoutMs) * 1000000;
    const qint64 quietNs = m_clock.nsecsElapsed() - m_lastActivityNs;
    if (quietNs < limitNs) {
        m_idleTimer.start(int((limitNs - quietNs + 999999) / 1000000), Qt::PreciseTimer, this); // never early
        return;
    }
    onTimeout(false);
}

void RawHttpPendingTransfer::succeed()
{
    m_idleTimer.stop();
    m_totalTimer.stop();
    fillTimings();
    const bool reusable = m_parser.connectionReusable() && m_endpoint.mayReuse;
    const bool announcedKeepAlive = m_parser.announcedKeepAlive();
    HttpResponse response = m_parser.takeResponse();
    response.url = m_outcome.sentRequest.url; // the logical URL, also under --resolve
    QString detail = m_outcome.networkErrorDetail;
    if (m_parser.bodyCapReached())
        detail += QStringLiteral("The body was cut at %1 (the body cap); the rest was not read.")
                      .arg(mebibytes(m_limits.bodyCap));
    else
        detail += m_parser.incompleteDetail();
    m_outcome.networkErrorDetail = detail;
    m_outcome.response = response;
    if (reusable && m_transport && m_socket) {
        RawHttpSocket *socket = m_socket;
        m_socket = nullptr;
        m_transport->releaseConnection(m_endpoint.key, socket, announcedKeepAlive);
    } else {
        closeSocket();
    }
    finish(m_outcome);
}

void RawHttpPendingTransfer::failWith(const QString &code, const QString &detail)
{
    if (isFinished())
        return;
    // Chromium (HttpNetworkTransaction::ShouldResendRequest): a reused keep-alive connection that
    // closes or resets before any response byte was stale; the request goes out once more on a new
    // connection. A fresh connection is never retried.
    const bool staleConnection = code == u"net::ERR_EMPTY_RESPONSE" || code == u"net::ERR_CONNECTION_RESET"
                                 || code == u"net::ERR_CONNECTION_CLOSED";
    if (m_reused && !m_retried && staleConnection && !m_parser.sawAnyByte()) {
        retryOnFreshConnection();
        return;
    }
    m_idleTimer.stop();
    m_totalTimer.stop();
    closeSocket();
    fillTimings();
    m_outcome.response.reset();
    m_outcome.networkError = code;
    m_outcome.networkErrorDetail = detail;
    finish(m_outcome);
}

void RawHttpPendingTransfer::retryOnFreshConnection()
{
    closeSocket();
    m_retried = true;
    m_reused = false;
    m_connected = false;
    m_written = false;
    m_requestSentNs = -1;
    m_firstByteNs = -1;
    connectFresh();
}

void RawHttpPendingTransfer::closeSocket()
{
    if (!m_socket)
        return;
    RawHttpSocket *socket = m_socket;
    m_socket = nullptr;
    socket->detach();
    socket->abort();
    socket->deleteLater();
}

void RawHttpPendingTransfer::fillTimings()
{
    const qint64 endNs = m_clock.nsecsElapsed();
    HopTimings &timings = m_outcome.timings;
    timings.startMs = 0; // relative to send(); the runner rebases it on the exchange clock
    if (m_reused)
        timings.connectMs = 0;
    else
        timings.connectMs = msBetween(m_connectStartNs, m_connectedNs);
    timings.waitMs = msBetween(m_requestSentNs, m_firstByteNs);
    timings.downloadMs = msBetween(m_firstByteNs, endNs);
    timings.totalMs = msBetween(0, endNs);
}

QString RawHttpPendingTransfer::where() const
{
    const QUrl &url = m_outcome.sentRequest.url;
    return url.host() + u':' + QString::number(url.port(80));
}

} // namespace corscope
