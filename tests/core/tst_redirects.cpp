// Redirects (digest §1.2, §6, §12.5 and the observed top section), through FetchSimulator.
#include "scriptedserver.h"

#include "core/fetchsimulator.h"
#include "core/finding.h"

#include <QTest>

using namespace corscope;
using namespace corscope::test;

namespace {
const QString kOther = QStringLiteral("http://c.test:9000/y");

QByteArray headerOf(const HttpRequest &request, const QByteArray &name)
{
    return request.headers.combinedValue(name).value_or(QByteArrayLiteral("(absent)"));
}

QString urls(const QList<PendingHop> &hops)
{
    QStringList list;
    for (const PendingHop &hop : hops)
        list.append(hopKindName(hop.kind) + u' ' + hop.request.url.toString());
    return list.join(u" | ");
}
} // namespace

class tst_Redirects : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void crossOriginHopSendsNullOrigin_data();
    void crossOriginHopSendsNullOrigin();
    void redirectToUserinfoIsRefused();
    void redirectToUserinfoIsANetworkErrorInFirefox();
    void redirectWithoutAcaoIsBlockedAtTheRedirect();
    void twentyRedirectsAreFollowed();
    void twentyOneRedirectsAreANetworkError();
    void preflightAnswered307IsRefused();
    void methodRewrite_data();
    void methodRewrite();
    void preflightedRequestRedirectedOnTheSameServerGetsANewPreflight();
    void crossOriginRedirectDropsAuthorizationAndPreflightsAgain();
    void sameOriginRedirectToAnotherOriginKeepsThePageOrigin();
    void redirectModeErrorIsANetworkError();
    void redirectModeManualIsAnOpaqueRedirect();
};

void tst_Redirects::crossOriginHopSendsNullOrigin_data()
{
    QTest::addColumn<CredentialsMode>("credentials");
    QTest::addColumn<HeaderList>("finalHeaders");
    QTest::addColumn<Verdict>("verdict");
    QTest::addColumn<QString>("check");
    QTest::addColumn<QString>("console");

    const HeaderList credentialed{{kAcac, "true"}};
    QTest::newRow("#99 the page origin on the final hop is a mismatch after a cross-origin redirect")
        << CredentialsMode::SameOrigin << HeaderList{{kAcao, kPageOrigin}} << Verdict::Blocked
        << QStringLiteral("allow-origin-mismatch")
        << chromiumBlocked(kOther,
                           QStringLiteral("The 'Access-Control-Allow-Origin' header has a value 'http://app.test:3000' "
                                          "that is not equal to the supplied origin.")
                               + kValidValueHint,
                           kApiUrl);
    QTest::newRow("#99 a missing ACAO after a redirect names both URLs")
        << CredentialsMode::SameOrigin << HeaderList{} << Verdict::Blocked << QStringLiteral("missing-allow-origin")
        << chromiumBlocked(kOther,
                           QStringLiteral("No 'Access-Control-Allow-Origin' header is present on the requested resource."),
                           kApiUrl);
    QTest::newRow("#100 a wildcard passes after a cross-origin redirect")
        << CredentialsMode::SameOrigin << HeaderList{{kAcao, "*"}} << Verdict::Allowed << QString() << QString();
    QTest::newRow("null passes after a cross-origin redirect") << CredentialsMode::SameOrigin
                                                               << HeaderList{{kAcao, "null"}} << Verdict::Allowed
                                                               << QString() << QString();
    QTest::newRow("null with ACAC true passes a credentialed request after a cross-origin redirect")
        << CredentialsMode::Include << HeaderList{{kAcao, "null"}, {kAcac, "true"}} << Verdict::Allowed << QString()
        << QString();
    QTest::newRow("a wildcard fails a credentialed request after a cross-origin redirect")
        << CredentialsMode::Include << HeaderList{{kAcao, "*"}, {kAcac, "true"}} << Verdict::Blocked
        << QStringLiteral("wildcard-origin-with-credentials")
        << chromiumBlocked(kOther,
                           QStringLiteral("The value of the 'Access-Control-Allow-Origin' header in the response must "
                                          "not be the wildcard '*' when the request's credentials mode is 'include'."),
                           kApiUrl);
}

