#pragma once

#include "core/headerlist.h"

#include <QByteArray>
#include <QPointer>
#include <QTcpSocket>
#include <functional>

namespace corscope {

// What a RawHttpServer handler uses to answer: anything from a well-formed response to raw bytes,
// delays, slow or endless bodies, a closed or reset connection. Every method is asynchronous-safe:
// once the client has gone, writes and scheduled actions do nothing. One responder exists per TCP
// connection; it stays valid for delayed actions until the connection closes.
class RawHttpResponder
{
public:
    using Action = std::function<void(RawHttpResponder &)>;

    // context: the object whose lifetime bounds scheduled actions (the connection).
    RawHttpResponder(QTcpSocket *socket, QObject *context, int connectionNumber);
    RawHttpResponder(const RawHttpResponder &) = delete;
    RawHttpResponder &operator=(const RawHttpResponder &) = delete;

    bool isConnected() const;
    int connectionNumber() const { return m_connectionNumber; }

    // Raw bytes, exactly as given.
    void write(const QByteArray &bytes);
    // "HTTP/1.1 <status> <reason>\r\n", the headers in order, a Content-Length unless the headers
    // already have Content-Length or Transfer-Encoding, the empty line and the body.
    void respond(
        int status, const QByteArray &reason, const HeaderList &headers = {}, const QByteArray &body = {});
    // Only the status line and the headers (no Content-Length added), e.g. before streamBody().
    void writeHead(int status, const QByteArray &reason, const HeaderList &headers);
    // Runs action after ms milliseconds (a QTimer, never blocking) if the client is still there.
    void after(int ms, Action action);
    // Writes chunk every intervalMs (0: as fast as the client reads, with at most 256 KiB buffered
    // here), chunkCount times (-1: endlessly), then runs then (if any).
    void streamBody(const QByteArray &chunk, int intervalMs, qint64 chunkCount = -1, Action then = {});
    // Graceful close: pending bytes are flushed, then FIN.
    void close();
    // Abortive close: RST (SO_LINGER 0), pending bytes are dropped.
    void reset();

    qint64 bytesWritten() const { return m_bytesWritten; }

private:
    void pump(QByteArray chunk, int intervalMs, qint64 remaining, Action then);

    QPointer<QTcpSocket> m_socket;
    QPointer<QObject> m_context;
    int m_connectionNumber = 0;
    qint64 m_bytesWritten = 0;
};

} // namespace corscope
