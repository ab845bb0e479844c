#include "net/rawhttpsocket.h"

#include "net/rawhttppendingtransfer.h"
#include "net/rawhttptransport.h"

namespace corscope {

RawHttpSocket::RawHttpSocket(QObject *parent)
    : QTcpSocket(parent)
{
    connect(this, &QTcpSocket::connected, this, &RawHttpSocket::routeConnected);
    connect(this, &QTcpSocket::bytesWritten, this, &RawHttpSocket::routeBytesWritten);
    connect(this, &QTcpSocket::readyRead, this, &RawHttpSocket::routeReadyRead);
    connect(this, &QTcpSocket::errorOccurred, this, &RawHttpSocket::routeError);
}

RawHttpSocket::~RawHttpSocket()
{
    // QAbstractSocket's destructor may still emit: nothing of this class may run by then.
    detach();
    disconnect(this, nullptr, this, nullptr);
}

void RawHttpSocket::routeConnected()
{
    if (m_transfer)
        m_transfer->onConnected();
}

void RawHttpSocket::routeBytesWritten()
{
    if (m_transfer)
        m_transfer->onBytesWritten();
}

void RawHttpSocket::routeReadyRead()
{
    if (m_transfer)
        m_transfer->onReadyRead();
    else if (m_pool)
        m_pool->dropIdle(this);
}

void RawHttpSocket::routeError(QAbstractSocket::SocketError error)
{
    if (m_transfer)
        m_transfer->onErrorOccurred(error);
    else if (m_pool)
        m_pool->dropIdle(this);
}

} // namespace corscope
