// The one curl writer: what the browser would send for a request, and what an exchange sent hop by hop.
// Every script must be one bash can run: each is also checked with `bash -n`.
#include "core/curlcommands.h"
#include "core/preflightreason.h"

#include <QProcess>
#include <QStandardPaths>
#include <QTest>

using namespace corscope;
using namespace Qt::StringLiterals;

namespace {

FetchRequest putWithHeaders()
{
    FetchRequest request;
    request.method = "put";
    request.url = QUrl(u"https://api.test/items/1?q=a%20b"_s);
    request.origin = *Origin::parse(u"http://app.test:3000"_s);
    request.headers = {{"Content-Type", "application/json"}, {"X-Note", "it's"}};
    request.body = "{\"a\":1}";
    return request;
}

Hop hop(HopKind kind, const QByteArray &method, const QString &url, int status, const HeaderList &responseHeaders = {})
{
    Hop h;
    h.kind = kind;
    h.request.method = method;
    h.request.url = QUrl(url);
    h.request.headers = {{"Host", "api.test"},           {"Connection", "keep-alive"}, {"Origin", "http://app.test:3000"},
                         {"User-Agent", "Mozilla/5.0"}, {"Accept-Encoding", "gzip"},  {"Accept", "*/*"}};
    if (status > 0) {
        HttpResponse response;
        response.status = status;
        response.headers = responseHeaders;
        h.response = response;
    }
    return h;
}

// The script's commands, each as one line: "curl -i -X PUT 'https://...' -H '...' ...".
QStringList commands(const QString &script)
{
    QStringList out;
    for (const QString &line : script.split(u'\n')) {
        if (line.startsWith(u"curl "))
            out.append(line);
        else if (line.startsWith(u"  ") && !out.isEmpty())
            out.last() += line;
    }
    return out;
}

QStringList comments(const QString &script)
{
    QStringList out;
    for (const QString &line : script.split(u'\n')) {
        if (line.startsWith(u"# "))
            out.append(line.mid(2));
    }
    return out;
}

// What bash says is wrong with the script, empty when it would run it.
QString bashProblem(const QString &script)
{
    const QString bash = QStandardPaths::findExecutable(u"bash"_s);
    if (bash.isEmpty())
        return u"no bash"_s;
    QProcess process;
    process.start(bash, {u"-n"_s, u"-c"_s, script});
    if (!process.waitForFinished(30000))
        return u"bash did not finish"_s;
    const QString error = QString::fromUtf8(process.readAllStandardError());
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0)
        return error.isEmpty() ? u"bash refused the script"_s : error;
    return {};
}

} // namespace

class tst_CurlCommands : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void quotingSurvivesBash();
    void aRequestThatNeedsAPreflightGetsItFirst();
    void aSimpleOrSameOriginRequestGetsNoPreflight();
    void credentialsAskForCookiesOnTheirOwnLine();
    void anExchangeIsWrittenHopByHop();
    void aRedirectChainGivesOneCommandPerHop();
    void aPreflightFromTheCacheAndARequestNeverSentAreShownAsTheBrowserWouldSendThem();
};

void tst_CurlCommands::quotingSurvivesBash()
{
    QCOMPARE(bashQuoted(u"it's"_s), u"'it'\\''s'"_s);
    QCOMPARE(bashQuoted(u"$HOME `x` \"y\""_s), u"'$HOME `x` \"y\"'"_s);
}

void tst_CurlCommands::aRequestThatNeedsAPreflightGetsItFirst()
{
    const QString script = curlCommandsFor(putWithHeaders(), BrowserProfile::chromium());
    const QStringList sent = commands(script);
    QCOMPARE(sent.size(), 2);
    QCOMPARE(sent.at(0), u"curl -i -X OPTIONS 'https://api.test/items/1?q=a%20b' \\  -H 'Origin: http://app.test:3000' "
                         u"\\  -H 'Access-Control-Request-Method: PUT' \\  -H 'Access-Control-Request-Headers: "
                         u"content-type,x-note'"_s);
    QCOMPARE(sent.at(1), u"curl -i -X PUT 'https://api.test/items/1?q=a%20b' \\  -H 'Origin: http://app.test:3000' "
                         u"\\  -H 'Content-Type: application/json' \\  -H 'X-Note: it'\\''s' \\  --data-raw "
                         u"'{\"a\":1}'"_s);
    QCOMPARE(comments(script), (QStringList{u"The preflight the browser sends first (no cookies, no credentials)"_s,
                                            u"The request itself"_s}));
    QCOMPARE(bashProblem(script), QString());
}

void tst_CurlCommands::aSimpleOrSameOriginRequestGetsNoPreflight()
{
    FetchRequest simple = putWithHeaders();
    simple.method = "GET";
    simple.headers = {};
    simple.body.clear();
    QCOMPARE(commands(curlCommandsFor(simple, BrowserProfile::chromium())).size(), 1);

    FetchRequest sameOrigin = putWithHeaders();
    sameOrigin.origin = Origin::fromUrl(sameOrigin.url);
    const QStringList sent = commands(curlCommandsFor(sameOrigin, BrowserProfile::chromium()));
    QCOMPARE(sent.size(), 1);
    QVERIFY(sent.first().startsWith(u"curl -i -X PUT "));
}

