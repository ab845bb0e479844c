#include "core/fetchrequest.h"
#include "core/preflightcache.h"
#include "net/exchangerunner.h"
#include "net/compositetransport.h"
#include "net/rawhttpserver.h"

#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTest>

using namespace corscope;

// End to end: the real engine (FetchSimulator) driven by ExchangeRunner over CompositeTransport
// against RawHttpServer on loopback. The page origin http://app.test is cross-origin to the server.
// main() runs every test twice: with the default mode (http:// through RawHttpTransport) and with
// everything forced through QnamTransport.
class TestExchangeRunner : public QObject
{
    Q_OBJECT

public:
    explicit TestExchangeRunner(CompositeTransport::Mode mode)
        : m_mode(mode)
    { }

private:
    CompositeTransport::Mode m_mode;
    std::unique_ptr<RawHttpServer> m_server;
    std::unique_ptr<CompositeTransport> m_transport;
    PreflightCache m_cache;

    FetchRequest fetch(const QByteArray &method, const QString &path, const HeaderList &headers = {})
    {
        FetchRequest request;
        request.method = method;
        request.url = m_server->url(path);
        request.headers = headers;
        request.origin = *Origin::parse(u"http://app.test"_qs);
        request.credentials = CredentialsMode::Omit;
        return request;
    }

    struct Run
    {
        ExchangeResult result;
        QList<Hop> hops; // from hopFinished
        int finishedCount = 0;
    };

    Run run(const FetchRequest &request, int waitMs = 5000)
    {
        ExchangeRunner runner(request, BrowserProfile::chromium(), &m_cache, m_transport.get());
        Run outcome;
        connect(&runner, &ExchangeRunner::hopFinished, this, [&](const Hop &hop) { outcome.hops << hop; });
        QSignalSpy finished(&runner, &ExchangeRunner::finished);
        runner.start();
        if (finished.wait(waitMs)) {
            QTest::qWait(20); // nothing more may arrive
            outcome.finishedCount = int(finished.size());
            outcome.result = finished.first().first().value<ExchangeResult>();
        }
        return outcome;
    }

    static HeaderList corsHeaders() { return {{"Access-Control-Allow-Origin", "*"}}; }

    static RawHttpServer::Handler redirectTo(const QByteArray &location)
    {
        return [location](const RawHttpRequest &, RawHttpResponder &responder) {
            responder.respond(302, "Found", {{"Location", location}, {"Access-Control-Allow-Origin", "*"}});
        };
    }

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init()
    {
        m_cache.clearAll();
        m_server = std::make_unique<RawHttpServer>();
        QVERIFY(m_server->listen());
        m_transport = std::make_unique<CompositeTransport>();
        m_transport->setMode(m_mode);
        m_transport->setIdleTimeoutMs(1500);
    }

    void cleanup()
    {
        m_transport.reset();
        m_server.reset();
    }

    void aSimpleGetWithAcaoIsAllowed()
    {
        m_server->setHandler([](const RawHttpRequest &, RawHttpResponder &responder) {
            responder.respond(200, "OK", corsHeaders(), "hi");
        });
        const Run outcome = run(fetch("GET", u"/data"_qs));
        QCOMPARE(outcome.finishedCount, 1);
        QCOMPARE(outcome.result.verdict, Verdict::Allowed);
        QCOMPARE(outcome.result.hops.size(), 1);
        QCOMPARE(outcome.hops.size(), 1);
        QCOMPARE(outcome.hops.first().kind, HopKind::Actual);
        QCOMPARE(m_server->requests().size(), 1);
        const RawHttpRequest received = m_server->requests().first();
        QCOMPARE(received.headers.combinedValue("origin"), QByteArray("http://app.test"));
        // The hop records what the server received.
        QCOMPARE(outcome.hops.first().request.headers, received.headers);
        QCOMPARE(outcome.hops.first().response->body, QByteArray("hi"));
        QVERIFY(outcome.hops.first().timings.startMs >= 0);
        QVERIFY(outcome.hops.first().timings.totalMs >= 0);
    }

    void aGetWithoutAcaoIsBlockedAfterReachingTheServer()
    {
        const Run outcome = run(fetch("GET", u"/none"_qs));
        QCOMPARE(outcome.result.verdict, Verdict::Blocked);
        QVERIFY(outcome.result.failure);
        QCOMPARE(outcome.result.failure->check, CheckId::MissingAllowOrigin);
        QVERIFY(outcome.result.reachedServer);
        QCOMPARE(m_server->requests().size(), 1);
    }

