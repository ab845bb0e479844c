// `corscope check`, end to end: the real binary against an in-process RawHttpServer reached through
// --resolve api.test:<port>:127.0.0.1, so URL, Host and Origin are the ones a browser would use.
#include "corscopeprocess.h"

#include "net/rawhttpserver.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace corscope;
using namespace corscope::testing;
using namespace Qt::StringLiterals;

namespace {
const QString pageOrigin = QStringLiteral("http://app.test:3000");
const QByteArray pageOriginBytes = QByteArrayLiteral("http://app.test:3000");

enum class Target { Server, ClosedPort };

// Answers OPTIONS with preflightStatus and preflightHeaders, anything else with 200 and actualHeaders.
RawHttpServer::Handler corsRoute(const HeaderList &preflightHeaders, const HeaderList &actualHeaders,
                                 int preflightStatus = 204)
{
    return [=](const RawHttpRequest &request, RawHttpResponder &responder) {
        if (request.method == "OPTIONS") {
            responder.respond(preflightStatus, preflightStatus == 204 ? QByteArrayLiteral("No Content")
                                                                      : QByteArrayLiteral("Forbidden"),
                              preflightHeaders);
        } else {
            responder.respond(200, "OK", actualHeaders, "ok");
        }
    };
}

QStringList lines(const QByteArray &text)
{
    return QString::fromUtf8(text).split(u'\n');
}
} // namespace

Q_DECLARE_METATYPE(Target)

class tst_CheckCommand final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();

    void exitCodeAndVerdict_data();
    void exitCodeAndVerdict();
    void badInputIsRefusedBeforeSending_data();
    void badInputIsRefusedBeforeSending();
    void urlsThatFetchAcceptsAreSent_data();
    void urlsThatFetchAcceptsAreSent();
    void jsonOfAPreflightedRequest();
    void jsonOfASimpleRequest();
    void jsonOfABlockedRequest();
    void credentialsMode_data();
    void credentialsMode();
    void dataFileIsSentAsTheBody();
    void headerValuesAreNormalizedLikeFetch();
    void textOutputOfABlockedRequest();
    void colorsOnlyOnATerminal_data();
    void colorsOnlyOnATerminal();
    void textOutputOfAnAllowedRequest();
    void serverTextCannotControlTheTerminal_data();
    void serverTextCannotControlTheTerminal();
    void helpExitsZero_data();
    void helpExitsZero();

private:
    QString url(const QString &path, quint16 port = 0) const
    {
        return QStringLiteral("http://api.test:%1%2").arg(port ? port : m_server.port()).arg(path);
    }
    QStringList checkArguments(const QString &path, const QStringList &extra, quint16 port = 0) const
    {
        const quint16 effective = port ? port : m_server.port();
        return QStringList{QStringLiteral("check"), url(path, effective), QStringLiteral("--origin"), pageOrigin,
                           QStringLiteral("--resolve"), QStringLiteral("api.test:%1:127.0.0.1").arg(effective),
                           QStringLiteral("--timeout"), QStringLiteral("5")}
            + extra;
    }
    QList<RawHttpRequest> requestsWithMethod(const QByteArray &method) const
    {
        QList<RawHttpRequest> matching;
        for (const RawHttpRequest &request : m_server.requests()) {
            if (request.method == method)
                matching.append(request);
        }
        return matching;
    }

    RawHttpServer m_server;
    QTemporaryDir m_dir;
};

void tst_CheckCommand::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY2(QFile::exists(QStringLiteral(CORSCOPE_BIN)), CORSCOPE_BIN);
    QVERIFY(m_dir.isValid());
    QVERIFY2(m_server.listen(QHostAddress(QHostAddress::LocalHost), 0), qPrintable(m_server.errorString()));

    const HeaderList allowAll{{"Access-Control-Allow-Origin", pageOriginBytes},
                              {"Access-Control-Allow-Methods", "GET, POST, PUT, DELETE"},
                              {"Access-Control-Allow-Headers", "X-Custom, Content-Type, X-Trace"},
                              {"Access-Control-Allow-Credentials", "true"},
                              {"Vary", "Origin"}};
    // No Vary on the actual response: the vary-origin-missing warning is expected.
    const HeaderList actualAllowed{{"Access-Control-Allow-Origin", pageOriginBytes},
                                   {"Access-Control-Allow-Credentials", "true"},
                                   {"Access-Control-Expose-Headers", "X-Request-Id"},
                                   {"X-Request-Id", "42"},
                                   {"X-Hidden", "secret"},
                                   {"Content-Type", "text/plain"}};
    m_server.route("/open", corsRoute(allowAll, actualAllowed));
    m_server.setHandler(corsRoute(allowAll, actualAllowed)); // any other path: allowed as well
    m_server.route("/no-acao", corsRoute({}, {{"Content-Type", "text/plain"}}));
    m_server.route("/no-allow-headers",
                   corsRoute({{"Access-Control-Allow-Origin", pageOriginBytes}, {"Access-Control-Allow-Methods", "PUT"}},
                             {{"Access-Control-Allow-Origin", pageOriginBytes}}));
    m_server.route("/wildcard", corsRoute({{"Access-Control-Allow-Origin", "*"}},
                                          {{"Access-Control-Allow-Origin", "*"},
                                           {"Access-Control-Allow-Credentials", "true"}}));
    m_server.route("/preflight-forbidden", corsRoute(allowAll, actualAllowed, 403));
    m_server.route("/reset", [](const RawHttpRequest &, RawHttpResponder &responder) { responder.reset(); });
    m_server.route("/close", [](const RawHttpRequest &, RawHttpResponder &responder) { responder.close(); });
    m_server.route("/not-http", [](const RawHttpRequest &, RawHttpResponder &responder) {
        responder.write("HELLO THERE\r\n\r\n");
        responder.close();
    });
    m_server.route("/silent", [](const RawHttpRequest &, RawHttpResponder &) {});
    // A hostile server: escape sequences (set the window title, clear the screen, recolour) and other
    // control characters in what it sends.
    m_server.route("/evil-allow-origin",
                   corsRoute({}, {{"Access-Control-Allow-Origin", "http://evil.test\x1b]0;pwned\x07\x1b[2J"}}));
    m_server.route("/evil-location", [](const RawHttpRequest &, RawHttpResponder &responder) {
        responder.respond(302, "Found",
                          {{"Location", "/open?\x1b[31mred\x1b[0m"}, {"Access-Control-Allow-Origin", pageOriginBytes}});
    });
}

