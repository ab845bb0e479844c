#include "core/browserprofile.h"
#include "core/headerlist.h"
#include "core/preflightdecision.h"

#include <QTest>

using namespace corscope;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(corscope::HeaderList)

namespace {
BrowserProfile profileNamed(const QString &name)
{
    return BrowserProfile::fromName(name).value_or(BrowserProfile::chromium());
}

QByteArray repeated(char c, int n)
{
    return QByteArray(n, c);
}
} // namespace

class tst_PreflightDecision : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void normalizeMethod_data();
    void normalizeMethod();
    void safelistedMethod_data();
    void safelistedMethod();
    void forbiddenMethod_data();
    void forbiddenMethod();
    void forbiddenRequestHeader_data();
    void forbiddenRequestHeader();
    void safelistedRequestHeader_data();
    void safelistedRequestHeader();
    void decide_data();
    void decide();
    void reasonSentences_data();
    void reasonSentences();
};

void tst_PreflightDecision::normalizeMethod_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QByteArray>("normalized");
    QTest::newRow("put becomes PUT") << QByteArrayLiteral("put") << QByteArrayLiteral("PUT");
    QTest::newRow("get becomes GET") << QByteArrayLiteral("get") << QByteArrayLiteral("GET");
    QTest::newRow("Delete becomes DELETE") << QByteArrayLiteral("Delete") << QByteArrayLiteral("DELETE");
    QTest::newRow("head becomes HEAD") << QByteArrayLiteral("head") << QByteArrayLiteral("HEAD");
    QTest::newRow("oPtIoNs becomes OPTIONS") << QByteArrayLiteral("oPtIoNs") << QByteArrayLiteral("OPTIONS");
    QTest::newRow("post becomes POST") << QByteArrayLiteral("post") << QByteArrayLiteral("POST");
    QTest::newRow("patch stays patch") << QByteArrayLiteral("patch") << QByteArrayLiteral("patch");
    QTest::newRow("Patch stays Patch") << QByteArrayLiteral("Patch") << QByteArrayLiteral("Patch");
    QTest::newRow("PATCH stays PATCH") << QByteArrayLiteral("PATCH") << QByteArrayLiteral("PATCH");
    QTest::newRow("a custom method keeps its case") << QByteArrayLiteral("fooBar") << QByteArrayLiteral("fooBar");
}

void tst_PreflightDecision::normalizeMethod()
{
    QFETCH(QByteArray, method);
    QFETCH(QByteArray, normalized);
    QCOMPARE(corscope::normalizeMethod(method), normalized);
}

void tst_PreflightDecision::safelistedMethod_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<bool>("safelisted");
    QTest::newRow("GET is safelisted") << QByteArrayLiteral("GET") << true;
    QTest::newRow("HEAD is safelisted") << QByteArrayLiteral("HEAD") << true;
    QTest::newRow("POST is safelisted") << QByteArrayLiteral("POST") << true;
    QTest::newRow("PUT is not safelisted") << QByteArrayLiteral("PUT") << false;
    QTest::newRow("DELETE is not safelisted") << QByteArrayLiteral("DELETE") << false;
    QTest::newRow("OPTIONS is not safelisted") << QByteArrayLiteral("OPTIONS") << false;
    QTest::newRow("patch is not safelisted") << QByteArrayLiteral("patch") << false;
}

void tst_PreflightDecision::safelistedMethod()
{
    QFETCH(QByteArray, method);
    QFETCH(bool, safelisted);
    QCOMPARE(isSafelistedMethod(method), safelisted);
}

void tst_PreflightDecision::forbiddenMethod_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<bool>("forbidden");
    QTest::newRow("CONNECT is forbidden") << QByteArrayLiteral("CONNECT") << true;
    QTest::newRow("connect is forbidden") << QByteArrayLiteral("connect") << true;
    QTest::newRow("TRACE is forbidden") << QByteArrayLiteral("TRACE") << true;
    QTest::newRow("Trace is forbidden") << QByteArrayLiteral("Trace") << true;
    QTest::newRow("TRACK is forbidden") << QByteArrayLiteral("TRACK") << true;
    QTest::newRow("track is forbidden") << QByteArrayLiteral("track") << true;
    QTest::newRow("GET is allowed") << QByteArrayLiteral("GET") << false;
    QTest::newRow("PATCH is allowed") << QByteArrayLiteral("PATCH") << false;
    QTest::newRow("TRACES is allowed") << QByteArrayLiteral("TRACES") << false;
}

