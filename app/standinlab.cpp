#include "standinlab.h"

#include "net/rawhttpserver.h"

namespace corscope {

namespace {
const QString pageOrigin = QStringLiteral("http://localhost:3000");

HeaderList jsonHeaders(const QByteArray &allowOrigin = {})
{
    HeaderList headers{{QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")}};
    if (!allowOrigin.isEmpty()) {
        headers.append(QByteArrayLiteral("Access-Control-Allow-Origin"), allowOrigin);
        headers.append(QByteArrayLiteral("Vary"), QByteArrayLiteral("Origin"));
    }
    return headers;
}
} // namespace

StandInLab::StandInLab(QObject *parent)
    : QObject(parent)
    , m_server(new RawHttpServer(this))
{
    const QByteArray body = QByteArrayLiteral("{\"items\":[{\"id\":1,\"name\":\"first\"},{\"id\":2,\"name\":\"second\"}]}");
    m_server->route(QByteArrayLiteral("/no-acao"), [body](const RawHttpRequest &, RawHttpResponder &responder) {
        responder.respond(200, QByteArrayLiteral("OK"), jsonHeaders(), body);
    });
    m_server->route(QByteArrayLiteral("/ok"), [body](const RawHttpRequest &request, RawHttpResponder &responder) {
        responder.respond(200, QByteArrayLiteral("OK"),
                          jsonHeaders(request.headers.combinedValue(QByteArrayLiteral("origin")).value_or(QByteArray())),
                          body);
    });
    m_server->route(QByteArrayLiteral("/preflight-401"), [body](const RawHttpRequest &request, RawHttpResponder &responder) {
        if (request.method == "OPTIONS") {
            responder.respond(401, QByteArrayLiteral("Unauthorized"),
                              {{QByteArrayLiteral("WWW-Authenticate"), QByteArrayLiteral("Bearer")}});
            return;
        }
        responder.respond(200, QByteArrayLiteral("OK"), jsonHeaders(pageOrigin.toUtf8()), body);
    });
    m_server->route(QByteArrayLiteral("/header-not-allowed"), [body](const RawHttpRequest &request,
                                                                     RawHttpResponder &responder) {
        if (request.method == "OPTIONS") {
            responder.respond(204, QByteArrayLiteral("No Content"),
                              {{QByteArrayLiteral("Access-Control-Allow-Origin"), pageOrigin.toUtf8()},
                               {QByteArrayLiteral("Access-Control-Allow-Methods"), QByteArrayLiteral("GET, POST")},
                               {QByteArrayLiteral("Access-Control-Allow-Headers"), QByteArrayLiteral("Content-Type")}});
            return;
        }
        responder.respond(200, QByteArrayLiteral("OK"), jsonHeaders(pageOrigin.toUtf8()), body);
    });
}

StandInLab::~StandInLab() = default;

bool StandInLab::start(QString *error)
{
    if (m_server->listen())
        return true;
    if (error)
        *error = m_server->errorString();
    return false;
}

QList<ExampleRequest> StandInLab::examples() const
{
    auto make = [this](const QString &title, const QString &description, const QString &method, const QString &path,
                       const QStringList &headers, const QByteArray &body = {}) {
        ExampleRequest example;
        example.title = title;
        example.description = description;
        example.input.method = method;
        example.input.url = QString::fromUtf8(m_server->url(path).toEncoded());
        example.input.origin = pageOrigin;
        example.input.headerLines = headers;
        example.input.body = body;
        return example;
    };
    return {
        make(QStringLiteral("Missing Access-Control-Allow-Origin"),
             QStringLiteral("A GET whose response has no CORS headers at all"), QStringLiteral("GET"),
             QStringLiteral("/no-acao"), {}),
        make(QStringLiteral("Preflight answered with 401"),
             QStringLiteral("An authenticated PUT whose OPTIONS preflight is refused by the auth layer"),
             QStringLiteral("PUT"), QStringLiteral("/preflight-401"),
             {QStringLiteral("Authorization: Bearer demo-token"), QStringLiteral("Content-Type: application/json")},
             QByteArrayLiteral("{\"name\":\"renamed\"}")),
        make(QStringLiteral("Header not allowed"),
             QStringLiteral("A POST with X-Trace-Id that the preflight does not allow"), QStringLiteral("POST"),
             QStringLiteral("/header-not-allowed"),
             {QStringLiteral("Content-Type: application/json"), QStringLiteral("X-Trace-Id: 42")},
             QByteArrayLiteral("{\"q\":1}")),
        make(QStringLiteral("Correct configuration"), QStringLiteral("A GET the server allows"), QStringLiteral("GET"),
             QStringLiteral("/ok"), {}),
    };
}

} // namespace corscope