void tst_CheckCommand::init()
{
    m_server.clearRequests();
}

void tst_CheckCommand::exitCodeAndVerdict_data()
{
    QTest::addColumn<Target>("target");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QStringList>("extra");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("verdict");
    QTest::addColumn<QString>("stage");
    QTest::addColumn<QString>("check");
    QTest::addColumn<QString>("header");

    const QStringList putWithCustomHeader{QStringLiteral("-X"), QStringLiteral("PUT"), QStringLiteral("-H"),
                                          QStringLiteral("X-Custom: 1")};
    QTest::newRow("a simple GET answered with the page origin is allowed")
        << Target::Server << u"/open"_s << QStringList() << 0 << u"allowed"_s << QString() << QString()
        << QString();
    QTest::newRow("a PUT with a header the preflight allows is allowed")
        << Target::Server << u"/open"_s << putWithCustomHeader << 0 << u"allowed"_s << QString() << QString()
        << QString();
    QTest::newRow("a GET answered without Access-Control-Allow-Origin is blocked")
        << Target::Server << u"/no-acao"_s << QStringList() << 1 << u"blocked"_s << u"actual"_s
        << u"missing-allow-origin"_s << u"Access-Control-Allow-Origin"_s;
    QTest::newRow("a PUT with a header the preflight does not allow is blocked")
        << Target::Server << u"/no-allow-headers"_s << putWithCustomHeader << 1 << u"blocked"_s
        << u"preflight"_s << u"header-disallowed"_s << u"Access-Control-Allow-Headers"_s;
    QTest::newRow("a credentialed GET answered with the wildcard origin is blocked")
        << Target::Server << u"/wildcard"_s << QStringList{QStringLiteral("--credentials"), QStringLiteral("include")}
        << 1 << u"blocked"_s << u"actual"_s << u"wildcard-origin-with-credentials"_s
        << u"Access-Control-Allow-Origin"_s;
    QTest::newRow("a preflight answered 403 is blocked")
        << Target::Server << u"/preflight-forbidden"_s << putWithCustomHeader << 1 << u"blocked"_s
        << u"preflight"_s << u"preflight-invalid-status"_s << QString();
    QTest::newRow("a closed port is a network error")
        << Target::ClosedPort << u"/open"_s << QStringList() << 3 << u"network-error"_s << QString()
        << u"network-error"_s << QString();
    QTest::newRow("a server that resets the connection is a network error")
        << Target::Server << u"/reset"_s << QStringList() << 3 << u"network-error"_s << QString()
        << u"network-error"_s << QString();
    QTest::newRow("a server that closes the connection without answering is a network error")
        << Target::Server << u"/close"_s << QStringList() << 3 << u"network-error"_s << QString()
        << u"network-error"_s << QString();
    QTest::newRow("a server that answers something that is not HTTP is a network error")
        << Target::Server << u"/not-http"_s << QStringList() << 3 << u"network-error"_s << QString()
        << u"network-error"_s << QString();
    QTest::newRow("a server that never answers is a network error after --timeout")
        << Target::Server << u"/silent"_s << QStringList{u"--timeout"_s, u"1"_s} << 3 << u"network-error"_s
        << QString() << u"network-error"_s << QString();
}