void tst_PreflightDecision::forbiddenMethod()
{
    QFETCH(QByteArray, method);
    QFETCH(bool, forbidden);
    QCOMPARE(isForbiddenMethod(method), forbidden);
}

void tst_PreflightDecision::forbiddenRequestHeader_data()
{
    QTest::addColumn<QString>("profile");
    QTest::addColumn<QByteArray>("name");
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<bool>("forbidden");

    const QString chromium = QStringLiteral("chromium");
    const QList<QByteArray> specList{"Accept-Charset", "Accept-Encoding", "Access-Control-Request-Headers",
                                     "Access-Control-Request-Method", "Connection", "Content-Length", "Cookie",
                                     "Cookie2", "Date", "DNT", "Expect", "Host", "Keep-Alive", "Origin",
                                     "Referer", "Set-Cookie", "TE", "Trailer", "Transfer-Encoding", "Upgrade",
                                     "Via"};
    for (const QByteArray &name : specList) {
        QTest::addRow("%s is forbidden", name.constData()) << chromium << name << QByteArrayLiteral("x") << true;
        const QByteArray lower = name.toLower();
        QTest::addRow("%s in lowercase is forbidden", name.constData()) << chromium << lower
                                                                       << QByteArrayLiteral("x") << true;
    }
    QTest::newRow("a Sec- prefix is forbidden") << chromium << QByteArrayLiteral("Sec-Foo") << QByteArrayLiteral("1")
                                                << true;
    QTest::newRow("a sec-ch-ua client hint is forbidden") << chromium << QByteArrayLiteral("sec-ch-ua")
                                                          << QByteArrayLiteral("x") << true;
    QTest::newRow("a Proxy- prefix is forbidden") << chromium << QByteArrayLiteral("Proxy-Bar")
                                                  << QByteArrayLiteral("1") << true;
    QTest::newRow("Proxy-Authorization is forbidden") << chromium << QByteArrayLiteral("Proxy-Authorization")
                                                      << QByteArrayLiteral("Basic x") << true;
    QTest::newRow("User-Agent is forbidden in chromium") << chromium << QByteArrayLiteral("User-Agent")
                                                         << QByteArrayLiteral("bot") << true;
    QTest::newRow("User-Agent may be set in firefox") << QStringLiteral("firefox") << QByteArrayLiteral("User-Agent")
                                                      << QByteArrayLiteral("bot") << false;
    QTest::newRow("User-Agent may be set in safari") << QStringLiteral("safari") << QByteArrayLiteral("user-agent")
                                                     << QByteArrayLiteral("bot") << false;
    QTest::newRow("Cookie is forbidden in firefox too") << QStringLiteral("firefox") << QByteArrayLiteral("Cookie")
                                                        << QByteArrayLiteral("a=b") << true;
    QTest::newRow("X-HTTP-Method-Override with TRACE is forbidden")
        << chromium << QByteArrayLiteral("X-HTTP-Method-Override") << QByteArrayLiteral("TRACE") << true;
    QTest::newRow("X-HTTP-Method-Override with a list holding connect is forbidden")
        << chromium << QByteArrayLiteral("X-HTTP-Method-Override") << QByteArrayLiteral("GET, connect") << true;
    QTest::newRow("X-HTTP-Method with track is forbidden") << chromium << QByteArrayLiteral("x-http-method")
                                                           << QByteArrayLiteral("track") << true;
    QTest::newRow("X-Method-Override with CONNECT is forbidden") << chromium << QByteArrayLiteral("X-Method-Override")
                                                                 << QByteArrayLiteral("CONNECT") << true;
    QTest::newRow("X-HTTP-Method-Override with PATCH is allowed")
        << chromium << QByteArrayLiteral("X-HTTP-Method-Override") << QByteArrayLiteral("PATCH") << false;
    QTest::newRow("X-HTTP-Method-Override with DELETE is allowed")
        << chromium << QByteArrayLiteral("X-HTTP-Method-Override") << QByteArrayLiteral("DELETE") << false;
    QTest::newRow("Authorization is not forbidden") << chromium << QByteArrayLiteral("Authorization")
                                                    << QByteArrayLiteral("Bearer x") << false;
    QTest::newRow("Content-Type is not forbidden") << chromium << QByteArrayLiteral("Content-Type")
                                                   << QByteArrayLiteral("application/json") << false;
    QTest::newRow("X-Trace is not forbidden") << chromium << QByteArrayLiteral("X-Trace") << QByteArrayLiteral("1")
                                              << false;
    QTest::newRow("Secret without a dash is not a Sec- header") << chromium << QByteArrayLiteral("Secret")
                                                                << QByteArrayLiteral("1") << false;
    QTest::newRow("Proxyish without a dash is not a Proxy- header") << chromium << QByteArrayLiteral("Proxyish")
                                                                    << QByteArrayLiteral("1") << false;
}

