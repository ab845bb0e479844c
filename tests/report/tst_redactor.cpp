// Plain QString concatenation: the expected values are built with + and streamed into test rows.
#undef QT_USE_QSTRINGBUILDER

#include "report/redactor.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace corscope;

class tst_Redactor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void headerValues_data();
    void headerValues();
    void urls_data();
    void urls();
    void bodies_data();
    void bodies();
    void freeText_data();
    void freeText();
    void userPatternsMaskMatchesOrTheirGroups();
    void anExchangeLosesEverySecretButKeepsItsShape();
    void aRunArrayIsRedactedEntryByEntry();
};

namespace {
const QString M = Redactor::mask();
} // namespace

void tst_Redactor::headerValues_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("expected");
    QTest::newRow("Authorization keeps its scheme") << u"Authorization"_qs << u"Bearer abc.def.ghi"_qs
                                                    << u"Bearer "_qs + M;
    QTest::newRow("Basic credentials keep the word Basic") << u"authorization"_qs << u"Basic dXNlcjpwYXNz"_qs
                                                          << u"Basic "_qs + M;
    QTest::newRow("a bare Authorization token is masked whole") << u"Authorization"_qs << u"s3cr3t"_qs << M;
    QTest::newRow("Proxy-Authorization is masked") << u"Proxy-Authorization"_qs << u"Basic Zm9vOmJhcg=="_qs
                                                   << u"Basic "_qs + M;
    QTest::newRow("Cookie keeps every cookie name") << u"Cookie"_qs << u"session=abc123; theme=dark"_qs
                                                    << u"session="_qs + M + u"; theme="_qs + M;
    QTest::newRow("Set-Cookie keeps its attributes") << u"Set-Cookie"_qs
                                                     << u"sid=xyz789; Path=/; HttpOnly; SameSite=None"_qs
                                                     << u"sid="_qs + M + u"; Path=/; HttpOnly; SameSite=None"_qs;
    QTest::newRow("X-Api-Key is masked") << u"X-Api-Key"_qs << u"k-123456"_qs << M;
    QTest::newRow("a custom *token* header is masked") << u"X-My-Secret-Token"_qs << u"q1w2e3"_qs << M;
    QTest::newRow("X-CSRF-Token is masked") << u"X-CSRF-Token"_qs << u"csrf-abc"_qs << M;
    QTest::newRow("X-Amz-Security-Token is masked") << u"X-Amz-Security-Token"_qs << u"FQoGZXIvYXdz"_qs << M;
    QTest::newRow("an *apikey* header is masked") << u"Partner-ApiKey"_qs << u"pk_live_1"_qs << M;
    QTest::newRow("a *password* header is masked") << u"X-Password"_qs << u"hunter2"_qs << M;
    QTest::newRow("Location loses the token of its query")
        << u"Location"_qs << u"/callback?code=abc123&state=ok"_qs << u"/callback?code="_qs + M + u"&state=ok"_qs;
    QTest::newRow("Referer loses the key of its query") << u"Referer"_qs << u"https://app.test/p?api_key=zz99&x=1"_qs
                                                        << u"https://app.test/p?api_key="_qs + M + u"&x=1"_qs;
    QTest::newRow("Access-Control-Allow-Headers only names headers and stays")
        << u"Access-Control-Allow-Headers"_qs << u"Authorization, X-Api-Key"_qs << u"Authorization, X-Api-Key"_qs;
    QTest::newRow("Content-Type stays") << u"Content-Type"_qs << u"application/json"_qs << u"application/json"_qs;
}

void tst_Redactor::headerValues()
{
    QFETCH(QString, name);
    QFETCH(QString, value);
    QFETCH(QString, expected);
    QCOMPARE(Redactor().redactHeaderValue(name, value), expected);
}

void tst_Redactor::urls_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("expected");
    QTest::newRow("access_token in the query") << u"https://api.test/v1?access_token=AAA111&page=2"_qs
                                               << u"https://api.test/v1?access_token="_qs + M + u"&page=2"_qs;
    QTest::newRow("parameter names compare case-insensitively")
        << u"https://s3.test/o?X-Amz-Signature=abcdef&X-Amz-Expires=60"_qs
        << u"https://s3.test/o?X-Amz-Signature="_qs + M + u"&X-Amz-Expires=60"_qs;
    QTest::newRow("percent-encoded names are decoded to compare") << u"https://a.test/?api%5Fkey=v4lue"_qs
                                                                  << u"https://a.test/?api%5Fkey="_qs + M;
    QTest::newRow("a password in the userinfo") << u"https://bob:pa55word@a.test/x"_qs
                                                << u"https://bob:"_qs + M + u"@a.test/x"_qs;
    QTest::newRow("a token in the fragment") << u"https://a.test/cb#id_token=eyJxx&state=1"_qs
                                             << u"https://a.test/cb#id_token="_qs + M + u"&state=1"_qs;
    QTest::newRow("a URL without secrets is unchanged") << u"https://a.test/items?page=2&sort=name"_qs
                                                        << u"https://a.test/items?page=2&sort=name"_qs;
}

void tst_Redactor::urls()
{
    QFETCH(QString, url);
    QFETCH(QString, expected);
    QCOMPARE(Redactor().redactUrl(url), expected);
}

