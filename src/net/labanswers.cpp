#include "net/labanswers.h"

#include "net/labserver.h"
#include "net/rawhttprequest.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrlQuery>

#include <algorithm>

namespace corscope {

namespace {

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

// An origin allow-list whose preflight answer grants these methods and request headers.
LabResponse allowListGranting(const RawHttpRequest &request, const QByteArray &methods, const QByteArray &headers)
{
    HeaderList cors = allowListedOriginHeaders(request);
    if (isPreflight(request)) {
        cors.append("Access-Control-Allow-Methods", methods);
        cors.append("Access-Control-Allow-Headers", headers);
        return noContent(cors);
    }
    return jsonOk(request, cors);
}

// An allow-list that forgot the write methods.
LabResponse answerMethodNotAllowed(const RawHttpRequest &request, const LabContext &)
{
    return allowListGranting(request, "GET, POST", "Content-Type, Authorization, X-Trace");
}

// Allowed headers listed by hand, Content-Type only.
LabResponse answerHeaderNotAllowed(const RawHttpRequest &request, const LabContext &)
{
    return allowListGranting(request, "GET, POST, PUT, DELETE, PATCH", "Content-Type");
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

LabResponse answerLabRequest(const RawHttpRequest &request, const LabContext &context)
{
    const QByteArray path = request.path();
    const auto route = std::find_if(std::begin(routes), std::end(routes),
        [&path](const Route &candidate) { return candidate.path == path; });
    return route != std::end(routes) ? route->answer(request, context) : answerIndexOrNotFound(request);
}

} // namespace corscope
