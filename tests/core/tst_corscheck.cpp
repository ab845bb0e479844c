// The CORS check on the actual response (digest §4.1, §7, §12.1 and the observed top section),
// driven through FetchSimulator with scripted responses.
#include "scriptedserver.h"

#include "core/fetchsimulator.h"
#include "core/finding.h"

#include <QTest>

using namespace corscope;
using namespace corscope::test;

namespace {
const QString kMultiple = QStringLiteral("The 'Access-Control-Allow-Origin' header contains multiple values '%1', but only one is allowed.");
const QString kInvalid = QStringLiteral("The 'Access-Control-Allow-Origin' header contains the invalid value '%1'.");
const QString kMismatch = QStringLiteral("The 'Access-Control-Allow-Origin' header has a value '%1' that is not equal to the supplied origin.");
const QString kMissing = QStringLiteral("No 'Access-Control-Allow-Origin' header is present on the requested resource.");
const QString kWildcard = QStringLiteral("The value of the 'Access-Control-Allow-Origin' header in the response must not be the wildcard '*' when the request's credentials mode is 'include'.");
const QString kCredentials = QStringLiteral("The value of the 'Access-Control-Allow-Credentials' header in the response is '%1' which must be 'true' when the request's credentials mode is 'include'.");

QString chrome(const QString &detail)
{
    return chromiumBlocked(kApiUrl, detail);
}
QString withHint(const QString &detailTemplate, const QString &value)
{
    return chrome(detailTemplate.arg(value) + kValidValueHint);
}
} // namespace

class tst_CorsCheck : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void actualResponse_data();
    void actualResponse();
    void readableHeaders_data();
    void readableHeaders();
    void warnings_data();
    void warnings();
    void sameOriginRequestSkipsCors();
    void actualRequestCarriesTheOrigin();
    void transportFailureIsANetworkError();

private:
    static void addRow(const char *name, const QString &profile, CredentialsMode credentials, int status,
                       const HeaderList &headers, Verdict verdict, const QString &check = {},
                       const QByteArray &header = {}, const QString &console = {},
                       const QString &target = kApiUrl, const QString &page = QString::fromLatin1(kPageOrigin))
    {
        QTest::newRow(name) << profile << credentials << page << target << status << headers << verdict << check
                            << header << console;
    }
};