void tst_CurlCommands::credentialsAskForCookiesOnTheirOwnLine()
{
    FetchRequest request = putWithHeaders();
    request.credentials = CredentialsMode::Include;
    const QString script = curlCommandsFor(request, BrowserProfile::chromium());
    QVERIFY2(commands(script).last().contains(u"-b 'name=value'"), qPrintable(script));
    QVERIFY(comments(script).last().startsWith(u"credentials: 'include'"));
    QCOMPARE(bashProblem(script), QString());
}

void tst_CurlCommands::anExchangeIsWrittenHopByHop()
{
    const FetchRequest request = putWithHeaders();
    ExchangeResult result;
    result.preflightNeeded = true;
    Hop preflight = hop(HopKind::Preflight, "OPTIONS", u"https://api.test/items/1?q=a%20b"_s, 204);
    preflight.request.headers.append("Access-Control-Request-Method", "PUT");
    Hop actual = hop(HopKind::Actual, "PUT", u"https://api.test/items/1?q=a%20b"_s, 200);
    actual.request.body = "{\"a\":1}";
    result.hops = {preflight, actual};

    const QString script = curlCommandsForExchange(request, BrowserProfile::chromium(), result);
    QCOMPARE(comments(script), (QStringList{u"The preflight"_s, u"The request"_s}));
    const QStringList sent = commands(script);
    QCOMPARE(sent.size(), 2);
    // As they went on the wire, but for what curl sets itself or would make its output unreadable.
    QCOMPARE(sent.at(0), u"curl -i -X OPTIONS 'https://api.test/items/1?q=a%20b' \\  -H 'Origin: http://app.test:3000' "
                         u"\\  -H 'Accept: */*' \\  -H 'Access-Control-Request-Method: PUT'"_s);
    QVERIFY(sent.at(1).endsWith(u"--data-raw '{\"a\":1}'"));
    QCOMPARE(bashProblem(script), QString());
}

void tst_CurlCommands::aRedirectChainGivesOneCommandPerHop()
{
    FetchRequest request = putWithHeaders();
    request.credentials = CredentialsMode::Include;
    ExchangeResult result;
    result.preflightNeeded = true;
    result.hops = {hop(HopKind::Preflight, "OPTIONS", u"https://api.test/items/1"_s, 204),
                   hop(HopKind::Actual, "PUT", u"https://api.test/items/1"_s, 307, {{"Location", "https://b.test/x"}}),
                   hop(HopKind::Preflight, "OPTIONS", u"https://b.test/x"_s, 204),
                   hop(HopKind::Actual, "PUT", u"https://b.test/x"_s, 0)};
    result.hops.last().networkError = u"net::ERR_CONNECTION_REFUSED"_s;

    const QString script = curlCommandsForExchange(request, BrowserProfile::chromium(), result);
    const QStringList sent = commands(script);
    QCOMPARE(sent.size(), 4);
    QVERIFY(sent.at(2).startsWith(u"curl -i -X OPTIONS 'https://b.test/x'"));
    QVERIFY(sent.at(3).startsWith(u"curl -i -X PUT 'https://b.test/x'"));
    QVERIFY(sent.at(3).contains(u"-b 'name=value'"));
    QVERIFY(!sent.at(0).contains(u"-b "));
    const QStringList said = comments(script);
    QVERIFY2(said.contains(u"The preflight after redirect 1"_s), qPrintable(script));
    QVERIFY2(said.contains(u"The request after redirect 1"_s), qPrintable(script));
    QCOMPARE(bashProblem(script), QString());
}

void tst_CurlCommands::aPreflightFromTheCacheAndARequestNeverSentAreShownAsTheBrowserWouldSendThem()
{
    const FetchRequest request = putWithHeaders();
    ExchangeResult cached;
    cached.preflightNeeded = true;
    cached.preflightFromCache = true;
    cached.hops = {hop(HopKind::Actual, "PUT", u"https://api.test/items/1?q=a%20b"_s, 200)};
    const QString fromCache = curlCommandsForExchange(request, BrowserProfile::chromium(), cached);
    QCOMPARE(comments(fromCache).first(),
             u"The preflight (the browser would send it; this run answered it from its cache)"_s);
    QVERIFY(commands(fromCache).first().contains(u"-H 'Access-Control-Request-Headers: content-type,x-note'"));
    QCOMPARE(commands(fromCache).size(), 2);

    ExchangeResult blocked;
    blocked.preflightNeeded = true;
    blocked.hops = {hop(HopKind::Preflight, "OPTIONS", u"https://api.test/items/1?q=a%20b"_s, 404)};
    const QString unsent = curlCommandsForExchange(request, BrowserProfile::chromium(), blocked);
    QCOMPARE(comments(unsent), (QStringList{u"The preflight"_s, u"The request (the browser did not send it)"_s}));
    QCOMPARE(commands(unsent).last(), commands(curlCommandsFor(request, BrowserProfile::chromium())).last());
    QCOMPARE(bashProblem(fromCache + u'\n' + unsent), QString());
}

QTEST_GUILESS_MAIN(tst_CurlCommands)
#include "tst_curlcommands.moc"
