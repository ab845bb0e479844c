// The history that survives restarts: the JSON round trip, two windows one after the other on the
// same (test-mode) history file, a corrupt file, the bound on the number of entries.
#include "net/qnamtransport.h"
#include "net/rawhttpserver.h"
#include "ui/composerpanel.h"
#include "ui/exchangesession.h"
#include "ui/explanationpanel.h"
#include "ui/historyjson.h"
#include "ui/historystore.h"
#include "ui/mainwindow.h"
#include "ui/timelinemodel.h"
#include "ui/timelinepanel.h"
#include "uitestdata.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QLineEdit>
#include <QSettings>
#include <QAbstractButton>
#include <QMessageBox>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QTreeView>
#include <memory>

using namespace corscope;
using namespace corscope::testdata;

class TestHistoryStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void anEntryReadsBackAsTheSameExchange();
    void aLineOfAnEarlierCorscopeStillLoads();
    void theHistorySurvivesARestartOfTheWindow();
    void aCorruptFileIsMovedAsideAndTheGoodEntriesKept();
    void aFileOfGarbageGivesAnEmptyHistoryAndAWarning();
    void onlyTheNewestEntriesAreKept();

private:
    QString m_path;
};

void TestHistoryStore::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    m_path = HistoryStore::defaultPath();
    QVERIFY(m_path.contains(QStringLiteral("qttest")));
}

void TestHistoryStore::init()
{
    // The window keeps the next exchange id in the settings.
    QSettings().remove(QStringLiteral("history"));
    QDir directory = QFileInfo(m_path).absoluteDir();
    if (directory.exists()) {
        for (const QString &name : directory.entryList({QStringLiteral("history.jsonl*")}, QDir::Files))
            QVERIFY(directory.remove(name));
    }
}

void TestHistoryStore::anEntryReadsBackAsTheSameExchange()
{
    const QString base = QStringLiteral("http://127.0.0.1:8080");
    auto original = std::const_pointer_cast<ExchangeRecord>(exchange(7, Verdict::Blocked,
        {hop(HopKind::Preflight, "OPTIONS", base + u"/items", 204, 0, 3, true),
            hop(HopKind::Actual, "PUT", base + u"/items", 200, 3.5, 6, false)}));
    original->finishedAt
        = QDateTime::fromString(QStringLiteral("2025-05-01T10:11:12.345"), Qt::ISODateWithMs);
    original->result.startedAtMs = original->finishedAt.toMSecsSinceEpoch() - 12;
    original->request.headers = {{"Content-Type", "application/json"}};
    original->request.body = "{\"a\":1}";
    original->request.credentials = CredentialsMode::Include;
    Finding failure;
    failure.stage = Stage::Actual;
    failure.check = CheckId::MissingAllowOrigin;
    failure.header = "Access-Control-Allow-Origin";
    failure.seen = QStringLiteral("(absent)");
    failure.consoleMessage = QStringLiteral("Access to fetch at ...");
    failure.status = 200;
    original->result.failure = failure;
    original->result.warnings = {{QStringLiteral("vary-origin-missing"), QStringLiteral("No Vary"), "Vary"}};

    QString error;
    const ExchangeRecordPtr read = historyEntryFromJson(historyEntryToJson(*original), &error);
    QVERIFY2(read, qPrintable(error));
    QCOMPARE(read->id, 7);
    QCOMPARE(read->finishedAt, original->finishedAt);
    QCOMPARE(read->result.startedAtMs, original->result.startedAtMs);
    QCOMPARE(read->request.method, QByteArray("PUT"));
    QCOMPARE(read->request.url, original->request.url);
    QCOMPARE(read->request.origin.serialize(), QByteArray("http://localhost:3000"));
    QCOMPARE(read->request.credentials, CredentialsMode::Include);
    QCOMPARE(read->request.headers.combinedValue("content-type"), QByteArray("application/json"));
    QCOMPARE(read->request.body, QByteArray("{\"a\":1}"));
    QCOMPARE(read->result.verdict, Verdict::Blocked);
    QVERIFY(read->result.failure);
    QCOMPARE(read->result.failure->check, CheckId::MissingAllowOrigin);
    QCOMPARE(read->result.failure->consoleMessage, failure.consoleMessage);
    QCOMPARE(read->result.hops.size(), 2);
    QCOMPARE(read->result.hops.at(0).kind, HopKind::Preflight);
    QCOMPARE(read->result.hops.at(1).passed, false);
    QCOMPARE(read->result.hops.at(1).timings.startMs, 3.5);
    QCOMPARE(read->result.hops.at(1).response->status, 200);
    QCOMPARE(read->result.hops.at(1).response->body, QByteArray("{\"ok\":true}"));
    QCOMPARE(read->result.warnings.size(), 1);
    QCOMPARE(read->result.warnings.first().header, QByteArray("Vary"));

    QJsonObject broken = historyEntryToJson(*original);
    broken.insert(QStringLiteral("verdict"), QStringLiteral("maybe"));
    QVERIFY(!historyEntryFromJson(broken, &error));
    QVERIFY2(error.contains(QStringLiteral("verdict")), qPrintable(error));
}