void tst_CorsCheck::actualResponse_data()
{
    QTest::addColumn<QString>("profile");
    QTest::addColumn<CredentialsMode>("credentials");
    QTest::addColumn<QString>("page");
    QTest::addColumn<QString>("target");
    QTest::addColumn<int>("status");
    QTest::addColumn<HeaderList>("headers");
    QTest::addColumn<Verdict>("verdict");
    QTest::addColumn<QString>("check");
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<QString>("console");

    const QString cr = QStringLiteral("chromium");
    const auto omit = CredentialsMode::Omit;
    const auto incl = CredentialsMode::Include;
    const auto same = CredentialsMode::SameOrigin;
    const auto ok = Verdict::Allowed;
    const auto no = Verdict::Blocked;
    const QString missing = QStringLiteral("missing-allow-origin");
    const QString multiple = QStringLiteral("multiple-allow-origin");
    const QString invalid = QStringLiteral("invalid-allow-origin");
    const QString mismatch = QStringLiteral("allow-origin-mismatch");
    const QString wildcard = QStringLiteral("wildcard-origin-with-credentials");
    const QString badCreds = QStringLiteral("invalid-allow-credentials");

    // §12.1, Chromium 156.
    addRow("#1 a wildcard is shared without credentials", cr, omit, 200, {{kAcao, "*"}}, ok);
    addRow("#1 a wildcard is shared with the default credentials mode", cr, same, 200, {{kAcao, "*"}}, ok);
    addRow("#2 a wildcard with spaces around it passes", cr, omit, 200, {{kAcao, " *  "}}, ok);
    addRow("#3 a wildcard after a tab passes", cr, omit, 200, {{kAcao, "\t*"}}, ok);
    addRow("#4 the exact origin passes", cr, omit, 200, {{kAcao, "http://app.test:3000"}}, ok);
    addRow("#5 the exact origin with padding passes", cr, omit, 200, {{kAcao, " http://app.test:3000   \t "}}, ok);
    addRow("#6 a trailing slash is a mismatch", cr, omit, 200, {{kAcao, "http://app.test:3000/"}}, no, mismatch, kAcao,
           withHint(kMismatch, QStringLiteral("http://app.test:3000/")));
    addRow("#7 an explicit default port is a mismatch", cr, omit, 200, {{kAcao, "https://app.example:443"}}, no,
           mismatch, kAcao,
           chromiumBlocked(QStringLiteral("https://api.example/x"),
                           kMismatch.arg(QStringLiteral("https://app.example:443")) + kValidValueHint, {},
                           QStringLiteral("https://app.example")),
           QStringLiteral("https://api.example/x"), QStringLiteral("https://app.example"));
    addRow("#8 an uppercase origin is a mismatch", cr, omit, 200, {{kAcao, "HTTP://APP.TEST:3000"}}, no, mismatch, kAcao,
           withHint(kMismatch, QStringLiteral("HTTP://APP.TEST:3000")));
    addRow("#9 a host without a scheme is an invalid value", cr, omit, 200, {{kAcao, "app.test"}}, no, invalid, kAcao,
           withHint(kInvalid, QStringLiteral("app.test")));
    addRow("#10 a subdomain is a mismatch", cr, omit, 200, {{kAcao, "http://sub.app.test:3000"}}, no, mismatch, kAcao,
           withHint(kMismatch, QStringLiteral("http://sub.app.test:3000")));
    addRow("#11 an origin and a wildcard in one line are multiple values", cr, omit, 200,
           {{kAcao, "http://app.test:3000, *"}}, no, multiple, kAcao,
           withHint(kMultiple, QStringLiteral("http://app.test:3000, *")));
    addRow("#12 a wildcard and null separated by a space are multiple values", cr, omit, 200, {{kAcao, "* null"}}, no,
           multiple, kAcao, withHint(kMultiple, QStringLiteral("* null")));
    addRow("#13 two origins separated by a space are multiple values", cr, omit, 200,
           {{kAcao, "http://a.test http://b.test"}}, no, multiple, kAcao,
           withHint(kMultiple, QStringLiteral("http://a.test http://b.test")));
    addRow("#14 two origins separated by a comma are multiple values", cr, omit, 200,
           {{kAcao, "http://a.test,http://b.test"}}, no, multiple, kAcao,
           withHint(kMultiple, QStringLiteral("http://a.test,http://b.test")));
    addRow("#15 two wildcard lines are multiple values", cr, omit, 200, {{kAcao, "*"}, {kAcao, "*"}}, no, multiple,
           kAcao, withHint(kMultiple, QStringLiteral("*, *")));
    addRow("#16 the origin sent twice is multiple values", cr, omit, 200,
           {{kAcao, "http://app.test:3000"}, {"access-control-allow-origin", "http://app.test:3000"}}, no, multiple,
           kAcao, withHint(kMultiple, QStringLiteral("http://app.test:3000, http://app.test:3000")));
    addRow("a space inside one value is multiple values", cr, omit, 200, {{kAcao, "a b"}}, no, multiple, kAcao,
           withHint(kMultiple, QStringLiteral("a b")));
    addRow("#17 null for a normal origin is a mismatch", cr, omit, 200, {{kAcao, "null"}}, no, mismatch, kAcao,
           withHint(kMismatch, QStringLiteral("null")));
    addRow("#18 null for an opaque requester passes", cr, omit, 200, {{kAcao, "null"}}, ok, {}, {}, {}, kApiUrl,
           QStringLiteral("null"));
    addRow("#18 a wildcard for an opaque requester passes", cr, omit, 200, {{kAcao, "*"}}, ok, {}, {}, {}, kApiUrl,
           QStringLiteral("null"));
    addRow("#19 a double-quoted wildcard is an invalid value", cr, omit, 200, {{kAcao, "\"*\""}}, no, invalid, kAcao,
           withHint(kInvalid, QStringLiteral("\"*\"")));
    addRow("#19 a single-quoted wildcard is an invalid value", cr, omit, 200, {{kAcao, "'*'"}}, no, invalid, kAcao,
           withHint(kInvalid, QStringLiteral("'*'")));
    addRow("#20 a double wildcard is an invalid value", cr, omit, 200, {{kAcao, "**"}}, no, invalid, kAcao,
           withHint(kInvalid, QStringLiteral("**")));
    addRow("#20 a dash is an invalid value", cr, omit, 200, {{kAcao, "-"}}, no, invalid, kAcao,
           withHint(kInvalid, QStringLiteral("-")));
    addRow("#20 an empty value is an invalid value", cr, omit, 200, {{kAcao, ""}}, no, invalid, kAcao,
           withHint(kInvalid, QString()));
    addRow("a wildcard subdomain pattern is an invalid value", cr, omit, 200, {{kAcao, "*.test"}}, no, invalid, kAcao,
           withHint(kInvalid, QStringLiteral("*.test")));
    addRow("a quoted origin is an invalid value", cr, omit, 200, {{kAcao, "\"http://app.test:3000\""}}, no, invalid,
           kAcao, withHint(kInvalid, QStringLiteral("\"http://app.test:3000\"")));
    addRow("an origin with a path is a mismatch", cr, omit, 200, {{kAcao, "http://app.test:3000/x"}}, no, mismatch,
           kAcao, withHint(kMismatch, QStringLiteral("http://app.test:3000/x")));
    addRow("an origin with userinfo is a mismatch", cr, omit, 200, {{kAcao, "http://u:p@app.test:3000"}}, no,
           mismatch, kAcao, withHint(kMismatch, QStringLiteral("http://u:p@app.test:3000")));
    addRow("another port is a mismatch", cr, omit, 200, {{kAcao, "http://app.test:3001"}}, no, mismatch, kAcao,
           withHint(kMismatch, QStringLiteral("http://app.test:3001")));
    addRow("#21 a wildcard with credentials is refused", cr, incl, 200, {{kAcao, "*"}, {kAcac, "true"}}, no, wildcard,
           kAcao, chrome(kWildcard));
    addRow("a wildcard with credentials and no ACAC is refused as a wildcard", cr, incl, 200, {{kAcao, "*"}}, no,
           wildcard, kAcao, chrome(kWildcard));
    addRow("#22 the origin with ACAC true passes with credentials", cr, incl, 200,
           {{kAcao, "http://app.test:3000"}, {kAcac, "true"}}, ok);
    addRow("ACAC true with a leading space passes", cr, incl, 200, {{kAcao, "http://app.test:3000"}, {kAcac, " true"}},
           ok);
    addRow("#23 ACAC True is case-sensitive", cr, incl, 200, {{kAcao, "http://app.test:3000"}, {kAcac, "True"}}, no,
           badCreds, kAcac, chrome(kCredentials.arg(QStringLiteral("True"))));
    addRow("#24 a missing ACAC fails with credentials", cr, incl, 200, {{kAcao, "http://app.test:3000"}}, no, badCreds,
           kAcac, chrome(kCredentials.arg(QString())));
    addRow("#25 ACAC fuga fails with credentials", cr, incl, 200, {{kAcao, "http://app.test:3000"}, {kAcac, "fuga"}},
           no, badCreds, kAcac, chrome(kCredentials.arg(QStringLiteral("fuga"))));
    addRow("two ACAC true lines fail with credentials", cr, incl, 200,
           {{kAcao, "http://app.test:3000"}, {kAcac, "true"}, {kAcac, "true"}}, no, badCreds, kAcac,
           chrome(kCredentials.arg(QStringLiteral("true, true"))));
    addRow("a mismatch with credentials reports the mismatch first", cr, incl, 200,
           {{kAcao, "http://evil.test"}, {kAcac, "true"}}, no, mismatch, kAcao,
           withHint(kMismatch, QStringLiteral("http://evil.test")));
    addRow("#26 ACAC is ignored without credentials", cr, omit, 200, {{kAcao, "*"}, {kAcac, "true"}}, ok);
    addRow("#26 a bad ACAC is ignored without credentials", cr, omit, 200, {{kAcao, "*"}, {kAcac, "nope"}}, ok);
    addRow("#27 a missing ACAO is blocked", cr, omit, 200, {{"Content-Type", "text/plain"}}, no, missing, kAcao,
           chrome(kMissing));
    addRow("a 404 without CORS headers reports the missing ACAO", cr, omit, 404, {}, no, missing, kAcao,
           chrome(kMissing));
    addRow("#28 the origin on a 500 response is shared", cr, omit, 500, {{kAcao, "http://app.test:3000"}}, ok);
    addRow("a 403 with a wildcard is shared", cr, omit, 403, {{kAcao, "*"}}, ok);
    addRow("a URL with an empty path is printed with a slash", cr, omit, 200, {}, no, missing, kAcao,
           chromiumBlocked(QStringLiteral("http://api.test:8000/"), kMissing), QStringLiteral("http://api.test:8000"));
    addRow("a URL with a query is printed with its query", cr, omit, 200, {}, no, missing, kAcao,
           chromiumBlocked(QStringLiteral("http://api.test:8000/x?a=1&b=2"), kMissing),
           QStringLiteral("http://api.test:8000/x?a=1&b=2"));

    // Firefox 153.
    const QString fx = QStringLiteral("firefox");
    auto firefox = [](const QString &reason) { return firefoxBlocked(kApiUrl, reason); };
    addRow("firefox passes a wildcard", fx, omit, 200, {{kAcao, "*"}}, ok);
    addRow("firefox reports a missing ACAO with the status", fx, omit, 200, {}, no, missing, kAcao,
           firefox(QStringLiteral("CORS header \u2018Access-Control-Allow-Origin\u2019 missing). Status code: 200.")));
    addRow("firefox reports a missing ACAO on a 404 with the status", fx, omit, 404, {}, no, missing, kAcao,
           firefox(QStringLiteral("CORS header \u2018Access-Control-Allow-Origin\u2019 missing). Status code: 404.")));
    addRow("firefox reports a comma inside one line as a mismatch", fx, omit, 200,
           {{kAcao, "http://app.test:3000, *"}}, no, mismatch, kAcao,
           firefox(QStringLiteral("CORS header \u2018Access-Control-Allow-Origin\u2019 does not match "
                                  "\u2018http://app.test:3000, *\u2019).")));
    addRow("firefox reports a space inside one line as a mismatch", fx, omit, 200, {{kAcao, "a b"}}, no, mismatch,
           kAcao,
           firefox(QStringLiteral("CORS header \u2018Access-Control-Allow-Origin\u2019 does not match \u2018a b\u2019).")));
    addRow("firefox reports two ACAO lines as multiple", fx, omit, 200, {{kAcao, "*"}, {kAcao, "*"}}, no, multiple,
           kAcao, firefox(QStringLiteral("Multiple CORS header \u2018Access-Control-Allow-Origin\u2019 not allowed).")));
    addRow("firefox reports a double wildcard as a mismatch", fx, omit, 200, {{kAcao, "**"}}, no, mismatch, kAcao,
           firefox(QStringLiteral("CORS header \u2018Access-Control-Allow-Origin\u2019 does not match \u2018**\u2019).")));
    addRow("firefox reports a trailing slash as a mismatch", fx, omit, 200, {{kAcao, "http://app.test:3000/"}}, no,
           mismatch, kAcao,
           firefox(QStringLiteral("CORS header \u2018Access-Control-Allow-Origin\u2019 does not match "
                                  "\u2018http://app.test:3000/\u2019).")));
    addRow("firefox refuses a wildcard with credentials", fx, incl, 200, {{kAcao, "*"}, {kAcac, "true"}}, no, wildcard,
           kAcao,
           firefoxBlocked(QStringLiteral("\u2018") + kApiUrl + QStringLiteral("\u2019"),
                          QStringLiteral("Credential is not supported if the CORS header "
                                         "\u2018Access-Control-Allow-Origin\u2019 is \u2018*\u2019).")));
    addRow("firefox wants ACAC true with credentials", fx, incl, 200, {{kAcao, "http://app.test:3000"}}, no, badCreds,
           kAcac,
           firefox(QStringLiteral("expected \u2018true\u2019 in CORS header \u2018Access-Control-Allow-Credentials\u2019).")));

    // WebKit.
    const QString sf = QStringLiteral("safari");
    const QString notAllowed = QStringLiteral("Origin http://app.test:3000 is not allowed by Access-Control-Allow-Origin. Status code: %1");
    addRow("safari passes a wildcard", sf, omit, 200, {{kAcao, "*"}}, ok);
    addRow("safari reports a missing ACAO with the status", sf, omit, 200, {}, no, missing, kAcao,
           notAllowed.arg(200));
    addRow("safari reports a missing ACAO on a 404 with the status", sf, omit, 404, {}, no, missing, kAcao,
           notAllowed.arg(404));
    addRow("safari prints a mismatch like a missing ACAO", sf, omit, 200, {{kAcao, "http://app.test:3000/"}}, no,
           mismatch, kAcao, notAllowed.arg(200));
    addRow("safari reports a space without a comma as a mismatch", sf, omit, 200, {{kAcao, "a b"}}, no, mismatch,
           kAcao, notAllowed.arg(200));
    addRow("safari reports a double wildcard as a mismatch", sf, omit, 200, {{kAcao, "**"}}, no, mismatch, kAcao,
           notAllowed.arg(200));
    addRow("safari reports an empty ACAO as a mismatch", sf, omit, 200, {{kAcao, ""}}, no, mismatch, kAcao,
           notAllowed.arg(200));
    addRow("safari reports a comma as more than one origin", sf, omit, 200, {{kAcao, "http://app.test:3000, *"}}, no,
           multiple, kAcao, QStringLiteral("Access-Control-Allow-Origin cannot contain more than one origin.\u2026"));
    addRow("safari reports two ACAO lines as more than one origin", sf, omit, 200, {{kAcao, "*"}, {kAcao, "*"}}, no,
           multiple, kAcao, QStringLiteral("Access-Control-Allow-Origin cannot contain more than one origin.\u2026"));
    addRow("safari refuses a wildcard with credentials", sf, incl, 200, {{kAcao, "*"}, {kAcac, "true"}}, no, wildcard,
           kAcao,
           QStringLiteral("Cannot use wildcard in Access-Control-Allow-Origin when credentials flag is true.\u2026"));
    addRow("safari wants ACAC true with credentials", sf, incl, 200, {{kAcao, "http://app.test:3000"}}, no, badCreds,
           kAcac,
           QStringLiteral("Credentials flag is true, but Access-Control-Allow-Credentials is not \"true\".\u2026"));
}