void tst_Redirects::crossOriginHopSendsNullOrigin()
{
    QFETCH(CredentialsMode, credentials);
    QFETCH(HeaderList, finalHeaders);
    QFETCH(Verdict, verdict);
    QFETCH(QString, check);
    QFETCH(QString, console);

    ScriptedServer server;
    HeaderList redirect{{"Location", kOther.toLatin1()}, {kAcao, kPageOrigin}};
    if (credentials == CredentialsMode::Include)
        redirect.append(kAcac, "true");
    server.onActual(kApiUrl, 302, redirect);
    server.onActual(kOther, 200, finalHeaders);
    const ExchangeResult result = server.run(fetchRequest("GET", kApiUrl, {}, credentials), BrowserProfile::chromium());

    QVERIFY2(server.unrouted().isEmpty(), qPrintable(server.unrouted().join(u", ")));
    QCOMPARE(hopKinds(result), QStringLiteral("actual,actual"));
    QCOMPARE(server.sent().size(), 2);
    QCOMPARE(headerOf(server.sent().at(0).request, "Origin"), kPageOrigin);
    QCOMPARE(server.sent().at(1).request.url, url(kOther));
    QCOMPARE(headerOf(server.sent().at(1).request, "Origin"), QByteArrayLiteral("null"));
    QVERIFY2(result.verdict == verdict, qPrintable(verdictName(result.verdict)));
    if (verdict == Verdict::Allowed) {
        QVERIFY(!result.failure);
        return;
    }
    QVERIFY(result.failure);
    QCOMPARE(stageName(result.failure->stage), QStringLiteral("actual"));
    QCOMPARE(checkIdName(result.failure->check), check);
    QCOMPARE(result.failure->consoleMessage, console);
}

void tst_Redirects::redirectToUserinfoIsRefused()
{
    ScriptedServer server;
    server.onActual(kApiUrl, 302, {{"Location", "http://user:pass@c.test:9000/y"}, {kAcao, "*"}});
    server.onActual(QStringLiteral("http://c.test:9000/y"), 200, {{kAcao, "*"}});
    const ExchangeResult result = server.run(fetchRequest("GET", kApiUrl), BrowserProfile::chromium());

    QCOMPARE(hopKinds(result), QStringLiteral("actual"));
    QVERIFY(result.verdict == Verdict::Blocked);
    QVERIFY(result.failure);
    QCOMPARE(stageName(result.failure->stage), QStringLiteral("redirect"));
    QCOMPARE(checkIdName(result.failure->check), QStringLiteral("redirect-contains-credentials"));
    QCOMPARE(result.failure->consoleMessage,
             chromiumBlocked(kApiUrl, QStringLiteral("Redirect location '' contains a username and password, which is "
                                                     "disallowed for cross-origin requests.")));
}

void tst_Redirects::redirectToUserinfoIsANetworkErrorInFirefox()
{
    ScriptedServer server;
    server.onActual(kApiUrl, 302, {{"Location", "http://user:pass@c.test:9000/y"}, {kAcao, "*"}});
    server.onActual(QStringLiteral("http://c.test:9000/y"), 200, {{kAcao, "*"}});
    const ExchangeResult result = server.run(fetchRequest("GET", kApiUrl), BrowserProfile::firefox());
    QCOMPARE(hopKinds(result), QStringLiteral("actual"));
    QVERIFY2(result.verdict == Verdict::NetworkError,
             qPrintable(verdictName(result.verdict)
                        + (result.failure ? u" " + checkIdName(result.failure->check) + u": "
                                   + result.failure->consoleMessage
                                           : QString())));
}

