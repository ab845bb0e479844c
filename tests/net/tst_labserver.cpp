// The lab's endpoints, checked end to end: LabServer on loopback, the engine through ExchangeRunner
// and QnamTransport, as `corscope check` does it.
#include "core/browserprofile.h"
#include "core/exchange.h"
#include "core/fetchrequest.h"
#include "core/preflightcache.h"
#include "net/exchangerunner.h"
#include "net/labserver.h"
#include "net/qnamtransport.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpSocket>
#include <QTest>
#include <map>

using namespace corscope;

Q_DECLARE_METATYPE(corscope::HeaderList)
Q_DECLARE_METATYPE(corscope::CredentialsMode)

namespace {

// What the engine must conclude for the request an endpoint suggests (LabServer::endpoints()).
struct Expectation
{
    QString verdict;
    QString stage; // empty when allowed
    QString check;
    int status = 0; // Finding::status
    bool reachedServer = false;
    QString messageContains;
    QString sentence; // the row name
};

// Written from the field notes and Chromium 156's observed behaviour, not from the engine's output.
const std::map<QByteArray, Expectation> &catalogueExpectations()
{
    static const std::map<QByteArray, Expectation> table{
        {"/ok",
            {QStringLiteral("allowed"), {}, {}, 0, true, {},
                QStringLiteral("A credentialed PUT with Authorization and X-Trace passes /ok")}},
        {"/no-acao",
            {QStringLiteral("blocked"), QStringLiteral("actual"), QStringLiteral("missing-allow-origin"), 200,
                true, QStringLiteral("No 'Access-Control-Allow-Origin' header"),
                QStringLiteral("A GET to a server without CORS runs but is blocked")}},
        {"/mismatch",
            {QStringLiteral("blocked"), QStringLiteral("actual"), QStringLiteral("allow-origin-mismatch"),
                200, true, QStringLiteral("http://localhost:8080"),
                QStringLiteral("A hard-coded other origin does not match the page")}},
        {"/wildcard-credentials",
            {QStringLiteral("blocked"), QStringLiteral("actual"),
                QStringLiteral("wildcard-origin-with-credentials"), 200, true, QStringLiteral("wildcard"),
                QStringLiteral("A GET with cookies is refused the wildcard origin")}},
        {"/preflight-404",
            {QStringLiteral("blocked"), QStringLiteral("preflight"),
                QStringLiteral("preflight-invalid-status"), 404, false,
                QStringLiteral("does not have HTTP ok status"),
                QStringLiteral("A JSON PUT fails on a preflight answered 404 with every CORS header")}},
        {"/preflight-405",
            {QStringLiteral("blocked"), QStringLiteral("preflight"),
                QStringLiteral("preflight-invalid-status"), 405, false,
                QStringLiteral("does not have HTTP ok status"),
                QStringLiteral("A JSON POST fails on a preflight answered 405")}},
        {"/preflight-401",
            {QStringLiteral("blocked"), QStringLiteral("preflight"), QStringLiteral("missing-allow-origin"),
                401, false, QStringLiteral("Response to preflight request doesn't pass access control check"),
                QStringLiteral("A preflight refused by authentication reports the missing header")}},
        {"/method-not-allowed",
            {QStringLiteral("blocked"), QStringLiteral("preflight"), QStringLiteral("method-disallowed"), 204,
                false, QStringLiteral("DELETE"),
                QStringLiteral("A DELETE is not in Access-Control-Allow-Methods")}},
        {"/header-not-allowed",
            {QStringLiteral("blocked"), QStringLiteral("preflight"), QStringLiteral("header-disallowed"), 204,
                false, QStringLiteral("x-trace"),
                QStringLiteral("A PUT with X-Trace is refused by the preflight")}},
        {"/auth-not-allowed",
            {QStringLiteral("blocked"), QStringLiteral("preflight"), QStringLiteral("header-disallowed"), 204,
                false, QStringLiteral("authorization"),
                QStringLiteral("A bearer token is not in the enable-cors.org header list")}},
        {"/preflight-redirect",
            {QStringLiteral("blocked"), QStringLiteral("preflight"),
                QStringLiteral("preflight-disallowed-redirect"), 301, false,
                QStringLiteral("Redirect is not allowed for a preflight request"),
                QStringLiteral("A JSON PUT to the slash-less Django URL gets a redirected preflight")}},
        {"/redirect-cross-origin",
            {QStringLiteral("blocked"), QStringLiteral("actual"), QStringLiteral("missing-allow-origin"), 200,
                true, QStringLiteral("/ok"),
                QStringLiteral("A redirect to the lab's other name arrives with Origin null")}},
        {"/error-500",
            {QStringLiteral("blocked"), QStringLiteral("actual"), QStringLiteral("missing-allow-origin"), 500,
                true, QStringLiteral("No 'Access-Control-Allow-Origin' header"),
                QStringLiteral("A JSON POST passes the preflight, runs, and its 500 has no CORS headers")}},
        {"/double-acao",
            {QStringLiteral("blocked"), QStringLiteral("actual"), QStringLiteral("multiple-allow-origin"),
                200, true, QStringLiteral("multiple values"),
                QStringLiteral("Two Access-Control-Allow-Origin lines are multiple values")}},
    };
    return table;
}

} // namespace

