#pragma once

#include "core/corsenums.h"
#include "core/headerlist.h"

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QString>
#include <QUrl>

namespace corscope {

class RawHttpResponder;
class RawHttpServer;
struct RawHttpRequest;

// One endpoint of the lab and the fetch() that shows its problem, made from the page origin
// LabServer::pageOrigin() (the lab's own origin is http://localhost:<port>).
struct LabEndpoint
{
    QByteArray path; // "/header-not-allowed"; stable, used in the README and the demo collection
    QString title; // "Request header not allowed"
    QString demonstrates; // what goes wrong, and which real server setup does this
    // The request that triggers the problem.
    QByteArray method = QByteArrayLiteral("GET");
    HeaderList headers;
    QByteArray body;
    CredentialsMode credentials = CredentialsMode::SameOrigin;
};

// A loopback server whose endpoints each reproduce one common CORS failure the way a real
// misconfigured stack answers (see /work/shared/reference/framework-field-notes.md), plus /ok, a
// correct configuration. Every endpoint answers the OPTIONS preflight and the actual methods.
// GET / lists the endpoints (JSON, or HTML for a browser).
//
// The lab is meant to be reached as http://localhost:<port>. Its other name, 127.0.0.1, is a
// different origin: /redirect-cross-origin sends the browser there.
class LabServer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LabServer)

public:
    // The port `corscope lab` uses without --port; resources/demo-collection.json assumes it.
    static constexpr quint16 defaultPort = 4807;
    // How long /slow waits before answering unless the query says otherwise (/slow?ms=500).
    static constexpr int slowDelayMs = 3000;
    static constexpr int maxSlowDelayMs = 30000;

    // The page origin the endpoints are written for (allowed by /ok).
    static QByteArray pageOrigin();
    // The origins /ok and the other allow-list endpoints accept.
    static QList<QByteArray> allowedOrigins();
    static QList<LabEndpoint> endpoints();

    explicit LabServer(QObject *parent = nullptr);
    ~LabServer() override;

    // Listens on 127.0.0.1; port 0 picks a free one. False with errorString() set on failure.
    bool listen(quint16 port = 0);
    void close();
    bool isListening() const;
    quint16 port() const;
    QString errorString() const;
    // http://localhost:<port><path>
    QUrl url(const QString &path = QStringLiteral("/")) const;

Q_SIGNALS:
    // After the lab has written a response (for /slow: when it is written, after the delay).
    void requestAnswered(const QByteArray &method, const QByteArray &target, int status);

private:
    void handle(const RawHttpRequest &request, RawHttpResponder &responder);

    RawHttpServer *m_server;
};

} // namespace corscope