void tst_CheckCommand::exitCodeAndVerdict()
{
    QFETCH(Target, target);
    QFETCH(QString, path);
    QFETCH(QStringList, extra);
    QFETCH(int, exitCode);
    QFETCH(QString, verdict);
    QFETCH(QString, stage);
    QFETCH(QString, check);
    QFETCH(QString, header);

    quint16 port = 0;
    if (target == Target::ClosedPort) {
        port = closedPort();
        QVERIFY(port != 0);
    }
    const CorscopeRun run =
        runCorscope(checkArguments(path, extra + QStringList{QStringLiteral("--format"), QStringLiteral("json")}, port));
    QVERIFY2(run.finished, qPrintable(run.describe()));
    QCOMPARE(run.exitStatus, QProcess::NormalExit);
    QVERIFY2(run.exitCode == exitCode, qPrintable(run.describe()));

    QString error;
    const QJsonObject json = parseObject(run.out, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error + u'\n' + run.describe()));
    QCOMPARE(json.value(u"verdict").toString(), verdict);
    const QJsonValue failure = json.value(u"failure");
    if (check.isEmpty()) {
        QVERIFY2(failure.isNull(), qPrintable(run.describe()));
        return;
    }
    QVERIFY2(failure.isObject(), qPrintable(run.describe()));
    QCOMPARE(failure[u"check"].toString(), check);
    if (!stage.isEmpty())
        QCOMPARE(failure[u"stage"].toString(), stage);
    if (!header.isEmpty())
        QCOMPARE(failure[u"header"].toString().toLower(), header.toLower());
}

void tst_CheckCommand::badInputIsRefusedBeforeSending_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");

    const QString origin = QStringLiteral("--origin");
    const QString header = QStringLiteral("-H");
    const QString resolve = QStringLiteral("--resolve");
    const QString resolveArgument = QStringLiteral("api.test:%1:127.0.0.1").arg(m_server.port());
    const QString check = QStringLiteral("check");
    const QString target = url(QStringLiteral("/open"));
    auto withHeader = [this, &header](const QString &line) {
        return checkArguments(QStringLiteral("/open"), {header, line});
    };
    auto with = [this](const QStringList &extra) { return checkArguments(QStringLiteral("/open"), extra); };

    QTest::newRow("a CR LF in a header value would inject a header line")
        << withHeader(QStringLiteral("X-Custom: a\r\nInjected: 1")) << u"line break"_s;
    QTest::newRow("a bare LF in a header value would inject a header line")
        << withHeader(QStringLiteral("X-Custom: a\nInjected: 1")) << u"line break"_s;
    QTest::newRow("a header name with a space is not a token")
        << withHeader(QStringLiteral("X Custom: 1")) << u"is not a valid header name"_s;
    QTest::newRow("a header line without a colon is not a header")
        << withHeader(QStringLiteral("X-Custom 1")) << u"is not a header"_s;
    QTest::newRow("Cookie is a forbidden header") << withHeader(QStringLiteral("Cookie: a=1"))
                                                  << u"Cookie is a forbidden request header"_s;
    QTest::newRow("Host is a forbidden header") << withHeader(QStringLiteral("Host: evil.test"))
                                                << u"Host is a forbidden request header"_s;
    QTest::newRow("a Sec- header is forbidden") << withHeader(QStringLiteral("Sec-Foo: 1"))
                                                << u"Sec-Foo is a forbidden request header"_s;
    QTest::newRow("a Proxy- header is forbidden") << withHeader(QStringLiteral("Proxy-Foo: 1"))
                                                  << u"Proxy-Foo is a forbidden request header"_s;
    QTest::newRow("a URL with a space in the host is malformed")
        << QStringList{check, QStringLiteral("http://exa mple.com/"), origin, pageOrigin, resolve, resolveArgument}
        << u"exa mple.com"_s;
    QTest::newRow("a malformed URL is quoted as typed in the message")
        << QStringList{check, QStringLiteral("http://exa mple.com/"), origin, pageOrigin, resolve, resolveArgument}
        << u"'http://exa mple.com/' is not a valid absolute URL"_s;
    QTest::newRow("a word is not a URL")
        << QStringList{check, QStringLiteral("notaurl"), origin, pageOrigin, resolve, resolveArgument}
        << u"'notaurl' is not a valid absolute URL"_s;
    QTest::newRow("an ftp URL is not an http URL")
        << QStringList{check, QStringLiteral("ftp://api.test:%1/open").arg(m_server.port()), origin, pageOrigin,
                       resolve, resolveArgument}
        << u"is not an http or https URL"_s;
    QTest::newRow("a URL with a user name is refused")
        << QStringList{check, QStringLiteral("http://user:pw@api.test:%1/open").arg(m_server.port()), origin,
                       pageOrigin, resolve, resolveArgument}
        << u"user name or password"_s;
    QTest::newRow("no URL at all") << QStringList{check, origin, pageOrigin} << u"Give exactly one URL"_s;
    QTest::newRow("two URLs") << QStringList{check, target, target, origin, pageOrigin, resolve, resolveArgument}
                              << u"Give exactly one URL"_s;
    QTest::newRow("an origin with a path is not an origin")
        << QStringList{check, target, origin, QStringLiteral("http://app.test:3000/path"), resolve, resolveArgument}
        << u"has a path, query or fragment"_s;
    QTest::newRow("an origin without a scheme is not an origin")
        << QStringList{check, target, origin, QStringLiteral("app.test"), resolve, resolveArgument}
        << u"'app.test' is not an http(s) origin"_s;
    QTest::newRow("a missing origin is refused")
        << QStringList{check, target, resolve, resolveArgument} << u"No page origin given"_s;
    QTest::newRow("an unknown credentials mode is refused")
        << with({QStringLiteral("--credentials"), QStringLiteral("always")}) << u"Unknown credentials mode 'always'"_s;
    QTest::newRow("an unknown redirect mode is refused")
        << with({QStringLiteral("--redirect"), QStringLiteral("maybe")}) << u"Unknown redirect mode 'maybe'"_s;
    QTest::newRow("an unknown browser is refused")
        << with({QStringLiteral("--browser"), QStringLiteral("netscape")}) << u"Unknown browser 'netscape'"_s;
    QTest::newRow("an unknown output format is refused")
        << with({QStringLiteral("--format"), QStringLiteral("xml")}) << u"Unknown --format 'xml'"_s;
    QTest::newRow("a body given both inline and from a file is refused")
        << with({QStringLiteral("-X"), QStringLiteral("POST"), QStringLiteral("--data"), QStringLiteral("a"),
                 QStringLiteral("--data-file"), m_dir.filePath(QStringLiteral("body.bin"))})
        << u"Use either --data or --data-file, not both"_s;
    QTest::newRow("an unreadable data file is refused")
        << with({QStringLiteral("-X"), QStringLiteral("POST"), QStringLiteral("--data-file"),
                 m_dir.filePath(QStringLiteral("does-not-exist.bin"))})
        << u"Cannot read --data-file"_s;
    QTest::newRow("a GET with a body is refused like fetch() does")
        << with({QStringLiteral("--data"), QStringLiteral("a=1")}) << u"GET or HEAD request with a body"_s;
    QTest::newRow("a method with a space is not a method")
        << with({QStringLiteral("-X"), QStringLiteral("GE T")}) << u"is not a valid HTTP method"_s;
    QTest::newRow("TRACE is a forbidden method")
        << with({QStringLiteral("-X"), QStringLiteral("TRACE")}) << u"CONNECT, TRACE and TRACK are forbidden"_s;
    QTest::newRow("a resolve entry with a port that is not a number is refused")
        << QStringList{check, target, origin, pageOrigin, resolve, QStringLiteral("api.test:http:127.0.0.1")}
        << u"the port 'http' is not a number"_s;
    QTest::newRow("a resolve entry with a host name as the address is refused")
        << QStringList{check, target, origin, pageOrigin, resolve,
                       QStringLiteral("api.test:%1:localhost").arg(m_server.port())}
        << u"'localhost' is not an IPv4 or IPv6 address"_s;
    QTest::newRow("a resolve entry with two fields is refused")
        << QStringList{check, target, origin, pageOrigin, resolve, QStringLiteral("api.test:127.0.0.1")}
        << u"expected host:port:address"_s;
    QTest::newRow("a timeout that is not a number is refused")
        << with({QStringLiteral("--timeout"), QStringLiteral("soon")}) << u"--timeout must be a number"_s;
    QTest::newRow("an unknown option is refused") << with({QStringLiteral("--bogus")}) << u"bogus"_s;
}

