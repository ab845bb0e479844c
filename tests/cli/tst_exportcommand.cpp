// `corscope export COLLECTION REQUEST`: the bash script it prints is run with bash and the real curl
// against an in-process RawHttpServer, which must receive what the browser would send: the
// preflight, then the request with its headers, cookies and body, once per page origin.
#include "corscopeprocess.h"

#include "net/rawhttpserver.h"

#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>

using namespace corscope;
using namespace corscope::testing;
using namespace Qt::StringLiterals;

namespace {
QByteArray header(const RawHttpRequest &request, const QByteArray &name)
{
    return request.headers.combinedValue(name).value_or("(absent)");
}
} // namespace

class tst_ExportCommand : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void theScriptSendsWhatTheBrowserSends();
    void badInputExitsTwo_data();
    void badInputExitsTwo();

private:
    QString writeCollection(const QByteArray &api);

    QTemporaryDir m_dir;
};

void tst_ExportCommand::initTestCase()
{
    QVERIFY(m_dir.isValid());
    if (QStandardPaths::findExecutable(u"curl"_s).isEmpty() || QStandardPaths::findExecutable(u"bash"_s).isEmpty())
        QFAIL("curl and bash are needed (scripts/install-deps.sh installs curl)");
}

QString tst_ExportCommand::writeCollection(const QByteArray &api)
{
    // A credentialed PUT whose header, body and cookie need bash quoting, from two page origins.
    const QByteArray json = R"({
  "format": "corscope-collection",
  "version": 2,
  "name": "export",
  "environments": [{"name": "dev", "variables": {"api": ")" + api + R"("}}],
  "origins": ["http://localhost:3000", "https://app.example.com"],
  "items": [
    {
      "id": "put1",
      "name": "save the note",
      "method": "PUT",
      "url": "{{api}}/items/7?lang=en",
      "headers": [["Content-Type", "application/json"], ["X-Note", "it's \"quoted\" $HOME"]],
      "body": "{\"note\":\"O'Brien & co\"}",
      "credentials": "include"
    }
  ]
})";
    const QString path = m_dir.filePath(u"export.json"_s);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(json) != json.size())
        qFatal("cannot write %s", qPrintable(path));
    return path;
}

void tst_ExportCommand::theScriptSendsWhatTheBrowserSends()
{
    RawHttpServer server;
    server.setHandler([](const RawHttpRequest &, RawHttpResponder &responder) { responder.respond(204, "No Content", {}); });
    QVERIFY(server.listen());
    const QByteArray api = server.url(u"/"_s).toEncoded().chopped(1);
    const QString collection = writeCollection(api);

    const CorscopeRun exported = runCorscope({u"export"_s, collection, u"save the note"_s, u"--env"_s, u"dev"_s});
    QVERIFY2(exported.finished && exported.exitCode == 0, qPrintable(exported.describe()));
    const CorscopeRun bash = runProgram(u"bash"_s, {u"-euc"_s, QString::fromUtf8(exported.out)}, childEnvironment());
    QVERIFY2(bash.finished && bash.exitCode == 0, qPrintable(bash.describe() + u"\n--- script ---\n"_s + QString::fromUtf8(exported.out)));

    const QList<RawHttpRequest> received = server.requests();
    QCOMPARE(received.size(), 4);
    const QList<QByteArray> origins{"http://localhost:3000", "https://app.example.com"};
    for (int i = 0; i < 2; ++i) {
        const RawHttpRequest &preflight = received.at(2 * i);
        const RawHttpRequest &actual = received.at(2 * i + 1);
        QCOMPARE(preflight.method, QByteArray("OPTIONS"));
        QCOMPARE(preflight.target, QByteArray("/items/7?lang=en"));
        QCOMPARE(header(preflight, "Origin"), origins.at(i));
        QCOMPARE(header(preflight, "Access-Control-Request-Method"), QByteArray("PUT"));
        QCOMPARE(header(preflight, "Access-Control-Request-Headers"), QByteArray("content-type,x-note"));
        QCOMPARE(header(preflight, "Cookie"), QByteArray("(absent)")); // preflights never carry credentials
        QVERIFY(preflight.body.isEmpty());

        QCOMPARE(actual.method, QByteArray("PUT"));
        QCOMPARE(actual.target, QByteArray("/items/7?lang=en"));
        QCOMPARE(header(actual, "Origin"), origins.at(i));
        QCOMPARE(header(actual, "Content-Type"), QByteArray("application/json"));
        QCOMPARE(header(actual, "X-Note"), QByteArray("it's \"quoted\" $HOME"));
        QCOMPARE(header(actual, "Cookie"), QByteArray("name=value"));
        QCOMPARE(actual.body, QByteArray("{\"note\":\"O'Brien & co\"}"));
    }
}

void tst_ExportCommand::badInputExitsTwo_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    QTest::newRow("no such request") << QStringList{u"nothing here"_s, u"--env"_s, u"dev"_s}
                                     << u"No request 'nothing here'"_s;
    QTest::newRow("{{api}} without an environment") << QStringList{u"put1"_s} << u"api"_s;
}

void tst_ExportCommand::badInputExitsTwo()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    const CorscopeRun run = runCorscope(QStringList{u"export"_s, writeCollection("http://127.0.0.1:9")} + arguments);
    QVERIFY2(run.finished && run.exitCode == 2, qPrintable(run.describe()));
    QVERIFY(run.out.isEmpty());
    QVERIFY2(QString::fromUtf8(run.err).contains(message), qPrintable(run.describe()));
}

QTEST_GUILESS_MAIN(tst_ExportCommand)
#include "tst_exportcommand.moc"