void tst_Redirects::redirectWithoutAcaoIsBlockedAtTheRedirect()
{
    ScriptedServer server;
    server.onActual(kApiUrl, 302, {{"Location", kOther.toLatin1()}});
    server.onActual(kOther, 200, {{kAcao, "*"}});
    const ExchangeResult result = server.run(fetchRequest("GET", kApiUrl), BrowserProfile::chromium());

    QCOMPARE(hopKinds(result), QStringLiteral("actual"));
    QCOMPARE(server.sent().size(), 1);
    QVERIFY(result.verdict == Verdict::Blocked);
    QVERIFY(result.failure);
    QCOMPARE(stageName(result.failure->stage), QStringLiteral("redirect"));
    QCOMPARE(checkIdName(result.failure->check), QStringLiteral("missing-allow-origin"));
    QCOMPARE(result.failure->status, 302);
    QCOMPARE(result.failure->consoleMessage,
             chromiumBlocked(kApiUrl,
                             QStringLiteral("No 'Access-Control-Allow-Origin' header is present on the requested resource.")));
}

namespace {
// /r/0 → /r/1 → ... → /r/<redirects>, which answers 200.
ScriptedServer::Handler chain(int redirects)
{
    return [redirects](const PendingHop &hop) -> std::optional<HopOutcome> {
        const QString path = hop.request.url.path();
        if (!path.startsWith(u"/r/"))
            return std::nullopt;
        const int index = path.mid(3).toInt();
        HttpResponse response;
        response.headers.append("Access-Control-Allow-Origin", "*");
        if (index < redirects) {
            response.status = 302;
            response.headers.append("Location", "/r/" + QByteArray::number(index + 1));
        } else {
            response.status = 200;
        }
        HopOutcome outcome;
        outcome.response = response;
        return outcome;
    };
}
} // namespace

void tst_Redirects::twentyRedirectsAreFollowed()
{
    ScriptedServer server;
    server.setHandler(chain(20));
    const ExchangeResult result = server.run(fetchRequest("GET", QStringLiteral("http://api.test:8000/r/0")),
                                             BrowserProfile::chromium());
    QCOMPARE(result.hops.size(), 21);
    QVERIFY2(result.verdict == Verdict::Allowed,
             result.failure ? qPrintable(result.failure->consoleMessage) : "no failure");
    QCOMPARE(server.sent().constLast().request.url, url(QStringLiteral("http://api.test:8000/r/20")));
}

void tst_Redirects::twentyOneRedirectsAreANetworkError()
{
    ScriptedServer server;
    server.setHandler(chain(21));
    const ExchangeResult result = server.run(fetchRequest("GET", QStringLiteral("http://api.test:8000/r/0")),
                                             BrowserProfile::chromium());
    QCOMPARE(result.hops.size(), 21);
    QVERIFY(result.verdict == Verdict::NetworkError);
    QVERIFY(result.failure);
    QCOMPARE(checkIdName(result.failure->check), QStringLiteral("network-error"));
    QVERIFY2(result.failure->consoleMessage.contains(u"net::ERR_TOO_MANY_REDIRECTS"),
             qPrintable(result.failure->consoleMessage));
    QVERIFY(!result.failure->consoleMessage.contains(u"CORS policy"));
}

void tst_Redirects::preflightAnswered307IsRefused()
{
    ScriptedServer server;
    server.onPreflight(kApiUrl, 307, {{"Location", kOther.toLatin1()}, {kAcao, "*"}, {kAcam, "PUT"}});
    server.onPreflight(kOther, 204, {{kAcao, "*"}, {kAcam, "PUT"}});
    const ExchangeResult result = server.run(fetchRequest("PUT", kApiUrl), BrowserProfile::chromium());
    QCOMPARE(hopKinds(result), QStringLiteral("preflight"));
    QCOMPARE(server.sent().size(), 1);
    QVERIFY(result.verdict == Verdict::Blocked);
    QVERIFY(result.failure);
    QCOMPARE(checkIdName(result.failure->check), QStringLiteral("preflight-disallowed-redirect"));
    QCOMPARE(result.failure->consoleMessage,
             chromiumBlocked(kApiUrl, kPreflightPrefix + QStringLiteral("Redirect is not allowed for a preflight request.")));
}

