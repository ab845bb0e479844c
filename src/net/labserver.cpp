#include "net/labserver.h"

#include "net/rawhttprequest.h"
#include "net/rawhttpresponder.h"
#include "net/rawhttpserver.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrlQuery>

namespace corscope {

namespace {

// What a lab endpoint answers; LabServer::handle() writes it (after delayMs).
struct LabResponse
{
    int status = 200;
    QByteArray reason = QByteArrayLiteral("OK");
    HeaderList headers;
    QByteArray body;
    int delayMs = 0;
};

struct LabContext
{
    quint16 port = 0;
};

using Answer = LabResponse (*)(const RawHttpRequest &, const LabContext &);

QByteArray requestOrigin(const RawHttpRequest &request)
{
    return request.headers.combinedValue(QByteArrayLiteral("origin")).value_or(QByteArray());
}

bool isAllowListed(const QByteArray &origin)
{
    return LabServer::allowedOrigins().contains(origin);
}

// Access-Control-Allow-Origin echoing the request's origin when it is allow-listed, and Vary: Origin.
HeaderList allowListedOriginHeaders(const RawHttpRequest &request)
{
    const QByteArray origin = requestOrigin(request);
    HeaderList cors;
    if (isAllowListed(origin))
        cors.append("Access-Control-Allow-Origin", origin);
    cors.append("Vary", "Origin");
    return cors;
}

bool isPreflight(const RawHttpRequest &request)
{
    return request.method == "OPTIONS";
}

// The body every endpoint returns when it lets the request through.
LabResponse jsonOk(const RawHttpRequest &request, HeaderList corsHeaders = {})
{
    LabResponse response;
    response.headers = std::move(corsHeaders);
    response.headers.append("Content-Type", "application/json");
    response.body = QJsonDocument(QJsonObject{{QStringLiteral("path"), QString::fromUtf8(request.path())},
                                      {QStringLiteral("method"), QString::fromUtf8(request.method)},
                                      {QStringLiteral("ok"), true}})
                        .toJson(QJsonDocument::Compact)
        + '\n';
    return response;
}

LabResponse noContent(HeaderList headers)
{
    LabResponse response;
    response.status = 204;
    response.reason = "No Content";
    response.headers = std::move(headers);
    return response;
}

// Express `cors({origin: [...], credentials: true, maxAge: 600, exposedHeaders: ['X-Request-Id']})`.
LabResponse answerOk(const RawHttpRequest &request, const LabContext &)
{
    const QByteArray origin = requestOrigin(request);
    HeaderList cors;
    if (isAllowListed(origin)) {
        cors.append("Access-Control-Allow-Origin", origin);
        cors.append("Access-Control-Allow-Credentials", "true");
    }
    cors.append("Vary", "Origin");
    if (isPreflight(request)) {
        if (isAllowListed(origin)) {
            cors.append("Access-Control-Allow-Methods", "GET,POST,PUT,DELETE,PATCH");
            cors.append("Access-Control-Allow-Headers", "Content-Type,Authorization,X-Trace");
            cors.append("Access-Control-Max-Age", "600");
        }
        cors.append("Vary", "Access-Control-Request-Headers");
        return noContent(cors);
    }
    if (isAllowListed(origin))
        cors.append("Access-Control-Expose-Headers", "X-Request-Id");
    cors.append("X-Request-Id", "lab-ok");
    return jsonOk(request, cors);
}

// Express without any CORS middleware: it answers OPTIONS itself with the route's methods.
LabResponse answerNoAllowOrigin(const RawHttpRequest &request, const LabContext &)
{
    if (isPreflight(request)) {
        LabResponse response;
        response.headers = {{"Allow", "GET,HEAD,POST"}, {"Content-Type", "text/html; charset=utf-8"}};
        response.body = "GET,HEAD,POST";
        return response;
    }
    return jsonOk(request);
}

// A hard-coded origin left over from another developer's machine.
LabResponse answerMismatch(const RawHttpRequest &request, const LabContext &)
{
    HeaderList cors{{"Access-Control-Allow-Origin", "http://localhost:8080"}};
    if (isPreflight(request)) {
        cors.append("Access-Control-Allow-Methods", "GET, POST, PUT, DELETE");
        cors.append("Access-Control-Allow-Headers", "Content-Type, Authorization");
        return noContent(cors);
    }
    return jsonOk(request, cors);
}

// The copy-pasted "allow everything" snippet: `*` plus credentials.
LabResponse answerWildcardCredentials(const RawHttpRequest &request, const LabContext &)
{
    HeaderList cors{{"Access-Control-Allow-Origin", "*"}, {"Access-Control-Allow-Credentials", "true"}};
    if (isPreflight(request)) {
        cors.append("Access-Control-Allow-Methods", "GET, POST, PUT, DELETE, OPTIONS");
        cors.append("Access-Control-Allow-Headers", "Content-Type, Authorization");
        return noContent(cors);
    }
    return jsonOk(request, cors);
}

HeaderList wildcardCors()
{
    return {{"Access-Control-Allow-Origin", "*"}, {"Access-Control-Allow-Methods", "GET, POST, PUT, DELETE"},
        {"Access-Control-Allow-Headers", "Content-Type, Authorization"}};
}

// Apache `Header always set Access-Control-Allow-*` in front of an app whose router has no OPTIONS
// route: every CORS header is right, but the preflight gets the app's 404.
LabResponse answerPreflight404(const RawHttpRequest &request, const LabContext &)
{
    if (isPreflight(request)) {
        LabResponse response;
        response.status = 404;
        response.reason = "Not Found";
        response.headers = wildcardCors();
        response.headers.append("Content-Type", "application/json");
        response.body = "{\"detail\":\"Not Found\"}\n";
        return response;
    }
    return jsonOk(request, wildcardCors());
}

// Go net/http with a per-handler enableCors(&w) and no OPTIONS case: http.Error(w, ..., 405).
LabResponse answerPreflight405(const RawHttpRequest &request, const LabContext &)
{
    if (isPreflight(request)) {
        LabResponse response;
        response.status = 405;
        response.reason = "Method Not Allowed";
        response.headers = wildcardCors();
        response.headers.append("Content-Type", "text/plain; charset=utf-8");
        response.headers.append("X-Content-Type-Options", "nosniff");
        response.body = "Method Not Allowed\n";
        return response;
    }
    return jsonOk(request, wildcardCors());
}

// Authentication middleware registered before the CORS middleware: the preflight, which never
// carries credentials, is refused before CORS headers are added.
LabResponse answerPreflight401(const RawHttpRequest &request, const LabContext &)
{
    if (isPreflight(request) || !request.headers.contains("authorization")) {
        LabResponse response;
        response.status = 401;
        response.reason = "Unauthorized";
        response.headers
            = {{"WWW-Authenticate", "Bearer realm=\"lab\""}, {"Content-Type", "application/json"}};
        response.body = "{\"error\":\"missing bearer token\"}\n";
        return response;
    }
    HeaderList cors = allowListedOriginHeaders(request);
    return jsonOk(request, cors);
}

// An allow-list that forgot the write methods.
LabResponse answerMethodNotAllowed(const RawHttpRequest &request, const LabContext &)
{
    HeaderList cors = allowListedOriginHeaders(request);
    if (isPreflight(request)) {
        cors.append("Access-Control-Allow-Methods", "GET, POST");
        cors.append("Access-Control-Allow-Headers", "Content-Type, Authorization, X-Trace");
        return noContent(cors);
    }
    return jsonOk(request, cors);
}

// Allowed headers listed by hand, Content-Type only.
LabResponse answerHeaderNotAllowed(const RawHttpRequest &request, const LabContext &)
{
    HeaderList cors = allowListedOriginHeaders(request);
    if (isPreflight(request)) {
        cors.append("Access-Control-Allow-Methods", "GET, POST, PUT, DELETE, PATCH");
        cors.append("Access-Control-Allow-Headers", "Content-Type");
        return noContent(cors);
    }
    return jsonOk(request, cors);
}

// The enable-cors.org nginx snippet: its header list has no Authorization.
LabResponse answerAuthNotAllowed(const RawHttpRequest &request, const LabContext &)
{
    HeaderList cors{{"Access-Control-Allow-Origin", "*"},
        {"Access-Control-Allow-Methods", "GET, POST, OPTIONS"},
        {"Access-Control-Allow-Headers",
            "DNT,User-Agent,X-Requested-With,If-Modified-Since,Cache-Control,Content-Type,Range"}};
    if (isPreflight(request)) {
        cors.append("Access-Control-Max-Age", "1728000");
        cors.append("Content-Type", "text/plain; charset=utf-8");
        cors.append("Content-Length", "0");
        return noContent(cors);
    }
    return jsonOk(request, cors);
}

// Django with CorsMiddleware below CommonMiddleware: APPEND_SLASH answers before CORS runs.
LabResponse answerAppendSlash(const RawHttpRequest &request, const LabContext &)
{
    LabResponse response;
    response.status = 301;
    response.reason = "Moved Permanently";
    const qsizetype question = request.target.indexOf('?');
    const QByteArray query = question < 0 ? QByteArray() : request.target.mid(question);
    response.headers
        = {{"Content-Type", "text/html; charset=utf-8"}, {"Location", request.path() + '/' + query}};
    return response;
}

// The slash URL behind the redirect: django-cors-headers doing its job.
LabResponse answerDjangoCors(const RawHttpRequest &request, const LabContext &)
{
    HeaderList cors = allowListedOriginHeaders(request);
    if (isPreflight(request)) {
        cors.append("Access-Control-Allow-Headers",
            "accept, authorization, content-type, user-agent, x-csrftoken, x-requested-with");
        cors.append("Access-Control-Allow-Methods", "DELETE, GET, OPTIONS, PATCH, POST, PUT");
        cors.append("Access-Control-Max-Age", "86400");
        cors.append("Content-Type", "text/html; charset=utf-8");
        LabResponse response;
        response.headers = cors;
        return response;
    }
    return jsonOk(request, cors);
}

// A correct redirect (it carries CORS headers) to the lab's other host name: a different origin, so
// the browser sends `Origin: null` there, which /ok's allow-list does not contain.
LabResponse answerRedirectCrossOrigin(const RawHttpRequest &request, const LabContext &context)
{
    const QByteArray host = request.headers.combinedValue("host").value_or(QByteArray());
    const QByteArray otherHost
        = host.startsWith("127.0.0.1") ? QByteArrayLiteral("localhost") : QByteArrayLiteral("127.0.0.1");
    const QByteArray origin = requestOrigin(request);
    LabResponse response;
    response.status = 302;
    response.reason = "Found";
    if (isAllowListed(origin)) {
        response.headers.append("Access-Control-Allow-Origin", origin);
        response.headers.append("Access-Control-Allow-Credentials", "true");
    }
    response.headers.append("Vary", "Origin");
    if (isPreflight(request)) {
        response.status = 204;
        response.reason = "No Content";
        response.headers.append("Access-Control-Allow-Methods", "GET, POST, PUT, DELETE");
        response.headers.append("Access-Control-Allow-Headers", "Content-Type, Authorization");
        return response;
    }
    response.headers.append(
        "Location", "http://" + otherHost + ':' + QByteArray::number(context.port) + "/ok");
    return response;
}

// Starlette: CORSMiddleware answers the preflight, but an unhandled exception becomes a bare 500
// from ServerErrorMiddleware, which sits outside CORS.
LabResponse answerError500(const RawHttpRequest &request, const LabContext &)
{
    const QByteArray origin = requestOrigin(request);
    if (isPreflight(request)) {
        LabResponse response;
        response.headers = {{"Vary", "Origin"},
            {"Access-Control-Allow-Methods", "DELETE, GET, HEAD, OPTIONS, PATCH, POST, PUT"},
            {"Access-Control-Max-Age", "600"}, {"Access-Control-Allow-Credentials", "true"},
            {"Access-Control-Allow-Headers", "Content-Type, Authorization"}};
        if (isAllowListed(origin))
            response.headers.append("Access-Control-Allow-Origin", origin);
        response.headers.append("Content-Type", "text/plain; charset=utf-8");
        response.body = "OK";
        return response;
    }
    LabResponse response;
    response.status = 500;
    response.reason = "Internal Server Error";
    response.headers = {{"Content-Type", "text/plain; charset=utf-8"}};
    response.body = "Internal Server Error";
    return response;
}

// A proxy adding `*` and the application reflecting the origin: two header lines.
LabResponse answerDoubleAllowOrigin(const RawHttpRequest &request, const LabContext &)
{
    HeaderList cors{{"Access-Control-Allow-Origin", "*"}};
    const QByteArray origin = requestOrigin(request);
    if (!origin.isEmpty())
        cors.append("Access-Control-Allow-Origin", origin);
    cors.append("Vary", "Origin");
    if (isPreflight(request)) {
        cors.append("Access-Control-Allow-Methods", "GET, POST, PUT, DELETE");
        cors.append("Access-Control-Allow-Headers", "Content-Type, Authorization");
        return noContent(cors);
    }
    return jsonOk(request, cors);
}

// /ok, late.
LabResponse answerSlow(const RawHttpRequest &request, const LabContext &context)
{
    LabResponse response = answerOk(request, context);
    const qsizetype question = request.target.indexOf('?');
    bool ok = false;
    const int ms = question < 0 ? -1
                                : QUrlQuery(QString::fromLatin1(request.target.mid(question + 1)))
                                      .queryItemValue(QStringLiteral("ms"))
                                      .toInt(&ok);
    response.delayMs = ok && ms >= 0 ? std::min(ms, LabServer::maxSlowDelayMs) : LabServer::slowDelayMs;
    return response;
}

struct Route
{
    QByteArray path;
    Answer answer;
};

const Route routes[] = {
    {"/ok", answerOk},
    {"/no-acao", answerNoAllowOrigin},
    {"/mismatch", answerMismatch},
    {"/wildcard-credentials", answerWildcardCredentials},
    {"/preflight-404", answerPreflight404},
    {"/preflight-405", answerPreflight405},
    {"/preflight-401", answerPreflight401},
    {"/method-not-allowed", answerMethodNotAllowed},
    {"/header-not-allowed", answerHeaderNotAllowed},
    {"/auth-not-allowed", answerAuthNotAllowed},
    {"/preflight-redirect", answerAppendSlash},
    {"/preflight-redirect/", answerDjangoCors},
    {"/redirect-cross-origin", answerRedirectCrossOrigin},
    {"/error-500", answerError500},
    {"/double-acao", answerDoubleAllowOrigin},
    {"/slow", answerSlow},
};

HeaderList headers(std::initializer_list<HeaderField> fields)
{
    return HeaderList(fields);
}

QJsonArray headersToJson(const HeaderList &list)
{
    QJsonArray array;
    for (const HeaderField &field : list)
        array.append(QJsonArray{QString::fromUtf8(field.name), QString::fromUtf8(field.value)});
    return array;
}

QByteArray indexJson()
{
    QJsonArray endpoints;
    for (const LabEndpoint &endpoint : LabServer::endpoints()) {
        QJsonObject object{{QStringLiteral("path"), QString::fromUtf8(endpoint.path)},
            {QStringLiteral("title"), endpoint.title},
            {QStringLiteral("demonstrates"), endpoint.demonstrates},
            {QStringLiteral("method"), QString::fromUtf8(endpoint.method)},
            {QStringLiteral("headers"), headersToJson(endpoint.headers)},
            {QStringLiteral("credentials"), credentialsModeName(endpoint.credentials)}};
        if (!endpoint.body.isEmpty())
            object.insert(QStringLiteral("body"), QString::fromUtf8(endpoint.body));
        endpoints.append(object);
    }
    const QJsonObject root{{QStringLiteral("lab"), QStringLiteral("corscope CORS lab")},
        {QStringLiteral("pageOrigin"), QString::fromUtf8(LabServer::pageOrigin())},
        {QStringLiteral("endpoints"), endpoints}};
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

QByteArray indexHtml()
{
    QString html = QStringLiteral(
        "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>corscope CORS lab</title></head><body>\n"
        "<h1>corscope CORS lab</h1>\n<p>Each endpoint reproduces one CORS failure for a page at <code>");
    html += QString::fromUtf8(LabServer::pageOrigin()).toHtmlEscaped();
    html += QStringLiteral("</code>. Check one with <code>corscope check URL --origin ORIGIN</code>.</p>\n"
                           "<table border=\"1\" cellpadding=\"4\">\n"
                           "<tr><th>Path</th><th>Problem</th><th>Trigger</th></tr>\n");
    for (const LabEndpoint &endpoint : LabServer::endpoints()) {
        QString trigger = QString::fromUtf8(endpoint.method);
        for (const HeaderField &field : endpoint.headers)
            trigger += u"<br>" + QString::fromUtf8(field.name + ": " + field.value).toHtmlEscaped();
        if (endpoint.credentials == CredentialsMode::Include)
            trigger += QStringLiteral("<br>credentials: include");
        html += u"<tr><td><code>" + QString::fromUtf8(endpoint.path).toHtmlEscaped() + u"</code></td><td><b>"
            + endpoint.title.toHtmlEscaped() + u"</b><br>" + endpoint.demonstrates.toHtmlEscaped()
            + u"</td><td>" + trigger + u"</td></tr>\n";
    }
    html += QStringLiteral("</table>\n</body></html>\n");
    return html.toUtf8();
}

LabResponse answerIndexOrNotFound(const RawHttpRequest &request)
{
    LabResponse response;
    response.headers = {{"Access-Control-Allow-Origin", "*"}};
    if (request.path() != "/") {
        response.status = 404;
        response.reason = "Not Found";
        response.headers.append("Content-Type", "application/json");
        response.body = "{\"error\":\"no such lab endpoint, GET / lists them\"}\n";
        return response;
    }
    const QByteArray accept = request.headers.combinedValue("accept").value_or(QByteArray());
    if (accept.contains("text/html")) {
        response.headers.append("Content-Type", "text/html; charset=utf-8");
        response.body = indexHtml();
    } else {
        response.headers.append("Content-Type", "application/json");
        response.body = indexJson();
    }
    return response;
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
    const LabContext context{port()};
    const QByteArray path = request.path();
    LabResponse response;
    const auto route = std::find_if(std::begin(routes), std::end(routes),
        [&path](const Route &candidate) { return candidate.path == path; });
    response = route != std::end(routes) ? route->answer(request, context) : answerIndexOrNotFound(request);

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