    void aPreflightedPutSendsOptionsFirst()
    {
        m_server->setHandler([](const RawHttpRequest &request, RawHttpResponder &responder) {
            if (request.method == "OPTIONS")
                responder.respond(204, "No Content",
                    {{"Access-Control-Allow-Origin", "*"}, {"Access-Control-Allow-Methods", "PUT"},
                        {"Access-Control-Allow-Headers", "x-trace"}});
            else
                responder.respond(200, "OK", corsHeaders(), "done");
        });
        const Run outcome = run(fetch("PUT", u"/item"_qs, {{"X-Trace", "1"}}));
        QCOMPARE(outcome.result.verdict, Verdict::Allowed);
        QCOMPARE(outcome.hops.size(), 2);
        QCOMPARE(outcome.hops.at(0).kind, HopKind::Preflight);
        QCOMPARE(outcome.hops.at(1).kind, HopKind::Actual);
        QCOMPARE(m_server->requests().size(), 2);
        const RawHttpRequest preflight = m_server->requests().at(0);
        QCOMPARE(preflight.method, QByteArray("OPTIONS"));
        QCOMPARE(preflight.headers.combinedValue("access-control-request-method"), QByteArray("PUT"));
        QCOMPARE(preflight.headers.combinedValue("access-control-request-headers"), QByteArray("x-trace"));
        QVERIFY(!preflight.headers.contains("content-length"));
        QCOMPARE(m_server->requests().at(1).method, QByteArray("PUT"));
        QCOMPARE(m_server->requests().at(1).headers.combinedValue("x-trace"), QByteArray("1"));
        // Hops are in time order on the exchange clock.
        const HopTimings first = outcome.hops.at(0).timings;
        const HopTimings second = outcome.hops.at(1).timings;
        QVERIFY(first.startMs >= 0);
        QVERIFY(second.startMs >= first.startMs + first.totalMs - 0.01);
    }

    void aCachedPreflightIsNotSentAgain()
    {
        m_server->setHandler([](const RawHttpRequest &request, RawHttpResponder &responder) {
            if (request.method == "OPTIONS")
                responder.respond(204, "No Content",
                    {{"Access-Control-Allow-Origin", "*"}, {"Access-Control-Allow-Methods", "PUT"},
                        {"Access-Control-Max-Age", "600"}});
            else
                responder.respond(200, "OK", corsHeaders());
        });
        QCOMPARE(run(fetch("PUT", u"/c"_qs)).hops.size(), 2);
        const Run second = run(fetch("PUT", u"/c"_qs));
        QCOMPARE(second.result.verdict, Verdict::Allowed);
        QVERIFY(second.result.preflightFromCache);
        QCOMPARE(second.hops.size(), 1);
        QCOMPARE(m_server->requests().size(), 3);
    }

    void aPreflightThatRedirectsIsBlockedAndTheActualRequestNeverSent()
    {
        m_server->setHandler([](const RawHttpRequest &request, RawHttpResponder &responder) {
            if (request.method == "OPTIONS")
                responder.respond(307, "Temporary Redirect",
                    {{"Location", "/elsewhere"}, {"Access-Control-Allow-Origin", "*"}});
            else
                responder.respond(200, "OK", corsHeaders());
        });
        const Run outcome = run(fetch("DELETE", u"/thing"_qs));
        QCOMPARE(outcome.result.verdict, Verdict::Blocked);
        QVERIFY(outcome.result.failure);
        QCOMPARE(outcome.result.failure->check, CheckId::PreflightDisallowedRedirect);
        QCOMPARE(outcome.hops.size(), 1);
        QCOMPARE(m_server->requests().size(), 1);
        QCOMPARE(m_server->requests().first().method, QByteArray("OPTIONS"));
        QVERIFY(!outcome.result.reachedServer);
    }

    void aRedirectChainIsFollowedHopByHop()
    {
        m_server->route("/r3", redirectTo("/r2"));
        m_server->route("/r2", redirectTo(m_server->url(u"/r1"_qs).toEncoded())); // absolute
        m_server->route("/r1", redirectTo("final?x=1")); // relative
        m_server->route("/final", [](const RawHttpRequest &, RawHttpResponder &responder) {
            responder.respond(200, "OK", corsHeaders(), "end");
        });
        const Run outcome = run(fetch("GET", u"/r3"_qs));
        QCOMPARE(outcome.result.verdict, Verdict::Allowed);
        QCOMPARE(outcome.hops.size(), 4);
        QList<QByteArray> targets;
        for (const RawHttpRequest &request : m_server->requests())
            targets << request.target;
        QCOMPARE(targets, (QList<QByteArray>{"/r3", "/r2", "/r1", "/final?x=1"}));
        QCOMPARE(outcome.hops.at(3).request.url, m_server->url(u"/final?x=1"_qs));
        QVERIFY(outcome.hops.at(0).isRedirect());
        for (qsizetype i = 1; i < outcome.hops.size(); ++i)
            QVERIFY(outcome.hops.at(i).timings.startMs >= outcome.hops.at(i - 1).timings.startMs);
    }