// A history.jsonl line as corscope wrote it before the exchange JSON had one reader in core: it loads,
// and written again it is the same entry.
void TestHistoryStore::aLineOfAnEarlierCorscopeStillLoads()
{
    const QByteArray line =
    R"json({"browser":"firefox","corscope":"0.1.0","crossOrigin":true,"failure":{"check":"missing-allow-origin")json"
    R"json(,"explanation":"The response has no `Access-Control-Allow-Origin` header.","fix":"Send `Access-Contr)json"
    R"json(ol-Allow-Origin: http://localhost:3000`.","header":"Access-Control-Allow-Origin","message":"Access t)json"
    R"json(o fetch at 'http://127.0.0.1:8080/items?id=1' from origin 'http://localhost:3000' has been blocked b)json"
    R"json(y CORS policy: No 'Access-Control-Allow-Origin' header is present on the requested resource.","neede)json"
    R"json(d":"http://localhost:3000","seen":"(absent)","stage":"actual","status":200},"finishedAt":"2025-05-01)json"
    R"json(T10:11:12.345","hops":[{"kind":"preflight","passed":true,"redirect":false,"request":{"headers":[["Or)json"
    R"json(igin","http://localhost:3000"],["Access-Control-Request-Method","PUT"],["Access-Control-Request-Head)json"
    R"json(ers","content-type,x-trace"]],"method":"OPTIONS","url":"http://127.0.0.1:8080/items?id=1"},"response)json"
    R"json(":{"bodyBytes":0,"bodyTruncated":false,"headers":[["Access-Control-Allow-Origin","http://localhost:3)json"
    R"json(000"],["Access-Control-Allow-Methods","PUT"],["Access-Control-Allow-Headers","content-type,x-trace"])json"
    R"json(,["Access-Control-Allow-Credentials","true"]],"status":204,"statusText":"No Content"},"timings":{"co)json"
    R"json(nnectMs":1.25,"downloadMs":0.125,"startMs":0,"totalMs":3.875,"waitMs":2.5}},{"kind":"actual","passed)json"
    R"json(":false,"redirect":false,"request":{"body":"{\"a\":1}","headers":[["Origin","http://localhost:3000"])json"
    R"json(,["Content-Type","application/json"],["X-Trace","1"]],"method":"PUT","url":"http://127.0.0.1:8080/it)json"
    R"json(ems?id=1"},"response":{"body":"{\"ok\":true}","bodyBytes":11,"bodyTruncated":false,"headers":[["Cont)json"
    R"json(ent-Type","application/json"]],"status":200,"statusText":"OK"},"timings":{"downloadMs":0.5,"startMs")json"
    R"json(:3.5,"totalMs":2.75,"waitMs":2.25}}],"id":7,"preflightFromCache":false,"preflightNeeded":true,"prefl)json"
    R"json(ightReasons":["`PUT` is not a CORS-safelisted method (only GET, HEAD and POST are)."],"readableHeade)json"
    R"json(rs":[],"request":{"body":"{\"a\":1}","credentials":"include","headers":[["Content-Type","application)json"
    R"json(/json"],["X-Trace","1"]],"method":"PUT","origin":"http://localhost:3000","redirect":"follow","url":")json"
    R"json(http://127.0.0.1:8080/items?id=1"},"startedAt":"2025-05-01T10:11:12.333Z","verdict":"blocked","warni)json"
    R"json(ngs":[{"check":"vary-origin-missing","header":"Vary","message":"No Vary: Origin."}]})json";
    QString error;
    const ExchangeRecordPtr read = historyEntryFromJson(QJsonDocument::fromJson(line).object(), &error);
    QVERIFY2(read, qPrintable(error));
    QCOMPARE(read->id, 7);
    QCOMPARE(read->finishedAt, QDateTime::fromString(QStringLiteral("2025-05-01T10:11:12.345"), Qt::ISODateWithMs));
    QCOMPARE(read->profile.browser, Browser::Firefox);
    QCOMPARE(read->request.method, QByteArray("PUT"));
    QCOMPARE(read->request.credentials, CredentialsMode::Include);
    QCOMPARE(read->result.verdict, Verdict::Blocked);
    QCOMPARE(read->result.failure->check, CheckId::MissingAllowOrigin);
    QCOMPARE(read->result.hops.size(), 2);
    QCOMPARE(read->result.hops.at(1).response->body, QByteArray("{\"ok\":true}"));
    QVERIFY(read->result.reachedServer);
    // Written again it is the same entry (but for the version of corscope that writes it).
    QJsonObject original = QJsonDocument::fromJson(line).object();
    QJsonObject again = historyEntryToJson(*read);
    original.remove(QStringLiteral("corscope"));
    again.remove(QStringLiteral("corscope"));
    QCOMPARE(again, original);
}