class TestLabServer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void everyEndpointHasAnExpectation();
    void endpointVerdicts_data();
    void endpointVerdicts();
    void slowAnswersAfterItsDelay();
    void slowOutlastsAShortTimeout();
    void redirectCrossOriginPointsToTheOtherName();
    void indexListsEveryEndpoint();
    void unknownPathIs404();
    void headHasNoBody();
    void busyPortIsRefused();

private:
    ExchangeResult run(const FetchRequest &request, int idleTimeoutMs = 5000);
    FetchRequest request(const QByteArray &path, const QByteArray &method = QByteArrayLiteral("GET")) const;

    LabServer m_lab;
};

void TestLabServer::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY2(m_lab.listen(0), qPrintable(m_lab.errorString()));
    QVERIFY(m_lab.port() != 0);
}

FetchRequest TestLabServer::request(const QByteArray &path, const QByteArray &method) const
{
    FetchRequest fetch;
    fetch.method = method;
    fetch.url = m_lab.url(QString::fromUtf8(path));
    fetch.origin = *Origin::parse(QString::fromUtf8(LabServer::pageOrigin()));
    return fetch;
}

ExchangeResult TestLabServer::run(const FetchRequest &fetch, int idleTimeoutMs)
{
    PreflightCache cache;
    QnamTransport transport;
    transport.setIdleTimeoutMs(idleTimeoutMs);
    transport.setTotalTimeoutMs(idleTimeoutMs * 2);
    ExchangeRunner runner(fetch, BrowserProfile::chromium(), &cache, &transport);
    QSignalSpy finished(&runner, &ExchangeRunner::finished);
    runner.start();
    if (!finished.wait(idleTimeoutMs * 3))
        qWarning("the exchange did not finish");
    return runner.result();
}

void TestLabServer::everyEndpointHasAnExpectation()
{
    const QList<LabEndpoint> endpoints = LabServer::endpoints();
    QCOMPARE(endpoints.size(), qsizetype(catalogueExpectations().size() + 1)); // + /slow, tested apart
    for (const LabEndpoint &endpoint : endpoints) {
        if (endpoint.path == "/slow")
            continue;
        QVERIFY2(catalogueExpectations().count(endpoint.path), endpoint.path.constData());
        QVERIFY(!endpoint.title.isEmpty());
        QVERIFY(!endpoint.demonstrates.isEmpty());
    }
}

