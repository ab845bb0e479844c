#include "core/origin.h"

#include <QTest>

using namespace corscope;

class tst_Origin : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parseSerializes_data();
    void parseSerializes();
    void parseRejects_data();
    void parseRejects();
    void fromUrl_data();
    void fromUrl();
    void effectivePort_data();
    void effectivePort();
    void sameOrigin_data();
    void sameOrigin();
    void opaqueIsNeverSameOrigin();
};

void tst_Origin::parseSerializes_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QByteArray>("serialized");
    QTest::addColumn<bool>("opaque");

    QTest::newRow("an http origin with a port keeps it") << QStringLiteral("http://app.test:3000")
                                                        << QByteArrayLiteral("http://app.test:3000") << false;
    QTest::newRow("https default port 443 is dropped") << QStringLiteral("https://a.example:443")
                                                      << QByteArrayLiteral("https://a.example") << false;
    QTest::newRow("http default port 80 is dropped") << QStringLiteral("http://a.example:80")
                                                    << QByteArrayLiteral("http://a.example") << false;
    QTest::newRow("http on port 443 keeps the port") << QStringLiteral("http://a.example:443")
                                                    << QByteArrayLiteral("http://a.example:443") << false;
    QTest::newRow("https on port 8080 keeps the port") << QStringLiteral("https://a.example:8080")
                                                      << QByteArrayLiteral("https://a.example:8080") << false;
    QTest::newRow("scheme and host are lowercased") << QStringLiteral("HTTP://App.TEST:3000")
                                                   << QByteArrayLiteral("http://app.test:3000") << false;
    QTest::newRow("a lone trailing slash is accepted and not serialized")
        << QStringLiteral("http://app.test:3000/") << QByteArrayLiteral("http://app.test:3000") << false;
    QTest::newRow("an IPv6 loopback keeps its brackets") << QStringLiteral("http://[::1]:8080")
                                                        << QByteArrayLiteral("http://[::1]:8080") << false;
    QTest::newRow("an IPv6 address is compressed and lowercased")
        << QStringLiteral("http://[2001:DB8:0:0:0:0:0:1]") << QByteArrayLiteral("http://[2001:db8::1]") << false;
    QTest::newRow("an IPv4 address stays dotted") << QStringLiteral("http://127.0.0.1:8000")
                                                 << QByteArrayLiteral("http://127.0.0.1:8000") << false;
    QTest::newRow("an IDN host is serialized as punycode")
        << QString::fromUtf8("https://b\xc3\xbc" "cher.example") << QByteArrayLiteral("https://xn--bcher-kva.example")
        << false;
    QTest::newRow("null is the opaque origin") << QStringLiteral("null") << QByteArrayLiteral("null") << true;
}

void tst_Origin::parseSerializes()
{
    QFETCH(QString, text);
    QFETCH(QByteArray, serialized);
    QFETCH(bool, opaque);

    QString error;
    const std::optional<Origin> origin = Origin::parse(text, &error);
    QVERIFY2(origin.has_value(), qPrintable(error));
    QCOMPARE(origin->serialize(), serialized);
    QCOMPARE(origin->isOpaque(), opaque);
}

void tst_Origin::parseRejects_data()
{
    QTest::addColumn<QString>("text");

    QTest::newRow("an origin with a path is rejected") << QStringLiteral("http://app.test/path");
    QTest::newRow("an origin with userinfo is rejected") << QStringLiteral("http://user:pass@app.test");
    QTest::newRow("an origin with a user name only is rejected") << QStringLiteral("http://user@app.test");
    QTest::newRow("an origin with a query is rejected") << QStringLiteral("http://app.test?q=1");
    QTest::newRow("an origin with a fragment is rejected") << QStringLiteral("http://app.test#top");
    QTest::newRow("plain garbage is rejected") << QStringLiteral("not an origin");
    QTest::newRow("an empty string is rejected") << QString();
    QTest::newRow("a host without a scheme is rejected") << QStringLiteral("app.test");
    QTest::newRow("an ftp origin is rejected") << QStringLiteral("ftp://app.test");
    QTest::newRow("a scheme without a host is rejected") << QStringLiteral("http://");
    QTest::newRow("a port out of range is rejected") << QStringLiteral("http://app.test:99999");
    QTest::newRow("a wildcard is not an origin") << QStringLiteral("*");
}

void tst_Origin::parseRejects()
{
    QFETCH(QString, text);
    QString error;
    const std::optional<Origin> origin = Origin::parse(text, &error);
    QVERIFY2(!origin.has_value(), origin ? origin->serialize().constData() : "");
    QVERIFY(!error.isEmpty());
}