void tst_PreflightDecision::forbiddenRequestHeader()
{
    QFETCH(QString, profile);
    QFETCH(QByteArray, name);
    QFETCH(QByteArray, value);
    QFETCH(bool, forbidden);
    QCOMPARE(isForbiddenRequestHeader(name, value, profileNamed(profile)), forbidden);
}

namespace {
// §12.2 #29–#57 header vectors: (row name, header, value, safelisted)
struct HeaderVector
{
    const char *row;
    QByteArray name;
    QByteArray value;
    bool safelisted;
};

QList<HeaderVector> headerVectors()
{
    // "text/plain; long=" is 17 bytes: 112 digits make 129 bytes, 111 digits exactly 128.
    const QByteArray longParam = QByteArrayLiteral("text/plain; long=") + repeated('0', 112);
    const QByteArray limitParam = QByteArrayLiteral("text/plain; long=") + repeated('0', 111);
    const QByteArray zeros60 = repeated('0', 60);
    return {
        {"#29 text/plain; is safelisted", "Content-Type", "text/plain;", true},
        {"#30 text/plain;garbage is safelisted", "Content-Type", "text/plain;garbage", true},
        {"#31 a space before the slash is not safelisted", "Content-Type", "text /plain", false},
        {"#32 tabs around the slash are not safelisted", "Content-Type", "text\t/\tplain", false},
        {"#33 control bytes in parameters are not safelisted", "Content-Type", "text/plain;garbage\x01\x02", false},
        {"#34 a trailing comma is not safelisted", "Content-Type", "text/plain,", false},
        {"#34 a leading comma is not safelisted", "Content-Type", ",text/plain", false},
        {"#34 text/plain twice with a comma is not safelisted", "Content-Type", "text/plain,text/plain", false},
        {"#34 text/plain,x/x is not safelisted", "Content-Type", "text/plain,x/x", false},
        {"#35 a vertical tab is not safelisted", "Content-Type", "text/plain\x0b", false},
        {"#35 a form feed is not safelisted", "Content-Type", "text/plain\x0c", false},
        {"#36 application/www-form-urlencoded is not safelisted", "Content-Type", "application/www-form-urlencoded",
         false},
        {"#37 DEL in a form content type is not safelisted", "Content-Type", "application/x-www-form-urlencoded;\x7f",
         false},
        {"#38 multipart/form-data is safelisted", "Content-Type", "multipart/form-data", true},
        {"#39 a double quote in multipart is not safelisted", "Content-Type", "multipart/form-data;\"", false},
        {"#40 text/html is not safelisted", "Content-Type", "text/html", false},
        {"#41 a content type over 128 bytes is not safelisted", "Content-Type", longParam, false},
        {"a content type of exactly 128 bytes is safelisted", "Content-Type", limitParam, true},
        {"#42 application/json is not safelisted", "Content-Type", "application/json", false},
        {"text/plain with a charset is safelisted", "Content-Type", "text/plain;charset=UTF-8", true},
        {"uppercase TEXT/PLAIN is safelisted", "Content-Type", "TEXT/PLAIN", true},
        {"application/x-www-form-urlencoded is safelisted", "content-type", "application/x-www-form-urlencoded", true},
        {"#43 a simple byte range is safelisted", "Range", "bytes=100-200", true},
        {"#44 an open-ended range is safelisted", "Range", "bytes=200-", true},
        {"#45 a suffix range is not safelisted", "Range", "bytes=-200", false},
        {"#46 two ranges are not safelisted", "Range", "bytes=100-200,300-400", false},
        {"#47 a space before the equals sign is not safelisted", "Range", "bytes =100-200", false},
        {"#47 a space after the equals sign is not safelisted", "Range", "bytes= 100-200", false},
        {"#47 a space before the dash is not safelisted", "Range", "bytes=100 -200", false},
        {"#47 a tab after the dash is not safelisted", "Range", "bytes=100-\t200", false},
        {"#48 a reversed range is not safelisted", "Range", "bytes=200-100", false},
        {"#49 letters in a range are not safelisted", "Range", "bytes=abc-def", false},
        {"#49 trailing text in a range is not safelisted", "Range", "bytes=100-200hello", false},
        {"#49 another unit is not safelisted", "Range", "MB=100-200", false},
        {"#49 a range without a unit is not safelisted", "Range", "100-200", false},
        {"#49 a space instead of the equals sign is not safelisted", "Range", "bytes 0-", false},
        {"#50 a 129-byte range is not safelisted", "Range", "bytes=1" + zeros60 + "-2" + zeros60, false},
        {"#51 a double quote in Accept is not safelisted", "Accept", "\"", false},
        {"#52 an Accept over 128 bytes is not safelisted", "Accept", repeated('0', 129), false},
        {"an Accept of exactly 128 bytes is safelisted", "Accept", repeated('a', 128), true},
        {"Accept: unicorn is safelisted", "Accept", "unicorn", true},
        {"Accept with bytes above 0x7F is safelisted", "Accept", "text/\xc3\xa9", true},
        {"#53 an at sign in Accept-Language is not safelisted", "Accept-Language", "@", false},
        {"#53 a control byte in Content-Language is not safelisted", "Content-Language", "\x01", false},
        {"a tab in Accept-Language is not safelisted", "Accept-Language", "en\tUS", false},
        {"#54 a usual Accept-Language is safelisted", "Accept-Language", "en-US,en;q=0.9", true},
        {"a usual Content-Language is safelisted", "Content-Language", "de-DE", true},
        {"#55 Authorization is not safelisted", "Authorization", "basics", false},
        {"#56 a custom header is not safelisted", "X-Test", "hi", false},
        {"Cache-Control is not safelisted", "Cache-Control", "no-cache", false},
        {"Pragma is not safelisted", "Pragma", "no-cache", false},
        {"If-None-Match is not safelisted", "If-None-Match", "\"abc\"", false},
        {"X-Requested-With is not safelisted", "X-Requested-With", "XMLHttpRequest", false},
        {"a custom header with an empty value is not safelisted", "X-Empty", "", false},
    };
}
} // namespace