void tst_CorsCheck::actualResponse()
{
    QFETCH(QString, profile);
    QFETCH(CredentialsMode, credentials);
    QFETCH(QString, page);
    QFETCH(QString, target);
    QFETCH(int, status);
    QFETCH(HeaderList, headers);
    QFETCH(Verdict, verdict);
    QFETCH(QString, check);
    QFETCH(QByteArray, header);
    QFETCH(QString, console);

    // Firefox counts header lines, so only it is run with the lines as scripted; the others must give
    // the same verdict whether duplicates arrive as separate lines or joined by the network layer.
    QList<bool> mergeModes{false};
    if (profile != u"firefox" && hasDuplicateNames(headers))
        mergeModes.append(true);

    for (bool merge : mergeModes) {
        ScriptedServer server;
        server.setMergeDuplicates(merge);
        server.onActual(target, status, headers);
        FetchRequest request = fetchRequest("GET", target, {}, credentials);
        request.origin = page == u"null" ? Origin::opaque() : Origin::fromUrl(url(page));
        const ExchangeResult result = server.run(request, profileNamed(profile));
        const QByteArray mode = merge ? "duplicates merged" : "lines as scripted";

        QVERIFY2(server.unrouted().isEmpty(), qPrintable(server.unrouted().join(u", ")));
        QCOMPARE(hopKinds(result), QStringLiteral("actual"));
        QVERIFY(result.crossOrigin);
        QVERIFY(!result.preflightNeeded);
        QVERIFY(result.reachedServer); // a blocked simple request still reaches the server
        QVERIFY2(result.verdict == verdict,
                 qPrintable(u"verdict " + verdictName(result.verdict) + u", wanted " + verdictName(verdict) + u" ("
                            + QString::fromLatin1(mode) + u")"
                            + (result.failure ? u": " + result.failure->consoleMessage : QString())));
        if (verdict == Verdict::Allowed) {
            QVERIFY2(!result.failure, result.failure ? qPrintable(result.failure->consoleMessage) : "");
            QVERIFY(result.hops.constFirst().passed);
            continue;
        }
        QVERIFY(result.failure);
        const Finding &failure = *result.failure;
        QCOMPARE(stageName(failure.stage), QStringLiteral("actual"));
        QCOMPARE(checkIdName(failure.check), check);
        if (!header.isEmpty())
            QCOMPARE(failure.header.toLower(), header.toLower());
        QVERIFY2(consoleMatches(failure.consoleMessage, console, target),
                 qPrintable(u"\n   got: " + failure.consoleMessage + u"\nwanted: " + console));
        QVERIFY(!failure.explanation.trimmed().isEmpty());
        QCOMPARE(failure.status, status);
        QVERIFY(!result.hops.constFirst().passed);
        QVERIFY2(result.readableHeaders.isEmpty(), "a blocked response exposes nothing to JavaScript");
    }
}

