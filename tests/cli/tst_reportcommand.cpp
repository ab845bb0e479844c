// `corscope report` and `corscope check --report`: the real binary writes every format, keeps secrets
// out of what it writes unless told otherwise, and refuses bad input with exit 2.
#include "corscopeprocess.h"
#include "net/rawhttpserver.h"

#include <QFile>
#include <QTemporaryDir>

using namespace corscope;
using namespace corscope::testing;

class tst_ReportCommand : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyFormatIsWrittenWithoutSecrets_data();
    void everyFormatIsWrittenWithoutSecrets();
    void noRedactShowsTheSecrets();
    void badInputExitsTwoAndWritesNothing_data();
    void badInputExitsTwoAndWritesNothing();
    void checkWritesAReportAndKeepsTheVerdictExitCode();

private:
    static QByteArray readFile(const QString &path)
    {
        QFile file(path);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }
    static QList<QByteArray> plantedSecrets()
    {
        QList<QByteArray> secrets;
        for (const QByteArray &line : readFile(QStringLiteral(CORSCOPE_REPORT_DATA "/secrets.txt")).split('\n')) {
            if (!line.trimmed().isEmpty())
                secrets.append(line.trimmed());
        }
        return secrets;
    }
    QTemporaryDir m_dir;
};

void tst_ReportCommand::everyFormatIsWrittenWithoutSecrets_data()
{
    QTest::addColumn<QString>("extension");
    QTest::newRow("a Markdown report keeps every planted secret out") << QStringLiteral("md");
    QTest::newRow("an HTML report keeps every planted secret out") << QStringLiteral("html");
    QTest::newRow("a HAR keeps every planted secret out") << QStringLiteral("har");
    QTest::newRow("a PNG report is a PNG") << QStringLiteral("png");
}

void tst_ReportCommand::everyFormatIsWrittenWithoutSecrets()
{
    QFETCH(QString, extension);
    const QString out = m_dir.filePath(u"report." + extension);
    const CorscopeRun run = runCorscope(
        {QStringLiteral("report"), QStringLiteral(CORSCOPE_REPORT_DATA "/secrets.json"), QStringLiteral("--out"), out});
    QVERIFY2(run.finished && run.exitCode == 0, qPrintable(run.describe()));
    const QByteArray written = readFile(out);
    QVERIFY2(!written.isEmpty(), qPrintable(out));
    if (extension == u"png") {
        QVERIFY(written.startsWith("\x89PNG\r\n\x1a\n"));
        return;
    }
    const QList<QByteArray> secrets = plantedSecrets();
    QVERIFY(secrets.size() >= 10);
    for (const QByteArray &secret : secrets)
        QVERIFY2(!written.contains(secret), secret.constData());
}

void tst_ReportCommand::noRedactShowsTheSecrets()
{
    const QString out = m_dir.filePath(QStringLiteral("plain.md"));
    const CorscopeRun run = runCorscope({QStringLiteral("report"), QStringLiteral(CORSCOPE_REPORT_DATA "/secrets.json"),
                                         QStringLiteral("--out"), out, QStringLiteral("--no-redact")});
    QVERIFY2(run.finished && run.exitCode == 0, qPrintable(run.describe()));
    const QByteArray written = readFile(out);
    QVERIFY(written.contains("PLANTAuthx9Z"));
    QVERIFY(written.contains("PLANTSetCookiex9Z"));
}

void tst_ReportCommand::badInputExitsTwoAndWritesNothing_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("extension");
    QTest::newRow("a corrupt JSON file") << QByteArray("{\"verdict\": \"blo") << QStringLiteral("md");
    QTest::newRow("JSON that is not an exchange") << QByteArray("{\"hello\": 1}") << QStringLiteral("md");
    QTest::newRow("an empty run") << QByteArray("[]") << QStringLiteral("html");
    QTest::newRow("an unknown extension") << readFile(QStringLiteral(CORSCOPE_REPORT_DATA "/secrets.json"))
                                          << QStringLiteral("docx");
}

void tst_ReportCommand::badInputExitsTwoAndWritesNothing()
{
    QFETCH(QByteArray, input);
    QFETCH(QString, extension);
    const QString in = m_dir.filePath(QStringLiteral("bad.json"));
    QFile file(in);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(input);
    file.close();
    const QString out = m_dir.filePath(u"bad-out." + extension);
    const CorscopeRun run = runCorscope({QStringLiteral("report"), in, QStringLiteral("--out"), out});
    QVERIFY2(run.finished && run.exitCode == 2, qPrintable(run.describe()));
    QVERIFY(!run.err.isEmpty());
    QVERIFY(!QFile::exists(out));
}

void tst_ReportCommand::checkWritesAReportAndKeepsTheVerdictExitCode()
{
    RawHttpServer server;
    QVERIFY(server.listen());
    server.setHandler([](const RawHttpRequest &, RawHttpResponder &responder) {
        responder.respond(200, "OK", {{"Content-Type", "text/plain"}}, "no cors here");
    });
    const QString out = m_dir.filePath(QStringLiteral("check.md"));
    const QString url = u"http://api.test:" + QString::number(server.port()) + u"/data?access_token=PLANTCheckx9Z";
    const CorscopeRun run = runCorscope(
        {QStringLiteral("check"), url, QStringLiteral("--origin"), QStringLiteral("http://app.test:3000"),
         QStringLiteral("-H"), QStringLiteral("Authorization: Bearer PLANTCheckAuthx9Z"), QStringLiteral("--resolve"),
         u"api.test:" + QString::number(server.port()) + u":127.0.0.1", QStringLiteral("--report"), out});
    QVERIFY2(run.finished && run.exitCode == 1, qPrintable(run.describe()));
    const QByteArray written = readFile(out);
    QVERIFY(written.contains("missing-allow-origin"));
    QVERIFY(!written.contains("PLANTCheckx9Z"));
    QVERIFY(!written.contains("PLANTCheckAuthx9Z"));
}

QTEST_GUILESS_MAIN(tst_ReportCommand)
#include "tst_reportcommand.moc"
