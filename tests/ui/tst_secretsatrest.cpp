// Secrets at rest: secrets are planted in the composer and in exchanges that reach the history,
// then every file the window wrote (the app data directory and the settings file, in test mode) is
// read. By default no secret value is in any of them; with the opt-in they all are. A restarted
// window then asks for what it did not get back.
#include "net/qnamtransport.h"
#include "net/rawhttpserver.h"
#include "report/redactor.h"
#include "ui/composerpanel.h"
#include "ui/exchangesession.h"
#include "ui/headereditmodel.h"
#include "ui/historystore.h"
#include "ui/mainwindow.h"
#include "ui/secretsatrest.h"
#include "uitestdata.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QLabel>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace corscope;
using namespace corscope::testdata;

class TestSecretsAtRest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void theFilesHoldNoSecretUnlessKept_data();
    void theFilesHoldNoSecretUnlessKept();

private:
    static QStringList writtenFiles();
};

namespace {
// Each secret is sent or received once in a way the redactor knows about.
const QStringList plantedSecrets{QStringLiteral("SECRET-BEARER-TOKEN"), QStringLiteral("SECRET-API-KEY"),
    QStringLiteral("SECRET-URL-TOKEN"), QStringLiteral("SECRET-PASSWORD"),
    QStringLiteral("SECRET-SET-COOKIE"), QStringLiteral("SECRET-RESPONSE-TOKEN"),
    QStringLiteral("SECRET-COMPOSER-COOKIE"), QStringLiteral("SECRET-HISTORY-COOKIE"),
    QStringLiteral("SECRET-PROXY-AUTH")};

QList<QDir> writableDirectories()
{
    QList<QDir> directories;
    for (auto location : {QStandardPaths::AppDataLocation, QStandardPaths::AppLocalDataLocation,
             QStandardPaths::AppConfigLocation, QStandardPaths::CacheLocation})
        directories.append(QDir(QStandardPaths::writableLocation(location)));
    return directories;
}
} // namespace

void TestSecretsAtRest::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(HistoryStore::defaultPath().contains(QStringLiteral("qttest")));
}

void TestSecretsAtRest::init()
{
    for (QDir directory : writableDirectories())
        directory.removeRecursively();
    QSettings settings;
    settings.clear();
    settings.sync();
}

