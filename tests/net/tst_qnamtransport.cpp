#include "net/qnamtransport.h"
#include "transporttest.h"

#include <QElapsedTimer>
#include <QPointer>
#include <QSignalSpy>
#include <QSslSocket>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTest>
#include <optional>

using namespace corscope;

// QnamTransport against the real RawHttpServer on loopback; the tests every transport passes are in
// TransportTest.
class TestQnamTransport : public TransportTest
{
    Q_OBJECT

private:
    std::unique_ptr<ConfigurableTransport> createTransport() const override
    {
        return std::make_unique<QnamTransport>();
    }

    static QByteArray manyHeaders(int count, const QByteArray &extra = {})
    {
        QByteArray bytes = "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n" + extra;
        for (int i = 1; i < count - extra.count('\n'); ++i)
            bytes += "X-Header-" + QByteArray::number(i) + ": value\r\n";
        return bytes + "\r\nok";
    }

private Q_SLOTS:
    void statusCodesAreResponsesNotErrors_data()
    {
        QTest::addColumn<int>("status");
        QTest::newRow("200 is a response") << 200;
        QTest::newRow("404 is a response, not an error") << 404;
        QTest::newRow("500 is a response, not an error") << 500;
        QTest::newRow("401 without an authenticator is a response") << 401;
        QTest::newRow("204 without a body is a response") << 204;
    }

    void statusCodesAreResponsesNotErrors()
    {
        QFETCH(int, status);
        m_server->setHandler([status](const RawHttpRequest &, RawHttpResponder &responder) {
            responder.respond(status, "Whatever", {{"X-Status", QByteArray::number(status)}},
                status == 204 ? QByteArray() : QByteArray("body-") + QByteArray::number(status));
        });
        const auto outcome = run(get(m_server->url(u"/s"_qs)));
        QVERIFY(outcome);
        QVERIFY2(outcome->networkError.isEmpty(), qPrintable(outcome->networkError));
        QVERIFY(outcome->response);
        QCOMPARE(outcome->response->status, status);
        QCOMPARE(outcome->response->reasonPhrase, QByteArray("Whatever"));
        QCOMPARE(outcome->response->headers.combinedValue("x-status"), QByteArray::number(status));
        QCOMPARE(
            outcome->response->body, status == 204 ? QByteArray() : "body-" + QByteArray::number(status));
        QVERIFY(!outcome->response->bodyTruncated);
        QCOMPARE(outcome->response->url, m_server->url(u"/s"_qs));
    }

    void duplicateHeadersAreMergedAndEmptyOnesDropped()
    {
        // Documents Qt 6.4: duplicates are joined with ", " at the position and spelling of the last
        // line; an empty value disappears; Set-Cookie is joined with "\n", which we split again.
        m_server->setHandler([](const RawHttpRequest &, RawHttpResponder &responder) {
            responder.write("HTTP/1.1 200 OK\r\nAccess-Control-Allow-Origin: https://a.test\r\nX-Other: 1\r\n"
                            "access-control-allow-origin: https://b.test\r\nX-Empty:\r\nSet-Cookie: a=1\r\n"
                            "Set-Cookie: b=2\r\nContent-Length: 0\r\n\r\n");
        });
        const auto outcome = run(get(m_server->url()));
        QVERIFY(outcome && outcome->response);
        const HeaderList &headers = outcome->response->headers;
        QCOMPARE(headers.count("access-control-allow-origin"), 1);
        QCOMPARE(headers.combinedValue("access-control-allow-origin"),
            QByteArray("https://a.test, https://b.test"));
        QVERIFY(!headers.contains("x-empty"));
        QCOMPARE(headers.values("set-cookie"), (QList<QByteArray>{"a=1", "b=2"}));
        const auto acao = std::find_if(headers.begin(), headers.end(), [](const HeaderField &field) {
            return field.name.compare("access-control-allow-origin", Qt::CaseInsensitive) == 0;
        });
        QCOMPARE(acao->name, QByteArray("access-control-allow-origin")); // spelling of the last line
        const auto acaoIndex = acao - headers.begin();
        QVERIFY(acaoIndex > 0 && headers.fields().at(acaoIndex - 1).name == "X-Other"); // its position
    }