    void aRedirectLoopStopsAfterTwentyRedirects()
    {
        m_server->route("/loop", redirectTo("/loop"));
        const Run outcome = run(fetch("GET", u"/loop"_qs));
        QCOMPARE(outcome.result.verdict, Verdict::NetworkError);
        QVERIFY(outcome.result.failure);
        QCOMPARE(outcome.result.failure->check, CheckId::NetworkError);
        QVERIFY2(outcome.result.failure->consoleMessage.contains(u"net::ERR_TOO_MANY_REDIRECTS"),
            qPrintable(outcome.result.failure->consoleMessage));
        QCOMPARE(m_server->requests().size(), 21); // the request and 20 followed redirects
        QCOMPARE(outcome.hops.size(), 21);
    }

    void aClosedPortIsANetworkError()
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        FetchRequest request = fetch("GET", u"/"_qs);
        request.url.setPort(probe.serverPort());
        probe.close();
        const Run outcome = run(request);
        QCOMPARE(outcome.result.verdict, Verdict::NetworkError);
        QCOMPARE(outcome.hops.size(), 1);
        QCOMPARE(outcome.hops.first().networkError, u"net::ERR_CONNECTION_REFUSED"_qs);
        QVERIFY(outcome.result.failure->consoleMessage.contains(u"net::ERR_CONNECTION_REFUSED"));
    }

    void resolveKeepsTheLogicalUrlInEveryHop()
    {
        ResolveMap map;
        QVERIFY(map.add(u"api.test:"_qs + QString::number(m_server->port()) + u":127.0.0.1"_qs).isEmpty());
        m_transport->setResolveMap(map);
        m_server->route("/start", redirectTo("/end"));
        m_server->route("/end", [](const RawHttpRequest &, RawHttpResponder &responder) {
            responder.respond(200, "OK", corsHeaders());
        });
        FetchRequest request = fetch("GET", u"/start"_qs);
        request.url = QUrl(u"http://api.test:"_qs + QString::number(m_server->port()) + u"/start"_qs);
        const Run outcome = run(request);
        QCOMPARE(outcome.result.verdict, Verdict::Allowed);
        QCOMPARE(outcome.hops.size(), 2);
        QCOMPARE(outcome.hops.at(1).request.url.host(), u"api.test"_qs);
        for (const RawHttpRequest &received : m_server->requests())
            QCOMPARE(
                received.headers.combinedValue("host"), "api.test:" + QByteArray::number(m_server->port()));
    }

    void signalsComeAfterStartReturns()
    {
        ExchangeRunner runner(fetch("GET", u"/"_qs), BrowserProfile::chromium(), nullptr, m_transport.get());
        QSignalSpy finished(&runner, &ExchangeRunner::finished);
        runner.start();
        QCOMPARE(finished.size(), 0);
        QVERIFY(runner.isRunning());
        QVERIFY(finished.wait(3000));
        QVERIFY(runner.isFinished());
        runner.start(); // no second run
        QTest::qWait(50);
        QCOMPARE(finished.size(), 1);
    }

    void cancelEndsTheExchangeOnce()
    {
        m_server->setHandler([](const RawHttpRequest &, RawHttpResponder &) {}); // never answers
        ExchangeRunner runner(
            fetch("GET", u"/slow"_qs), BrowserProfile::chromium(), nullptr, m_transport.get());
        QSignalSpy finished(&runner, &ExchangeRunner::finished);
        QSignalSpy hops(&runner, &ExchangeRunner::hopFinished);
        runner.start();
        QTRY_COMPARE(m_server->requests().size(), 1);
        runner.cancel();
        QCOMPARE(finished.size(), 1);
        const auto result = finished.first().first().value<ExchangeResult>();
        QCOMPARE(result.verdict, Verdict::NetworkError);
        QCOMPARE(hops.size(), 1);
        QCOMPARE(hops.first().first().value<Hop>().networkError, u"net::ERR_ABORTED"_qs);
        runner.cancel();
        QTest::qWait(1700); // past the idle timeout: nothing more arrives
        QCOMPARE(finished.size(), 1);
        QCOMPARE(hops.size(), 1);
    }
};

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    int failures = 0;
    qInfo("-- CompositeTransport, auto mode (http:// through RawHttpTransport)");
    TestExchangeRunner automatic(CompositeTransport::Mode::Auto);
    failures += QTest::qExec(&automatic, argc, argv);
    qInfo("-- CompositeTransport, qnam mode (QnamTransport)");
    TestExchangeRunner qnam(CompositeTransport::Mode::Qnam);
    failures += QTest::qExec(&qnam, argc, argv);
    return failures;
}
#include "tst_exchangerunner.moc"
