#include "core/fixsnippet.h"

#include <QTest>

using namespace corscope;

class tst_FixSnippet : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void requirementsComeFromTheRequest();
    void everyStackNamesWhatTheRequestNeeds_data();
    void everyStackNamesWhatTheRequestNeeds();
    void credentialsNeverMeetAWildcardOrAReflectedOrigin_data();
    void credentialsNeverMeetAWildcardOrAReflectedOrigin();
    void stackNamesRoundTrip();
};

namespace {
FetchRequest credentialedPut()
{
    FetchRequest request;
    request.method = QByteArrayLiteral("PUT");
    request.url = QUrl(QStringLiteral("http://api.test:8000/items/1"));
    request.origin = *Origin::parse(QStringLiteral("http://app.test:3000"));
    request.headers.append(QByteArrayLiteral("X-Trace"), QByteArrayLiteral("1"));
    request.headers.append(QByteArrayLiteral("Accept"), QByteArrayLiteral("application/json"));
    request.headers.append(QByteArrayLiteral("Cookie"), QByteArrayLiteral("dropped=1"));
    request.credentials = CredentialsMode::Include;
    return request;
}
} // namespace

void tst_FixSnippet::requirementsComeFromTheRequest()
{
    const CorsRequirements r = corsRequirements(credentialedPut(), BrowserProfile::chromium());
    QCOMPARE(r.origin, QByteArrayLiteral("http://app.test:3000"));
    QCOMPARE(r.methods, QList<QByteArray>{QByteArrayLiteral("PUT")});
    // Safelisted Accept and the forbidden Cookie need no permission; X-Trace keeps the script's spelling.
    QCOMPARE(r.headers, QList<QByteArray>{QByteArrayLiteral("X-Trace")});
    QVERIFY(r.credentials);
    QVERIFY(r.preflight);

    FetchRequest simple;
    simple.url = QUrl(QStringLiteral("http://api.test/x"));
    simple.origin = *Origin::parse(QStringLiteral("https://app.example"));
    const CorsRequirements s = corsRequirements(simple, BrowserProfile::chromium());
    QVERIFY(s.methods.isEmpty());
    QVERIFY(s.headers.isEmpty());
    QVERIFY(!s.preflight);
    QVERIFY(!s.credentials);
}

void tst_FixSnippet::everyStackNamesWhatTheRequestNeeds_data()
{
    QTest::addColumn<ServerStack>("stack");
    for (ServerStack stack : allServerStacks())
        QTest::newRow(qPrintable(u"The " + serverStackDisplayName(stack) + u" fix names origin, method and header"))
            << stack;
}

void tst_FixSnippet::everyStackNamesWhatTheRequestNeeds()
{
    QFETCH(ServerStack, stack);
    const CorsRequirements r = corsRequirements(credentialedPut(), BrowserProfile::chromium());
    const QString snippet = fixSnippet(stack, r);
    QVERIFY2(snippet.contains(u"http://app.test:3000"), qPrintable(snippet));
    QVERIFY2(snippet.contains(u"PUT"), qPrintable(snippet));
    QVERIFY2(snippet.contains(u"X-Trace", Qt::CaseInsensitive), qPrintable(snippet));
    QVERIFY2(snippet.contains(u"credentials", Qt::CaseInsensitive), qPrintable(snippet));
    QVERIFY2(!snippet.contains(u"Cookie", Qt::CaseSensitive), qPrintable(snippet));
}

void tst_FixSnippet::credentialsNeverMeetAWildcardOrAReflectedOrigin_data()
{
    everyStackNamesWhatTheRequestNeeds_data();
}

void tst_FixSnippet::credentialsNeverMeetAWildcardOrAReflectedOrigin()
{
    QFETCH(ServerStack, stack);
    Finding failure;
    failure.stage = Stage::Preflight;
    failure.check = CheckId::WildcardOriginWithCredentials;
    failure.header = QByteArrayLiteral("Access-Control-Allow-Origin");
    const QString snippet = fixSnippet(stack, corsRequirements(credentialedPut(), BrowserProfile::chromium()), failure);
    QVERIFY2(snippet.contains(u"wildcard-origin-with-credentials"), qPrintable(snippet));
    // No wildcard origin in any form the stacks use.
    for (const char *wildcard : {"origin: '*'", "origin: \"*\"", "[\"*\"]", "['*']", "Allow-Origin *", "Allow-Origin \"*\"",
                                 "Allow-Origin\", \"*\"", "Allow-Origin', '*'", "origin: true", "ALLOW_ALL_ORIGINS = True"}) {
        QVERIFY2(!snippet.contains(QLatin1String(wildcard)), qPrintable(u"found " + QLatin1String(wildcard) + u" in\n" + snippet));
    }
    // An origin that is echoed back is first checked against the allow-list.
    if (snippet.contains(u"$http_origin"))
        QVERIFY(snippet.contains(u"map $http_origin"));
}

void tst_FixSnippet::stackNamesRoundTrip()
{
    for (ServerStack stack : allServerStacks())
        QCOMPARE(serverStackFromName(serverStackName(stack)), stack);
    QCOMPARE(allServerStacks().size(), 8);
    QVERIFY(!serverStackFromName(QStringLiteral("rails")));
}

QTEST_GUILESS_MAIN(tst_FixSnippet)
#include "tst_fixsnippet.moc"
