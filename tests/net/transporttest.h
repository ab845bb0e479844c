#pragma once

// The fixture both transports' tests share, and the promises every Transport makes (net/transport.h),
// tested once for both against RawHttpServer on loopback. TestRawHttpTransport and TestQnamTransport
// derive from it; Qt Test runs the inherited test functions as their own.
#include "net/configurabletransport.h"
#include "net/rawhttpserver.h"

#include <QElapsedTimer>
#include <QPointer>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTest>

#include <algorithm>
#include <memory>
#include <optional>

namespace corscope {

class TransportTest : public QObject
{
    Q_OBJECT

protected:
    // Short timeouts keep the run fast.
    static constexpr int idleTimeoutMs = 600;
    static constexpr qint64 bodyCap = 256 * 1024;

    std::unique_ptr<RawHttpServer> m_server;
    std::unique_ptr<ConfigurableTransport> m_transport;

    virtual std::unique_ptr<ConfigurableTransport> createTransport() const = 0;

    static HttpRequest request(const QByteArray &method, const QUrl &url, const QByteArray &body = {})
    {
        HttpRequest result;
        result.method = method;
        result.url = url;
        result.body = body;
        return result;
    }
    static HttpRequest get(const QUrl &url) { return request("GET", url); }

    // Sends and waits for the one finished() signal; nullopt (with a warning) if it never comes, or
    // comes twice, or the transfer is not deleted after it.
    std::optional<HopOutcome> run(const HttpRequest &hop, int waitMs = 5000)
    {
        QPointer<PendingTransfer> transfer = m_transport->send(hop);
        // A real event loop (QSignalSpy::wait), so the measured timings are not inflated by polling.
        QSignalSpy finished(transfer, &PendingTransfer::finished);
        QSignalSpy destroyed(transfer, &QObject::destroyed);
        if (!finished.wait(waitMs))
            return std::nullopt;
        if ((destroyed.isEmpty() && !destroyed.wait(1000)) || finished.size() != 1) {
            qWarning("finished() emitted %d times, transfer deleted: %d", int(finished.size()),
                int(transfer.isNull()));
            return std::nullopt;
        }
        return finished.first().first().value<HopOutcome>();
    }

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init()
    {
        m_server = std::make_unique<RawHttpServer>();
        QVERIFY(m_server->listen());
        m_transport = createTransport();
        m_transport->setIdleTimeoutMs(idleTimeoutMs);
        m_transport->setTotalTimeoutMs(3000);
        m_transport->setBodyCap(bodyCap);
    }

    void cleanup()
    {
        m_transport.reset();
        m_server.reset();
    }

    void aClosedPortIsConnectionRefused()
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        const quint16 port = probe.serverPort();
        probe.close();
        const auto outcome = run(get(QUrl(u"http://127.0.0.1:"_qs + QString::number(port) + u"/"_qs)));
        QVERIFY(outcome);
        QVERIFY(!outcome->response);
        QCOMPARE(outcome->networkError, u"net::ERR_CONNECTION_REFUSED"_qs);
        QVERIFY(outcome->networkErrorDetail.contains(QString::number(port)));
    }

    void aServerThatNeverAnswersTimesOut()
    {
        m_server->setHandler([](const RawHttpRequest &, RawHttpResponder &) {});
        QElapsedTimer timer;
        timer.start();
        const auto outcome = run(get(m_server->url()));
        QVERIFY(outcome);
        QVERIFY(!outcome->response);
        QCOMPARE(outcome->networkError, u"net::ERR_TIMED_OUT"_qs);
        QVERIFY(outcome->networkErrorDetail.contains(QString::number(idleTimeoutMs)));
        QVERIFY(timer.elapsed() >= idleTimeoutMs - 20);
        QVERIFY(outcome->timings.totalMs >= idleTimeoutMs - 20);
        QCOMPARE(m_server->requests().size(), 1);
    }