void TestLabServer::endpointVerdicts_data()
{
    QTest::addColumn<QByteArray>("path");
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<HeaderList>("headers");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<CredentialsMode>("credentials");
    QTest::addColumn<QByteArray>("origin");
    QTest::addColumn<QString>("verdict");
    QTest::addColumn<QString>("stage");
    QTest::addColumn<QString>("check");
    QTest::addColumn<int>("status");
    QTest::addColumn<bool>("reachedServer");
    QTest::addColumn<QString>("messageContains");

    // Each endpoint with the request the lab suggests for it.
    for (const LabEndpoint &endpoint : LabServer::endpoints()) {
        const auto expectation = catalogueExpectations().find(endpoint.path);
        if (expectation == catalogueExpectations().end())
            continue;
        const Expectation &e = expectation->second;
        QTest::newRow(qPrintable(e.sentence))
            << endpoint.path << endpoint.method << endpoint.headers << endpoint.body << endpoint.credentials
            << LabServer::pageOrigin() << e.verdict << e.stage << e.check << e.status << e.reachedServer
            << e.messageContains;
    }

    // Contrasts: the same endpoints with requests they do handle, or other origins.
    const QByteArray page = LabServer::pageOrigin();
    const auto same = CredentialsMode::SameOrigin;
    QTest::newRow("A plain GET to /ok is allowed")
        << QByteArray("/ok") << QByteArray("GET") << HeaderList() << QByteArray() << same << page
        << QStringLiteral("allowed") << QString() << QString() << 0 << true << QString();
    QTest::newRow("The second allow-listed origin may read /ok")
        << QByteArray("/ok") << QByteArray("GET") << HeaderList() << QByteArray() << same
        << QByteArray("http://app.test:3000") << QStringLiteral("allowed") << QString() << QString() << 0
        << true << QString();
    QTest::newRow("An origin outside /ok's allow-list gets no Access-Control-Allow-Origin")
        << QByteArray("/ok") << QByteArray("GET") << HeaderList() << QByteArray() << same
        << QByteArray("http://evil.test") << QStringLiteral("blocked") << QStringLiteral("actual")
        << QStringLiteral("missing-allow-origin") << 200 << true << QStringLiteral("http://evil.test");
    QTest::newRow("A preflighted PUT from outside the allow-list fails at the preflight")
        << QByteArray("/ok") << QByteArray("PUT") << HeaderList{{"Content-Type", "application/json"}}
        << QByteArray("{}") << same << QByteArray("http://evil.test") << QStringLiteral("blocked")
        << QStringLiteral("preflight") << QStringLiteral("missing-allow-origin") << 204 << false << QString();
    QTest::newRow("The wildcard works while no cookies are sent")
        << QByteArray("/wildcard-credentials") << QByteArray("GET") << HeaderList() << QByteArray() << same
        << page << QStringLiteral("allowed") << QString() << QString() << 0 << true << QString();
    QTest::newRow("A simple POST needs no Access-Control-Allow-Methods")
        << QByteArray("/method-not-allowed") << QByteArray("POST") << HeaderList() << QByteArray("a=1")
        << same << page << QStringLiteral("allowed") << QString() << QString() << 0 << true << QString();
    QTest::newRow("Without a token /auth-not-allowed needs no preflight")
        << QByteArray("/auth-not-allowed") << QByteArray("GET") << HeaderList() << QByteArray() << same
        << page << QStringLiteral("allowed") << QString() << QString() << 0 << true << QString();
    QTest::newRow("A simple GET to the slash-less Django URL is blocked at the redirect")
        << QByteArray("/preflight-redirect") << QByteArray("GET") << HeaderList() << QByteArray() << same
        << page << QStringLiteral("blocked") << QStringLiteral("redirect")
        << QStringLiteral("missing-allow-origin") << 301 << true << QString();
    QTest::newRow("The Django URL with its slash is configured correctly")
        << QByteArray("/preflight-redirect/") << QByteArray("PUT")
        << HeaderList{{"Content-Type", "application/json"}} << QByteArray("{}") << same << page
        << QStringLiteral("allowed") << QString() << QString() << 0 << true << QString();
    QTest::newRow("Two Access-Control-Allow-Origin lines also break the preflight")
        << QByteArray("/double-acao") << QByteArray("DELETE") << HeaderList() << QByteArray() << same << page
        << QStringLiteral("blocked") << QStringLiteral("preflight") << QStringLiteral("multiple-allow-origin")
        << 204 << false << QString();
}