void tst_CheckCommand::badInputIsRefusedBeforeSending()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);

    // The file exists, so only the combination with --data is at fault in that row.
    QFile body(m_dir.filePath(QStringLiteral("body.bin")));
    QVERIFY(body.open(QIODevice::WriteOnly));
    body.write("payload");
    body.close();

    const int connectionsBefore = m_server.acceptedConnectionCount();
    const CorscopeRun run = runCorscope(arguments);
    QVERIFY2(run.finished, qPrintable(run.describe()));
    QCOMPARE(run.exitStatus, QProcess::NormalExit);
    QVERIFY2(run.exitCode == 2, qPrintable(run.describe()));
    const QString stderrText = QString::fromUtf8(run.err);
    QVERIFY2(stderrText.contains(message), qPrintable(run.describe()));
    QVERIFY2(run.out.isEmpty(), qPrintable(run.describe()));
    // A connection the child opened would be pending in the listen queue: give it a moment to show up.
    QTest::qWait(20);
    QVERIFY2(m_server.requests().isEmpty(), m_server.requests().value(0).head.constData());
    QCOMPARE(m_server.acceptedConnectionCount(), connectionsBefore);
}

// fetch() parses with the WHATWG URL parser, which percent-encodes what it cannot send as is instead of
// refusing the URL; the request-target is what Chromium 156 puts on the wire.
void tst_CheckCommand::urlsThatFetchAcceptsAreSent_data()
{
    QTest::addColumn<QString>("pathAndQuery");
    QTest::addColumn<QByteArray>("target");

    QTest::newRow("a fragment is not sent") << u"/open#top"_s << QByteArray("/open");
    QTest::newRow("dot segments are removed") << u"/a/../open"_s << QByteArray("/open");
    QTest::newRow("a non-ASCII query is sent as UTF-8 percent-encoded") << u"/open?q=\u00e9"_s
                                                                        << QByteArray("/open?q=%C3%A9");
    QTest::newRow("a space in the query is percent-encoded") << u"/open?q=a b"_s << QByteArray("/open?q=a%20b");
    QTest::newRow("a space in the path is percent-encoded") << u"/op en"_s << QByteArray("/op%20en");
    QTest::newRow("a double quote in the query is percent-encoded") << u"/open?q=\"x\""_s
                                                                    << QByteArray("/open?q=%22x%22");
    QTest::newRow("angle brackets in the query are percent-encoded") << u"/open?q=<b>"_s
                                                                     << QByteArray("/open?q=%3Cb%3E");
}