void tst_CorsCheck::readableHeaders_data()
{
    QTest::addColumn<CredentialsMode>("credentials");
    QTest::addColumn<HeaderList>("headers");
    QTest::addColumn<QByteArray>("readable"); // sorted, lowercase, joined with ","

    const HeaderList base{{"Content-Type", "text/plain"}, {"Cache-Control", "no-store"}, {"X-Custom", "1"},
                          {"Set-Cookie", "a=b"}, {"Server", "scripted"}};
    auto with = [&base](std::initializer_list<HeaderField> extra) {
        HeaderList headers = base;
        for (const HeaderField &field : extra)
            headers.append(field.name, field.value);
        return headers;
    };
    QTest::newRow("only safelisted response headers are readable by default")
        << CredentialsMode::Omit << with({{kAcao, "*"}}) << QByteArrayLiteral("cache-control,content-type");
    QTest::newRow("every safelisted response header present is readable")
        << CredentialsMode::Omit
        << HeaderList{{kAcao, "*"}, {"Content-Language", "en"}, {"Content-Length", "5"}, {"Expires", "0"},
                      {"Last-Modified", "Mon, 01 Jan 2024 00:00:00 GMT"}, {"Pragma", "no-cache"}, {"ETag", "\"1\""}}
        << QByteArrayLiteral("content-language,content-length,expires,last-modified,pragma");
    QTest::newRow("an exposed header becomes readable")
        << CredentialsMode::Omit << with({{kAcao, "*"}, {"Access-Control-Expose-Headers", "X-Custom"}})
        << QByteArrayLiteral("cache-control,content-type,x-custom");
    QTest::newRow("exposed names match case-insensitively")
        << CredentialsMode::Omit << with({{kAcao, "*"}, {"Access-Control-Expose-Headers", "x-CUSTOM, server"}})
        << QByteArrayLiteral("cache-control,content-type,server,x-custom");
    QTest::newRow("Set-Cookie is never readable even when exposed")
        << CredentialsMode::Omit << with({{kAcao, "*"}, {"Access-Control-Expose-Headers", "Set-Cookie, X-Custom"}})
        << QByteArrayLiteral("cache-control,content-type,x-custom");
    QTest::newRow("an exposed wildcard exposes every header but Set-Cookie without credentials")
        << CredentialsMode::Omit << with({{kAcao, "*"}, {"Access-Control-Expose-Headers", "*"}})
        << QByteArrayLiteral("access-control-allow-origin,access-control-expose-headers,cache-control,content-type,"
                             "server,x-custom");
    QTest::newRow("an exposed wildcard exposes nothing extra with credentials")
        << CredentialsMode::Include
        << with({{kAcao, "http://app.test:3000"}, {kAcac, "true"}, {"Access-Control-Expose-Headers", "*"}})
        << QByteArrayLiteral("cache-control,content-type");
    QTest::newRow("an explicit name is exposed with credentials")
        << CredentialsMode::Include
        << with({{kAcao, "http://app.test:3000"}, {kAcac, "true"}, {"Access-Control-Expose-Headers", "X-Custom"}})
        << QByteArrayLiteral("cache-control,content-type,x-custom");
    QTest::newRow("an exposed name absent from the response is not readable")
        << CredentialsMode::Omit << with({{kAcao, "*"}, {"Access-Control-Expose-Headers", "X-Absent"}})
        << QByteArrayLiteral("cache-control,content-type");
}