void TestLabServer::endpointVerdicts()
{
    QFETCH(QByteArray, path);
    QFETCH(QByteArray, method);
    QFETCH(HeaderList, headers);
    QFETCH(QByteArray, body);
    QFETCH(CredentialsMode, credentials);
    QFETCH(QByteArray, origin);
    QFETCH(QString, verdict);
    QFETCH(QString, stage);
    QFETCH(QString, check);
    QFETCH(int, status);
    QFETCH(bool, reachedServer);
    QFETCH(QString, messageContains);

    FetchRequest fetch = request(path, method);
    fetch.headers = headers;
    fetch.body = body;
    fetch.credentials = credentials;
    fetch.origin = *Origin::parse(QString::fromUtf8(origin));

    const ExchangeResult result = run(fetch);
    QVERIFY(!result.hops.isEmpty());
    const QString failureText = result.failure ? stageName(result.failure->stage) + u' '
            + checkIdName(result.failure->check) + u": " + result.failure->consoleMessage
                                               : QString();
    QVERIFY2(
        verdictName(result.verdict) == verdict, qPrintable(verdictName(result.verdict) + u' ' + failureText));
    QCOMPARE(result.reachedServer, reachedServer);
    if (verdict == u"allowed") {
        QVERIFY2(!result.failure, qPrintable(failureText));
        QVERIFY(result.hops.last().response);
        QCOMPARE(result.hops.last().response->status, 200);
        return;
    }
    QVERIFY(result.failure);
    QCOMPARE(stageName(result.failure->stage), stage);
    QCOMPARE(checkIdName(result.failure->check), check);
    QCOMPARE(result.failure->status, status);
    QVERIFY2(result.failure->consoleMessage.contains(messageContains, Qt::CaseInsensitive),
        qPrintable(result.failure->consoleMessage));
}

void TestLabServer::slowAnswersAfterItsDelay()
{
    QElapsedTimer clock;
    clock.start();
    const ExchangeResult result = run(request("/slow?ms=300"));
    QCOMPARE(verdictName(result.verdict), QStringLiteral("allowed"));
    QVERIFY2(clock.elapsed() >= 290, qPrintable(QString::number(clock.elapsed())));
    QCOMPARE(result.hops.size(), 1);
    QVERIFY2(result.hops.first().timings.waitMs >= 250,
        qPrintable(QString::number(result.hops.first().timings.waitMs)));
}

void TestLabServer::slowOutlastsAShortTimeout()
{
    // Without ?ms= the lab waits LabServer::slowDelayMs (3 s): a 400 ms timeout gives up first.
    QElapsedTimer clock;
    clock.start();
    const ExchangeResult result = run(request("/slow"), 400);
    QCOMPARE(verdictName(result.verdict), QStringLiteral("network-error"));
    QVERIFY(!result.hops.isEmpty());
    QVERIFY(!result.hops.last().response);
    QVERIFY(!result.hops.last().networkError.isEmpty());
    QVERIFY2(clock.elapsed() < LabServer::slowDelayMs, qPrintable(QString::number(clock.elapsed())));
}

