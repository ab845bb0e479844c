#include "net/rawhttpserver.h"

#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpSocket>
#include <QTest>

using namespace corscope;

// Drives RawHttpServer with a plain QTcpSocket so the bytes in both directions are exact.
class TestRawHttpServer : public QObject
{
    Q_OBJECT

private:
    struct Client
    {
        std::unique_ptr<QTcpSocket> socket = std::make_unique<QTcpSocket>();
        QByteArray received;
        bool disconnected = false;
    };

    std::unique_ptr<Client> connectTo(const RawHttpServer &server)
    {
        auto client = std::make_unique<Client>();
        Client *raw = client.get();
        connect(raw->socket.get(), &QTcpSocket::readyRead, this,
            [raw] { raw->received += raw->socket->readAll(); });
        connect(raw->socket.get(), &QTcpSocket::disconnected, this, [raw] { raw->disconnected = true; });
        raw->socket->connectToHost(server.address(), server.port());
        return client;
    }

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void recordsMethodTargetAndHeadersExactly()
    {
        RawHttpServer server;
        QVERIFY(server.listen());
        QVERIFY(server.port() != 0);
        server.setHandler([](const RawHttpRequest &, RawHttpResponder &responder) {
            responder.respond(200, "OK", {{"X-Test", "yes"}}, "hello");
        });
        auto client = connectTo(server);
        client->socket->write("patch /a/b?c=1 HTTP/1.1\r\nHost: x\r\nx-Lower: 1\r\nX-UPPER:  two  \r\n"
                              "Content-Length: 3\r\n\r\nabc");
        QTRY_COMPARE(server.requests().size(), 1);
        const RawHttpRequest request = server.requests().first();
        QCOMPARE(request.method, QByteArray("patch"));
        QCOMPARE(request.target, QByteArray("/a/b?c=1"));
        QCOMPARE(request.path(), QByteArray("/a/b"));
        QCOMPARE(request.version, QByteArray("HTTP/1.1"));
        const HeaderList expected{
            {"Host", "x"}, {"x-Lower", "1"}, {"X-UPPER", "two"}, {"Content-Length", "3"}};
        QCOMPARE(request.headers, expected);
        QCOMPARE(request.body, QByteArray("abc"));
        QVERIFY(request.head.endsWith("Content-Length: 3\r\n\r\n"));
        QTRY_COMPARE(
            client->received, QByteArray("HTTP/1.1 200 OK\r\nX-Test: yes\r\nContent-Length: 5\r\n\r\nhello"));
    }

    void keepsTheConnectionAliveForTheNextRequest()
    {
        RawHttpServer server;
        QVERIFY(server.listen());
        auto client = connectTo(server);
        client->socket->write("GET /one HTTP/1.1\r\n\r\nGET /two HTTP/1.1\r\n\r\n");
        QTRY_COMPARE(server.requests().size(), 2);
        QCOMPARE(server.requests().at(1).path(), QByteArray("/two"));
        QCOMPARE(server.requests().at(1).connectionNumber, 1);
        QCOMPARE(server.requests().at(1).numberOnConnection, 2);
        QCOMPARE(server.acceptedConnectionCount(), 1);
        QTRY_COMPARE(client->received.count("HTTP/1.1 404 Not Found"), 2);
    }

    void routesByPathWithoutTheQuery()
    {
        RawHttpServer server;
        QVERIFY(server.listen());
        server.route(
            "/r", [](const RawHttpRequest &, RawHttpResponder &responder) { responder.write("ROUTED"); });
        auto client = connectTo(server);
        client->socket->write("GET /r?x=1 HTTP/1.1\r\n\r\n");
        QTRY_COMPARE(client->received, QByteArray("ROUTED"));
    }

    void writesAfterADelayWithoutBlocking()
    {
        RawHttpServer server;
        QVERIFY(server.listen());
        server.setHandler([](const RawHttpRequest &, RawHttpResponder &responder) {
            responder.write("A");
            responder.after(150, [](RawHttpResponder &later) {
                later.write("B");
                later.close();
            });
        });
        auto client = connectTo(server);
        QElapsedTimer timer;
        timer.start();
        client->socket->write("GET / HTTP/1.1\r\n\r\n");
        QTRY_COMPARE(client->received, QByteArray("A"));
        QVERIFY(timer.elapsed() < 150);
        QTRY_VERIFY(client->disconnected);
        QCOMPARE(client->received, QByteArray("AB"));
        QVERIFY(timer.elapsed() >= 140);
    }

