#pragma once

#include <QTcpSocket>

namespace corscope {

class RawHttpPendingTransfer;
class RawHttpTransport;

// The TCP connection of a RawHttpTransport. Its signals are connected once, when it is created, and
// routed to whoever holds it now: the RawHttpPendingTransfer running a request on it, or the
// transport's keep-alive pool (where any byte, FIN or error makes it unusable), or nobody while it
// is being closed. Handing a keep-alive connection from one hop to the next is then two pointer
// assignments, not four connects and a disconnect per hop. Internal to RawHttpTransport.
class RawHttpSocket final : public QTcpSocket
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RawHttpSocket)

public:
    explicit RawHttpSocket(QObject *parent = nullptr);
    ~RawHttpSocket() override;

    // The transfer that gets the socket's signals (nullptr: none).
    void setTransfer(RawHttpPendingTransfer *transfer) { m_transfer = transfer; m_pool = nullptr; }
    // Idle in this transport's pool: readyRead or an error drops it from the pool.
    void setPool(RawHttpTransport *pool) { m_pool = pool; m_transfer = nullptr; }
    // Nobody gets the signals any more (the socket is being closed).
    void detach() { m_transfer = nullptr; m_pool = nullptr; }

private:
    void routeConnected();
    void routeBytesWritten();
    void routeReadyRead();
    void routeError(QAbstractSocket::SocketError error);

    RawHttpPendingTransfer *m_transfer = nullptr;
    RawHttpTransport *m_pool = nullptr;
};

} // namespace corscope