void TestLabServer::redirectCrossOriginPointsToTheOtherName()
{
    const ExchangeResult result = run(request("/redirect-cross-origin"));
    QCOMPARE(result.hops.size(), 2);
    const Hop &redirect = result.hops.at(0);
    QVERIFY(redirect.isRedirect());
    QCOMPARE(redirect.response->status, 302);
    const QByteArray expected = "http://127.0.0.1:" + QByteArray::number(m_lab.port()) + "/ok";
    QCOMPARE(redirect.response->headers.combinedValue("location").value_or(QByteArray()), expected);
    // The hop after a cross-origin redirect carries Origin: null.
    QCOMPARE(
        result.hops.at(1).request.headers.combinedValue("origin").value_or(QByteArray()), QByteArray("null"));

    // Entered through 127.0.0.1, it sends the browser to localhost instead.
    FetchRequest fetch = request("/redirect-cross-origin");
    fetch.url.setHost(QStringLiteral("127.0.0.1"));
    const ExchangeResult reverse = run(fetch);
    QVERIFY(!reverse.hops.isEmpty() && reverse.hops.first().response);
    QCOMPARE(reverse.hops.first().response->headers.combinedValue("location").value_or(QByteArray()),
        QByteArray("http://localhost:" + QByteArray::number(m_lab.port()) + "/ok"));
}

void TestLabServer::indexListsEveryEndpoint()
{
    const ExchangeResult result = run(request("/"));
    QCOMPARE(verdictName(result.verdict), QStringLiteral("allowed"));
    const QJsonObject index = QJsonDocument::fromJson(result.hops.last().response->body).object();
    QCOMPARE(
        index.value(QStringLiteral("pageOrigin")).toString(), QString::fromUtf8(LabServer::pageOrigin()));
    QStringList listed;
    for (const QJsonValue &endpoint : index.value(QStringLiteral("endpoints")).toArray())
        listed.append(endpoint.toObject().value(QStringLiteral("path")).toString());
    QStringList expected;
    for (const LabEndpoint &endpoint : LabServer::endpoints())
        expected.append(QString::fromUtf8(endpoint.path));
    QCOMPARE(listed, expected);

    FetchRequest html = request("/");
    html.headers.append("Accept", "text/html");
    const ExchangeResult page = run(html);
    QVERIFY(page.hops.last().response);
    QVERIFY(page.hops.last().response->body.startsWith("<!DOCTYPE html>"));
    QVERIFY(page.hops.last().response->body.contains("/header-not-allowed"));
}

void TestLabServer::unknownPathIs404()
{
    const ExchangeResult result = run(request("/no-such-endpoint"));
    QVERIFY(!result.hops.isEmpty() && result.hops.last().response);
    QCOMPARE(result.hops.last().response->status, 404);
}

void TestLabServer::headHasNoBody()
{
    // A raw socket: QnamTransport sends HEAD as a custom verb, which Qt 6.4 treats as having a body.
    QTcpSocket socket;
    socket.connectToHost(QHostAddress(QHostAddress::LocalHost), m_lab.port());
    QByteArray received;
    connect(&socket, &QTcpSocket::readyRead, this, [&socket, &received] { received += socket.readAll(); });
    QTRY_COMPARE(socket.state(), QAbstractSocket::ConnectedState);
    socket.write("HEAD /ok HTTP/1.1\r\nHost: localhost\r\nOrigin: http://localhost:3000\r\n\r\n"
                 "GET /no-such-endpoint HTTP/1.1\r\nHost: localhost\r\n\r\n");
    // The second response follows the first head at once: nothing in between.
    QTRY_VERIFY(received.contains("HTTP/1.1 404"));
    const qsizetype headEnd = received.indexOf("\r\n\r\n");
    QVERIFY(received.startsWith("HTTP/1.1 200 OK\r\n"));
    QVERIFY(received.left(headEnd).contains("\r\nContent-Length: "));
    QVERIFY(!received.left(headEnd).contains("\r\nContent-Length: 0\r\n"));
    QVERIFY(received.left(headEnd).contains("\r\nAccess-Control-Allow-Origin: http://localhost:3000\r\n"));
    QCOMPARE(received.indexOf("HTTP/1.1 404"), headEnd + 4);
}

void TestLabServer::busyPortIsRefused()
{
    LabServer second;
    QVERIFY(!second.listen(m_lab.port()));
    QVERIFY(!second.isListening());
    QVERIFY(!second.errorString().isEmpty());
}

QTEST_GUILESS_MAIN(TestLabServer)
#include "tst_labserver.moc"
