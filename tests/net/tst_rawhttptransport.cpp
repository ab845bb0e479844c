#include "net/rawhttptransport.h"
#include "transporttest.h"

#include <QFile>
#include <QPointer>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTest>
#include <optional>

using namespace corscope;

// RawHttpTransport against the real RawHttpServer on loopback; the tests every transport passes are
// in TransportTest.
class TestRawHttpTransport : public TransportTest
{
    Q_OBJECT

private:
    std::unique_ptr<ConfigurableTransport> createTransport() const override
    {
        return std::make_unique<RawHttpTransport>();
    }
    RawHttpTransport *transport() const { return static_cast<RawHttpTransport *>(m_transport.get()); }

    // A handler that writes these bytes as the whole answer and keeps the connection open.
    static RawHttpServer::Handler raw(const QByteArray &bytes)
    {
        return [bytes](const RawHttpRequest &, RawHttpResponder &responder) { responder.write(bytes); };
    }

    static QByteArray manyHeaders(int count)
    {
        QByteArray bytes = "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n";
        for (int i = 1; i < count; ++i)
            bytes += "X-Header-" + QByteArray::number(i) + ": value\r\n";
        return bytes + "\r\nok";
    }

    static qint64 residentKiB()
    {
        QFile status(QStringLiteral("/proc/self/status"));
        if (!status.open(QIODevice::ReadOnly))
            return -1;
        for (const QByteArray &line : status.readAll().split('\n')) {
            if (line.startsWith("VmRSS:"))
                return line.mid(6).trimmed().split(' ').first().toLongLong();
        }
        return -1;
    }

private Q_SLOTS:
    void emptyHeaderValuesAreKept()
    {
        m_server->setHandler(raw("HTTP/1.1 200 OK\r\nAccess-Control-Allow-Origin:\r\nX-Blank:   \t \r\n"
                                 "Content-Length: 0\r\n\r\n"));
        const auto outcome = run(get(m_server->url()));
        QVERIFY(outcome && outcome->response);
        const HeaderList expected{
            {"Access-Control-Allow-Origin", ""}, {"X-Blank", ""}, {"Content-Length", "0"}};
        QCOMPARE(outcome->response->headers, expected);
    }

    void duplicateLinesStaySeparateAndInOrder()
    {
        m_server->setHandler(raw("HTTP/1.1 200 OK\r\naccess-control-allow-origin: *\r\nSet-Cookie: a=1\r\n"
                                 "ACCESS-CONTROL-ALLOW-ORIGIN:  http://app.test \r\nSet-Cookie: b=2\r\n"
                                 "Content-Length: 2\r\n\r\nok"));
        const auto outcome = run(get(m_server->url()));
        QVERIFY(outcome && outcome->response);
        const HeaderList expected{{"access-control-allow-origin", "*"}, {"Set-Cookie", "a=1"},
            {"ACCESS-CONTROL-ALLOW-ORIGIN", "http://app.test"}, {"Set-Cookie", "b=2"}, {"Content-Length", "2"}};
        QCOMPARE(outcome->response->headers, expected);
        QCOMPARE(outcome->response->status, 200);
        QCOMPARE(outcome->response->reasonPhrase, QByteArray("OK"));
        QCOMPARE(outcome->response->body, QByteArray("ok"));
    }

    void obsFoldIsJoinedWithOneSpace()
    {
        m_server->setHandler(raw("HTTP/1.1 200 OK\r\nX-Long: one\r\n   two\r\n\tthree\r\nNo colon here\r\n"
                                 "Content-Length: 0\r\n\r\n"));
        const auto outcome = run(get(m_server->url()));
        QVERIFY(outcome && outcome->response);
        const HeaderList expected{{"X-Long", "one two three"}, {"Content-Length", "0"}};
        QCOMPARE(outcome->response->headers, expected);
    }

    void manyHeaderFieldsAreRead_data()
    {
        QTest::addColumn<int>("count");
        QTest::newRow("101 fields (Qt's limit is 100)") << 101;
        QTest::newRow("1000 fields") << 1000;
        QTest::newRow("10000 fields (about 220 KiB)") << 10000;
    }