    void brokenResponsesAreNetworkErrors_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<bool>("reset");
        QTest::newRow("closing without a byte is an empty response") << QByteArray() << false;
        QTest::newRow("non-HTTP bytes are an empty response to Qt")
            << QByteArray("hello there\r\n\r\n") << false;
        QTest::newRow("a status line with a word for a code fails")
            << QByteArray("HTTP/1.1 abc OK\r\nContent-Length: 0\r\n\r\n") << false;
        QTest::newRow("a status line without a code fails")
            << QByteArray("HTTP/1.1\r\nContent-Length: 0\r\n\r\n") << false;
        QTest::newRow("a reset before any byte looks the same to Qt") << QByteArray() << true;
    }

    void brokenResponsesAreNetworkErrors()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(bool, reset);
        m_server->setHandler([bytes, reset](const RawHttpRequest &, RawHttpResponder &responder) {
            responder.write(bytes);
            if (reset)
                responder.reset();
            else
                responder.close();
        });
        QElapsedTimer timer;
        timer.start();
        const auto outcome = run(get(m_server->url()));
        QVERIFY(outcome);
        QVERIFY(!outcome->response);
        QCOMPARE(outcome->networkError, u"net::ERR_EMPTY_RESPONSE"_qs);
        QVERIFY(outcome->networkErrorDetail.contains(u"closed the connection"));
        QVERIFY(timer.elapsed() < idleTimeoutMs); // promptly, not by a timeout
        // Qt resends the request on a new connection when the server closes without a valid answer:
        // measured once for an empty close or a reset, three times for garbage.
        QVERIFY(m_server->requests().size() >= 1 && m_server->requests().size() <= 4);
    }

    void headerFieldLimit_data()
    {
        QTest::addColumn<int>("fields");
        QTest::addColumn<bool>("accepted");
        QTest::newRow("100 header fields are read") << 100 << true;
        QTest::newRow("101 header fields end promptly with a clear error") << 101 << false;
        QTest::newRow("10000 header fields end promptly with a clear error") << 10000 << false;
    }

    void headerFieldLimit()
    {
        QFETCH(int, fields);
        QFETCH(bool, accepted);
        const QByteArray bytes = manyHeaders(fields);
        QCOMPARE(bytes.count("\r\n") - 2, fields); // status line and the empty line
        m_server->setHandler(
            [bytes](const RawHttpRequest &, RawHttpResponder &responder) { responder.write(bytes); });
        m_transport->setIdleTimeoutMs(4000); // prove the end is not the idle timeout
        QElapsedTimer timer;
        timer.start();
        const auto outcome = run(get(m_server->url()));
        QVERIFY(outcome);
        if (accepted) {
            QVERIFY(outcome->response);
            QCOMPARE(outcome->response->headers.size(), fields);
            QCOMPARE(outcome->response->body, QByteArray("ok"));
        } else {
            QVERIFY(!outcome->response);
            QCOMPARE(outcome->networkError, u"net::ERR_RESPONSE_HEADERS_TOO_BIG"_qs);
            QVERIFY(outcome->networkErrorDetail.contains(u"more than 100 header fields"));
            QVERIFY2(timer.elapsed() < 2000, qPrintable(QString::number(timer.elapsed())));
        }
    }

    void oneHugeHeaderFieldIsRefusedLikeTooMany()
    {
        m_transport->setIdleTimeoutMs(3000);
        const QByteArray bytes
            = "HTTP/1.1 200 OK\r\nX-Big: " + QByteArray(200 * 1024, 'a') + "\r\nContent-Length: 0\r\n\r\n";
        m_server->setHandler(
            [bytes](const RawHttpRequest &, RawHttpResponder &responder) { responder.write(bytes); });
        const auto outcome = run(get(m_server->url()));
        QVERIFY(outcome);
        QCOMPARE(outcome->networkError, u"net::ERR_RESPONSE_HEADERS_TOO_BIG"_qs);
    }

    void aResponseWithNoHeaderFieldsIsKept()
    {
        m_server->setHandler([](const RawHttpRequest &, RawHttpResponder &responder) {
            responder.write("HTTP/1.1 200 OK\r\n\r\nbare body");
            responder.close();
        });
        const auto outcome = run(get(m_server->url()));
        QVERIFY(outcome && outcome->response);
        QVERIFY(outcome->networkError.isEmpty());
        QVERIFY(outcome->response->headers.isEmpty());
        QCOMPARE(outcome->response->body, QByteArray("bare body"));
    }

    void headersThenAStallKeepTheResponseWithATruncatedBody()
    {
        m_server->setHandler([](const RawHttpRequest &, RawHttpResponder &responder) {
            responder.write(
                "HTTP/1.1 200 OK\r\nAccess-Control-Allow-Origin: *\r\nContent-Length: 100\r\n\r\npartial");
        });
        const auto outcome = run(get(m_server->url()));
        QVERIFY(outcome && outcome->response);
        QVERIFY(outcome->networkError.isEmpty());
        QCOMPARE(outcome->response->status, 200);
        QCOMPARE(outcome->response->headers.combinedValue("access-control-allow-origin"), QByteArray("*"));
        QCOMPARE(outcome->response->body, QByteArray("partial"));
        QVERIFY(outcome->response->bodyTruncated);
        QVERIFY(outcome->networkErrorDetail.contains(u"incomplete"));
    }

    void anEndlessBodyIsCappedAndMemoryStaysBounded()
    {
        m_server->setHandler([](const RawHttpRequest &, RawHttpResponder &responder) {
            responder.writeHead(200, "OK", {{"Content-Type", "application/octet-stream"}});
            responder.streamBody(QByteArray(16 * 1024, 'z'), 0); // endless, as fast as we read
        });
        const auto outcome = run(get(m_server->url()));
        QVERIFY(outcome && outcome->response);
        QVERIFY(outcome->networkError.isEmpty());
        QVERIFY(outcome->response->bodyTruncated);
        QVERIFY(outcome->response->body.size() <= bodyCap);
        QCOMPARE(outcome->response->body.size(), bodyCap);
        QVERIFY(outcome->networkErrorDetail.contains(u"body cap"));
    }

    void aConnectionClosedMidBodyKeepsTheResponse()
    {
        m_server->setHandler([](const RawHttpRequest &, RawHttpResponder &responder) {
            responder.write("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nabc");
            responder.after(30, [](RawHttpResponder &later) { later.close(); });
        });
        const auto outcome = run(get(m_server->url()));
        QVERIFY(outcome && outcome->response);
        QVERIFY(outcome->networkError.isEmpty());
        QVERIFY(outcome->response->bodyTruncated);
        QCOMPARE(outcome->response->body, QByteArray("abc"));
    }

    void aResetMidBodyKeepsTheResponse()
    {
        m_server->setHandler([](const RawHttpRequest &, RawHttpResponder &responder) {
            responder.write("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nabc");
            responder.after(30, [](RawHttpResponder &later) { later.reset(); });
        });
        const auto outcome = run(get(m_server->url()));
        QVERIFY(outcome && outcome->response);
        QVERIFY(outcome->response->bodyTruncated);
    }

    void aRedirectIsAResponseWithItsLocation()
    {
        m_server->route("/from", [](const RawHttpRequest &, RawHttpResponder &responder) {
            responder.respond(302, "Found", {{"Location", "/to?x=1"}});
        });
        const auto outcome = run(get(m_server->url(u"/from"_qs)));
        QVERIFY(outcome && outcome->response);
        QCOMPARE(outcome->response->status, 302);
        QCOMPARE(outcome->response->headers.combinedValue("location"), QByteArray("/to?x=1"));
        QCOMPARE(m_server->requests().size(), 1); // Qt did not follow it
    }

    void unsafeRequestsNeverReachTheWire_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QString>("url");
        QTest::addColumn<QByteArray>("name");
        QTest::addColumn<QByteArray>("value");
        QTest::addColumn<QString>("detailPart");
        const QString ok = u"/x"_qs;
        QTest::newRow("CR LF in a header value is refused")
            << QByteArray("GET") << ok << QByteArray("X-A") << QByteArray("1\r\nX-Injected: yes")
            << u"CR, LF or NUL"_qs;
        QTest::newRow("a bare LF in a header value is refused")
            << QByteArray("GET") << ok << QByteArray("X-A") << QByteArray("1\nX-Injected: yes")
            << u"CR, LF or NUL"_qs;
        QTest::newRow("NUL in a header value is refused")
            << QByteArray("GET") << ok << QByteArray("X-A") << QByteArray("a\0b", 3) << u"CR, LF or NUL"_qs;
        QTest::newRow("a space in a header name is refused")
            << QByteArray("GET") << ok << QByteArray("X A") << QByteArray("1") << u"header name"_qs;
        QTest::newRow("an empty header name is refused")
            << QByteArray("GET") << ok << QByteArray() << QByteArray("1") << u"header name"_qs;
        QTest::newRow("CR LF in the method is refused")
            << QByteArray("GET / HTTP/1.1\r\nX:") << ok << QByteArray("X-A") << QByteArray("1")
            << u"method"_qs;
        QTest::newRow("an empty method is refused")
            << QByteArray() << ok << QByteArray("X-A") << QByteArray("1") << u"method"_qs;
        QTest::newRow("an ftp URL is refused")
            << QByteArray("GET") << u"ftp://127.0.0.1/"_qs << QByteArray("X-A") << QByteArray("1")
            << u"http and https"_qs;
        QTest::newRow("a URL with a password is refused")
            << QByteArray("GET") << u"userinfo"_qs << QByteArray("X-A") << QByteArray("1") << u"password"_qs;
        QTest::newRow("Transfer-Encoding is refused")
            << QByteArray("POST") << ok << QByteArray("Transfer-Encoding") << QByteArray("chunked")
            << u"Transfer-Encoding"_qs;
    }

    void unsafeRequestsNeverReachTheWire()
    {
        QFETCH(QByteArray, method);
        QFETCH(QString, url);
        QFETCH(QByteArray, name);
        QFETCH(QByteArray, value);
        QFETCH(QString, detailPart);
        HttpRequest request;
        request.method = method;
        if (url == u"userinfo") {
            request.url = m_server->url(u"/x"_qs);
            request.url.setUserInfo(u"user:secret"_qs);
        } else {
            request.url = url.startsWith(u'/') ? m_server->url(url) : QUrl(url);
        }
        request.headers.append(name, value);
        const auto outcome = run(request);
        QVERIFY(outcome);
        QVERIFY(!outcome->response);
        QCOMPARE(outcome->networkError, u"net::ERR_INVALID_ARGUMENT"_qs);
        QVERIFY2(outcome->networkErrorDetail.contains(detailPart), qPrintable(outcome->networkErrorDetail));
        QCOMPARE(outcome->sentRequest.method, method);
        QTest::qWait(50);
        QCOMPARE(m_server->acceptedConnectionCount(), 0);
        QVERIFY(m_server->requests().isEmpty());
    }

    void theRecordedRequestIsWhatTheServerReceived_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<HeaderList>("headers");
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("a GET with custom headers keeps their order and case")
            << QByteArray("GET")
            << HeaderList{{"Origin", "http://app.test"}, {"x-lower", "a"}, {"X-Upper", "B"},
                   {"Accept", "*/*"}}
            << QByteArray();
        QTest::newRow("a preflight OPTIONS has no body and no Content-Length")
            << QByteArray("OPTIONS")
            << HeaderList{{"Accept", "*/*"}, {"Access-Control-Request-Method", "PUT"},
                   {"Access-Control-Request-Headers", "x-trace"}, {"Origin", "http://app.test"}}
            << QByteArray();
        QTest::newRow("a POST body gets one Content-Length")
            << QByteArray("POST") << HeaderList{{"Content-Type", "text/plain"}} << QByteArray("payload");
        QTest::newRow("an empty POST sends Content-Length 0 like Chromium")
            << QByteArray("POST") << HeaderList{} << QByteArray();
        QTest::newRow("a lowercase method stays lowercase")
            << QByteArray("patch") << HeaderList{} << QByteArray("p");
        QTest::newRow("a request's own User-Agent, Accept-Language and Accept-Encoding win")
            << QByteArray("GET")
            << HeaderList{{"User-Agent", "custom"}, {"Accept-Language", "de"},
                   {"Accept-Encoding", "identity"}}
            << QByteArray();
        QTest::newRow("a Host or Content-Length in the request is replaced")
            << QByteArray("PUT") << HeaderList{{"Host", "evil.test"}, {"Content-Length", "999"}}
            << QByteArray("12345");
    }

    void theRecordedRequestIsWhatTheServerReceived()
    {
        QFETCH(QByteArray, method);
        QFETCH(HeaderList, headers);
        QFETCH(QByteArray, body);
        HttpRequest request = get(m_server->url(u"/echo?q=1"_qs));
        request.method = method;
        request.headers = headers;
        request.body = body;
        const auto outcome = run(request);
        QVERIFY(outcome && outcome->response);
        QCOMPARE(m_server->requests().size(), 1);
        const RawHttpRequest received = m_server->requests().first();
        QCOMPARE(received.method, method);
        QCOMPARE(received.target, QByteArray("/echo?q=1"));
        QCOMPARE(received.body, body);
        QCOMPARE(outcome->sentRequest.method, method);
        QCOMPARE(outcome->sentRequest.url, request.url);
        QCOMPARE(outcome->sentRequest.body, body);
        if (received.headers != outcome->sentRequest.headers) {
            qWarning() << "received:";
            for (const HeaderField &field : received.headers)
                qWarning() << "  " << field.name << field.value;
            qWarning() << "recorded:";
            for (const HeaderField &field : outcome->sentRequest.headers)
                qWarning() << "  " << field.name << field.value;
        }
        QCOMPARE(received.headers, outcome->sentRequest.headers);
        QCOMPARE(received.headers.fields().first().name, QByteArray("Host"));
        QCOMPARE(received.headers.count("content-length"),
            (body.isEmpty() && method != "POST" && method != "PUT") ? 0 : 1);
        if (!body.isEmpty())
            QCOMPARE(received.headers.combinedValue("content-length"), QByteArray::number(body.size()));
        QCOMPARE(received.headers.count("host"), 1);
        QCOMPARE(received.headers.combinedValue("host"), "127.0.0.1:" + QByteArray::number(m_server->port()));
        if (!headers.contains("user-agent"))
            QCOMPARE(received.headers.combinedValue("user-agent"), QByteArray("corscope/" CORSCOPE_VERSION));
        if (!headers.contains("accept-encoding"))
            QCOMPARE(received.headers.combinedValue("accept-encoding"), QnamTransport::qtAcceptEncoding());
    }

    void aHeadResponseHasNoBodyDespiteContentLength()
    {
        m_server->setHandler([](const RawHttpRequest &, RawHttpResponder &responder) {
            responder.write(
                "HTTP/1.1 200 OK\r\nContent-Length: 100\r\nAccess-Control-Allow-Origin: *\r\n\r\n");
        });
        HttpRequest request = get(m_server->url());
        request.method = "HEAD";
        QElapsedTimer timer;
        timer.start();
        const auto outcome = run(request);
        QVERIFY(outcome && outcome->response);
        QVERIFY(timer.elapsed() < idleTimeoutMs); // not waiting for 100 body bytes
        QCOMPARE(outcome->response->status, 200);
        QVERIFY(outcome->response->body.isEmpty());
        QVERIFY(!outcome->response->bodyTruncated);
        QCOMPARE(m_server->requests().first().method, QByteArray("HEAD"));
        QCOMPARE(m_server->requests().first().headers, outcome->sentRequest.headers);
    }

    void noCookieJarStoresOrSendsCookies()
    {
        m_server->setHandler([](const RawHttpRequest &, RawHttpResponder &responder) {
            responder.respond(200, "OK", {{"Set-Cookie", "session=1; Path=/"}});
        });
        QVERIFY(run(get(m_server->url())));
        QVERIFY(run(get(m_server->url())));
        QCOMPARE(m_server->requests().size(), 2);
        QVERIFY(!m_server->requests().at(1).headers.contains("cookie"));
    }

    void resolveKeepsTheUrlAndHostHeader()
    {
        ResolveMap map;
        QVERIFY(map.add(u"api.test:"_qs + QString::number(m_server->port()) + u":127.0.0.1"_qs).isEmpty());
        m_transport->setResolveMap(map);
        m_server->setHandler([](const RawHttpRequest &, RawHttpResponder &responder) {
            responder.respond(307, "Temporary Redirect", {{"Location", "/next"}});
        });
        const QUrl logical(u"http://api.test:"_qs + QString::number(m_server->port()) + u"/x?y=1"_qs);
        const auto outcome = run(get(logical));
        QVERIFY(outcome && outcome->response);
        QVERIFY2(outcome->networkError.isEmpty(), qPrintable(outcome->networkErrorDetail));
        QCOMPARE(m_server->requests().size(), 1);
        const RawHttpRequest received = m_server->requests().first();
        QCOMPARE(received.target, QByteArray("/x?y=1"));
        QCOMPARE(received.headers.combinedValue("host"), "api.test:" + QByteArray::number(m_server->port()));
        QCOMPARE(outcome->sentRequest.url, logical);
        QCOMPARE(outcome->response->url, logical);
        QCOMPARE(outcome->sentRequest.headers.combinedValue("host"), received.headers.combinedValue("host"));
    }

    void resolveToIpv6Loopback()
    {
        RawHttpServer v6;
        if (!v6.listen(QHostAddress(QHostAddress::LocalHostIPv6)))
            QSKIP("no IPv6 loopback on this machine");
        ResolveMap map;
        QVERIFY(map.add(u"v6.test:"_qs + QString::number(v6.port()) + u":[::1]"_qs).isEmpty());
        m_transport->setResolveMap(map);
        const auto outcome = run(get(QUrl(u"http://v6.test:"_qs + QString::number(v6.port()) + u"/"_qs)));
        QVERIFY(outcome && outcome->response);
        QCOMPARE(outcome->response->status, 404);
        QCOMPARE(v6.requests().size(), 1);
        QCOMPARE(
            v6.requests().first().headers.combinedValue("host"), "v6.test:" + QByteArray::number(v6.port()));
    }

    void httpsToAPlainHttpPortIsATlsError()
    {
        if (!QSslSocket::supportsSsl())
            QSKIP("no TLS backend");
        QUrl url = m_server->url();
        url.setScheme(u"https"_qs);
        const auto outcome = run(get(url));
        QVERIFY(outcome);
        QVERIFY(!outcome->response);
        QCOMPARE(outcome->networkError, u"net::ERR_SSL_PROTOCOL_ERROR"_qs);
        QVERIFY(outcome->networkErrorDetail.contains(u"TLS"));
    }

    void timingsAreNonNegativeAndOrdered()
    {
        m_server->setHandler([](const RawHttpRequest &, RawHttpResponder &responder) {
            responder.writeHead(200, "OK", {{"Content-Length", "4"}});
            responder.after(40, [](RawHttpResponder &later) { later.write("done"); });
        });
        const auto first = run(get(m_server->url()));
        QVERIFY(first && first->response);
        const HopTimings t = first->timings;
        QCOMPARE(t.startMs, 0.0);
        QVERIFY(t.connectMs >= 0);
        QVERIFY(t.waitMs >= 0);
        QVERIFY(t.downloadMs >= 30); // the 40 ms pause was between headers and body
        QVERIFY(t.totalMs >= t.connectMs + t.waitMs + t.downloadMs - 0.01);

        m_server->setHandler([](const RawHttpRequest &, RawHttpResponder &responder) {
            responder.after(40, [](RawHttpResponder &later) { later.respond(200, "OK", {}, "x"); });
        });
        const auto second = run(get(m_server->url())); // reuses the keep-alive connection
        QVERIFY(second && second->response);
        QCOMPARE(m_server->acceptedConnectionCount(), 1);
        QCOMPARE(second->timings.connectMs, 0.0);
        QVERIFY(second->timings.waitMs >= 30);
        QVERIFY(second->timings.totalMs >= second->timings.waitMs);
    }

    void finishedIsNeverEmittedInsideSend()
    {
        HttpRequest bad = get(m_server->url());
        bad.method = "BAD METHOD";
        int emissions = 0;
        PendingTransfer *transfer = m_transport->send(bad);
        QVERIFY(!transfer->isFinished());
        connect(transfer, &PendingTransfer::finished, this, [&] { ++emissions; });
        QTRY_COMPARE(emissions, 1);
    }

};

QTEST_GUILESS_MAIN(TestQnamTransport)
#include "tst_qnamtransport.moc"