void tst_CorsCheck::readableHeaders()
{
    QFETCH(CredentialsMode, credentials);
    QFETCH(HeaderList, headers);
    QFETCH(QByteArray, readable);

    ScriptedServer server;
    server.onActual(kApiUrl, 200, headers);
    const ExchangeResult result = server.run(fetchRequest("GET", kApiUrl, {}, credentials), BrowserProfile::chromium());
    QVERIFY(result.verdict == Verdict::Allowed);
    for (const QByteArray &name : result.readableHeaders)
        QCOMPARE(name, name.toLower());
    QCOMPARE(sortedJoined(result.readableHeaders), readable);
}

void tst_CorsCheck::warnings_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<HeaderList>("headers");
    QTest::addColumn<QStringList>("present"); // "any" means some warning, whatever its check id
    QTest::addColumn<QStringList>("absent");

    const QString vary = QStringLiteral("vary-origin-missing");
    QTest::newRow("an echoed origin without Vary: Origin warns") << 200 << HeaderList{{kAcao, "http://app.test:3000"}}
                                                                << QStringList{vary} << QStringList{};
    QTest::newRow("an echoed origin with Vary: Origin does not warn about Vary")
        << 200 << HeaderList{{kAcao, "http://app.test:3000"}, {"Vary", "Origin"}} << QStringList{}
        << QStringList{vary};
    QTest::newRow("Origin inside a Vary list counts")
        << 200 << HeaderList{{kAcao, "http://app.test:3000"}, {"Vary", "Accept-Encoding, origin"}} << QStringList{}
        << QStringList{vary};
    QTest::newRow("Origin on a second Vary line counts")
        << 200 << HeaderList{{kAcao, "http://app.test:3000"}, {"Vary", "Accept"}, {"vary", "Origin"}}
        << QStringList{} << QStringList{vary};
    QTest::newRow("Vary: * counts as varying on Origin")
        << 200 << HeaderList{{kAcao, "http://app.test:3000"}, {"Vary", "*"}} << QStringList{} << QStringList{vary};
    QTest::newRow("a wildcard ACAO needs no Vary") << 200 << HeaderList{{kAcao, "*"}} << QStringList{}
                                                   << QStringList{vary};
    QTest::newRow("a wildcard on a response setting a cookie warns")
        << 200 << HeaderList{{kAcao, "*"}, {"Set-Cookie", "session=1; Path=/"}} << QStringList{QStringLiteral("any")}
        << QStringList{vary};
    QTest::newRow("a 404 without CORS headers warns about the error path")
        << 404 << HeaderList{{"Content-Type", "text/html"}} << QStringList{QStringLiteral("any")} << QStringList{};
    QTest::newRow("a 500 without CORS headers warns about the error path")
        << 500 << HeaderList{} << QStringList{QStringLiteral("any")} << QStringList{};
}