void tst_Redirects::methodRewrite_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<bool>("bodyKept");

    QTest::newRow("#105 a 301 turns POST into GET and drops the body") << 301 << QByteArrayLiteral("GET") << false;
    QTest::newRow("a 302 turns POST into GET and drops the body") << 302 << QByteArrayLiteral("GET") << false;
    QTest::newRow("a 303 turns POST into GET and drops the body") << 303 << QByteArrayLiteral("GET") << false;
    QTest::newRow("a 307 keeps POST and the body") << 307 << QByteArrayLiteral("POST") << true;
    QTest::newRow("a 308 keeps POST and the body") << 308 << QByteArrayLiteral("POST") << true;
}

void tst_Redirects::methodRewrite()
{
    QFETCH(int, status);
    QFETCH(QByteArray, method);
    QFETCH(bool, bodyKept);

    ScriptedServer server;
    server.onActual(kApiUrl, status, {{"Location", kOther.toLatin1()}, {kAcao, "*"}});
    server.onActual(kOther, 200, {{kAcao, "*"}});
    FetchRequest request = fetchRequest("POST", kApiUrl, {{"Content-Type", "text/plain"}});
    request.body = QByteArrayLiteral("payload");
    const ExchangeResult result = server.run(request, BrowserProfile::chromium());

    QVERIFY2(server.unrouted().isEmpty(), qPrintable(urls(server.sent())));
    QCOMPARE(hopKinds(result), QStringLiteral("actual,actual"));
    const HttpRequest &second = server.sent().at(1).request;
    QCOMPARE(second.method, method);
    QCOMPARE(second.body.isEmpty(), !bodyKept);
    QCOMPARE(second.headers.contains("Content-Type"), bodyKept);
    QCOMPARE(headerOf(second, "Origin"), QByteArrayLiteral("null"));
    QVERIFY(result.verdict == Verdict::Allowed);
}

void tst_Redirects::preflightedRequestRedirectedOnTheSameServerGetsANewPreflight()
{
    const QString target = QStringLiteral("http://api.test:8000/y");
    ScriptedServer server;
    server.onPreflight(kApiUrl, 204, {{kAcao, "*"}, {kAcam, "PUT"}, {kAcah, "X-Test"}});
    server.onActual(kApiUrl, 307, {{"Location", "/y"}, {kAcao, "*"}});
    server.onPreflight(target, 204, {{kAcao, "*"}, {kAcam, "PUT"}, {kAcah, "X-Test"}});
    server.onActual(target, 200, {{kAcao, "*"}});
    const ExchangeResult result = server.run(fetchRequest("PUT", kApiUrl, {{"X-Test", "1"}}), BrowserProfile::chromium());

    QVERIFY2(server.unrouted().isEmpty(), qPrintable(urls(server.sent())));
    QCOMPARE(hopKinds(result), QStringLiteral("preflight,actual,preflight,actual"));
    const HttpRequest &secondPreflight = server.sent().at(2).request;
    QCOMPARE(secondPreflight.method, QByteArrayLiteral("OPTIONS"));
    QCOMPARE(secondPreflight.url, url(target));
    QCOMPARE(headerOf(secondPreflight, "Origin"), kPageOrigin); // same-origin hop: not tainted
    QCOMPARE(headerOf(secondPreflight, "Access-Control-Request-Method"), QByteArrayLiteral("PUT"));
    QCOMPARE(headerOf(secondPreflight, "Access-Control-Request-Headers"), QByteArrayLiteral("x-test"));
    QCOMPARE(server.sent().at(3).request.method, QByteArrayLiteral("PUT"));
    QVERIFY(result.verdict == Verdict::Allowed);
}