    void streamsACountedBodyThenRunsTheFollowUp()
    {
        RawHttpServer server;
        QVERIFY(server.listen());
        server.setHandler([](const RawHttpRequest &, RawHttpResponder &responder) {
            responder.streamBody("xy", 5, 4, [](RawHttpResponder &done) {
                done.write("!");
                done.close();
            });
        });
        auto client = connectTo(server);
        client->socket->write("GET / HTTP/1.1\r\n\r\n");
        QTRY_VERIFY(client->disconnected);
        QCOMPARE(client->received, QByteArray("xyxyxyxy!"));
    }

    void resetSendsAnRst()
    {
        RawHttpServer server;
        QVERIFY(server.listen());
        server.setHandler([](const RawHttpRequest &, RawHttpResponder &responder) { responder.reset(); });
        auto client = connectTo(server);
        QSignalSpy errors(client->socket.get(), &QTcpSocket::errorOccurred);
        client->socket->write("GET / HTTP/1.1\r\n\r\n");
        QTRY_VERIFY(client->disconnected);
        QVERIFY(!errors.isEmpty());
        QCOMPARE(client->received, QByteArray());
        QTRY_COMPARE(server.openConnectionCount(), 0);
    }

    void refusesAnOversizedHead()
    {
        RawHttpServer server;
        server.setMaxHeadBytes(1024);
        QVERIFY(server.listen());
        QSignalSpy rejected(&server, &RawHttpServer::requestRejected);
        auto client = connectTo(server);
        client->socket->write("GET / HTTP/1.1\r\nX-Big: " + QByteArray(4096, 'a'));
        QTRY_VERIFY(client->disconnected);
        QVERIFY(client->received.startsWith("HTTP/1.1 431 "));
        QCOMPARE(rejected.size(), 1);
        QVERIFY(server.requests().isEmpty());
    }

    void refusesTooManyHeaderFields()
    {
        RawHttpServer server;
        server.setMaxHeaderCount(10);
        QVERIFY(server.listen());
        auto client = connectTo(server);
        QByteArray head = "GET / HTTP/1.1\r\n";
        for (int i = 0; i < 11; ++i)
            head += "X-" + QByteArray::number(i) + ": v\r\n";
        client->socket->write(head + "\r\n");
        QTRY_VERIFY(client->disconnected);
        QVERIFY(client->received.startsWith("HTTP/1.1 431 "));
        QVERIFY(server.requests().isEmpty());
    }

    void refusesAnOversizedBodyBeforeReadingIt()
    {
        RawHttpServer server;
        server.setMaxBodyBytes(100);
        QVERIFY(server.listen());
        auto client = connectTo(server);
        client->socket->write("POST / HTTP/1.1\r\nContent-Length: 1000000000\r\n\r\nabc");
        QTRY_VERIFY(client->disconnected);
        QVERIFY(client->received.startsWith("HTTP/1.1 413 "));
        QVERIFY(server.requests().isEmpty());
    }

    void refusesAMalformedRequestLine()
    {
        RawHttpServer server;
        QVERIFY(server.listen());
        auto client = connectTo(server);
        client->socket->write("\x16\x03\x01 hello\r\n\r\n");
        QTRY_VERIFY(client->disconnected);
        QVERIFY(client->received.startsWith("HTTP/1.1 400 "));
    }

    void limitsOpenConnections()
    {
        RawHttpServer server;
        server.setMaxConnections(2);
        QVERIFY(server.listen());
        auto first = connectTo(server);
        auto second = connectTo(server);
        QTRY_COMPARE(server.openConnectionCount(), 2);
        auto third = connectTo(server);
        QTRY_VERIFY(third->disconnected);
        QCOMPARE(server.openConnectionCount(), 2);
    }

    void listensOnIpv6Loopback()
    {
        RawHttpServer server;
        if (!server.listen(QHostAddress(QHostAddress::LocalHostIPv6)))
            QSKIP("no IPv6 loopback on this machine");
        QVERIFY(server.url().toString().startsWith(u"http://[::1]:"));
        auto client = connectTo(server);
        client->socket->write("GET / HTTP/1.1\r\n\r\n");
        QTRY_COMPARE(server.requests().size(), 1);
    }

    void refusesNonLoopbackAddresses()
    {
        RawHttpServer server;
        QTest::ignoreMessage(QtWarningMsg, "RawHttpServer only listens on loopback addresses");
        QVERIFY(!server.listen(QHostAddress(QHostAddress::AnyIPv4)));
        QVERIFY(!server.isListening());
    }
};

QTEST_GUILESS_MAIN(TestRawHttpServer)
#include "tst_rawhttpserver.moc"