void tst_Origin::fromUrl_data()
{
    QTest::addColumn<QUrl>("url");
    QTest::addColumn<QByteArray>("serialized");
    QTest::addColumn<bool>("opaque");

    QTest::newRow("path and query are not part of the origin")
        << QUrl(QStringLiteral("http://api.test:8000/x?y=1#z")) << QByteArrayLiteral("http://api.test:8000") << false;
    QTest::newRow("an explicit default port disappears")
        << QUrl(QStringLiteral("https://API.test:443/")) << QByteArrayLiteral("https://api.test") << false;
    QTest::newRow("userinfo is not part of the origin")
        << QUrl(QStringLiteral("http://u:p@api.test:8000/")) << QByteArrayLiteral("http://api.test:8000") << false;
    QTest::newRow("an IPv6 URL keeps brackets") << QUrl(QStringLiteral("http://[::1]:9000/x"))
                                               << QByteArrayLiteral("http://[::1]:9000") << false;
    QTest::newRow("a data URL has an opaque origin") << QUrl(QStringLiteral("data:text/plain,hi"))
                                                    << QByteArrayLiteral("null") << true;
    QTest::newRow("a file URL has an opaque origin") << QUrl(QStringLiteral("file:///tmp/x.html"))
                                                    << QByteArrayLiteral("null") << true;
}

void tst_Origin::fromUrl()
{
    QFETCH(QUrl, url);
    QFETCH(QByteArray, serialized);
    QFETCH(bool, opaque);
    const Origin origin = Origin::fromUrl(url);
    QCOMPARE(origin.serialize(), serialized);
    QCOMPARE(origin.isOpaque(), opaque);
}

void tst_Origin::effectivePort_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("port");
    QTest::newRow("https without a port is on 443") << QStringLiteral("https://a.example") << 443;
    QTest::newRow("http without a port is on 80") << QStringLiteral("http://a.example") << 80;
    QTest::newRow("an explicit port is reported") << QStringLiteral("http://a.example:3000") << 3000;
}

void tst_Origin::effectivePort()
{
    QFETCH(QString, text);
    QFETCH(int, port);
    const std::optional<Origin> origin = Origin::parse(text);
    QVERIFY(origin);
    QCOMPARE(origin->port(), port);
}

void tst_Origin::sameOrigin_data()
{
    QTest::addColumn<QString>("a");
    QTest::addColumn<QString>("b");
    QTest::addColumn<bool>("same");

    QTest::newRow("identical origins are same-origin") << QStringLiteral("http://app.test:3000")
                                                      << QStringLiteral("http://app.test:3000") << true;
    QTest::newRow("an explicit default port is the same origin") << QStringLiteral("https://a.example:443")
                                                                << QStringLiteral("https://a.example") << true;
    QTest::newRow("case differences do not matter") << QStringLiteral("HTTP://APP.test:3000")
                                                   << QStringLiteral("http://app.test:3000") << true;
    QTest::newRow("another port is cross-origin") << QStringLiteral("http://app.test:3000")
                                                 << QStringLiteral("http://app.test:3001") << false;
    QTest::newRow("another scheme is cross-origin") << QStringLiteral("http://app.test")
                                                   << QStringLiteral("https://app.test") << false;
    QTest::newRow("a subdomain is cross-origin") << QStringLiteral("https://app.test")
                                                << QStringLiteral("https://api.app.test") << false;
    QTest::newRow("localhost and 127.0.0.1 are different origins") << QStringLiteral("http://localhost:3000")
                                                                  << QStringLiteral("http://127.0.0.1:3000") << false;
    QTest::newRow("a tuple origin is never same-origin with null") << QStringLiteral("http://app.test")
                                                                  << QStringLiteral("null") << false;
    QTest::newRow("two null origins are not same-origin") << QStringLiteral("null") << QStringLiteral("null")
                                                         << false;
}

void tst_Origin::sameOrigin()
{
    QFETCH(QString, a);
    QFETCH(QString, b);
    QFETCH(bool, same);
    const std::optional<Origin> first = Origin::parse(a);
    const std::optional<Origin> second = Origin::parse(b);
    QVERIFY(first && second);
    QCOMPARE(first->isSameOrigin(*second), same);
    QCOMPARE(second->isSameOrigin(*first), same);
}

void tst_Origin::opaqueIsNeverSameOrigin()
{
    const Origin opaque = Origin::opaque();
    QVERIFY(opaque.isOpaque());
    QCOMPARE(opaque.serialize(), QByteArrayLiteral("null"));
    QVERIFY(!opaque.isSameOrigin(opaque));
    QVERIFY(!opaque.isSameOrigin(Origin()));
    QVERIFY(!Origin::fromUrl(QUrl(QStringLiteral("data:,x"))).isSameOrigin(opaque));
}

QTEST_GUILESS_MAIN(tst_Origin)
#include "tst_origin.moc"