void tst_PreflightDecision::safelistedRequestHeader_data()
{
    QTest::addColumn<QString>("profile");
    QTest::addColumn<QByteArray>("name");
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<bool>("safelisted");

    for (const HeaderVector &vector : headerVectors())
        QTest::newRow(vector.row) << QStringLiteral("chromium") << vector.name << vector.value << vector.safelisted;

    // Chromium 156 still safelists the legacy client hints; Firefox 153 and WebKit do not.
    for (const QString &profile : {QStringLiteral("chromium"), QStringLiteral("firefox"), QStringLiteral("safari")}) {
        const bool chromium = profile == u"chromium";
        const QByteArray p = profile.toLatin1();
        QTest::addRow("DPR: 2 in %s", p.constData()) << profile << QByteArrayLiteral("DPR") << QByteArrayLiteral("2")
                                                     << chromium;
        QTest::addRow("Save-Data: on in %s", p.constData()) << profile << QByteArrayLiteral("Save-Data")
                                                           << QByteArrayLiteral("on") << chromium;
        QTest::addRow("Viewport-Width: 1024 in %s", p.constData()) << profile << QByteArrayLiteral("Viewport-Width")
                                                                  << QByteArrayLiteral("1024") << chromium;
        QTest::addRow("Device-Memory: 8 in %s", p.constData()) << profile << QByteArrayLiteral("Device-Memory")
                                                              << QByteArrayLiteral("8") << chromium;
    }
    QTest::newRow("Save-Data: off is not safelisted in chromium") << QStringLiteral("chromium")
                                                                  << QByteArrayLiteral("Save-Data")
                                                                  << QByteArrayLiteral("off") << false;
}