void tst_Redirects::crossOriginRedirectDropsAuthorizationAndPreflightsAgain()
{
    ScriptedServer server;
    server.onPreflight(kApiUrl, 204, {{kAcao, kPageOrigin}, {kAcam, "DELETE"}, {kAcah, "Authorization"}});
    server.onActual(kApiUrl, 307, {{"Location", kOther.toLatin1()}, {kAcao, kPageOrigin}});
    server.onPreflight(kOther, 204, {{kAcao, "*"}, {kAcam, "DELETE"}});
    server.onActual(kOther, 200, {{kAcao, "*"}});
    const ExchangeResult result = server.run(fetchRequest("DELETE", kApiUrl, {{"Authorization", "Bearer t"}}),
                                             BrowserProfile::chromium());

    QVERIFY2(server.unrouted().isEmpty(), qPrintable(urls(server.sent())));
    QCOMPARE(hopKinds(result), QStringLiteral("preflight,actual,preflight,actual"));
    QCOMPARE(headerOf(server.sent().at(1).request, "Authorization"), QByteArrayLiteral("Bearer t"));
    const HttpRequest &secondPreflight = server.sent().at(2).request;
    QCOMPARE(secondPreflight.url, url(kOther));
    QCOMPARE(headerOf(secondPreflight, "Origin"), QByteArrayLiteral("null"));
    QCOMPARE(headerOf(secondPreflight, "Access-Control-Request-Method"), QByteArrayLiteral("DELETE"));
    QVERIFY(!secondPreflight.headers.contains("Access-Control-Request-Headers"));
    const HttpRequest &last = server.sent().at(3).request;
    QCOMPARE(last.method, QByteArrayLiteral("DELETE"));
    QVERIFY(!last.headers.contains("Authorization"));
    QCOMPARE(headerOf(last, "Origin"), QByteArrayLiteral("null"));
    QVERIFY(result.verdict == Verdict::Allowed);
}

void tst_Redirects::sameOriginRedirectToAnotherOriginKeepsThePageOrigin()
{
    const QString start = QStringLiteral("http://app.test:3000/x");
    const QString target = QStringLiteral("http://api.test:8000/y");
    ScriptedServer server;
    server.onActual(start, 302, {{"Location", target.toLatin1()}});
    server.onActual(target, 200, {{"Content-Type", "text/plain"}});
    const ExchangeResult result = server.run(fetchRequest("GET", start), BrowserProfile::chromium());

    QVERIFY2(server.unrouted().isEmpty(), qPrintable(urls(server.sent())));
    QCOMPARE(hopKinds(result), QStringLiteral("actual,actual"));
    QCOMPARE(headerOf(server.sent().at(1).request, "Origin"), kPageOrigin);
    QVERIFY(result.verdict == Verdict::Blocked);
    QVERIFY(result.failure);
    QCOMPARE(checkIdName(result.failure->check), QStringLiteral("missing-allow-origin"));
    QCOMPARE(result.failure->consoleMessage,
             chromiumBlocked(target,
                             QStringLiteral("No 'Access-Control-Allow-Origin' header is present on the requested resource."),
                             start));
}

void tst_Redirects::redirectModeErrorIsANetworkError()
{
    ScriptedServer server;
    server.onActual(kApiUrl, 302, {{"Location", kOther.toLatin1()}, {kAcao, "*"}});
    server.onActual(kOther, 200, {{kAcao, "*"}});
    FetchRequest request = fetchRequest("GET", kApiUrl);
    request.redirect = RedirectMode::Error;
    const ExchangeResult result = server.run(request, BrowserProfile::chromium());
    QCOMPARE(hopKinds(result), QStringLiteral("actual"));
    QVERIFY(result.verdict == Verdict::NetworkError);
    QVERIFY(result.failure);
    QCOMPARE(checkIdName(result.failure->check), QStringLiteral("network-error"));
    QVERIFY(!result.failure->consoleMessage.contains(u"CORS policy"));
}

void tst_Redirects::redirectModeManualIsAnOpaqueRedirect()
{
    ScriptedServer server;
    server.onActual(kApiUrl, 302, {{"Location", kOther.toLatin1()}, {kAcao, "*"}});
    server.onActual(kOther, 200, {{kAcao, "*"}});
    FetchRequest request = fetchRequest("GET", kApiUrl);
    request.redirect = RedirectMode::Manual;
    const ExchangeResult result = server.run(request, BrowserProfile::chromium());
    QCOMPARE(hopKinds(result), QStringLiteral("actual"));
    QCOMPARE(server.sent().size(), 1);
    QVERIFY(result.verdict == Verdict::Allowed);
    QVERIFY(!result.failure);
    QVERIFY(result.readableHeaders.isEmpty()); // an opaque-redirect response has no readable headers
}

QTEST_GUILESS_MAIN(tst_Redirects)
#include "tst_redirects.moc"