QStringList TestSecretsAtRest::writtenFiles()
{
    QStringList files;
    QSettings settings;
    settings.sync();
    files.append(settings.fileName());
    for (const QDir &directory : writableDirectories()) {
        for (QDirIterator it(directory.path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
             it.hasNext();)
            files.append(it.next());
    }
    files.removeDuplicates();
    return files;
}

void TestSecretsAtRest::theFilesHoldNoSecretUnlessKept_data()
{
    QTest::addColumn<bool>("keep");
    QTest::newRow("by default no secret is written") << false;
    QTest::newRow("with privacy/keepSecrets every secret is kept") << true;
}

void TestSecretsAtRest::theFilesHoldNoSecretUnlessKept()
{
    QFETCH(bool, keep);
    SecretsAtRest::setKeepSecrets(keep);
    QCOMPARE(SecretsAtRest::keepSecrets(), keep);

    RawHttpServer server;
    server.route("/login", [](const RawHttpRequest &request, RawHttpResponder &responder) {
        const QByteArray origin = request.headers.combinedValue("origin").value_or("");
        responder.respond(200, "OK",
            {{"Access-Control-Allow-Origin", origin}, {"Access-Control-Allow-Credentials", "true"},
                {"Access-Control-Allow-Methods", "POST"},
                {"Access-Control-Allow-Headers", "authorization, x-api-key, content-type"},
                {"Set-Cookie", "session=SECRET-SET-COOKIE; Path=/; HttpOnly"},
                {"Content-Type", "application/json"}},
            R"({"access_token":"SECRET-RESPONSE-TOKEN"})");
    });
    QVERIFY(server.listen());
    const QString url = QString::fromUtf8(server.url(QStringLiteral("/login")).toEncoded())
        + u"?access_token=SECRET-URL-TOKEN&page=2";

    QnamTransport transport;
    {
        HistoryStore history(HistoryStore::defaultPath());
        ExchangeSession session(&transport);
        MainWindow window(&session, &history);
        QSignalSpy loaded(&history, &HistoryStore::loaded);
        QVERIFY(loaded.wait(5000));
        QSignalSpy saved(&history, &HistoryStore::saved);

        RequestInput input;
        input.method = QStringLiteral("POST");
        input.url = url;
        input.origin = QStringLiteral("http://localhost:3000");
        input.credentials = QStringLiteral("include");
        input.headerLines = {QStringLiteral("Authorization: Bearer SECRET-BEARER-TOKEN"),
            QStringLiteral("X-Api-Key: SECRET-API-KEY"), QStringLiteral("Content-Type: application/json")};
        input.body = R"({"user":"ann","password":"SECRET-PASSWORD"})";
        window.composer()->setInput(input);
        QSignalSpy shown(&window, &MainWindow::exchangeShown);
        QVERIFY(window.sendCurrentRequest());
        QVERIFY(shown.wait(10000));

        // An exchange from elsewhere (a run, a HAR) with a request cookie and proxy credentials.
        auto other = std::const_pointer_cast<ExchangeRecord>(exchange(99, Verdict::Allowed,
            {hop(HopKind::Actual, "GET", QStringLiteral("http://127.0.0.1:8080/me"), 200, 0, 3, true)}));
        other->request.headers
            = {{"Cookie", "sid=SECRET-HISTORY-COOKIE"}, {"Proxy-Authorization", "Basic SECRET-PROXY-AUTH"}};
        other->result.hops[0].request.headers.append("Cookie", "sid=SECRET-HISTORY-COOKIE");
        history.append(other);
        QTRY_COMPARE(saved.size(), 2);

        // Left in the composer when the window closes: a cookie row (not sendable, still kept).
        window.composer()->headerModel()->appendEntry(
            {QStringLiteral("Cookie"), QStringLiteral("sid=SECRET-COMPOSER-COOKIE"), false});
        window.close();
    }

    const QStringList files = writtenFiles();
    QByteArray everything;
    for (const QString &path : files) {
        QFile file(path);
        QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(path));
        everything += file.readAll();
    }
    QVERIFY(files.contains(HistoryStore::defaultPath()));
    QVERIFY(everything.contains("page=2")); // the request itself was written
    for (const QString &secret : plantedSecrets) {
        const bool found = everything.contains(secret.toUtf8());
        QVERIFY2(found == keep,
            qPrintable(secret + (keep ? u" is missing from " : u" was written to ") + files.join(u", ")));
    }

    // The next start shows the request again and asks for what was not kept.
    HistoryStore history(HistoryStore::defaultPath());
    ExchangeSession session(&transport);
    MainWindow window(&session, &history);
    ComposerPanel *composer = window.composer();
    QVERIFY(composer->isRestored());
    QCOMPARE(composer->input().method, QStringLiteral("POST"));
    QCOMPARE(composer->input().credentials, QStringLiteral("include"));
    HeaderEditModel *headers = composer->headerModel();
    QCOMPARE(headers->rowCount(), 4);
    QCOMPARE(headers->index(3, HeaderEditModel::NameColumn).data().toString(), QStringLiteral("Cookie"));
    auto *status = window.findChild<QLabel *>(QStringLiteral("statusLabel"));
    QVERIFY(status);
    if (keep) {
        QCOMPARE(composer->input().url, url);
        QCOMPARE(composer->input().headerLines.first(),
            QStringLiteral("Authorization: Bearer SECRET-BEARER-TOKEN"));
        QVERIFY(composer->secretsNotice().isEmpty());
    } else {
        QVERIFY(composer->input().url.contains(Redactor::mask()));
        QCOMPARE(headers->index(0, HeaderEditModel::ValueColumn).data(Qt::EditRole).toString(), QString());
        QCOMPARE(headers->lostSecretNames(),
            (QStringList{QStringLiteral("Authorization"), QStringLiteral("X-Api-Key")}));
        QVERIFY(!composer->secretsNotice().isEmpty());
        QCOMPARE(status->text(), composer->secretsNotice());
        QVERIFY(!window.sendCurrentRequest());
    }
    // Masked or not, the history reads back whole.
    QSignalSpy loaded(&history, &HistoryStore::loaded);
    QVERIFY(loaded.wait(5000));
    QCOMPARE(loaded.first().at(0).toInt(), 2);
}

QTEST_MAIN(TestSecretsAtRest)
#include "tst_secretsatrest.moc"