void tst_CorsCheck::warnings()
{
    QFETCH(int, status);
    QFETCH(HeaderList, headers);
    QFETCH(QStringList, present);
    QFETCH(QStringList, absent);

    ScriptedServer server;
    server.onActual(kApiUrl, status, headers);
    const ExchangeResult result = server.run(fetchRequest("GET", kApiUrl), BrowserProfile::chromium());
    const QStringList checks = warningChecks(result);
    for (const Warning &warning : result.warnings) {
        QVERIFY(!warning.check.isEmpty());
        QVERIFY(!warning.message.trimmed().isEmpty());
    }
    for (const QString &check : present) {
        if (check == u"any")
            QVERIFY2(!checks.isEmpty(), "a warning was expected");
        else
            QVERIFY2(checks.contains(check), qPrintable(u"missing warning " + check + u"; got " + checks.join(u',')));
    }
    for (const QString &check : absent)
        QVERIFY2(!checks.contains(check), qPrintable(u"unexpected warning " + check));
}

void tst_CorsCheck::sameOriginRequestSkipsCors()
{
    const QString target = QStringLiteral("http://app.test:3000/api");
    ScriptedServer server;
    server.onActual(target, 200, {{"Content-Type", "text/plain"}, {"X-Custom", "1"}, {"Set-Cookie", "a=b"}});
    const FetchRequest request = fetchRequest("PUT", target, {{"X-Trace", "1"}, {"Content-Type", "application/json"}});
    const ExchangeResult result = server.run(request, BrowserProfile::chromium());

    QVERIFY(server.unrouted().isEmpty());
    QCOMPARE(hopKinds(result), QStringLiteral("actual"));
    QVERIFY(!result.crossOrigin);
    QVERIFY(!result.preflightNeeded);
    QVERIFY(result.verdict == Verdict::Allowed);
    QVERIFY(!result.failure);
    QVERIFY(result.reachedServer);
    QCOMPARE(result.hops.constFirst().request.method, QByteArrayLiteral("PUT"));
    QCOMPARE(result.hops.constFirst().request.headers.combinedValue("X-Trace").value_or(QByteArray()),
             QByteArrayLiteral("1"));
    // A basic response exposes every header but Set-Cookie.
    QVERIFY(result.readableHeaders.contains("x-custom"));
    QVERIFY(!result.readableHeaders.contains("set-cookie"));
}