void tst_CheckCommand::urlsThatFetchAcceptsAreSent()
{
    QFETCH(QString, pathAndQuery);
    QFETCH(QByteArray, target);
    const CorscopeRun run = runCorscope(checkArguments(pathAndQuery, {}));
    QVERIFY2(run.finished, qPrintable(run.describe()));
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    const QList<RawHttpRequest> received = m_server.requests();
    QCOMPARE(received.size(), 1);
    QCOMPARE(received.at(0).target, target);
}

void tst_CheckCommand::jsonOfAPreflightedRequest()
{
    const CorscopeRun run = runCorscope(checkArguments(
        QStringLiteral("/open"),
        {QStringLiteral("-X"), QStringLiteral("PUT"), QStringLiteral("-H"), QStringLiteral("X-Trace: abc"),
         QStringLiteral("-H"), QStringLiteral("Content-Type: application/json"), QStringLiteral("-H"),
         QStringLiteral("X-Custom: 1"), QStringLiteral("--data"), QStringLiteral("{\"a\":1}"),
         QStringLiteral("--format"), QStringLiteral("json")}));
    QVERIFY2(run.finished, qPrintable(run.describe()));
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    QString error;
    const QJsonObject json = parseObject(run.out, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error + u'\n' + run.describe()));

    QCOMPARE(json.value(u"verdict").toString(), u"allowed"_s);
    QVERIFY(json.contains(u"failure"));
    QVERIFY(json.value(u"failure").isNull());
    QCOMPARE(json.value(u"request")[u"credentials"].toString(), u"same-origin"_s);
    QCOMPARE(json.value(u"request")[u"method"].toString(), u"PUT"_s);

    const QJsonObject preflight = json.value(u"preflight").toObject();
    QVERIFY2(!preflight.isEmpty(), qPrintable(run.describe()));
    QCOMPARE(preflight.value(u"sent"), QJsonValue(true));
    QCOMPARE(preflight.value(u"request")[u"method"].toString(), u"OPTIONS"_s);
    const QJsonValue preflightHeaders = preflight.value(u"request")[u"headers"];
    QVERIFY(isListOfPairs(preflightHeaders));
    QCOMPARE(pairValues(preflightHeaders.toArray(), u"Origin"_s), QStringList{pageOrigin});
    QCOMPARE(pairValues(preflightHeaders.toArray(), u"Access-Control-Request-Method"_s), QStringList{u"PUT"_s});
    QCOMPARE(pairValues(preflightHeaders.toArray(), u"Access-Control-Request-Headers"_s),
             QStringList{u"content-type,x-custom,x-trace"_s});
    QCOMPARE(preflight.value(u"response")[u"status"].toInt(), 204);
    QVERIFY(isListOfPairs(preflight.value(u"response")[u"headers"]));
    QCOMPARE(pairValues(preflight.value(u"response")[u"headers"].toArray(), u"Access-Control-Allow-Methods"_s),
             QStringList{u"GET, POST, PUT, DELETE"_s});
    const QJsonValue totalMs = preflight.value(u"timings")[u"totalMs"];
    QVERIFY2(totalMs.isDouble() && totalMs.toDouble() >= 0, qPrintable(run.describe()));

    const QJsonArray hops = json.value(u"hops").toArray();
    QCOMPARE(hops.size(), 2);
    QCOMPARE(hops.at(0)[u"request"][u"method"].toString(), u"OPTIONS"_s);
    QCOMPARE(hops.at(1)[u"request"][u"method"].toString(), u"PUT"_s);
    QCOMPARE(hops.at(1)[u"response"][u"status"].toInt(), 200);
    QVERIFY(json.value(u"readableHeaders").isArray());
    QVERIFY(json.value(u"warnings").isArray());

    // What the server really received: the preflight first, with exactly these values and no credentials,
    // then the PUT with the script's headers and body.
    const QList<RawHttpRequest> received = m_server.requests();
    QCOMPARE(received.size(), 2);
    const RawHttpRequest &options = received.at(0);
    QCOMPARE(options.method, QByteArrayLiteral("OPTIONS"));
    QCOMPARE(options.path(), QByteArrayLiteral("/open"));
    QCOMPARE(options.headers.values("origin"), QList<QByteArray>{pageOriginBytes});
    QCOMPARE(options.headers.values("access-control-request-method"), QList<QByteArray>{"PUT"});
    QCOMPARE(options.headers.values("access-control-request-headers"),
             QList<QByteArray>{"content-type,x-custom,x-trace"});
    QCOMPARE(options.headers.values("host"), QList<QByteArray>{QByteArray("api.test:" + QByteArray::number(m_server.port()))});
    QVERIFY(!options.headers.contains("cookie"));
    QVERIFY(!options.headers.contains("authorization"));
    QVERIFY2(!options.headers.contains("x-custom"), "the preflight must not carry the script's headers");
    QVERIFY(options.body.isEmpty());

    const RawHttpRequest &put = received.at(1);
    QCOMPARE(put.method, QByteArrayLiteral("PUT"));
    QCOMPARE(put.headers.values("origin"), QList<QByteArray>{pageOriginBytes});
    QCOMPARE(put.headers.values("x-custom"), QList<QByteArray>{"1"});
    QCOMPARE(put.headers.values("x-trace"), QList<QByteArray>{"abc"});
    QCOMPARE(put.headers.values("content-type"), QList<QByteArray>{"application/json"});
    QVERIFY(!put.headers.contains("access-control-request-method"));
    QCOMPARE(put.body, QByteArrayLiteral("{\"a\":1}"));

    // The JSON shows the preflight as it was put on the wire.
    for (const char *name : {"origin", "access-control-request-method", "access-control-request-headers"}) {
        const QString key = QString::fromLatin1(name);
        QCOMPARE(pairValues(preflightHeaders.toArray(), key).value(0).toUtf8(), options.headers.values(name).value(0));
    }
}

