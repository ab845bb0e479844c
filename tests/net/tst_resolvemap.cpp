#include "net/resolvemap.h"

#include <QStandardPaths>
#include <QTest>

using namespace corscope;

class TestResolveMap : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void parse_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<QString>("host");
        QTest::addColumn<int>("port");
        QTest::addColumn<QString>("address");
        QTest::addColumn<QString>("errorPart");

        QTest::newRow("a host, a port and an IPv4 address parse")
            << u"api.test:8000:127.0.0.1"_qs << true << u"api.test"_qs << 8000 << u"127.0.0.1"_qs
            << QString();
        QTest::newRow("the host is lowercased")
            << u"API.Test:443:127.0.0.1"_qs << true << u"api.test"_qs << 443 << u"127.0.0.1"_qs << QString();
        QTest::newRow("an IPv6 address in brackets parses")
            << u"api.test:8000:[::1]"_qs << true << u"api.test"_qs << 8000 << u"::1"_qs << QString();
        QTest::newRow("an IPv6 host in brackets parses")
            << u"[::1]:8000:127.0.0.1"_qs << true << u"::1"_qs << 8000 << u"127.0.0.1"_qs << QString();
        QTest::newRow("surrounding spaces are ignored")
            << u"  api.test:80:10.0.0.1 "_qs << true << u"api.test"_qs << 80 << u"10.0.0.1"_qs << QString();
        QTest::newRow("an IPv6 address without brackets is refused")
            << u"api.test:8000:::1"_qs << false << QString() << 0 << QString() << u"brackets"_qs;
        QTest::newRow("a missing address is refused") << u"api.test:8000"_qs << false << QString() << 0
                                                      << QString() << u"expected host:port:address"_qs;
        QTest::newRow("a name instead of an address is refused")
            << u"api.test:8000:localhost"_qs << false << QString() << 0 << QString()
            << u"not an IPv4 or IPv6"_qs;
        QTest::newRow("port zero is refused")
            << u"api.test:0:127.0.0.1"_qs << false << QString() << 0 << QString() << u"1 to 65535"_qs;
        QTest::newRow("a port above 65535 is refused")
            << u"api.test:70000:127.0.0.1"_qs << false << QString() << 0 << QString() << u"1 to 65535"_qs;
        QTest::newRow("a non-numeric port is refused")
            << u"api.test:http:127.0.0.1"_qs << false << QString() << 0 << QString() << u"1 to 65535"_qs;
        QTest::newRow("an empty host is refused")
            << u":8000:127.0.0.1"_qs << false << QString() << 0 << QString() << u"host is empty"_qs;
        QTest::newRow("an empty string is refused")
            << QString() << false << QString() << 0 << QString() << u"expected host:port:address"_qs;
        QTest::newRow("a host with a slash is refused")
            << u"api.test/x:80:127.0.0.1"_qs << false << QString() << 0 << QString() << u"not a host name"_qs;
    }

    void parse()
    {
        QFETCH(QString, text);
        QFETCH(bool, ok);
        const ResolveMap::ParseResult result = ResolveMap::parse(text);
        QCOMPARE(result.entry.has_value(), ok);
        if (ok) {
            QFETCH(QString, host);
            QFETCH(int, port);
            QFETCH(QString, address);
            QVERIFY(result.error.isEmpty());
            QCOMPARE(result.entry->host, host);
            QCOMPARE(result.entry->port, port);
            QCOMPARE(result.entry->address, QHostAddress(address));
        } else {
            QFETCH(QString, errorPart);
            QVERIFY2(result.error.contains(errorPart), qPrintable(result.error));
        }
    }

    void lookupUsesTheEffectivePort()
    {
        ResolveMap map;
        QVERIFY(map.add(u"api.test:443:127.0.0.2"_qs).isEmpty());
        QVERIFY(map.add(u"api.test:8000:127.0.0.1"_qs).isEmpty());
        QCOMPARE(map.size(), 2);
        QCOMPARE(map.lookup(QUrl(u"https://API.test/x"_qs)), QHostAddress(u"127.0.0.2"_qs));
        QCOMPARE(map.lookup(QUrl(u"http://api.test:8000/"_qs)), QHostAddress(u"127.0.0.1"_qs));
        QVERIFY(!map.lookup(QUrl(u"http://api.test/"_qs))); // port 80 is not mapped
        QVERIFY(!map.lookup(QUrl(u"http://other.test:8000/"_qs)));
    }

    void connectUrlReplacesOnlyTheHost()
    {
        ResolveMap map;
        map.add(u"api.test:8000:127.0.0.1"_qs);
        map.add(u"v6.test:443:[::1]"_qs);
        QCOMPARE(map.connectUrl(QUrl(u"http://api.test:8000/a/b?c=d#e"_qs)),
            QUrl(u"http://127.0.0.1:8000/a/b?c=d#e"_qs));
        QCOMPARE(map.connectUrl(QUrl(u"https://v6.test/p"_qs)), QUrl(u"https://[::1]:443/p"_qs));
        const QUrl unmapped(u"http://elsewhere.test:8000/"_qs);
        QCOMPARE(map.connectUrl(unmapped), unmapped);
    }

    void laterEntriesReplaceEarlierOnes()
    {
        ResolveMap map;
        map.add(u"api.test:80:127.0.0.1"_qs);
        map.add(u"api.test:80:127.0.0.9"_qs);
        QCOMPARE(map.size(), 1);
        QCOMPARE(map.lookup(u"api.test"_qs, 80), QHostAddress(u"127.0.0.9"_qs));
    }
};

QTEST_GUILESS_MAIN(TestResolveMap)
#include "tst_resolvemap.moc"