void tst_CorsCheck::actualRequestCarriesTheOrigin()
{
    ScriptedServer server;
    server.onActual(kApiUrl, 200, {{kAcao, "*"}});
    const FetchRequest request = fetchRequest("POST", kApiUrl, {{"Content-Type", "text/plain"}, {"Accept", "a/b"}});
    const ExchangeResult result = server.run(request, BrowserProfile::chromium());

    QCOMPARE(server.sent().size(), 1);
    const HttpRequest &sent = server.sent().constFirst().request;
    QCOMPARE(sent.method, QByteArrayLiteral("POST"));
    QCOMPARE(sent.url, url(kApiUrl));
    QCOMPARE(sent.headers.combinedValue("Origin").value_or(QByteArray()), kPageOrigin);
    QCOMPARE(sent.headers.combinedValue("Content-Type").value_or(QByteArray()), QByteArrayLiteral("text/plain"));
    QCOMPARE(sent.headers.combinedValue("Accept").value_or(QByteArray()), QByteArrayLiteral("a/b"));
    QVERIFY(!sent.headers.contains("Cookie"));
    QVERIFY(result.verdict == Verdict::Allowed);
    QCOMPARE(result.hops.size(), 1);
    QCOMPARE(result.hops.constFirst().request.headers.combinedValue("Origin").value_or(QByteArray()), kPageOrigin);
}

void tst_CorsCheck::transportFailureIsANetworkError()
{
    ScriptedServer server;
    server.onActualNetworkError(kApiUrl, QStringLiteral("net::ERR_CONNECTION_REFUSED"));
    const ExchangeResult result = server.run(fetchRequest("GET", kApiUrl), BrowserProfile::chromium());

    QCOMPARE(hopKinds(result), QStringLiteral("actual"));
    QVERIFY(result.verdict == Verdict::NetworkError);
    QVERIFY(result.failure);
    QCOMPARE(checkIdName(result.failure->check), QStringLiteral("network-error"));
    QVERIFY2(result.failure->consoleMessage.contains(u"net::ERR_CONNECTION_REFUSED"),
             qPrintable(result.failure->consoleMessage));
    QVERIFY(!result.failure->consoleMessage.contains(u"CORS policy"));
    QCOMPARE(result.hops.constFirst().networkError, QStringLiteral("net::ERR_CONNECTION_REFUSED"));
    QVERIFY(!result.hops.constFirst().response);
}

QTEST_GUILESS_MAIN(tst_CorsCheck)
#include "tst_corscheck.moc"