void tst_CheckCommand::jsonOfASimpleRequest()
{
    const CorscopeRun run =
        runCorscope(checkArguments(QStringLiteral("/open"), {QStringLiteral("--format"), QStringLiteral("json")}));
    QVERIFY2(run.finished, qPrintable(run.describe()));
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    QString error;
    const QJsonObject json = parseObject(run.out, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error + u'\n' + run.describe()));

    QCOMPARE(json.value(u"verdict").toString(), u"allowed"_s);
    QVERIFY(json.value(u"failure").isNull());
    QVERIFY2(json.contains(u"preflight") && json.value(u"preflight").isNull(), qPrintable(run.describe()));
    QCOMPARE(json.value(u"preflightNeeded"), QJsonValue(false));
    const QJsonArray hops = json.value(u"hops").toArray();
    QCOMPARE(hops.size(), 1);
    QCOMPARE(hops.at(0)[u"request"][u"method"].toString(), u"GET"_s);
    QCOMPARE(pairValues(hops.at(0)[u"request"][u"headers"].toArray(), u"Origin"_s), QStringList{pageOrigin});

    // Exposed X-Request-Id is readable, the unexposed X-Hidden is not; Content-Type is safelisted.
    QStringList readable;
    for (const QJsonValue &name : json.value(u"readableHeaders").toArray())
        readable.append(name.toString().toLower());
    QVERIFY2(readable.contains(u"x-request-id"_s), qPrintable(readable.join(u", ")));
    QVERIFY2(readable.contains(u"content-type"_s), qPrintable(readable.join(u", ")));
    QVERIFY2(!readable.contains(u"x-hidden"_s), qPrintable(readable.join(u", ")));

    // The origin is echoed without Vary: Origin, which is a warning.
    const QJsonArray warnings = json.value(u"warnings").toArray();
    QVERIFY2(!warnings.isEmpty(), qPrintable(run.describe()));
    QStringList checks;
    for (const QJsonValue &warning : warnings) {
        QVERIFY(warning[u"check"].isString());
        QVERIFY(warning[u"message"].isString());
        QVERIFY(!warning[u"message"].toString().isEmpty());
        checks.append(warning[u"check"].toString());
    }
    QVERIFY2(checks.contains(u"vary-origin-missing"_s), qPrintable(checks.join(u", ")));

    const QList<RawHttpRequest> received = m_server.requests();
    QCOMPARE(received.size(), 1);
    QCOMPARE(received.at(0).method, QByteArrayLiteral("GET"));
    QCOMPARE(received.at(0).headers.values("origin"), QList<QByteArray>{pageOriginBytes});
    QVERIFY(!received.at(0).headers.contains("access-control-request-method"));
    QVERIFY(!received.at(0).headers.contains("cookie"));
    QVERIFY(!received.at(0).headers.contains("authorization"));
}

void tst_CheckCommand::jsonOfABlockedRequest()
{
    const CorscopeRun run = runCorscope(checkArguments(
        QStringLiteral("/no-allow-headers"), {QStringLiteral("-X"), QStringLiteral("PUT"), QStringLiteral("-H"),
                                              QStringLiteral("X-Custom: 1"), QStringLiteral("--format"),
                                              QStringLiteral("json")}));
    QVERIFY2(run.finished, qPrintable(run.describe()));
    QVERIFY2(run.exitCode == 1, qPrintable(run.describe()));
    QString error;
    const QJsonObject json = parseObject(run.out, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error + u'\n' + run.describe()));

    QCOMPARE(json.value(u"verdict").toString(), u"blocked"_s);
    const QJsonObject failure = json.value(u"failure").toObject();
    QCOMPARE(failure.value(u"stage").toString(), u"preflight"_s);
    QCOMPARE(failure.value(u"check").toString(), u"header-disallowed"_s);
    QCOMPARE(failure.value(u"header").toString().toLower(), u"access-control-allow-headers"_s);
    const QString message = failure.value(u"message").toString();
    QVERIFY2(message.contains(u"Request header field x-custom is not allowed by Access-Control-Allow-Headers in "
                              u"preflight response."),
             qPrintable(message));
    QVERIFY2(message.contains(pageOrigin), qPrintable(message));
    QVERIFY(!failure.value(u"explanation").toString().isEmpty());

    QVERIFY(json.value(u"preflight").isObject());
    QCOMPARE(json.value(u"hops").toArray().size(), 1);
    // The preflight failed, so the PUT never reached the server.
    QCOMPARE(requestsWithMethod("OPTIONS").size(), 1);
    QCOMPARE(m_server.requests().size(), 1);
}