void tst_PreflightDecision::safelistedRequestHeader()
{
    QFETCH(QString, profile);
    QFETCH(QByteArray, name);
    QFETCH(QByteArray, value);
    QFETCH(bool, safelisted);
    QCOMPARE(isSafelistedRequestHeader(name, value, profileNamed(profile)), safelisted);
}

void tst_PreflightDecision::decide_data()
{
    QTest::addColumn<QString>("profile");
    QTest::addColumn<QByteArray>("method"); // already normalized
    QTest::addColumn<HeaderList>("headers");
    QTest::addColumn<bool>("needed");
    QTest::addColumn<bool>("methodUnsafe");
    QTest::addColumn<QByteArray>("unsafeNames"); // the ACRH set joined with ","

    const QString chromium = QStringLiteral("chromium");
    const QByteArray post = QByteArrayLiteral("POST");

    // Every §12.2 header vector as a POST: a safelisted header needs no preflight, any other one puts
    // its lowercase name into the set.
    for (const HeaderVector &vector : headerVectors()) {
        QTest::addRow("POST with %s", vector.row)
            << chromium << post << HeaderList{{vector.name, vector.value}} << !vector.safelisted << false
            << (vector.safelisted ? QByteArray() : vector.name.toLower());
    }

    QTest::newRow("a POST without headers needs no preflight") << chromium << post << HeaderList{} << false << false
                                                               << QByteArray();
    QTest::newRow("a GET without headers needs no preflight") << chromium << QByteArrayLiteral("GET") << HeaderList{}
                                                              << false << false << QByteArray();
    QTest::newRow("HEAD with Accept needs no preflight")
        << chromium << QByteArrayLiteral("HEAD") << HeaderList{{"Accept", "application/json"}} << false << false
        << QByteArray();
    QTest::newRow("PUT with X-Trace needs a preflight") << chromium << QByteArrayLiteral("PUT")
                                                        << HeaderList{{"X-Trace", "1"}} << true << true
                                                        << QByteArrayLiteral("x-trace");
    QTest::newRow("PUT without headers needs a preflight for the method")
        << chromium << QByteArrayLiteral("PUT") << HeaderList{} << true << true << QByteArray();
    QTest::newRow("#58 patch needs a preflight") << chromium << QByteArrayLiteral("patch") << HeaderList{} << true
                                                 << true << QByteArray();
    QTest::newRow("DELETE needs a preflight") << chromium << QByteArrayLiteral("DELETE") << HeaderList{} << true << true
                                              << QByteArray();
    QTest::newRow("#59 get normalized to GET needs no preflight") << chromium << QByteArrayLiteral("GET")
                                                                 << HeaderList{} << false << false << QByteArray();
    QTest::newRow("a Content-Type on a GET needs a preflight")
        << chromium << QByteArrayLiteral("GET") << HeaderList{{"Content-Type", "application/json"}} << true << false
        << QByteArrayLiteral("content-type");
    QTest::newRow("Cache-Control on a GET needs a preflight")
        << chromium << QByteArrayLiteral("GET") << HeaderList{{"Cache-Control", "no-cache"}} << true << false
        << QByteArrayLiteral("cache-control");
    QTest::newRow("Pragma on a GET needs a preflight") << chromium << QByteArrayLiteral("GET")
                                                       << HeaderList{{"Pragma", "no-cache"}} << true << false
                                                       << QByteArrayLiteral("pragma");
    QTest::newRow("If-None-Match on a GET needs a preflight")
        << chromium << QByteArrayLiteral("GET") << HeaderList{{"If-None-Match", "\"v1\""}} << true << false
        << QByteArrayLiteral("if-none-match");
    QTest::newRow("X-Requested-With on a GET needs a preflight")
        << chromium << QByteArrayLiteral("GET") << HeaderList{{"X-Requested-With", "XMLHttpRequest"}} << true
        << false << QByteArrayLiteral("x-requested-with");
    QTest::newRow("a custom header with an empty value needs a preflight")
        << chromium << QByteArrayLiteral("GET") << HeaderList{{"X-Empty", ""}} << true << false
        << QByteArrayLiteral("x-empty");
    QTest::newRow("the ACRH set is lowercase, sorted and deduplicated")
        << chromium << QByteArrayLiteral("GET")
        << HeaderList{{"X-B", "1"}, {"x-a", "2"}, {"X-A", "3"}, {"Accept", "*/*"}, {"Authorization", "Bearer t"}}
        << true << false << QByteArrayLiteral("authorization,x-a,x-b");
    QTest::newRow("safelisted headers stay out of the ACRH set")
        << chromium << QByteArrayLiteral("PUT")
        << HeaderList{{"Content-Type", "text/plain"}, {"X-Trace", "1"}, {"Accept-Language", "en"}} << true << true
        << QByteArrayLiteral("x-trace");
    QTest::newRow("#57 nine Accept values of 120 bytes exceed the 1024-byte budget")
        << chromium << post << [] {
               HeaderList headers;
               for (int i = 0; i < 9; ++i)
                   headers.append("Accept", QByteArray(120, 'a'));
               return headers;
           }()
        << true << false << QByteArrayLiteral("accept");
    QTest::newRow("nine Accept-Language values of 120 bytes exceed the 1024-byte budget")
        << chromium << post << [] {
               HeaderList headers;
               for (int i = 0; i < 9; ++i)
                   headers.append("Accept-Language", QByteArray(120, 'e'));
               return headers;
           }()
        << true << false << QByteArrayLiteral("accept-language");
    QTest::newRow("eight short Accept values stay within the budget")
        << chromium << post << [] {
               HeaderList headers;
               for (int i = 0; i < 8; ++i)
                   headers.append("Accept", "a");
               return headers;
           }()
        << false << false << QByteArray();
    QTest::newRow("Accept of 129 bytes needs a preflight under the 128-byte rule")
        << chromium << QByteArrayLiteral("GET") << HeaderList{{"Accept", QByteArray(129, 'a')}} << true << false
        << QByteArrayLiteral("accept");

    // Client hints: safelisted in Chromium 156 only.
    const HeaderList hints{{"DPR", "2"}, {"Save-Data", "on"}, {"Viewport-Width", "1024"}, {"Device-Memory", "8"}};
    QTest::newRow("client hints need no preflight in chromium") << chromium << QByteArrayLiteral("GET") << hints
                                                                << false << false << QByteArray();
    QTest::newRow("client hints need a preflight in firefox")
        << QStringLiteral("firefox") << QByteArrayLiteral("GET") << hints << true << false
        << QByteArrayLiteral("device-memory,dpr,save-data,viewport-width");
    QTest::newRow("client hints need a preflight in safari")
        << QStringLiteral("safari") << QByteArrayLiteral("GET") << hints << true << false
        << QByteArrayLiteral("device-memory,dpr,save-data,viewport-width");
    QTest::newRow("a script-set User-Agent needs a preflight in firefox")
        << QStringLiteral("firefox") << QByteArrayLiteral("GET") << HeaderList{{"User-Agent", "bot/1"}} << true
        << false << QByteArrayLiteral("user-agent");
    QTest::newRow("a script-set User-Agent needs a preflight in safari")
        << QStringLiteral("safari") << QByteArrayLiteral("GET") << HeaderList{{"User-Agent", "bot/1"}} << true
        << false << QByteArrayLiteral("user-agent");
    QTest::newRow("PUT with X-Trace needs a preflight in firefox") << QStringLiteral("firefox")
                                                                   << QByteArrayLiteral("PUT")
                                                                   << HeaderList{{"X-Trace", "1"}} << true << true
                                                                   << QByteArrayLiteral("x-trace");
}

