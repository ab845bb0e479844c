#pragma once

#include "net/rawhttprequest.h"
#include "net/rawhttpresponder.h"

#include <QObject>
#include <QTcpSocket>
#include <memory>
#include <optional>

namespace corscope {

class RawHttpServer;

// One accepted TCP connection of a RawHttpServer: reads and parses requests one after the other.
// Internal to RawHttpServer.
class RawHttpConnection final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RawHttpConnection)

public:
    RawHttpConnection(QTcpSocket *socket, int connectionNumber, RawHttpServer *server);
    ~RawHttpConnection() override;

    void drop(); // closes at once

private:
    void onReadyRead();
    void parseAvailable();
    // Parses the head in m_buffer[0, headEnd). False with *problem set when malformed.
    bool parseHead(qsizetype headEnd, RawHttpRequest *request, QString *problem) const;
    void refuse(int status, const QByteArray &reason, const QString &why);

    QTcpSocket *m_socket;
    RawHttpServer *m_server;
    std::unique_ptr<RawHttpResponder> m_responder;
    QByteArray m_buffer;
    std::optional<RawHttpRequest> m_pending; // head parsed, waiting for the body
    qsizetype m_pendingBodyLength = 0;
    int m_requestCount = 0;
    bool m_refused = false;
};

} // namespace corscope