void tst_Redactor::bodies_data()
{
    QTest::addColumn<QString>("body");
    QTest::addColumn<QString>("expected");
    QTest::newRow("a JSON password keeps the formatting")
        << u"{\"user\": \"bob\", \"password\": \"hunter22\"}"_qs << u"{\"user\": \"bob\", \"password\": \""_qs + M
        + u"\"}"_qs;
    QTest::newRow("a nested JSON token") << u"{\"auth\":{\"refresh_token\":\"rt-998877\"},\"n\":1}"_qs
                                         << u"{\"auth\":{\"refresh_token\":\""_qs + M + u"\"},\"n\":1}"_qs;
    QTest::newRow("an object under a secret key is masked leaf by leaf")
        << u"{\"credentials\":1,\"secret\":{\"a\":\"leaf-value-1\"}}"_qs
        << u"{\"credentials\":1,\"secret\":{\"a\":\""_qs + M + u"\"}}"_qs;
    QTest::newRow("a form field") << u"user=bob&password=hunter22&remember=1"_qs
                                  << u"user=bob&password="_qs + M + u"&remember=1"_qs;
    QTest::newRow("a bearer token in plain text") << u"use Bearer abcdef123 next time"_qs
                                                  << u"use Bearer "_qs + M + u" next time"_qs;
    QTest::newRow("a body without secrets is unchanged") << u"{\"items\":[1,2,3]}"_qs << u"{\"items\":[1,2,3]}"_qs;
}

void tst_Redactor::bodies()
{
    QFETCH(QString, body);
    QFETCH(QString, expected);
    QCOMPARE(Redactor().redactBody(body), expected);
}

void tst_Redactor::freeText_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");
    QTest::newRow("a URL quoted in a console message")
        << u"Access to fetch at 'http://api.test/x?token=t0k3n' from origin 'http://app.test' has been blocked"_qs
        << u"Access to fetch at 'http://api.test/x?token="_qs + M + u"' from origin 'http://app.test' has been blocked"_qs;
    QTest::newRow("a JWT anywhere") << u"got eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl here"_qs
                                    << u"got "_qs + M + u" here"_qs;
    QTest::newRow("a name: value pair with a secret name") << u"X-Session-Id: 12345678"_qs
                                                           << u"X-Session-Id: "_qs + M;
    QTest::newRow("a console message naming a header stays")
        << u"Request header field x-api-key is not allowed by Access-Control-Allow-Headers in preflight response."_qs
        << u"Request header field x-api-key is not allowed by Access-Control-Allow-Headers in preflight response."_qs;
}

void tst_Redactor::freeText()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);
    QCOMPARE(Redactor().redactText(text), expected);
}

void tst_Redactor::userPatternsMaskMatchesOrTheirGroups()
{
    Redactor redactor;
    redactor.addPattern(QRegularExpression(QStringLiteral("acct-[0-9]+")));
    redactor.addPattern(QRegularExpression(QStringLiteral("tenant/([a-z]+)/")));
    QCOMPARE(redactor.redactText(QStringLiteral("see acct-4242 in tenant/acme/data")),
             u"see "_qs + M + u" in tenant/"_qs + M + u"/data"_qs);
}

void tst_Redactor::anExchangeLosesEverySecretButKeepsItsShape()
{
    const QJsonObject exchange{
        {QStringLiteral("request"),
         QJsonObject{{QStringLiteral("url"), QStringLiteral("http://api.test/x?token=PLANT-URL-1")},
                     {QStringLiteral("headers"),
                      QJsonArray{QJsonArray{QStringLiteral("Authorization"), QStringLiteral("Bearer PLANT-AUTH-2")},
                                 QJsonArray{QStringLiteral("X-Trace"), QStringLiteral("trace-1")}}}}},
        {QStringLiteral("hops"),
         QJsonArray{QJsonObject{
             {QStringLiteral("response"),
              QJsonObject{{QStringLiteral("headers"),
                           QJsonArray{QJsonArray{QStringLiteral("Set-Cookie"), QStringLiteral("s=PLANT-COOKIE-3; Path=/")}}},
                          // The server echoes secrets it received in places no rule knows about.
                          {QStringLiteral("body"), QStringLiteral("echo: PLANT-AUTH-2 PLANT-COOKIE-3")}}}}}},
        {QStringLiteral("failure"),
         QJsonObject{{QStringLiteral("message"), QStringLiteral("Access to fetch at 'http://api.test/x?token=PLANT-URL-1'")}}},
    };
    const QJsonObject redacted = Redactor().redactExchange(exchange);
    const QString text = QString::fromUtf8(QJsonDocument(redacted).toJson());
    QVERIFY2(!text.contains(u"PLANT"), qPrintable(text));
    QVERIFY(text.contains(u"Bearer "_qs + M));
    QVERIFY(text.contains(u"s="_qs + M + u"; Path=/"_qs));
    QVERIFY(text.contains(u"trace-1"));
    QCOMPARE(redacted.keys(), exchange.keys());
}

void tst_Redactor::aRunArrayIsRedactedEntryByEntry()
{
    const QJsonArray run{QJsonObject{{QStringLiteral("name"), QStringLiteral("first")},
                                     {QStringLiteral("request"),
                                      QJsonObject{{QStringLiteral("url"), QStringLiteral("http://a.test/?key=ONE111")}}}},
                         QJsonObject{{QStringLiteral("name"), QStringLiteral("second")},
                                     {QStringLiteral("request"),
                                      QJsonObject{{QStringLiteral("url"), QStringLiteral("http://a.test/?sig=TWO222")}}}}};
    const QJsonArray redacted = Redactor().redact(run).toArray();
    QCOMPARE(redacted.size(), 2);
    const QString text = QString::fromUtf8(QJsonDocument(redacted).toJson());
    QVERIFY(!text.contains(u"ONE111"));
    QVERIFY(!text.contains(u"TWO222"));
    QCOMPARE(redacted.at(1).toObject().value(QStringLiteral("name")).toString(), QStringLiteral("second"));
}

QTEST_GUILESS_MAIN(tst_Redactor)
#include "tst_redactor.moc"