void tst_CheckCommand::credentialsMode_data()
{
    QTest::addColumn<QStringList>("extra");
    QTest::addColumn<QString>("mode");

    QTest::newRow("no --credentials means same-origin") << QStringList() << u"same-origin"_s;
    QTest::newRow("--credentials omit") << QStringList{u"--credentials"_s, u"omit"_s} << u"omit"_s;
    QTest::newRow("--credentials include") << QStringList{u"--credentials"_s, u"include"_s} << u"include"_s;
}

void tst_CheckCommand::credentialsMode()
{
    QFETCH(QStringList, extra);
    QFETCH(QString, mode);
    const CorscopeRun run = runCorscope(
        checkArguments(QStringLiteral("/open"), extra + QStringList{QStringLiteral("--format"), QStringLiteral("json")}));
    QVERIFY2(run.finished, qPrintable(run.describe()));
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    QString error;
    const QJsonObject json = parseObject(run.out, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error + u'\n' + run.describe()));
    QCOMPARE(json.value(u"request")[u"credentials"].toString(), mode);
}

void tst_CheckCommand::dataFileIsSentAsTheBody()
{
    QByteArray payload;
    for (int i = 0; i < 3000; ++i)
        payload += "line " + QByteArray::number(i) + " \xc3\xa9\r\n";
    const QString path = m_dir.filePath(QStringLiteral("upload.txt"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QCOMPARE(file.write(payload), payload.size());
    file.close();

    const CorscopeRun run = runCorscope(checkArguments(
        QStringLiteral("/open"), {QStringLiteral("-X"), QStringLiteral("POST"), QStringLiteral("-H"),
                                  QStringLiteral("Content-Type: text/plain"), QStringLiteral("--data-file"), path}));
    QVERIFY2(run.finished, qPrintable(run.describe()));
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    const QList<RawHttpRequest> posts = requestsWithMethod("POST");
    QCOMPARE(posts.size(), 1);
    QCOMPARE(posts.at(0).body.size(), payload.size());
    QVERIFY(posts.at(0).body == payload);
    QCOMPARE(posts.at(0).headers.values("content-length"), QList<QByteArray>{QByteArray::number(payload.size())});
    // text/plain POST is a simple request: no preflight.
    QCOMPARE(requestsWithMethod("OPTIONS").size(), 0);
}

// fetch() normalizes header values (Headers.append strips leading and trailing HTTP whitespace), so
// the browser sends "X-Custom: 1" for "  1 \t".
void tst_CheckCommand::headerValuesAreNormalizedLikeFetch()
{
    const CorscopeRun run = runCorscope(checkArguments(
        QStringLiteral("/open"), {QStringLiteral("-X"), QStringLiteral("PUT"), QStringLiteral("-H"),
                                  QStringLiteral("X-Custom: \t 1 \t"), QStringLiteral("--format"), QStringLiteral("json")}));
    QVERIFY2(run.finished, qPrintable(run.describe()));
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    QString error;
    const QJsonObject json = parseObject(run.out, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error + u'\n' + run.describe()));

    const QList<RawHttpRequest> puts = requestsWithMethod("PUT");
    QCOMPARE(puts.size(), 1);
    QVERIFY2(puts.at(0).head.contains("\r\nX-Custom: 1\r\n"), puts.at(0).head.constData());
    QCOMPARE(pairValues(json.value(u"request")[u"headers"].toArray(), u"X-Custom"_s), QStringList{u"1"_s});
}

void tst_CheckCommand::textOutputOfABlockedRequest()
{
    const CorscopeRun json =
        runCorscope(checkArguments(QStringLiteral("/no-acao"), {QStringLiteral("--format"), QStringLiteral("json")}));
    QVERIFY2(json.finished && json.exitCode == 1, qPrintable(json.describe()));
    QString error;
    const QJsonObject failure = parseObject(json.out, &error).value(u"failure").toObject();
    QVERIFY2(error.isEmpty() && !failure.isEmpty(), qPrintable(json.describe()));

    const CorscopeRun run = runCorscope(checkArguments(QStringLiteral("/no-acao"), {}));
    QVERIFY2(run.finished, qPrintable(run.describe()));
    QVERIFY2(run.exitCode == 1, qPrintable(run.describe()));
    const QString text = QString::fromUtf8(run.out);
    QVERIFY2(text.contains(u"BLOCKED"), qPrintable(text));
    QVERIFY2(text.contains(u"Access-Control-Allow-Origin", Qt::CaseInsensitive), qPrintable(text));
    const QString message = failure.value(u"message").toString();
    QVERIFY2(message.contains(u"No 'Access-Control-Allow-Origin' header is present on the requested resource."),
             qPrintable(message));
    for (const QString &line : message.split(u'\n'))
        QVERIFY2(text.contains(line), qPrintable(u"missing console line: " + line + u"\n" + text));
    bool hasFixLine = false;
    for (const QString &line : lines(run.out))
        hasFixLine = hasFixLine || (line.startsWith(u"Fix: ") && line.size() > 10);
    QVERIFY2(hasFixLine, qPrintable(text));
    QVERIFY2(!run.out.contains('\x1b'), "ANSI escapes although stdout is a pipe");
    QVERIFY2(!run.err.contains('\x1b'), "ANSI escapes although stderr is a pipe");
}

// Issue 12: a server must not be able to write escape sequences to the user's terminal through the
// text output. Every control character from outside is shown as \xHH instead.
void tst_CheckCommand::serverTextCannotControlTheTerminal_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("shown");

    QTest::newRow("an escape sequence in Access-Control-Allow-Origin (seen, console message)")
        << u"/evil-allow-origin"_s << u"http://evil.test\\x1b]0;pwned\\x07\\x1b[2J"_s;
    QTest::newRow("an escape sequence in Location") << u"/evil-location"_s << u"\\x1b[31mred\\x1b[0m"_s;
}