void TestHistoryStore::theHistorySurvivesARestartOfTheWindow()
{
    RawHttpServer server;
    server.route("/no-acao", [](const RawHttpRequest &, RawHttpResponder &responder) {
        responder.respond(200, "OK", {{"Content-Type", "text/plain"}}, "hello");
    });
    server.route("/ok", [](const RawHttpRequest &request, RawHttpResponder &responder) {
        responder.respond(200, "OK",
            {{"Access-Control-Allow-Origin", request.headers.combinedValue("origin").value_or("")}});
    });
    QVERIFY(server.listen());
    QnamTransport transport;
    auto send = [](MainWindow &window, const QString &url) {
        RequestInput input;
        input.url = url;
        input.origin = QStringLiteral("http://localhost:3000");
        window.composer()->setInput(input);
        QSignalSpy shown(&window, &MainWindow::exchangeShown);
        QVERIFY(window.sendCurrentRequest());
        QVERIFY(shown.wait(10000));
    };
    const QString blockedUrl = QString::fromUtf8(server.url(QStringLiteral("/no-acao")).toEncoded());
    const QString allowedUrl = QString::fromUtf8(server.url(QStringLiteral("/ok")).toEncoded());

    {
        HistoryStore history(m_path);
        ExchangeSession session(&transport);
        MainWindow window(&session, &history);
        QSignalSpy loaded(&history, &HistoryStore::loaded);
        QVERIFY(loaded.wait(5000));
        QCOMPARE(loaded.first().at(0).toInt(), 0);
        QSignalSpy saved(&history, &HistoryStore::saved);
        send(window, blockedUrl);
        send(window, allowedUrl);
        QTRY_COMPARE(saved.size(), 2);
        QCOMPARE(window.timelineModel()->rowCount(), 2);
    }
    QFile file(m_path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll().count('\n'), 2);
    file.close();

    HistoryStore history(m_path);
    ExchangeSession session(&transport);
    MainWindow window(&session, &history);
    // Attached before the first batch arrives (the load runs on the history's thread).
    QAbstractItemModelTester tester(
        window.timelineModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(window.timelineModel()->rowCount(), 0);
    QSignalSpy loaded(&history, &HistoryStore::loaded);
    QVERIFY(loaded.wait(5000));
    QCOMPARE(loaded.first().at(0).toInt(), 2);
    TimelineModel *model = window.timelineModel();
    QCOMPARE(model->rowCount(), 2);
    QCOMPARE(model->index(0, TimelineModel::UrlColumn).data().toString(), blockedUrl);
    QCOMPARE(model->index(0, TimelineModel::ExchangeColumn).data().toString(), QStringLiteral("#1"));
    QCOMPARE(model->index(0, TimelineModel::ResultColumn).data(TimelineModel::PassedRole).toBool(), false);
    QCOMPARE(model->index(1, TimelineModel::UrlColumn).data().toString(), allowedUrl);
    QCOMPARE(model->index(1, TimelineModel::StatusColumn).data().toString(), QStringLiteral("200 OK"));

    // A past exchange is explained again when selected.
    window.timeline()->selectSourceRow(0);
    QTRY_VERIFY(window.explanation()->verdictText().contains(QStringLiteral("Blocked")));
    QVERIFY2(window.explanation()->consoleText().contains(blockedUrl),
        qPrintable(window.explanation()->consoleText()));

    // New exchanges continue the numbering after the history's.
    send(window, allowedUrl);
    QCOMPARE(model->rowCount(), 3);
    QCOMPARE(model->index(2, TimelineModel::ExchangeColumn).data().toString(), QStringLiteral("#3"));

    // The filter line covers the history too.
    window.timeline()->filterEdit()->setText(QStringLiteral("blocked"));
    QCOMPARE(window.timeline()->view()->model()->rowCount(), 1);
    window.timeline()->filterEdit()->clear();

    // Clear history empties the timeline and the file.
    QSignalSpy saved(&history, &HistoryStore::saved);
    auto *clear = window.findChild<QAction *>(QStringLiteral("clearHistoryAction"));
    QVERIFY(clear);
    clear->trigger();
    // It asks first.
    QMessageBox *question = nullptr;
    QTRY_VERIFY((question = window.findChild<QMessageBox *>(QStringLiteral("clearHistoryQuestion"))) && question->isVisible());
    for (QAbstractButton *button : question->buttons()) {
        if (question->buttonRole(button) == QMessageBox::DestructiveRole)
            button->click();
    }
    QTRY_COMPARE(model->rowCount(), 0);
    QTRY_VERIFY(saved.size() >= 2); // the third exchange's append, then the clear
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), QByteArray());
}

