#include "net/rawhttpresponder.h"

#include <QTimer>
#include <sys/socket.h>

namespace corscope {

namespace {
constexpr qint64 maxBufferedStreamBytes = 256 * 1024;
}

RawHttpResponder::RawHttpResponder(QTcpSocket *socket, QObject *context, int connectionNumber)
    : m_socket(socket)
    , m_context(context)
    , m_connectionNumber(connectionNumber)
{ }

bool RawHttpResponder::isConnected() const
{
    return m_socket && m_socket->state() == QAbstractSocket::ConnectedState;
}

void RawHttpResponder::write(const QByteArray &bytes)
{
    if (!isConnected())
        return;
    const qint64 written = m_socket->write(bytes);
    if (written > 0)
        m_bytesWritten += written;
}

void RawHttpResponder::writeHead(int status, const QByteArray &reason, const HeaderList &headers)
{
    QByteArray head = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reason + "\r\n";
    for (const HeaderField &field : headers)
        head += field.name + ": " + field.value + "\r\n";
    head += "\r\n";
    write(head);
}

void RawHttpResponder::respond(
    int status, const QByteArray &reason, const HeaderList &headers, const QByteArray &body)
{
    HeaderList all = headers;
    if (!all.contains("content-length") && !all.contains("transfer-encoding"))
        all.append("Content-Length", QByteArray::number(body.size()));
    QByteArray bytes = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reason + "\r\n";
    for (const HeaderField &field : all)
        bytes += field.name + ": " + field.value + "\r\n";
    bytes += "\r\n" + body;
    write(bytes);
}

void RawHttpResponder::after(int ms, Action action)
{
    if (!m_context)
        return;
    QTimer::singleShot(ms, m_context.data(), [this, action = std::move(action)] {
        if (isConnected())
            action(*this);
    });
}

void RawHttpResponder::streamBody(const QByteArray &chunk, int intervalMs, qint64 chunkCount, Action then)
{
    pump(chunk, intervalMs, chunkCount, std::move(then));
}

void RawHttpResponder::pump(QByteArray chunk, int intervalMs, qint64 remaining, Action then)
{
    if (!isConnected() || !m_context)
        return;
    if (remaining == 0) {
        if (then)
            then(*this);
        return;
    }
    if (m_socket->bytesToWrite() >= maxBufferedStreamBytes) {
        // Wait until the client has read some: an endless body must not fill this process's memory.
        QObject::connect(
            m_socket.data(), &QTcpSocket::bytesWritten, m_context.data(),
            [this, chunk, intervalMs, remaining, then](qint64) { pump(chunk, intervalMs, remaining, then); },
            Qt::SingleShotConnection);
        return;
    }
    write(chunk);
    const qint64 next = remaining < 0 ? remaining : remaining - 1;
    QTimer::singleShot(intervalMs, m_context.data(),
        [this, chunk, intervalMs, next, then] { pump(chunk, intervalMs, next, then); });
}

void RawHttpResponder::close()
{
    if (m_socket)
        m_socket->disconnectFromHost();
}

void RawHttpResponder::reset()
{
    if (!m_socket)
        return;
    const qintptr descriptor = m_socket->socketDescriptor();
    if (descriptor >= 0) {
        struct linger option = {1, 0};
        ::setsockopt(int(descriptor), SOL_SOCKET, SO_LINGER, &option, sizeof option);
    }
    m_socket->abort();
}

} // namespace corscope