void tst_PreflightDecision::decide()
{
    QFETCH(QString, profile);
    QFETCH(QByteArray, method);
    QFETCH(HeaderList, headers);
    QFETCH(bool, needed);
    QFETCH(bool, methodUnsafe);
    QFETCH(QByteArray, unsafeNames);

    const PreflightDecision decision = decidePreflight(method, headers, profileNamed(profile));
    QCOMPARE(decision.needed, needed);
    QCOMPARE(decision.methodIsUnsafe, methodUnsafe);
    QCOMPARE(decision.unsafeHeaderNames.join(','), unsafeNames);
    if (needed) {
        QVERIFY(!decision.reasons.isEmpty());
        for (const PreflightReason &reason : decision.reasons)
            QVERIFY(!reason.text().trimmed().isEmpty());
    } else {
        QVERIFY2(decision.reasons.isEmpty(), qPrintable(preflightReasonTexts(decision.reasons).join(u" | ")));
    }
}

void tst_PreflightDecision::reasonSentences_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<HeaderList>("headers");
    QTest::addColumn<QStringList>("sentences");

    QTest::newRow("a PUT with a JSON body and a bearer token gives three reasons in request order")
        << QByteArray("PUT")
        << HeaderList{{"Content-Type", "application/json"}, {"Authorization", "Bearer x"}}
        << QStringList{u"`PUT` is not a CORS-safelisted method (only GET, HEAD and POST are)."_s,
                       u"`Content-Type: application/json` is not CORS-safelisted: only "
                       u"application/x-www-form-urlencoded, multipart/form-data and text/plain are."_s,
                       u"`Authorization` is not a CORS-safelisted request header."_s};
    QTest::newRow("an Accept value of 129 bytes is too long")
        << QByteArray("GET") << HeaderList{{"Accept", QByteArray(129, 'a')}}
        << QStringList{u"The value of `Accept` is 129 bytes long; CORS-safelisted values are at most 128 bytes."_s};
    QTest::newRow("a quote in Accept is an unsafe byte")
        << QByteArray("GET") << HeaderList{{"Accept", "\"x\""}}
        << QStringList{u"`Accept: \"x\"` contains a character that CORS-safelisted values may not contain."_s};
    QTest::newRow("two ranges are not a simple range")
        << QByteArray("GET") << HeaderList{{"Range", "bytes=0-1,5-6"}}
        << QStringList{u"`Range: bytes=0-1,5-6` is not a simple range such as bytes=0- or bytes=0-99."_s};
    QTest::newRow("a client hint that is not a number is invalid")
        << QByteArray("GET") << HeaderList{{"DPR", "two"}}
        << QStringList{u"`DPR: two` is not a valid client-hint value."_s};
    QTest::newRow("nine safelisted values of 120 bytes add up to more than 1024 bytes")
        << QByteArray("POST")
        << HeaderList{{"Accept", QByteArray(120, 'a')}, {"Accept-Language", QByteArray(120, 'b')},
                      {"Content-Language", QByteArray(120, 'c')}, {"DPR", "1"}, {"Accept", QByteArray(120, 'd')},
                      {"Accept", QByteArray(120, 'e')}, {"Accept", QByteArray(120, 'f')},
                      {"Accept", QByteArray(120, 'g')}, {"Accept", QByteArray(120, 'h')},
                      {"Accept", QByteArray(120, 'i')}}
        << QStringList{u"The CORS-safelisted headers add up to 1081 bytes; more than 1024 bytes in total need a "
                       u"preflight."_s};
    QTest::newRow("a simple GET has no reasons") << QByteArray("GET") << HeaderList{{"Accept", "*/*"}}
                                                 << QStringList{};
}

void tst_PreflightDecision::reasonSentences()
{
    QFETCH(QByteArray, method);
    QFETCH(HeaderList, headers);
    QFETCH(QStringList, sentences);

    const PreflightDecision decision = decidePreflight(method, headers, BrowserProfile::chromium());
    QCOMPARE(preflightReasonTexts(decision.reasons), sentences);
}

QTEST_GUILESS_MAIN(tst_PreflightDecision)
#include "tst_preflightdecision.moc"
