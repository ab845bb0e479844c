// The CORS-preflight cache (digest §5, §12.4 and the observed top section): directly with an
// injected clock, and through FetchSimulator with a shared cache.
#include "scriptedserver.h"

#include "core/fetchsimulator.h"
#include "core/preflightcache.h"

#include <QTest>

using namespace corscope;
using namespace corscope::test;

Q_DECLARE_METATYPE(QList<QByteArray>)

namespace {
const QByteArray kOrigin = kPageOrigin;
const QByteArray kUrl = QByteArrayLiteral("http://api.test:8000/x");
const QByteArray kMaxAge = QByteArrayLiteral("Access-Control-Max-Age");
} // namespace

class tst_PreflightCache : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void lookup_data();
    void lookup();
    void expiry();
    void zeroMaxAgeStoresNothing();
    void clearForgetsTheEntry();
    void maxAgeThroughTheSimulator_data();
    void maxAgeThroughTheSimulator();
    void credentialsThroughTheSimulator_data();
    void credentialsThroughTheSimulator();
    void cachedWildcardMethodThroughTheSimulator_data();
    void cachedWildcardMethodThroughTheSimulator();
};

void tst_PreflightCache::lookup_data()
{
    QTest::addColumn<QString>("profile");
    QTest::addColumn<bool>("storedWithCredentials");
    QTest::addColumn<QList<QByteArray>>("methods");
    QTest::addColumn<QList<QByteArray>>("headerNames");
    QTest::addColumn<QByteArray>("url");
    QTest::addColumn<QByteArray>("origin");
    QTest::addColumn<bool>("askWithCredentials");
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QList<QByteArray>>("unsafe");
    QTest::addColumn<bool>("allowed");

    const QString cr = QStringLiteral("chromium");
    const QString fx = QStringLiteral("firefox");
    using L = QList<QByteArray>;
    QTest::newRow("the same method and header hit the cache")
        << cr << false << L{"PUT"} << L{"x-test"} << kUrl << kOrigin << false << QByteArrayLiteral("PUT") << L{"x-test"}
        << true;
    QTest::newRow("another URL misses") << cr << false << L{"PUT"} << L{} << QByteArrayLiteral("http://api.test:8000/other") << kOrigin << false
                                        << QByteArrayLiteral("PUT") << L{} << false;
    QTest::newRow("another origin misses") << cr << false << L{"PUT"} << L{} << kUrl
                                           << QByteArrayLiteral("http://evil.test") << false
                                           << QByteArrayLiteral("PUT") << L{} << false;
    QTest::newRow("a method not cached misses") << cr << false << L{"PUT"} << L{} << kUrl << kOrigin << false
                                                << QByteArrayLiteral("DELETE") << L{} << false;
    QTest::newRow("cached PATCH does not cover a lowercase patch")
        << cr << false << L{"PATCH"} << L{} << kUrl << kOrigin << false << QByteArrayLiteral("patch") << L{} << false;
    QTest::newRow("a header not cached misses") << cr << false << L{"PUT"} << L{"x-test"} << kUrl << kOrigin << false
                                                << QByteArrayLiteral("PUT") << L{"x-other"} << false;
    QTest::newRow("cached header names match case-insensitively")
        << cr << false << L{"PUT"} << L{"X-Test"} << kUrl << kOrigin << false << QByteArrayLiteral("PUT") << L{"x-test"}
        << true;
    QTest::newRow("a safelisted method needs only the headers") << cr << false << L{"PUT"} << L{"x-test"} << kUrl
                                                                << kOrigin << false << QByteArrayLiteral("GET")
                                                                << L{"x-test"} << true;
    QTest::newRow("a cached wildcard header covers any name without credentials")
        << cr << false << L{"PUT"} << L{"*"} << kUrl << kOrigin << false << QByteArrayLiteral("PUT")
        << L{"x-anything"} << true;
    QTest::newRow("chromium: a credentialed entry serves a request without credentials")
        << cr << true << L{"PUT"} << L{"x-test"} << kUrl << kOrigin << false << QByteArrayLiteral("PUT")
        << L{"x-test"} << true;
    QTest::newRow("chromium: an entry without credentials does not serve a credentialed request")
        << cr << false << L{"PUT"} << L{"x-test"} << kUrl << kOrigin << true << QByteArrayLiteral("PUT")
        << L{"x-test"} << false;
    QTest::newRow("firefox: a credentialed entry does not serve a request without credentials")
        << fx << true << L{"PUT"} << L{"x-test"} << kUrl << kOrigin << false << QByteArrayLiteral("PUT")
        << L{"x-test"} << false;
    QTest::newRow("firefox: the same credentials mode hits") << fx << true << L{"PUT"} << L{"x-test"} << kUrl << kOrigin
                                                             << true << QByteArrayLiteral("PUT") << L{"x-test"} << true;
    QTest::newRow("chromium: a cached wildcard method allows a later PATCH")
        << cr << false << L{"*"} << L{} << kUrl << kOrigin << false << QByteArrayLiteral("PATCH") << L{} << true;
    QTest::newRow("firefox: a cached wildcard method does not cover PATCH")
        << fx << false << L{"*"} << L{} << kUrl << kOrigin << false << QByteArrayLiteral("PATCH") << L{} << false;
    QTest::newRow("a cached wildcard method does not cover a credentialed PATCH")
        << cr << true << L{"*"} << L{} << kUrl << kOrigin << true << QByteArrayLiteral("PATCH") << L{} << false;
}