void TestHistoryStore::aCorruptFileIsMovedAsideAndTheGoodEntriesKept()
{
    const QString base = QStringLiteral("http://127.0.0.1:8080");
    const ExchangeRecordPtr good
        = exchange(4, Verdict::Allowed, {hop(HopKind::Actual, "GET", base + u"/a", 200, 0, 2, true)});
    QVERIFY(QDir().mkpath(QFileInfo(m_path).absolutePath()));
    QFile file(m_path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(historyLine(*good) + "\n{\"id\": 5, \"verdict\": \"allowed\", \"hops\"\n");
    file.close();

    HistoryStore history(m_path);
    TimelineModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    connect(&history, &HistoryStore::batchLoaded, &model, &TimelineModel::insertHistory);
    QSignalSpy warnings(&history, &HistoryStore::warning);
    QSignalSpy loaded(&history, &HistoryStore::loaded);
    history.load();
    QVERIFY(loaded.wait(5000));
    QCOMPARE(loaded.first().at(0).toInt(), 1);
    QCOMPARE(loaded.first().at(1).toInt(), 4);
    QCOMPARE(warnings.size(), 1);
    const QString warning = warnings.first().at(0).toString();
    QVERIFY2(warning.contains(QStringLiteral("moved aside")) && warning.contains(QStringLiteral("line 2")),
        qPrintable(warning));
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.index(0, TimelineModel::UrlColumn).data().toString(), base + u"/a");

    const QStringList aside
        = QFileInfo(m_path).absoluteDir().entryList({QStringLiteral("history.jsonl.corrupt-*")});
    QCOMPARE(aside.size(), 1);
    // The good entry stays in the history file, which now reads cleanly.
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), historyLine(*good) + '\n');
}

void TestHistoryStore::aFileOfGarbageGivesAnEmptyHistoryAndAWarning()
{
    QVERIFY(QDir().mkpath(QFileInfo(m_path).absolutePath()));
    QFile file(m_path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QByteArray("\x00\xff\xfe garbage\n[1,2,3]\n", 21));
    file.close();

    HistoryStore history(m_path);
    QSignalSpy warnings(&history, &HistoryStore::warning);
    QSignalSpy batches(&history, &HistoryStore::batchLoaded);
    QSignalSpy loaded(&history, &HistoryStore::loaded);
    history.load();
    QVERIFY(loaded.wait(5000));
    QCOMPARE(loaded.first().at(0).toInt(), 0);
    QCOMPARE(batches.size(), 0);
    QCOMPARE(warnings.size(), 1);
    QVERIFY(!QFile::exists(m_path));

    // Appending starts a new, clean file.
    QSignalSpy saved(&history, &HistoryStore::saved);
    history.append(exchange(1, Verdict::Blocked, {}));
    QVERIFY(saved.wait(5000));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll().count('\n'), 1);
}

void TestHistoryStore::onlyTheNewestEntriesAreKept()
{
    const QString base = QStringLiteral("http://127.0.0.1:8080");
    {
        HistoryStore history(m_path, 3);
        QSignalSpy saved(&history, &HistoryStore::saved);
        for (int id = 1; id <= 6; ++id)
            history.append(exchange(id, Verdict::Allowed,
                {hop(HopKind::Actual, "GET", base + u"/" + QString::number(id), 200, 0, 1, true)}));
        QTRY_COMPARE(saved.size(), 6);
    }
    HistoryStore history(m_path, 3);
    QSignalSpy batches(&history, &HistoryStore::batchLoaded);
    QSignalSpy loaded(&history, &HistoryStore::loaded);
    history.load();
    QVERIFY(loaded.wait(5000));
    QCOMPARE(loaded.first().at(0).toInt(), 3);
    QCOMPARE(loaded.first().at(1).toInt(), 6);
    const auto records = batches.first().at(0).value<QList<ExchangeRecordPtr>>();
    QCOMPARE(records.size(), 3);
    QCOMPARE(records.first()->id, 4);
    QCOMPARE(records.last()->id, 6);
}

QTEST_MAIN(TestHistoryStore)
#include "tst_historystore.moc"
