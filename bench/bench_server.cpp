// A loopback CORS server for bench/check-vs-curl.sh: OPTIONS gets a passing preflight, PUT gets 200
// with CORS headers, anything else 405. Listens on 127.0.0.1 (port from argv[1], default: a free
// one), prints the port on stdout, then serves until it is killed.
#include "net/rawhttpserver.h"

#include <QCoreApplication>
#include <cstdio>

using namespace corscope;

namespace {
void answer(const RawHttpRequest &request, RawHttpResponder &responder)
{
    const QByteArray origin
        = request.headers.combinedValue(QByteArrayLiteral("origin")).value_or(QByteArrayLiteral("*"));
    HeaderList headers;
    headers.append(QByteArrayLiteral("Access-Control-Allow-Origin"), origin);
    headers.append(QByteArrayLiteral("Access-Control-Allow-Credentials"), QByteArrayLiteral("true"));
    headers.append(QByteArrayLiteral("Vary"), QByteArrayLiteral("Origin"));
    if (request.method == "OPTIONS") {
        headers.append(
            QByteArrayLiteral("Access-Control-Allow-Methods"), QByteArrayLiteral("GET, PUT, DELETE"));
        headers.append(QByteArrayLiteral("Access-Control-Allow-Headers"),
            QByteArrayLiteral("content-type, authorization"));
        headers.append(QByteArrayLiteral("Access-Control-Max-Age"), QByteArrayLiteral("600"));
        responder.respond(204, QByteArrayLiteral("No Content"), headers);
        return;
    }
    if (request.method == "PUT") {
        headers.append(QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json"));
        headers.append(QByteArrayLiteral("Access-Control-Expose-Headers"), QByteArrayLiteral("ETag"));
        headers.append(QByteArrayLiteral("ETag"), QByteArrayLiteral("\"v1\""));
        responder.respond(200, QByteArrayLiteral("OK"), headers, QByteArrayLiteral("{\"ok\":true}\n"));
        return;
    }
    headers.append(QByteArrayLiteral("Allow"), QByteArrayLiteral("OPTIONS, PUT"));
    responder.respond(405, QByteArrayLiteral("Method Not Allowed"), headers);
}
} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const quint16 port = argc > 1 ? quint16(QByteArray(argv[1]).toUShort()) : 0;
    RawHttpServer server;
    server.setHandler(&answer);
    // The recorded requests would grow without bound over a long run; nobody reads them here.
    QObject::connect(
        &server, &RawHttpServer::requestReceived, &server, [&server] { server.clearRequests(); });
    if (!server.listen(QHostAddress(QHostAddress::LocalHost), port)) {
        std::fprintf(stderr, "bench_server: %s\n", qPrintable(server.errorString()));
        return 1;
    }
    std::printf("%u\n", unsigned(server.port()));
    std::fflush(stdout);
    return QCoreApplication::exec();
}