    void aSlowDripIsEndedByTheTotalTimeout()
    {
        m_transport->setTotalTimeoutMs(800);
        m_server->setHandler([](const RawHttpRequest &, RawHttpResponder &responder) {
            responder.writeHead(200, "OK", {{"Content-Length", "100000"}});
            responder.streamBody("x", 50); // never idle long enough for the idle timeout
        });
        QElapsedTimer timer;
        timer.start();
        const auto outcome = run(get(m_server->url()));
        QVERIFY(outcome && outcome->response);
        QVERIFY(outcome->response->bodyTruncated);
        QVERIFY2(outcome->networkErrorDetail.contains(u"800 ms in all"), qPrintable(outcome->networkErrorDetail));
        QVERIFY2(timer.elapsed() >= 780 && timer.elapsed() < 2000, qPrintable(QString::number(timer.elapsed())));
        QVERIFY(!outcome->response->body.isEmpty());
    }

    void aBodyExactlyAtTheCapIsComplete()
    {
        const QByteArray body(int(bodyCap), 'b');
        m_server->setHandler(
            [body](const RawHttpRequest &, RawHttpResponder &responder) { responder.respond(200, "OK", {}, body); });
        const auto outcome = run(get(m_server->url()));
        QVERIFY(outcome && outcome->response);
        QCOMPARE(outcome->response->body.size(), bodyCap);
        QVERIFY(!outcome->response->bodyTruncated);
    }

    void abortFinishesOnceAtOnce()
    {
        m_server->setHandler([](const RawHttpRequest &, RawHttpResponder &) {});
        QPointer<PendingTransfer> transfer = m_transport->send(get(m_server->url()));
        QList<HopOutcome> outcomes;
        connect(transfer, &PendingTransfer::finished, this, [&](const HopOutcome &outcome) { outcomes << outcome; });
        QTRY_COMPARE(m_server->requests().size(), 1);
        transfer->abort();
        QCOMPARE(outcomes.size(), 1);
        QVERIFY(transfer->isFinished());
        QCOMPARE(outcomes.first().networkError, u"net::ERR_ABORTED"_qs);
        transfer->abort();
        QTest::qWait(idleTimeoutMs + 100); // the idle timer must not fire a second finished()
        QCOMPARE(outcomes.size(), 1);
        QVERIFY(transfer.isNull());
    }

    void destroyingTheTransportMidFlightIsSafe()
    {
        m_server->setHandler([](const RawHttpRequest &, RawHttpResponder &) {});
        QPointer<PendingTransfer> transfer = m_transport->send(get(m_server->url()));
        QTRY_COMPARE(m_server->requests().size(), 1);
        m_transport.reset();
        QVERIFY(transfer.isNull());
        QTRY_COMPARE(m_server->openConnectionCount(), 0);
        m_transport = createTransport();
    }

    void loopbackHopTime_data()
    {
        QTest::addColumn<bool>("announced");
        QTest::newRow("no Connection header") << false;
        QTest::newRow("Connection: keep-alive (reused at once)") << true;
    }

    void loopbackHopTime()
    {
        // A figure for the report, not a pass/fail timing: median of 50 hops on one connection.
        QFETCH(bool, announced);
        m_server->setHandler([announced](const RawHttpRequest &, RawHttpResponder &responder) {
            HeaderList headers{{"Access-Control-Allow-Origin", "*"}};
            if (announced)
                headers.append("Connection", "keep-alive");
            responder.respond(200, "OK", headers, "ok");
        });
        QList<double> totals;
        for (int i = 0; i < 50; ++i) {
            const auto outcome = run(get(m_server->url()));
            QVERIFY(outcome && outcome->response);
            totals << outcome->timings.totalMs;
        }
        const double firstOnNewConnection = totals.first();
        std::sort(totals.begin(), totals.end());
        qInfo("loopback hop: %.2f ms on a new connection; then min %.2f ms, median %.2f ms, max %.2f ms",
            firstOnNewConnection, totals.first(), totals.at(totals.size() / 2), totals.last());
        QCOMPARE(m_server->acceptedConnectionCount(), 1);
    }
};

} // namespace corscope
