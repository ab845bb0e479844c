#include "net/labserver.h"

#include "net/labanswers.h"
#include "net/rawhttprequest.h"
#include "net/rawhttpresponder.h"
#include "net/rawhttpserver.h"

namespace corscope {

namespace {
// Lets the endpoint table below write a header list as a braced list.
HeaderList headers(std::initializer_list<HeaderField> fields)
{
    return HeaderList(fields);
}
} // namespace

QByteArray LabServer::pageOrigin()
{
    return QByteArrayLiteral("http://localhost:3000");
}

QList<QByteArray> LabServer::allowedOrigins()
{
    return {QByteArrayLiteral("http://localhost:3000"), QByteArrayLiteral("http://app.test:3000")};
}

QList<LabEndpoint> LabServer::endpoints()
{
    const QByteArray json = QByteArrayLiteral("{\"name\":\"demo\"}");
    const QByteArray bearer = QByteArrayLiteral("Bearer demo-token");
    return {
        {"/ok", QStringLiteral("Correct configuration"),
            QStringLiteral(
                "An allow-list (http://localhost:3000, http://app.test:3000) reflected with credentials, "
                "Vary: Origin, methods GET/POST/PUT/DELETE/PATCH, headers Content-Type/Authorization/"
                "X-Trace, preflight cached 600 s. Any other origin gets no Access-Control-Allow-Origin."),
            "PUT",
            headers({{"Content-Type", "application/json"}, {"Authorization", bearer}, {"X-Trace", "1"}}),
            json, CredentialsMode::Include},
        {"/no-acao", QStringLiteral("No Access-Control-Allow-Origin"),
            QStringLiteral(
                "A server with no CORS support at all (Express without the cors middleware). The GET "
                "runs on the server; the browser only hides the response from the script."),
            "GET", {}, {}, CredentialsMode::SameOrigin},
        {"/mismatch", QStringLiteral("Wrong origin allowed"),
            QStringLiteral(
                "Access-Control-Allow-Origin is hard-coded to http://localhost:8080, another developer's "
                "front-end port, so it never matches http://localhost:3000."),
            "GET", {}, {}, CredentialsMode::SameOrigin},
        {"/wildcard-credentials", QStringLiteral("Wildcard with credentials"),
            QStringLiteral(
                "Access-Control-Allow-Origin: * with Access-Control-Allow-Credentials: true. Works until the "
                "page sends cookies (credentials: 'include'); then * is refused."),
            "GET", {}, {}, CredentialsMode::Include},
        {"/preflight-404", QStringLiteral("Preflight answered 404"),
            QStringLiteral(
                "A proxy adds every CORS header (Apache 'Header always set'), but the application's router "
                "has no OPTIONS route and answers the preflight 404."),
            "PUT", headers({{"Content-Type", "application/json"}}), json, CredentialsMode::SameOrigin},
        {"/preflight-405", QStringLiteral("Preflight answered 405"),
            QStringLiteral(
                "Go net/http with a per-handler enableCors(&w) and no OPTIONS case: the preflight gets "
                "http.Error 405 although Access-Control-Allow-Origin is *."),
            "POST", headers({{"Content-Type", "application/json"}}), json, CredentialsMode::SameOrigin},
        {"/preflight-401", QStringLiteral("Authentication before CORS"),
            QStringLiteral(
                "The auth middleware runs before the CORS middleware. A preflight never carries the token, "
                "so it gets 401 without CORS headers; the browser reports the missing header, not the 401."),
            "GET", headers({{"Authorization", bearer}}), {}, CredentialsMode::SameOrigin},
        {"/method-not-allowed", QStringLiteral("Method not allowed"),
            QStringLiteral(
                "Access-Control-Allow-Methods lists only GET, POST: a DELETE needs a preflight and the "
                "preflight does not allow it."),
            "DELETE", {}, {}, CredentialsMode::SameOrigin},
        {"/header-not-allowed", QStringLiteral("Request header not allowed"),
            QStringLiteral(
                "Access-Control-Allow-Headers lists only Content-Type: the custom X-Trace header the "
                "script sets is refused by the preflight."),
            "PUT", headers({{"Content-Type", "application/json"}, {"X-Trace", "1"}}), json,
            CredentialsMode::SameOrigin},
        {"/auth-not-allowed", QStringLiteral("Authorization not allowed"),
            QStringLiteral(
                "The enable-cors.org nginx snippet: Access-Control-Allow-Headers has DNT, User-Agent, "
                "Content-Type, ... but no Authorization, so a bearer token fails the preflight."),
            "GET", headers({{"Authorization", bearer}}), {}, CredentialsMode::SameOrigin},
        {"/preflight-redirect", QStringLiteral("Redirected preflight"),
            QStringLiteral(
                "Django's APPEND_SLASH answers the slash-less URL with 301 to /preflight-redirect/ before "
                "django-cors-headers runs (CorsMiddleware below CommonMiddleware). A preflight may not be "
                "redirected. The slash URL itself is configured correctly."),
            "PUT", headers({{"Content-Type", "application/json"}}), json, CredentialsMode::SameOrigin},
        {"/redirect-cross-origin", QStringLiteral("Redirect to another origin"),
            QStringLiteral(
                "A 302 (with correct CORS headers) to /ok on the lab's other name (127.0.0.1 instead of "
                "localhost). After a cross-origin redirect the browser sends Origin: null, which /ok's "
                "allow-list does not contain."),
            "GET", {}, {}, CredentialsMode::SameOrigin},
        {"/error-500", QStringLiteral("Error without CORS headers"),
            QStringLiteral(
                "Starlette: CORSMiddleware passes the preflight, then the handler crashes and the bare 500 "
                "from ServerErrorMiddleware has no CORS headers. The POST ran; the CORS error hides the "
                "500."),
            "POST", headers({{"Content-Type", "application/json"}}), json, CredentialsMode::SameOrigin},
        {"/double-acao", QStringLiteral("Two Access-Control-Allow-Origin lines"),
            QStringLiteral(
                "A proxy adds Access-Control-Allow-Origin: * and the application adds the origin too: the "
                "browser joins them into '*, http://localhost:3000' and refuses multiple values."),
            "GET", {}, {}, CredentialsMode::SameOrigin},
        {"/slow", QStringLiteral("Slow but correct"),
            QStringLiteral(
                "Configured like /ok, but answers after 3 s (or ?ms=N, at most 30000): shows the timing of "
                "each hop, and timeouts with --timeout."),
            "GET", {}, {}, CredentialsMode::SameOrigin},
    };
}

LabServer::LabServer(QObject *parent)
    : QObject(parent)
    , m_server(new RawHttpServer(this))
{
    m_server->setHandler(
        [this](const RawHttpRequest &request, RawHttpResponder &responder) { handle(request, responder); });
    // The lab runs for hours: RawHttpServer's record of every request (meant for tests) must not grow.
    connect(m_server, &RawHttpServer::requestReceived, this, [this] { m_server->clearRequests(); });
}

LabServer::~LabServer() = default;

bool LabServer::listen(quint16 port)
{
    return m_server->listen(QHostAddress(QHostAddress::LocalHost), port);
}

void LabServer::close()
{
    m_server->close();
}

bool LabServer::isListening() const
{
    return m_server->isListening();
}

quint16 LabServer::port() const
{
    return m_server->port();
}

QString LabServer::errorString() const
{
    return m_server->errorString();
}

QUrl LabServer::url(const QString &path) const
{
    return QUrl(u"http://localhost:" + QString::number(port()) + path, QUrl::StrictMode);
}

void LabServer::handle(const RawHttpRequest &request, RawHttpResponder &responder)
{
    LabResponse response = answerLabRequest(request, LabContext{port()});

    if (request.method == "HEAD") {
        if (!response.headers.contains("content-length"))
            response.headers.append("Content-Length", QByteArray::number(response.body.size()));
        response.body.clear();
    }
    auto write = [this, response, method = request.method, target = request.target](RawHttpResponder &out) {
        out.respond(response.status, response.reason, response.headers, response.body);
        Q_EMIT requestAnswered(method, target, response.status);
    };
    if (response.delayMs > 0)
        responder.after(response.delayMs, write);
    else
        write(responder);
}

} // namespace corscope