    void manyHeaderFieldsAreRead()
    {
        QFETCH(int, count);
        m_server->setHandler(raw(manyHeaders(count)));
        const auto outcome = run(get(m_server->url()));
        QVERIFY(outcome && outcome->response);
        QCOMPARE(outcome->response->headers.size(), count);
        QCOMPARE(outcome->response->headers.fields().last().name, "X-Header-" + QByteArray::number(count - 1));
        QCOMPARE(outcome->response->body, QByteArray("ok"));
    }

    void aHeadBlockOver256KiBIsTooBig()
    {
        m_server->setHandler(raw(manyHeaders(14000))); // about 300 KiB
        const auto outcome = run(get(m_server->url()));
        QVERIFY(outcome);
        QVERIFY(!outcome->response);
        QCOMPARE(outcome->networkError, u"net::ERR_RESPONSE_HEADERS_TOO_BIG"_qs);
    }

    void brokenResponsesAreChromiumErrors_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QByteArray>("action"); // close, reset or bytes to write (connection kept open)
        QTest::addColumn<QString>("error");
        for (const QByteArray &method : {QByteArray("GET"), QByteArray("POST")}) {
            const auto row = [&](const char *what) -> QTestData & {
                return QTest::addRow("%s %s", method.constData(), what);
            };
            row("closed without a byte is an empty response") << method << QByteArray("close")
                                                               << u"net::ERR_EMPTY_RESPONSE"_qs;
            row("reset without a byte is a reset") << method << QByteArray("reset") << u"net::ERR_CONNECTION_RESET"_qs;
            row("garbage is an invalid response") << method << QByteArray("SSH-2.0-OpenSSH\r\n\r\n")
                                                  << u"net::ERR_INVALID_HTTP_RESPONSE"_qs;
            row("a status without digits is invalid") << method << QByteArray("HTTP/1.1 abc OK\r\n\r\n")
                                                      << u"net::ERR_INVALID_HTTP_RESPONSE"_qs;
            row("HTTP/2 framing on HTTP/1.1 is invalid") << method << QByteArray("HTTP/2 200\r\n\r\n")
                                                         << u"net::ERR_INVALID_HTTP_RESPONSE"_qs;
            row("a NUL in the head is invalid") << method << QByteArray("HTTP/1.1 200 OK\r\nX: a\0b\r\n\r\n", 27)
                                                << u"net::ERR_INVALID_HTTP_RESPONSE"_qs;
            row("two different Content-Length values are refused")
                << method << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\nok")
                << u"net::ERR_RESPONSE_HEADERS_MULTIPLE_CONTENT_LENGTH"_qs;
            row("two different Location values are refused")
                << method
                << QByteArray("HTTP/1.1 302 Found\r\nLocation: /a\r\nLocation: /b\r\nContent-Length: 0\r\n\r\n")
                << u"net::ERR_RESPONSE_HEADERS_MULTIPLE_LOCATION"_qs;
        }
    }

    void brokenResponsesAreChromiumErrors()
    {
        QFETCH(QByteArray, method);
        QFETCH(QByteArray, action);
        QFETCH(QString, error);
        m_server->setHandler([action](const RawHttpRequest &, RawHttpResponder &responder) {
            if (action == "close")
                responder.close();
            else if (action == "reset")
                responder.reset();
            else
                responder.write(action);
        });
        const auto outcome = run(request(method, m_server->url(u"/x"_qs), method == "POST" ? "data" : ""));
        QVERIFY(outcome);
        QVERIFY(!outcome->response);
        QCOMPARE(outcome->networkError, error);
        QVERIFY(!outcome->networkErrorDetail.isEmpty());
        QTest::qWait(200); // a resend would arrive by now
        QCOMPARE(m_server->requests().size(), 1); // never sent twice
        QCOMPARE(m_server->acceptedConnectionCount(), 1);
    }

    void sameContentLengthTwiceIsAccepted()
    {
        m_server->setHandler(raw("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nContent-Length: 2\r\n\r\nok"));
        const auto outcome = run(get(m_server->url()));
        QVERIFY(outcome && outcome->response);
        QCOMPARE(outcome->response->body, QByteArray("ok"));
    }

    void aHeadCutShortKeepsWhatArrived()
    {
        // Chromium's HttpStreamParser parses a truncated head on http:// as far as it goes.
        m_server->setHandler([](const RawHttpRequest &, RawHttpResponder &responder) {
            responder.write("HTTP/1.1 200 OK\r\nAccess-Control-Allow-Origin: *\r\nX-Cut");
            responder.close();
        });
        const auto outcome = run(get(m_server->url()));
        QVERIFY(outcome && outcome->response);
        QVERIFY(outcome->networkError.isEmpty());
        QCOMPARE(outcome->response->headers, (HeaderList{{"Access-Control-Allow-Origin", "*"}}));
        QVERIFY(outcome->networkErrorDetail.contains(u"end of the headers"));
        QCOMPARE(m_server->requests().size(), 1);
    }

    void aConnectionClosedMidBodyKeepsTheResponse_data()
    {
        QTest::addColumn<bool>("reset");
        QTest::addColumn<QByteArray>("head");
        QTest::newRow("close with Content-Length") << false << QByteArray("Content-Length: 100");
        QTest::newRow("reset with Content-Length") << true << QByteArray("Content-Length: 100");
        QTest::newRow("close before the last chunk") << false << QByteArray("Transfer-Encoding: chunked");
    }

    void aConnectionClosedMidBodyKeepsTheResponse()
    {
        QFETCH(bool, reset);
        QFETCH(QByteArray, head);
        const QByteArray body = head.startsWith("Content") ? "abc" : "3\r\nabc\r\n";
        m_server->setHandler([=](const RawHttpRequest &, RawHttpResponder &responder) {
            responder.write("HTTP/1.1 200 OK\r\n" + head + "\r\n\r\n" + body);
            responder.after(30, [reset](RawHttpResponder &later) {
                if (reset)
                    later.reset();
                else
                    later.close();
            });
        });
        const auto outcome = run(get(m_server->url()));
        QVERIFY(outcome && outcome->response);
        QVERIFY(outcome->networkError.isEmpty());
        QVERIFY(outcome->response->bodyTruncated);
        QCOMPARE(outcome->response->body, QByteArray("abc"));
        QVERIFY(outcome->networkErrorDetail.contains(u"incomplete"));
        QCOMPARE(m_server->requests().size(), 1);
    }

    void aBodyUntilCloseIsComplete()
    {
        m_server->setHandler([](const RawHttpRequest &, RawHttpResponder &responder) {
            responder.write("HTTP/1.1 200 OK\r\nX-A: 1\r\n\r\nall of it");
            responder.close();
        });
        const auto outcome = run(get(m_server->url()));
        QVERIFY(outcome && outcome->response);
        QCOMPARE(outcome->response->body, QByteArray("all of it"));
        QVERIFY(!outcome->response->bodyTruncated);
        QVERIFY(outcome->networkErrorDetail.isEmpty());
    }

    void chunkedBodiesAreDecoded_data()
    {
        QTest::addColumn<QByteArray>("wire");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<bool>("truncated");
        QTest::newRow("two chunks") << QByteArray("5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n") << QByteArray("hello world")
                                    << false;
        QTest::newRow("chunk extensions and trailers are ignored")
            << QByteArray("5;name=value\r\nhello\r\nA ; x\r\n0123456789\r\n0;last\r\nX-Trailer: t\r\nOther: u\r\n\r\n")
            << QByteArray("hello0123456789") << false;
        QTest::newRow("bare LF line ends") << QByteArray("2\nok\n0\n\n") << QByteArray("ok") << false;
        QTest::newRow("a chunk size that is not hex ends the body")
            << QByteArray("2\r\nok\r\nzz\r\nmore\r\n0\r\n\r\n") << QByteArray("ok") << true;
    }

    void chunkedBodiesAreDecoded()
    {
        QFETCH(QByteArray, wire);
        QFETCH(QByteArray, body);
        QFETCH(bool, truncated);
        m_server->setHandler([wire](const RawHttpRequest &, RawHttpResponder &responder) {
            // In two pieces, split inside a chunk, to exercise the incremental decoder.
            responder.write("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n" + wire.left(7));
            responder.after(20, [wire](RawHttpResponder &later) { later.write(wire.mid(7)); });
        });
        const auto outcome = run(get(m_server->url()));
        QVERIFY(outcome && outcome->response);
        QCOMPARE(outcome->response->body, body);
        QCOMPARE(outcome->response->bodyTruncated, truncated);
        QCOMPARE(outcome->networkErrorDetail.contains(u"ERR_INVALID_CHUNKED_ENCODING"), truncated);
    }

    void anEndlessBodyIsCappedExactlyWithBoundedMemory()
    {
        m_transport->setBodyCap(4 * 1024 * 1024);
        m_server->setHandler([](const RawHttpRequest &, RawHttpResponder &responder) {
            responder.writeHead(200, "OK", {{"Content-Type", "application/octet-stream"}});
            responder.streamBody(QByteArray(16 * 1024, 'z'), 0); // endless, as fast as we read
        });
        const qint64 before = residentKiB();
        const auto outcome = run(get(m_server->url()), 15000);
        QVERIFY(outcome && outcome->response);
        QVERIFY(outcome->networkError.isEmpty());
        QVERIFY(outcome->response->bodyTruncated);
        QCOMPARE(outcome->response->body.size(), 4 * 1024 * 1024);
        QVERIFY(outcome->networkErrorDetail.contains(u"body cap"));
        const qint64 grown = residentKiB() - before;
        QVERIFY2(grown < 32 * 1024, qPrintable(QStringLiteral("RSS grew by %1 KiB").arg(grown)));
        QTRY_COMPARE(m_server->openConnectionCount(), 0); // we stopped reading and closed
    }

    void aSlowBodyTimesOutAndKeepsTheHeaders()
    {
        m_server->setHandler(raw("HTTP/1.1 200 OK\r\nAccess-Control-Allow-Origin: *\r\nContent-Length: 50\r\n\r\npart"));
        const auto outcome = run(get(m_server->url()));
        QVERIFY(outcome && outcome->response);
        QVERIFY(outcome->networkError.isEmpty());
        QVERIFY(outcome->response->bodyTruncated);
        QCOMPARE(outcome->response->body, QByteArray("part"));
        QCOMPARE(outcome->response->headers.combinedValue("access-control-allow-origin"), QByteArray("*"));
        QVERIFY(outcome->networkErrorDetail.contains(u"no data arrived"));
    }

    void keepAliveReusesOneConnection()
    {
        m_server->setHandler([](const RawHttpRequest &, RawHttpResponder &responder) {
            responder.respond(200, "OK", {{"Access-Control-Allow-Origin", "*"}}, "ok");
        });
        const auto first = run(get(m_server->url(u"/1"_qs)));
        const auto second = run(request("POST", m_server->url(u"/2"_qs), "body"));
        QVERIFY(first && first->response && second && second->response);
        QCOMPARE(m_server->acceptedConnectionCount(), 1);
        QCOMPARE(m_server->requests().size(), 2);
        QCOMPARE(m_server->requests().at(1).numberOnConnection, 2);
        QVERIFY(first->timings.connectMs > 0);
        QCOMPARE(second->timings.connectMs, 0.0);
        QCOMPARE(transport()->idleConnectionCount(), 1);
    }

    void connectionCloseIsHonoured_data()
    {
        QTest::addColumn<QByteArray>("answer");
        QTest::newRow("Connection: close") << QByteArray("HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 2\r\n\r\nok");
        QTest::newRow("Connection: Upgrade, CLOSE")
            << QByteArray("HTTP/1.1 200 OK\r\nConnection: Upgrade, CLOSE\r\nContent-Length: 2\r\n\r\nok");
        QTest::newRow("HTTP/1.0 without keep-alive") << QByteArray("HTTP/1.0 200 OK\r\nContent-Length: 2\r\n\r\nok");
        QTest::newRow("a body delimited by close") << QByteArray("HTTP/1.1 200 OK\r\n\r\nok");
        QTest::newRow("bytes after the response") << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nokEXTRA");
    }

    void connectionCloseIsHonoured()
    {
        QFETCH(QByteArray, answer);
        m_server->setHandler([answer](const RawHttpRequest &, RawHttpResponder &responder) {
            responder.write(answer);
            if (!answer.contains("Content-Length"))
                responder.close();
        });
        QVERIFY(run(get(m_server->url())));
        QCOMPARE(transport()->idleConnectionCount(), 0);
        const auto second = run(get(m_server->url()));
        QVERIFY(second && second->response);
        QCOMPARE(second->response->body, QByteArray("ok"));
        QCOMPARE(m_server->acceptedConnectionCount(), 2);
        QCOMPARE(m_server->requests().size(), 2);
    }

    void aPooledConnectionClosedWhileIdleIsReplacedWithoutResending()
    {
        m_server->setHandler([](const RawHttpRequest &, RawHttpResponder &responder) {
            responder.respond(200, "OK", {}, "ok");
            responder.after(20, [](RawHttpResponder &later) { later.close(); }); // idle close, like nginx
        });
        QVERIFY(run(get(m_server->url(u"/1"_qs))));
        QTest::qWait(150);
        const auto second = run(request("POST", m_server->url(u"/2"_qs), "once"));
        QVERIFY(second && second->response);
        QVERIFY(second->networkError.isEmpty());
        QCOMPARE(m_server->requests().size(), 2);
        QCOMPARE(m_server->acceptedConnectionCount(), 2);
        QVERIFY(second->timings.connectMs > 0);
    }

    void aServerClosingRightAfterEachResponseIsNeverSentARequestTwice()
    {
        // Like tests/browser/scenario-server.mjs: no "Connection: close", but a FIN just after the
        // response (here 1 ms later, after the client already has the response). The pooled
        // connection must be seen as closed before anything is written to it: the settle time
        // (generous here so a loaded machine cannot make the test flaky) lets the FIN arrive.
        transport()->setReuseSettleMs(50);
        m_server->setHandler([](const RawHttpRequest &, RawHttpResponder &responder) {
            responder.respond(200, "OK", {}, "ok");
            responder.after(1, [](RawHttpResponder &later) { later.close(); });
        });
        for (int i = 0; i < 20; ++i) {
            const auto outcome = run(request(i % 2 ? "POST" : "OPTIONS", m_server->url(), i % 2 ? "x" : ""));
            QVERIFY(outcome);
            QVERIFY2(outcome->response, qPrintable(outcome->networkError));
        }
        QCOMPARE(m_server->requests().size(), 20);
        QCOMPARE(m_server->acceptedConnectionCount(), 20);
    }

    void aServerClosingRightAfterEachResponseGetsEachRequestOnceWithoutSettling()
    {
        // The default: reuse at once; a stale connection is detected and the request resent on a
        // fresh one, so the server still sees every request exactly once.
        transport()->setReuseSettleMs(0);
        m_server->setHandler([](const RawHttpRequest &, RawHttpResponder &responder) {
            responder.respond(200, "OK", {}, "ok");
            responder.close();
        });
        for (int i = 0; i < 20; ++i) {
            const auto outcome = run(request(i % 2 ? "POST" : "OPTIONS", m_server->url(), i % 2 ? "x" : ""));
            QVERIFY(outcome);
            QVERIFY2(outcome->response, qPrintable(outcome->networkError));
        }
        QTest::qWait(100);
        QCOMPARE(m_server->requests().size(), 20);
    }

    void anAnnouncedKeepAliveIsReusedWithoutSettling()
    {
        transport()->setReuseSettleMs(1000);
        m_server->setHandler([](const RawHttpRequest &, RawHttpResponder &responder) {
            responder.respond(200, "OK", {{"Connection", "keep-alive"}}, "ok");
        });
        QVERIFY(run(get(m_server->url())));
        QElapsedTimer timer;
        timer.start();
        const auto second = run(get(m_server->url()));
        QVERIFY(second && second->response);
        QVERIFY2(timer.elapsed() < 900, qPrintable(QString::number(timer.elapsed())));
        QCOMPARE(second->timings.connectMs, 0.0);
        QCOMPARE(m_server->acceptedConnectionCount(), 1);
    }

    void anUnannouncedKeepAliveIsReusedAfterTheSettleTime()
    {
        transport()->setReuseSettleMs(300);
        m_server->setHandler([](const RawHttpRequest &, RawHttpResponder &responder) {
            responder.respond(200, "OK", {}, "ok");
        });
        QVERIFY(run(get(m_server->url())));
        const auto second = run(get(m_server->url()));
        QVERIFY(second && second->response);
        QVERIFY2(second->timings.totalMs >= 250, qPrintable(QString::number(second->timings.totalMs)));
        QCOMPARE(second->timings.connectMs, 0.0);
        QCOMPARE(m_server->acceptedConnectionCount(), 1);
    }

    void aPooledConnectionThatDiesBeforeAnsweringIsRetriedOnceLikeChromium_data()
    {
        QTest::addColumn<bool>("reset");
        QTest::addColumn<bool>("freshConnectionAnswers");
        QTest::newRow("a closed pooled connection: the retry on a new connection is answered") << false << true;
        QTest::newRow("a reset pooled connection: the retry on a new connection is answered") << true << true;
        QTest::newRow("closed again on the new connection: the error is reported, no third try") << false << false;
        QTest::newRow("reset again on the new connection: the error is reported, no third try") << true << false;
    }

    // Chromium's HttpNetworkTransaction::ShouldResendRequest: a reused keep-alive connection that ends
    // before any response byte was stale, so the request is sent once more on a fresh connection.
    void aPooledConnectionThatDiesBeforeAnsweringIsRetriedOnceLikeChromium()
    {
        QFETCH(bool, reset);
        QFETCH(bool, freshConnectionAnswers);
        m_server->setHandler(
            [reset, freshConnectionAnswers](const RawHttpRequest &received, RawHttpResponder &responder) {
                const bool firstOnFirstConnection = received.connectionNumber == 1 && received.numberOnConnection == 1;
                if (firstOnFirstConnection || (received.connectionNumber == 2 && freshConnectionAnswers))
                    responder.respond(200, "OK", {}, "ok");
                else if (reset)
                    responder.reset();
                else
                    responder.close();
            });
        QVERIFY(run(get(m_server->url(u"/1"_qs))));
        const auto second = run(request("POST", m_server->url(u"/2"_qs), "twice at most"));
        QVERIFY(second);
        if (freshConnectionAnswers) {
            QVERIFY(second->response);
            QCOMPARE(second->response->status, 200);
        } else {
            QVERIFY(!second->response);
            QCOMPARE(second->networkError, reset ? u"net::ERR_CONNECTION_RESET"_qs : u"net::ERR_EMPTY_RESPONSE"_qs);
        }
        QTest::qWait(200);
        QCOMPARE(m_server->requests().size(), 3); // the GET, then the POST on each connection, never more
        QCOMPARE(m_server->acceptedConnectionCount(), 2);
    }

    void aFreshConnectionThatDiesIsNeverRetried()
    {
        m_server->setHandler([](const RawHttpRequest &, RawHttpResponder &responder) { responder.close(); });
        const auto outcome = run(request("POST", m_server->url(u"/once"_qs), "once"));
        QVERIFY(outcome && !outcome->response);
        QCOMPARE(outcome->networkError, u"net::ERR_EMPTY_RESPONSE"_qs);
        QTest::qWait(200);
        QCOMPARE(m_server->requests().size(), 1);
    }

    void theRequestOnTheWireIsTheRecordedRequest_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QString>("pathAndQuery");
        QTest::addColumn<HeaderList>("headers");
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("a GET with headers in order")
            << QByteArray("GET") << u"/a/b?x=1&y=%20z"_qs
            << HeaderList{{"Origin", "http://app.test"}, {"X-b", "2"}, {"x-A", "1"}, {"x-b", "3"}} << QByteArray();
        QTest::newRow("a POST with a body") << QByteArray("POST") << u"/p"_qs
                                            << HeaderList{{"Content-Type", "text/plain"}} << QByteArray("a=1");
        QTest::newRow("an empty PUT sends Content-Length 0") << QByteArray("PUT") << u"/"_qs << HeaderList{}
                                                             << QByteArray();
        QTest::newRow("an OPTIONS preflight has no Content-Length")
            << QByteArray("OPTIONS") << u"/r"_qs
            << HeaderList{{"Origin", "http://app.test"}, {"Access-Control-Request-Method", "PUT"}} << QByteArray();
        QTest::newRow("the request's own User-Agent and Host") << QByteArray("GET") << u"/"_qs
                                                               << HeaderList{{"Host", "evil"}, {"User-Agent", "mine"}}
                                                               << QByteArray();
    }

    void theRequestOnTheWireIsTheRecordedRequest()
    {
        QFETCH(QByteArray, method);
        QFETCH(QString, pathAndQuery);
        QFETCH(HeaderList, headers);
        QFETCH(QByteArray, body);
        m_server->setHandler(
            [](const RawHttpRequest &, RawHttpResponder &responder) { responder.respond(204, "No Content"); });
        HttpRequest hop = request(method, m_server->url(pathAndQuery), body);
        hop.headers = headers;
        const auto outcome = run(hop);
        QVERIFY(outcome && outcome->response);
        QCOMPARE(m_server->requests().size(), 1);
        const RawHttpRequest received = m_server->requests().first();
        QCOMPARE(received.headers, outcome->sentRequest.headers);
        QCOMPARE(received.head + received.body, RawHttpTransport::serialize(outcome->sentRequest));
        QCOMPARE(received.body, body);
        QCOMPARE(received.method, method);
        QCOMPARE(received.target, pathAndQuery.toLatin1());
        QCOMPARE(received.headers.fields().first().name, QByteArray("Host"));
        QCOMPARE(received.headers.combinedValue("host"), "127.0.0.1:" + QByteArray::number(m_server->port()));
        QCOMPARE(received.headers.combinedValue("accept-encoding"), QByteArray("identity"));
        QVERIFY(!received.headers.contains("transfer-encoding"));
        if (!headers.contains("user-agent"))
            QCOMPARE(received.headers.combinedValue("user-agent"), RawHttpTransport(nullptr).userAgent());
        const bool wantsLength = !body.isEmpty() || method == "POST" || method == "PUT";
        QCOMPARE(received.headers.contains("content-length"), wantsLength);
        // The request's own headers keep their order and spelling.
        HeaderList own;
        for (const HeaderField &field : received.headers) {
            if (headers.contains(field.name) && !HeaderList::namesEqual(field.name, "host"))
                own.append(field.name, field.value);
        }
        HeaderList expectedOwn;
        for (const HeaderField &field : headers) {
            if (!HeaderList::namesEqual(field.name, "host"))
                expectedOwn.append(field.name, field.value);
        }
        QCOMPARE(own, expectedOwn);
    }

    void unsafeRequestsNeverReachTheWire_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<HeaderList>("headers");
        QTest::newRow("CRLF in a header value") << QByteArray("GET") << HeaderList{{"X-A", "1\r\nX-Injected: 2"}};
        QTest::newRow("a space in a header name") << QByteArray("GET") << HeaderList{{"X A", "1"}};
        QTest::newRow("a method with CRLF") << QByteArray("GET / HTTP/1.1\r\nX:") << HeaderList{};
    }

    void unsafeRequestsNeverReachTheWire()
    {
        QFETCH(QByteArray, method);
        QFETCH(HeaderList, headers);
        HttpRequest hop = request(method, m_server->url());
        hop.headers = headers;
        const auto outcome = run(hop);
        QVERIFY(outcome);
        QCOMPARE(outcome->networkError, u"net::ERR_INVALID_ARGUMENT"_qs);
        QTest::qWait(50);
        QCOMPARE(m_server->acceptedConnectionCount(), 0);
    }

    void httpsIsNotForThisTransport()
    {
        const auto outcome = run(get(QUrl(u"https://127.0.0.1:"_qs + QString::number(m_server->port()) + u"/"_qs)));
        QVERIFY(outcome);
        QCOMPARE(outcome->networkError, u"net::ERR_INVALID_ARGUMENT"_qs);
        QCOMPARE(m_server->acceptedConnectionCount(), 0);
    }

    void resolveKeepsTheUrlAndHostHeader()
    {
        ResolveMap map;
        QVERIFY(map.add(u"api.test:"_qs + QString::number(m_server->port()) + u":127.0.0.1"_qs).isEmpty());
        m_transport->setResolveMap(map);
        m_server->setHandler([](const RawHttpRequest &, RawHttpResponder &responder) { responder.respond(200, "OK"); });
        const QUrl url(u"http://api.test:"_qs + QString::number(m_server->port()) + u"/r?q=1"_qs);
        const auto outcome = run(get(url));
        QVERIFY(outcome && outcome->response);
        QCOMPARE(outcome->response->url, url);
        QCOMPARE(m_server->requests().first().headers.combinedValue("host"),
            "api.test:" + QByteArray::number(m_server->port()));
        QCOMPARE(m_server->requests().first().target, QByteArray("/r?q=1"));
    }

    void aHostNameIsResolved()
    {
        // localhost comes from /etc/hosts; it may resolve to ::1 first, then 127.0.0.1 is tried.
        m_server->setHandler([](const RawHttpRequest &, RawHttpResponder &responder) { responder.respond(200, "OK"); });
        const QUrl url(u"http://localhost:"_qs + QString::number(m_server->port()) + u"/"_qs);
        const auto outcome = run(get(url));
        QVERIFY(outcome && outcome->response);
        QCOMPARE(m_server->requests().first().headers.combinedValue("host"),
            "localhost:" + QByteArray::number(m_server->port()));
    }

    void responsesWithoutABody_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<int>("status");
        QTest::newRow("HEAD with Content-Length 10") << QByteArray("HEAD") << 200;
        QTest::newRow("204 with Content-Length 10") << QByteArray("GET") << 204;
        QTest::newRow("304 with Content-Length 10") << QByteArray("GET") << 304;
    }

    void responsesWithoutABody()
    {
        QFETCH(QByteArray, method);
        QFETCH(int, status);
        m_server->setHandler([status](const RawHttpRequest &, RawHttpResponder &responder) {
            responder.write("HTTP/1.1 " + QByteArray::number(status) + " X\r\nContent-Length: 10\r\n\r\n");
        });
        const auto outcome = run(request(method, m_server->url()), 2000);
        QVERIFY(outcome && outcome->response);
        QCOMPARE(outcome->response->status, status);
        QVERIFY(outcome->response->body.isEmpty());
        QVERIFY(!outcome->response->bodyTruncated);
        QVERIFY(outcome->timings.totalMs < idleTimeoutMs); // not waiting for the announced 10 bytes
        QCOMPARE(transport()->idleConnectionCount(), 1);
    }

    void informationalResponsesAreSkipped()
    {
        m_server->setHandler(raw("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 103 Early Hints\r\nLink: </a>\r\n\r\n"
                                 "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"));
        const auto outcome = run(request("POST", m_server->url(), "x"));
        QVERIFY(outcome && outcome->response);
        QCOMPARE(outcome->response->status, 200);
        QCOMPARE(outcome->response->headers, (HeaderList{{"Content-Length", "2"}}));
        QCOMPARE(outcome->response->body, QByteArray("ok"));
    }

    void timingsAreNonNegativeAndOrdered()
    {
        m_server->setHandler([](const RawHttpRequest &, RawHttpResponder &responder) {
            responder.after(30, [](RawHttpResponder &later) { later.respond(200, "OK", {}, "ok"); });
        });
        const auto outcome = run(get(m_server->url()));
        QVERIFY(outcome && outcome->response);
        const HopTimings t = outcome->timings;
        QCOMPARE(t.startMs, 0.0);
        QVERIFY(t.connectMs >= 0);
        QVERIFY(t.waitMs >= 25);
        QVERIFY(t.downloadMs >= 0);
        QVERIFY(t.totalMs >= t.connectMs + t.waitMs + t.downloadMs - 0.01);
    }

    void finishedIsNeverEmittedInsideSend()
    {
        m_server->setHandler([](const RawHttpRequest &, RawHttpResponder &responder) { responder.respond(200, "OK"); });
        for (const QByteArray &method : {QByteArray("BAD METHOD"), QByteArray("GET")}) {
            int emissions = 0;
            PendingTransfer *transfer = m_transport->send(request(method, m_server->url()));
            QVERIFY(!transfer->isFinished());
            connect(transfer, &PendingTransfer::finished, this, [&] { ++emissions; });
            QTRY_COMPARE(emissions, 1);
        }
    }

};

QTEST_GUILESS_MAIN(TestRawHttpTransport)
#include "tst_rawhttptransport.moc"