void tst_PreflightCache::lookup()
{
    QFETCH(QString, profile);
    QFETCH(bool, storedWithCredentials);
    QFETCH(QList<QByteArray>, methods);
    QFETCH(QList<QByteArray>, headerNames);
    QFETCH(QByteArray, url);
    QFETCH(QByteArray, origin);
    QFETCH(bool, askWithCredentials);
    QFETCH(QByteArray, method);
    QFETCH(QList<QByteArray>, unsafe);
    QFETCH(bool, allowed);

    qint64 now = 1'000'000;
    PreflightCache cache([&now] { return now; });
    const BrowserProfile p = profileNamed(profile);
    cache.store(kOrigin, kUrl, storedWithCredentials, methods, headerNames, 600, p);
    now += 1000;
    QCOMPARE(cache.allows(origin, url, askWithCredentials, method, unsafe, p), allowed);
}

void tst_PreflightCache::expiry()
{
    qint64 now = 50'000;
    PreflightCache cache([&now] { return now; });
    const BrowserProfile chromium = BrowserProfile::chromium();
    cache.store(kOrigin, kUrl, false, {"PUT"}, {}, 5, chromium);
    QCOMPARE(cache.now(), 50'000);
    now += 4'900;
    QVERIFY(cache.allows(kOrigin, kUrl, false, "PUT", {}, chromium));
    now += 200; // 5.1 s after the preflight
    QVERIFY(!cache.allows(kOrigin, kUrl, false, "PUT", {}, chromium));
}

void tst_PreflightCache::zeroMaxAgeStoresNothing()
{
    qint64 now = 0;
    PreflightCache cache([&now] { return now; });
    const BrowserProfile chromium = BrowserProfile::chromium();
    cache.store(kOrigin, kUrl, false, {"PUT"}, {}, 0, chromium);
    cache.store(kOrigin, "http://api.test:8000/y", false, {"PUT"}, {}, -1, chromium);
    QCOMPARE(cache.size(), 0);
    QVERIFY(!cache.allows(kOrigin, kUrl, false, "PUT", {}, chromium));
}

void tst_PreflightCache::clearForgetsTheEntry()
{
    qint64 now = 0;
    PreflightCache cache([&now] { return now; });
    const BrowserProfile chromium = BrowserProfile::chromium();
    cache.store(kOrigin, kUrl, false, {"PUT"}, {}, 60, chromium);
    cache.store(kOrigin, "http://api.test:8000/y", false, {"PUT"}, {}, 60, chromium);
    QVERIFY(cache.allows(kOrigin, kUrl, false, "PUT", {}, chromium));
    cache.clear(kOrigin, kUrl);
    QVERIFY(!cache.allows(kOrigin, kUrl, false, "PUT", {}, chromium));
    QVERIFY(cache.allows(kOrigin, "http://api.test:8000/y", false, "PUT", {}, chromium));
    cache.clearAll();
    QCOMPARE(cache.size(), 0);
}

void tst_PreflightCache::maxAgeThroughTheSimulator_data()
{
    QTest::addColumn<QString>("profile");
    QTest::addColumn<HeaderList>("maxAge"); // Access-Control-Max-Age lines on the preflight
    QTest::addColumn<int>("laterMs");       // when the second, identical request is made
    QTest::addColumn<bool>("fromCache");

    const QString cr = QStringLiteral("chromium");
    const QString fx = QStringLiteral("firefox");
    const QString sf = QStringLiteral("safari");
    auto age = [](const char *value) { return HeaderList{{kMaxAge, value}}; };

    QTest::newRow("#92 without Max-Age the entry lives 5 s") << cr << HeaderList{} << 4000 << true;
    QTest::newRow("#92 without Max-Age the entry is gone after 5 s") << cr << HeaderList{} << 6000 << false;
    QTest::newRow("firefox keeps the 5 s default") << fx << HeaderList{} << 4000 << true;
    QTest::newRow("#93 Max-Age 600 is honoured") << cr << age("600") << 599'000 << true;
    QTest::newRow("#93 Max-Age 600 expires after 600 s") << cr << age("600") << 601'000 << false;
    QTest::newRow("#95 chromium caps at 7200 s (still cached)") << cr << age("86400") << 7'199'000 << true;
    QTest::newRow("#95 chromium caps at 7200 s (expired)") << cr << age("86400") << 7'201'000 << false;
    QTest::newRow("#95 firefox caps at 86400 s (still cached)") << fx << age("86400") << 86'399'000 << true;
    QTest::newRow("#95 firefox caps at 86400 s (expired)") << fx << age("86400") << 86'401'000 << false;
    QTest::newRow("#95 firefox keeps 7201 s") << fx << age("86400") << 7'201'000 << true;
    QTest::newRow("#95 safari caps at 600 s (still cached)") << sf << age("86400") << 599'000 << true;
    QTest::newRow("#95 safari caps at 600 s (expired)") << sf << age("86400") << 601'000 << false;
    QTest::newRow("#97 Max-Age 0 is never cached") << cr << age("0") << 0 << false;
    QTest::newRow("#94 Max-Age -1 is never cached") << cr << age("-1") << 0 << false;
    QTest::newRow("firefox does not cache Max-Age 0") << fx << age("0") << 0 << false;
    QTest::newRow("chromium caches Max-Age abc for the 5 s default") << cr << age("abc") << 4000 << true;
    QTest::newRow("chromium drops Max-Age abc after 5 s") << cr << age("abc") << 6000 << false;
    QTest::newRow("chromium caches Max-Age 5.5 for the 5 s default") << cr << age("5.5") << 4000 << true;
    QTest::newRow("chromium drops Max-Age 5.5 after 5 s") << cr << age("5.5") << 6000 << false;
    QTest::newRow("firefox does not cache Max-Age abc") << fx << age("abc") << 0 << false;
    QTest::newRow("firefox does not cache Max-Age 5.5") << fx << age("5.5") << 0 << false;
    QTest::newRow("chromium caches two Max-Age lines 0 and 600")
        << cr << HeaderList{{kMaxAge, "0"}, {kMaxAge, "600"}} << 1000 << true;
    QTest::newRow("firefox does not cache two Max-Age lines 0 and 600")
        << fx << HeaderList{{kMaxAge, "0"}, {kMaxAge, "600"}} << 1000 << false;
}

void tst_PreflightCache::maxAgeThroughTheSimulator()
{
    QFETCH(QString, profile);
    QFETCH(HeaderList, maxAge);
    QFETCH(int, laterMs);
    QFETCH(bool, fromCache);

    QList<bool> mergeModes{false};
    if (profile != u"firefox" && hasDuplicateNames(maxAge))
        mergeModes.append(true);
    for (bool merge : mergeModes) {
        qint64 now = 10'000'000;
        PreflightCache cache([&now] { return now; });
        const BrowserProfile p = profileNamed(profile);
        HeaderList preflight{{kAcao, "*"}, {kAcam, "PUT"}, {kAcah, "X-Test"}};
        for (const HeaderField &field : maxAge)
            preflight.append(field.name, field.value);
        ScriptedServer server;
        server.setMergeDuplicates(merge);
        server.onPreflight(kApiUrl, 204, preflight);
        server.onActual(kApiUrl, 200, {{kAcao, "*"}});
        const FetchRequest request = fetchRequest("PUT", kApiUrl, {{"X-Test", "1"}});

        const ExchangeResult first = server.run(request, p, &cache);
        QCOMPARE(hopKinds(first), QStringLiteral("preflight,actual"));
        QVERIFY(!first.preflightFromCache);
        QVERIFY(first.verdict == Verdict::Allowed);

        now += laterMs;
        const ExchangeResult second = server.run(request, p, &cache);
        QVERIFY(second.preflightNeeded);
        QCOMPARE(second.preflightFromCache, fromCache);
        QCOMPARE(hopKinds(second), fromCache ? QStringLiteral("actual") : QStringLiteral("preflight,actual"));
        QCOMPARE(second.firstPreflight() == nullptr, fromCache);
        QVERIFY(second.verdict == Verdict::Allowed);
    }
}

void tst_PreflightCache::credentialsThroughTheSimulator_data()
{
    QTest::addColumn<QString>("profile");
    QTest::addColumn<CredentialsMode>("firstMode");
    QTest::addColumn<CredentialsMode>("secondMode");
    QTest::addColumn<bool>("fromCache");

    QTest::newRow("chromium: an include entry serves a later omit request")
        << QStringLiteral("chromium") << CredentialsMode::Include << CredentialsMode::Omit << true;
    QTest::newRow("chromium: an omit entry does not serve a later include request")
        << QStringLiteral("chromium") << CredentialsMode::Omit << CredentialsMode::Include << false;
    QTest::newRow("firefox: an include entry does not serve a later omit request")
        << QStringLiteral("firefox") << CredentialsMode::Include << CredentialsMode::Omit << false;
    QTest::newRow("firefox: an include entry serves a later include request")
        << QStringLiteral("firefox") << CredentialsMode::Include << CredentialsMode::Include << true;
}

void tst_PreflightCache::credentialsThroughTheSimulator()
{
    QFETCH(QString, profile);
    QFETCH(CredentialsMode, firstMode);
    QFETCH(CredentialsMode, secondMode);
    QFETCH(bool, fromCache);

    qint64 now = 0;
    PreflightCache cache([&now] { return now; });
    const BrowserProfile p = profileNamed(profile);
    const HeaderList echo{{kAcao, kPageOrigin}, {kAcac, "true"}, {"Vary", "Origin"}};
    HeaderList preflight = echo;
    preflight.append(kAcam, "PUT");
    preflight.append(kAcah, "X-Test");
    preflight.append(kMaxAge, "600");
    ScriptedServer server;
    server.onPreflight(kApiUrl, 204, preflight);
    server.onActual(kApiUrl, 200, echo);

    const ExchangeResult first = server.run(fetchRequest("PUT", kApiUrl, {{"X-Test", "1"}}, firstMode), p, &cache);
    QCOMPARE(hopKinds(first), QStringLiteral("preflight,actual"));
    QVERIFY(first.verdict == Verdict::Allowed);
    now += 1000;
    const ExchangeResult second = server.run(fetchRequest("PUT", kApiUrl, {{"X-Test", "1"}}, secondMode), p, &cache);
    QCOMPARE(second.preflightFromCache, fromCache);
    QCOMPARE(hopKinds(second), fromCache ? QStringLiteral("actual") : QStringLiteral("preflight,actual"));
    QVERIFY(second.verdict == Verdict::Allowed);
}

void tst_PreflightCache::cachedWildcardMethodThroughTheSimulator_data()
{
    QTest::addColumn<QString>("profile");
    QTest::addColumn<bool>("fromCache");
    QTest::newRow("chromium answers a later PATCH from a cached wildcard") << QStringLiteral("chromium") << true;
    QTest::newRow("firefox preflights a later PATCH despite a cached wildcard") << QStringLiteral("firefox") << false;
}

void tst_PreflightCache::cachedWildcardMethodThroughTheSimulator()
{
    QFETCH(QString, profile);
    QFETCH(bool, fromCache);

    qint64 now = 0;
    PreflightCache cache([&now] { return now; });
    const BrowserProfile p = profileNamed(profile);
    ScriptedServer server;
    server.onPreflight(kApiUrl, 204, {{kAcao, "*"}, {kAcam, "*"}, {kMaxAge, "600"}});
    server.onActual(kApiUrl, 200, {{kAcao, "*"}});

    const ExchangeResult first = server.run(fetchRequest("PUT", kApiUrl), p, &cache);
    QCOMPARE(hopKinds(first), QStringLiteral("preflight,actual"));
    now += 1000;
    const ExchangeResult second = server.run(fetchRequest("PATCH", kApiUrl), p, &cache);
    QCOMPARE(second.preflightFromCache, fromCache);
    QCOMPARE(hopKinds(second), fromCache ? QStringLiteral("actual") : QStringLiteral("preflight,actual"));
    QVERIFY(second.verdict == Verdict::Allowed);
    QCOMPARE(server.sent().constLast().request.method, QByteArrayLiteral("PATCH"));
}

QTEST_GUILESS_MAIN(tst_PreflightCache)
#include "tst_preflightcache.moc"