void tst_CheckCommand::serverTextCannotControlTheTerminal()
{
    QFETCH(QString, path);
    QFETCH(QString, shown);

    const CorscopeRun run = runCorscope(checkArguments(path, {}));
    QVERIFY2(run.finished, qPrintable(run.describe()));
    // stdout is a pipe: no colours, so no escape character may be there at all.
    QVERIFY2(!run.out.contains('\x1b') && !run.out.contains('\x07'), qPrintable(run.describe()));
    QVERIFY2(!run.err.contains('\x1b') && !run.err.contains('\x07'), qPrintable(run.describe()));
    QVERIFY2(QString::fromUtf8(run.out).contains(shown), qPrintable(run.describe()));
}

void tst_CheckCommand::textOutputOfAnAllowedRequest()
{
    const CorscopeRun run = runCorscope(checkArguments(QStringLiteral("/open"), {}));
    QVERIFY2(run.finished, qPrintable(run.describe()));
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    const QString text = QString::fromUtf8(run.out);
    QVERIFY2(text.startsWith(u"ALLOWED"), qPrintable(text));
    QVERIFY2(!text.contains(u"BLOCKED"), qPrintable(text));
    QVERIFY2(!text.contains(u"Fix:"), qPrintable(text));
    QVERIFY2(text.contains(u"X-Request-Id", Qt::CaseInsensitive), qPrintable(text));
    QVERIFY2(!run.out.contains('\x1b'), "ANSI escapes although stdout is a pipe");
}

void tst_CheckCommand::colorsOnlyOnATerminal_data()
{
    QTest::addColumn<bool>("terminal");
    QTest::addColumn<bool>("noColor");
    QTest::addColumn<bool>("colored");

    QTest::newRow("a pipe gets no ANSI escapes") << false << false << false;
    QTest::newRow("a terminal gets colours") << true << false << true;
    QTest::newRow("a terminal with NO_COLOR set gets no colours") << true << true << false;
}

void tst_CheckCommand::colorsOnlyOnATerminal()
{
    QFETCH(bool, terminal);
    QFETCH(bool, noColor);
    QFETCH(bool, colored);

    const QStringList arguments = checkArguments(QStringLiteral("/no-acao"), {});
    QProcessEnvironment environment = childEnvironment();
    if (noColor)
        environment.insert(u"NO_COLOR"_s, u"1"_s);
    CorscopeRun run;
    if (terminal) {
        // util-linux script(1) gives the child a pseudo-terminal as stdout.
        const QString script = QStandardPaths::findExecutable(u"script"_s);
        if (script.isEmpty())
            QSKIP("script(1) from util-linux is not installed");
        QString command = QStringLiteral(CORSCOPE_BIN);
        for (const QString &argument : arguments)
            command += u" '" + argument + u'\'';
        run = runProgram(script, {u"-qec"_s, command, u"/dev/null"_s}, environment);
    } else {
        run = runProgram(QStringLiteral(CORSCOPE_BIN), arguments, environment);
    }
    QVERIFY2(run.finished, qPrintable(run.describe()));
    QVERIFY2(run.exitCode == 1, qPrintable(run.describe()));
    QVERIFY2(run.out.contains("BLOCKED"), qPrintable(run.describe()));
    QCOMPARE(run.out.contains("\x1b["), colored);
}

void tst_CheckCommand::helpExitsZero_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("expected");
    QTest::newRow("check --help describes the options") << QStringList{u"check"_s, u"--help"_s} << u"--origin"_s;
    QTest::newRow("run --help describes the command") << QStringList{u"run"_s, u"--help"_s} << u"--resolve"_s;
    QTest::newRow("--help lists the commands") << QStringList{u"--help"_s} << u"Exit status"_s;
}

void tst_CheckCommand::helpExitsZero()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, expected);
    const CorscopeRun run = runCorscope(arguments);
    QVERIFY2(run.finished, qPrintable(run.describe()));
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    QVERIFY2(QString::fromUtf8(run.out).contains(expected), qPrintable(run.describe()));
    QVERIFY(m_server.requests().isEmpty());
}

QTEST_GUILESS_MAIN(tst_CheckCommand)
#include "tst_checkcommand.moc"
