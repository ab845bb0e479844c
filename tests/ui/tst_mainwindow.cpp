#include "net/qnamtransport.h"
#include "net/rawhttpserver.h"
#include "ui/composerpanel.h"
#include "ui/detailspanel.h"
#include "ui/exchangelog.h"
#include "ui/exchangesession.h"
#include "ui/explanationpanel.h"
#include "ui/haranalysisactions.h"
#include "ui/headereditmodel.h"
#include "ui/headerlistmodel.h"
#include "ui/mainwindow.h"
#include "ui/timelinemodel.h"
#include "ui/timelinepanel.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QStatusBar>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QTreeView>
#include <memory>

using namespace corscope;

// Drives the real window by object name, as a person would, against a server in this process.
class TestMainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void startsWithEmptyStatesThatSayWhatToDo();
    void ctrlReturnSendsAndTheFailureIsExplained();
    void ctrlEnterOnTheKeypadSendsToo();
    void aPreflightedRequestShowsBothHopsAndTheFailingPreflight();
    void anAllowedRequestSaysWhatJavaScriptCanRead();
    void escapeCancelsAnExchangeInFlight();
    void thePreflightLineExplainsBeforeSending();
    void badInputIsExplainedAndNothingIsSent_data();
    void badInputIsExplainedAndNothingIsSent();
    void aForbiddenHeaderTypedInTheTableIsFlagged();
    void selectingAHopShowsItsHeaders();
    void theFilterLineNarrowsTheHistory();
    void rowsAppearHopByHopWhileTheExchangeRuns();
    void aHarRecordingJoinsTheTimelineWithoutSending();
    void aHarAnalysisCanBeCancelled();
    void theRequestIsCopiedAsCurl();

private:
    template <typename T>
    T *child(const QString &name) const
    {
        T *widget = m_window->findChild<T *>(name);
        if (!widget)
            qFatal("no child %s", qPrintable(name));
        return widget;
    }
    void fill(const QString &method, const QString &url, const QString &origin);
    void pressSend(Qt::Key key = Qt::Key_Return);
    // Rows appear while an exchange runs; most tests look at the finished one.
    void waitUntilIdle() { QTRY_VERIFY(!m_window->exchangeLog()->isBusy()); }

    std::unique_ptr<RawHttpServer> m_server;
    std::unique_ptr<QnamTransport> m_transport;
    std::unique_ptr<ExchangeSession> m_session;
    std::unique_ptr<MainWindow> m_window;
};

void TestMainWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestMainWindow::init()
{
    m_server = std::make_unique<RawHttpServer>();
    const HeaderList json{{"Content-Type", "application/json"}};
    m_server->route("/no-acao", [json](const RawHttpRequest &, RawHttpResponder &responder) {
        responder.respond(200, "OK", json, "{\"items\":[]}");
    });
    m_server->route("/ok", [](const RawHttpRequest &request, RawHttpResponder &responder) {
        responder.respond(200, "OK",
            {{"Content-Type", "application/json"},
                {"Access-Control-Allow-Origin", request.headers.combinedValue("origin").value_or("")},
                {"Access-Control-Expose-Headers", "X-Total"}, {"X-Total", "3"}, {"Vary", "Origin"}},
            "{\"total\":3}");
    });
    m_server->route("/preflight-401", [](const RawHttpRequest &request, RawHttpResponder &responder) {
        if (request.method == "OPTIONS")
            responder.respond(401, "Unauthorized", {{"WWW-Authenticate", "Bearer"}});
        else
            responder.respond(200, "OK", {{"Access-Control-Allow-Origin", "http://localhost:3000"}});
    });
    m_server->route("/slow-put", [](const RawHttpRequest &request, RawHttpResponder &responder) {
        if (request.method == "OPTIONS") {
            responder.respond(204, "No Content",
                {{"Access-Control-Allow-Origin", "http://localhost:3000"},
                    {"Access-Control-Allow-Methods", "PUT"}});
            return;
        }
        responder.after(700, [](RawHttpResponder &later) {
            later.respond(200, "OK", {{"Access-Control-Allow-Origin", "http://localhost:3000"}});
        });
    });
    m_server->route("/hang", [](const RawHttpRequest &, RawHttpResponder &) {});
    QVERIFY(m_server->listen());

    m_transport = std::make_unique<QnamTransport>();
    m_session = std::make_unique<ExchangeSession>(m_transport.get());
    m_window = std::make_unique<MainWindow>(m_session.get());
    m_window->show();
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
}

void TestMainWindow::cleanup()
{
    m_window.reset();
    m_session.reset();
    m_transport.reset();
    m_server.reset();
}

void TestMainWindow::fill(const QString &method, const QString &url, const QString &origin)
{
    auto *methodCombo = child<QComboBox>(QStringLiteral("methodCombo"));
    methodCombo->lineEdit()->clear();
    QTest::keyClicks(methodCombo->lineEdit(), method);
    auto *urlEdit = child<QLineEdit>(QStringLiteral("urlEdit"));
    urlEdit->clear();
    QTest::keyClicks(urlEdit, url);
    auto *originCombo = child<QComboBox>(QStringLiteral("originCombo"));
    originCombo->lineEdit()->clear();
    QTest::keyClicks(originCombo->lineEdit(), origin);
}

void TestMainWindow::pressSend(Qt::Key key)
{
    auto *urlEdit = child<QLineEdit>(QStringLiteral("urlEdit"));
    urlEdit->setFocus();
    QTest::keyClick(
        urlEdit, key, key == Qt::Key_Enter ? Qt::ControlModifier | Qt::KeypadModifier : Qt::ControlModifier);
}

void TestMainWindow::startsWithEmptyStatesThatSayWhatToDo()
{
    QVERIFY(child<QLabel>(QStringLiteral("timelineEmptyState"))->isVisible());
    QVERIFY(
        child<QLabel>(QStringLiteral("timelineEmptyState"))->text().contains(QStringLiteral("Ctrl+Enter")));
    QVERIFY(child<QLabel>(QStringLiteral("explanationEmptyState"))->isVisible());
    QVERIFY(child<QLabel>(QStringLiteral("detailsEmptyState"))->isVisible());
    QVERIFY(
        child<QLabel>(QStringLiteral("preflightLabel"))->text().contains(QStringLiteral("Enter the URL")));
    QVERIFY(m_window->width() >= 1200 && m_window->height() >= 760);
}

void TestMainWindow::ctrlReturnSendsAndTheFailureIsExplained()
{
    const QString url = QString::fromUtf8(m_server->url(QStringLiteral("/no-acao")).toEncoded());
    fill(QStringLiteral("GET"), url, QStringLiteral("http://localhost:3000"));
    pressSend();
    waitUntilIdle();

    TimelineModel *model = m_window->timelineModel();
    QTRY_COMPARE(model->rowCount(), 1);
    QCOMPARE(model->index(0, TimelineModel::UrlColumn).data().toString(), url);
    QCOMPARE(model->index(0, TimelineModel::StatusColumn).data().toString(), QStringLiteral("200 OK"));
    QCOMPARE(model->index(0, TimelineModel::ResultColumn).data(TimelineModel::PassedRole).toBool(), false);
    QCOMPARE(m_server->requests().size(), 1);
    QCOMPARE(
        m_server->requests().first().headers.combinedValue("origin"), QByteArray("http://localhost:3000"));

    ExplanationPanel *explanation = m_window->explanation();
    QTRY_VERIFY(explanation->verdictText().contains(QStringLiteral("Blocked")));
    QVERIFY2(explanation->explanationText().contains(QStringLiteral("Access-Control-Allow-Origin")),
        qPrintable(explanation->explanationText()));
    QVERIFY2(explanation->consoleText().startsWith(
                 u"Access to fetch at '" + url + u"' from origin 'http://localhost:3000'"),
        qPrintable(explanation->consoleText()));
    QVERIFY(child<QLabel>(QStringLiteral("checkHeaderLabel"))
                ->text()
                .contains(QStringLiteral("Access-Control-Allow-Origin")));
    QVERIFY(!child<QLabel>(QStringLiteral("fixLabel"))->text().isEmpty());
    // The fix is written for the chosen stack, from this request's origin.
    auto *stack = child<QComboBox>(QStringLiteral("stackCombo"));
    stack->setCurrentIndex(stack->findData(QStringLiteral("express")));
    QVERIFY2(explanation->fixText().contains(QStringLiteral("http://localhost:3000")),
        qPrintable(explanation->fixText()));
    stack->setCurrentIndex(stack->findData(QStringLiteral("nginx")));
    QVERIFY2(explanation->fixText().contains(QStringLiteral("add_header Access-Control-Allow-Origin")),
        qPrintable(explanation->fixText()));
    QVERIFY(
        child<QLabel>(QStringLiteral("readableHeadersLabel"))->text().startsWith(QStringLiteral("Nothing")));
    QVERIFY(!child<QProgressBar>(QStringLiteral("busyIndicator"))->isVisible());
}

void TestMainWindow::ctrlEnterOnTheKeypadSendsToo()
{
    fill(QStringLiteral("GET"), QString::fromUtf8(m_server->url(QStringLiteral("/ok")).toEncoded()),
        QStringLiteral("http://localhost:3000"));
    pressSend(Qt::Key_Enter);
    waitUntilIdle();
    QTRY_COMPARE(m_window->timelineModel()->rowCount(), 1);
}

void TestMainWindow::aPreflightedRequestShowsBothHopsAndTheFailingPreflight()
{
    fill(QStringLiteral("PUT"),
        QString::fromUtf8(m_server->url(QStringLiteral("/preflight-401")).toEncoded()),
        QStringLiteral("http://localhost:3000"));
    m_window->composer()->headerModel()->setEntries(
        {{QStringLiteral("Authorization"), QStringLiteral("Bearer t"), true}});
    pressSend();
    waitUntilIdle();

    TimelineModel *model = m_window->timelineModel();
    QTRY_COMPARE(model->rowCount(), 1);
    QCOMPARE(model->index(0, TimelineModel::KindColumn).data().toString(), QStringLiteral("Preflight"));
    QCOMPARE(model->index(0, TimelineModel::MethodColumn).data().toString(), QStringLiteral("OPTIONS"));
    QCOMPARE(
        model->index(0, TimelineModel::StatusColumn).data().toString(), QStringLiteral("401 Unauthorized"));
    QTRY_VERIFY(m_window->explanation()->verdictText().contains(QStringLiteral("Blocked")));
    QVERIFY(
        child<QLabel>(QStringLiteral("checkResponseLabel"))->text().contains(QStringLiteral("preflight")));
    QVERIFY(child<QLabel>(QStringLiteral("checkResponseLabel"))->text().contains(QStringLiteral("401")));
    QVERIFY2(m_window->explanation()->consoleText().contains(QStringLiteral("preflight")),
        qPrintable(m_window->explanation()->consoleText()));
    // The server never saw the PUT.
    QCOMPARE(m_server->requests().size(), 1);
}

void TestMainWindow::anAllowedRequestSaysWhatJavaScriptCanRead()
{
    fill(QStringLiteral("GET"), QString::fromUtf8(m_server->url(QStringLiteral("/ok")).toEncoded()),
        QStringLiteral("http://localhost:3000"));
    pressSend();
    waitUntilIdle();
    QTRY_VERIFY(m_window->explanation()->verdictText().contains(QStringLiteral("Allowed")));
    const QString readable = child<QLabel>(QStringLiteral("readableHeadersLabel"))->text();
    QVERIFY2(
        readable.contains(QStringLiteral("x-total")) && readable.contains(QStringLiteral("content-type")),
        qPrintable(readable));
    QVERIFY(!child<QWidget>(QStringLiteral("consoleMessage"))->isVisible());
}

void TestMainWindow::escapeCancelsAnExchangeInFlight()
{
    fill(QStringLiteral("GET"), QString::fromUtf8(m_server->url(QStringLiteral("/hang")).toEncoded()),
        QStringLiteral("http://localhost:3000"));
    pressSend();
    auto *busy = child<QProgressBar>(QStringLiteral("busyIndicator"));
    QTRY_VERIFY(busy->isVisible());
    QTRY_COMPARE(m_server->requests().size(), 1);
    QVERIFY(child<QPushButton>(QStringLiteral("cancelButton"))->isEnabled());
    // The window stays responsive while the exchange is in flight.
    QTest::keyClicks(child<QLineEdit>(QStringLiteral("timelineFilter")), QStringLiteral("x"));
    QCOMPARE(child<QLineEdit>(QStringLiteral("timelineFilter"))->text(), QStringLiteral("x"));
    child<QLineEdit>(QStringLiteral("timelineFilter"))->clear();

    QTest::keyClick(child<QLineEdit>(QStringLiteral("urlEdit")), Qt::Key_Escape);
    QTRY_VERIFY(!busy->isVisible());
    TimelineModel *model = m_window->timelineModel();
    QTRY_COMPARE(model->rowCount(), 1);
    QCOMPARE(model->index(0, TimelineModel::StatusColumn).data().toString(), QStringLiteral("Cancelled"));
    // Shown as the person's cancel, with no advice for the server.
    QTRY_VERIFY(m_window->explanation()->verdictText().contains(QStringLiteral("Cancelled")));
    QVERIFY(m_window->explanation()->fixText().isEmpty());
    QVERIFY(!child<QPushButton>(QStringLiteral("cancelButton"))->isEnabled());
}

void TestMainWindow::thePreflightLineExplainsBeforeSending()
{
    auto *preflight = child<QLabel>(QStringLiteral("preflightLabel"));
    fill(QStringLiteral("GET"), QStringLiteral("http://127.0.0.1:9/items"),
        QStringLiteral("http://localhost:3000"));
    QTRY_VERIFY2(preflight->text().startsWith(QStringLiteral("No preflight")), qPrintable(preflight->text()));

    m_window->composer()->headerModel()->setEntries(
        {{QStringLiteral("Content-Type"), QStringLiteral("application/json"), true}});
    QTRY_VERIFY2(
        preflight->text().startsWith(QStringLiteral("Preflight needed")), qPrintable(preflight->text()));
    QVERIFY2(preflight->text().contains(QStringLiteral("application/json")), qPrintable(preflight->text()));

    fill(QStringLiteral("PUT"), QStringLiteral("http://localhost:3000/items"),
        QStringLiteral("http://localhost:3000"));
    QTRY_VERIFY2(preflight->text().startsWith(QStringLiteral("Same-origin")), qPrintable(preflight->text()));
    QCOMPARE(m_server->requests().size(), 0);
}

void TestMainWindow::badInputIsExplainedAndNothingIsSent_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("origin");
    QTest::addColumn<QString>("header");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("expected");
    const QString good = QStringLiteral("http://127.0.0.1:9/x");
    const QString page = QStringLiteral("http://localhost:3000");
    QTest::newRow("a URL without a scheme is not sent")
        << QStringLiteral("127.0.0.1:9/x") << page << QString() << QString() << QStringLiteral("URL");
    QTest::newRow("an ftp URL is not sent") << QStringLiteral("ftp://127.0.0.1/x") << page << QString()
                                            << QString() << QStringLiteral("not an http or https URL");
    QTest::newRow("an origin with a path is not sent") << good << QStringLiteral("http://localhost:3000/app")
                                                       << QString() << QString() << QStringLiteral("path");
    QTest::newRow("CR LF in a header value is not sent")
        << good << page << QStringLiteral("X-Trace-Id") << QStringLiteral("1\r\nX-Evil: 1")
        << QStringLiteral("line break");
    QTest::newRow("a forbidden header is not sent")
        << good << page << QStringLiteral("Cookie") << QStringLiteral("a=1")
        << QStringLiteral("forbidden request header");
}

void TestMainWindow::badInputIsExplainedAndNothingIsSent()
{
    QFETCH(QString, url);
    QFETCH(QString, origin);
    QFETCH(QString, header);
    QFETCH(QString, value);
    QFETCH(QString, expected);
    fill(QStringLiteral("GET"), url, origin);
    if (!header.isEmpty())
        m_window->composer()->headerModel()->setEntries({{header, value, true}});
    pressSend();
    waitUntilIdle();
    auto *problems = child<QLabel>(QStringLiteral("problemsLabel"));
    QTRY_VERIFY(problems->isVisible());
    QVERIFY2(problems->text().contains(expected, Qt::CaseInsensitive), qPrintable(problems->text()));
    QVERIFY(child<QLabel>(QStringLiteral("statusLabel"))->text().startsWith(QStringLiteral("Not sent")));
    QTest::qWait(50);
    QCOMPARE(m_window->timelineModel()->rowCount(), 0);
    QVERIFY(!child<QProgressBar>(QStringLiteral("busyIndicator"))->isVisible());
}

void TestMainWindow::aForbiddenHeaderTypedInTheTableIsFlagged()
{
    QTest::mouseClick(child<QToolButton>(QStringLiteral("addHeaderButton")), Qt::LeftButton);
    QTRY_VERIFY(
        QApplication::focusWidget() && QApplication::focusWidget()->objectName() == u"headerNameEditor");
    QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("Cookie"));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    HeaderEditModel *headers = m_window->composer()->headerModel();
    QTRY_COMPARE(headers->index(0, HeaderEditModel::NameColumn).data().toString(), QStringLiteral("Cookie"));
    QTRY_VERIFY(headers->problemAt(0).contains(QStringLiteral("forbidden")));
    QVERIFY(!headers->index(0, HeaderEditModel::NameColumn).data(Qt::DecorationRole).isNull());
}

void TestMainWindow::selectingAHopShowsItsHeaders()
{
    fill(QStringLiteral("PUT"),
        QString::fromUtf8(m_server->url(QStringLiteral("/preflight-401")).toEncoded()),
        QStringLiteral("http://localhost:3000"));
    m_window->composer()->headerModel()->setEntries(
        {{QStringLiteral("X-Trace-Id"), QStringLiteral("7"), true}});
    pressSend();
    waitUntilIdle();
    QTRY_COMPARE(m_window->timelineModel()->rowCount(), 1);
    DetailsPanel *details = m_window->details();
    QTRY_COMPARE(details->requestHeaders()->headers().combinedValue("access-control-request-method"),
        QByteArray("PUT"));
    QCOMPARE(details->requestHeaders()->headers().combinedValue("access-control-request-headers"),
        QByteArray("x-trace-id"));
    QCOMPARE(details->responseHeaders()->headers().combinedValue("www-authenticate"), QByteArray("Bearer"));

    fill(QStringLiteral("GET"), QString::fromUtf8(m_server->url(QStringLiteral("/ok")).toEncoded()),
        QStringLiteral("http://localhost:3000"));
    m_window->composer()->headerModel()->setEntries({});
    pressSend();
    waitUntilIdle();
    QTRY_COMPARE(m_window->timelineModel()->rowCount(), 2);
    QTRY_VERIFY(details->bodyText().contains(QStringLiteral("\"total\": 3")));

    // Back to the first exchange with the keyboard.
    QTreeView *view = m_window->timeline()->view();
    view->setFocus();
    QTest::keyClick(view, Qt::Key_Up);
    QTRY_VERIFY(m_window->explanation()->verdictText().contains(QStringLiteral("Blocked")));
    QCOMPARE(details->responseHeaders()->headers().combinedValue("www-authenticate"), QByteArray("Bearer"));
}

void TestMainWindow::theFilterLineNarrowsTheHistory()
{
    for (const QString &path : {QStringLiteral("/ok"), QStringLiteral("/no-acao"), QStringLiteral("/ok")}) {
        fill(QStringLiteral("GET"), QString::fromUtf8(m_server->url(path).toEncoded()),
            QStringLiteral("http://localhost:3000"));
        const int before = m_window->timelineModel()->rowCount();
        pressSend();
        waitUntilIdle();
        QTRY_COMPARE(m_window->timelineModel()->rowCount(), before + 1);
    }
    auto *filter = child<QLineEdit>(QStringLiteral("timelineFilter"));
    QTest::keyClick(m_window.get(), Qt::Key_F, Qt::ControlModifier);
    QTRY_VERIFY(filter->hasFocus());
    QTest::keyClicks(filter, QStringLiteral("blocked"));
    QTreeView *view = m_window->timeline()->view();
    QCOMPARE(view->model()->rowCount(), 1);
    QVERIFY(view->model()
                ->index(0, TimelineModel::UrlColumn)
                .data()
                .toString()
                .endsWith(QStringLiteral("/no-acao")));
    QVERIFY(child<QLabel>(QStringLiteral("timelineCount"))->text().contains(QStringLiteral("1 of 3")));
}

void TestMainWindow::rowsAppearHopByHopWhileTheExchangeRuns()
{
    fill(QStringLiteral("PUT"), QString::fromUtf8(m_server->url(QStringLiteral("/slow-put")).toEncoded()),
        QStringLiteral("http://localhost:3000"));
    TimelineModel *model = m_window->timelineModel();
    QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    pressSend();
    // At once: the in-flight row. Then the preflight's row, with the actual request in flight after it.
    QCOMPARE(model->rowCount(), 1);
    QVERIFY(model->index(0, 0).data(TimelineModel::RunningRole).toBool());
    QTRY_COMPARE(model->rowCount(), 2);
    QCOMPARE(model->index(0, TimelineModel::KindColumn).data().toString(), QStringLiteral("Preflight"));
    QCOMPARE(
        model->index(0, TimelineModel::StatusColumn).data().toString(), QStringLiteral("204 No Content"));
    QVERIFY(model->index(1, 0).data(TimelineModel::RunningRole).toBool());
    QCOMPARE(model->index(1, TimelineModel::KindColumn).data().toString(), QStringLiteral("Sending…"));
    // The running row shows its progress.
    QTRY_VERIFY(model->index(1, 0).data(TimelineModel::TotalMsRole).toDouble() >= 200);
    QVERIFY(!model->index(1, TimelineModel::DurationColumn).data().toString().isEmpty());
    // Done: the same two rows, now the preflight and the PUT, and the verdict is explained.
    QTRY_VERIFY(!model->index(1, 0).data(TimelineModel::RunningRole).toBool());
    QCOMPARE(model->rowCount(), 2);
    QCOMPARE(model->index(1, TimelineModel::MethodColumn).data().toString(), QStringLiteral("PUT"));
    QCOMPARE(model->index(1, TimelineModel::StatusColumn).data().toString(), QStringLiteral("200 OK"));
    QVERIFY(model->index(1, 0).data(TimelineModel::TotalMsRole).toDouble() >= 600);
    QTRY_VERIFY(m_window->explanation()->verdictText().contains(QStringLiteral("Allowed")));
}

void TestMainWindow::aHarRecordingJoinsTheTimelineWithoutSending()
{
    auto *actions = m_window->findChild<HarAnalysisActions *>(QStringLiteral("harAnalysisActions"));
    QVERIFY(actions);
    QVERIFY(m_window->findChild<QAction *>(QStringLiteral("analyzeHarAction")));
    QSignalSpy finished(actions, &HarAnalysisActions::analysisFinished);

    // Recorded by Chromium: seven cross-origin fetches, four of them refused.
    actions->analyzeFile(QStringLiteral(DATA_DIR "/chromium-recorded.har"));
    QTRY_COMPARE(finished.size(), 1);
    QCOMPARE(finished.first().first().toInt(), 7);
    QCOMPARE(m_window->timelineModel()->exchangeCount(), 7);
    QVERIFY(m_server->requests().isEmpty());
    // The first refused one is shown, saying where it was recorded.
    ExplanationPanel *explanation = m_window->explanation();
    QTRY_VERIFY(explanation->verdictText().contains(QStringLiteral("Blocked")));
    const QString subtitle = child<QLabel>(QStringLiteral("verdictSubtitle"))->text();
    QVERIFY2(subtitle.contains(u"Recorded in chromium-recorded.har, entry 3."), qPrintable(subtitle));
    QVERIFY2(m_window->statusBar()->currentMessage().contains(u"7 cross-origin request(s)"),
        qPrintable(m_window->statusBar()->currentMessage()));

    // A file that is no HAR: said in the status bar, the timeline untouched.
    actions->analyzeFile(QStringLiteral(DATA_DIR "/chrome-bash.txt"));
    QTRY_COMPARE(finished.size(), 2);
    QCOMPARE(finished.last().first().toInt(), 0);
    QCOMPARE(m_window->timelineModel()->exchangeCount(), 7);
    QVERIFY2(m_window->statusBar()->currentMessage().startsWith(u"Cannot analyze chrome-bash.txt as a HAR recording: "),
        qPrintable(m_window->statusBar()->currentMessage()));
}

void TestMainWindow::aHarAnalysisCanBeCancelled()
{
    // The Chromium recording's entries, repeated into a HAR of some megabytes, so that the worker
    // is still reading or parsing when Cancel is clicked.
    QFile recording(QStringLiteral(DATA_DIR "/chromium-recorded.har"));
    QVERIFY(recording.open(QIODevice::ReadOnly));
    QJsonObject har = QJsonDocument::fromJson(recording.readAll()).object();
    QJsonObject log = har.value(u"log").toObject();
    const QJsonArray recorded = log.value(u"entries").toArray();
    QJsonArray entries;
    for (int copy = 0; copy < 1000; ++copy) {
        for (const QJsonValue &entry : recorded)
            entries.append(entry);
    }
    log.insert(u"entries", entries);
    har.insert(u"log", log);
    QTemporaryDir dir;
    QFile big(dir.filePath(QStringLiteral("big.har")));
    QVERIFY(big.open(QIODevice::WriteOnly));
    QVERIFY(big.write(QJsonDocument(har).toJson()) > 10'000'000);
    big.close();

    auto *actions = m_window->findChild<HarAnalysisActions *>(QStringLiteral("harAnalysisActions"));
    auto *progress = child<QProgressBar>(QStringLiteral("harAnalysisProgress"));
    auto *cancel = child<QToolButton>(QStringLiteral("cancelHarAnalysisButton"));
    QVERIFY(!progress->isVisible());
    QVERIFY(!cancel->isVisible());
    QSignalSpy finished(actions, &HarAnalysisActions::analysisFinished);

    actions->analyzeFile(big.fileName());
    QVERIFY(progress->isVisible());
    QVERIFY(cancel->isVisible());
    QTest::mouseClick(cancel, Qt::LeftButton);
    QTRY_COMPARE(finished.size(), 1);
    QCOMPARE(finished.first().first().toInt(), 0);
    QCOMPARE(m_window->timelineModel()->exchangeCount(), 0);
    QVERIFY2(m_window->statusBar()->currentMessage() == u"Analysis of big.har cancelled; the timeline is unchanged.",
        qPrintable(m_window->statusBar()->currentMessage()));
    QVERIFY(!progress->isVisible());
    QVERIFY(!cancel->isVisible());

    // Not cancelled, the same file fills the timeline, and the bar goes away at the end.
    actions->analyzeFile(big.fileName());
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, 30000);
    QCOMPARE(finished.last().first().toInt(), 1000 * 7);
    QCOMPARE(m_window->timelineModel()->exchangeCount(), 1000 * 7);
    QVERIFY(!progress->isVisible());
}

void TestMainWindow::theRequestIsCopiedAsCurl()
{
    auto *copy = m_window->findChild<QAction *>(QStringLiteral("copyAsCurlAction"));
    QVERIFY(copy);
    QGuiApplication::clipboard()->clear();
    fill(QStringLiteral("PUT"), QStringLiteral("http://127.0.0.1:9/items?id=1"), QStringLiteral("http://localhost:3000"));
    m_window->composer()->headerModel()->setEntries(
        {{QStringLiteral("Content-Type"), QStringLiteral("application/json"), true},
            {QStringLiteral("X-Trace"), QStringLiteral("it's 1"), true}});
    copy->trigger();
    const QString curl = QGuiApplication::clipboard()->text();
    // The preflight as the browser builds it, then the request with the page's Origin.
    QVERIFY2(curl.contains(u"curl -i -X OPTIONS 'http://127.0.0.1:9/items?id=1'"), qPrintable(curl));
    QVERIFY2(curl.contains(u"-H 'Access-Control-Request-Method: PUT'"), qPrintable(curl));
    QVERIFY2(curl.contains(u"-H 'Access-Control-Request-Headers: content-type,x-trace'"), qPrintable(curl));
    QVERIFY2(curl.contains(u"curl -i -X PUT 'http://127.0.0.1:9/items?id=1' \\\n  -H 'Origin: http://localhost:3000'"),
        qPrintable(curl));
    QVERIFY2(curl.contains(u"-H 'X-Trace: it'\\''s 1'"), qPrintable(curl));
    QVERIFY(child<QLabel>(QStringLiteral("statusLabel"))->text().contains(u"the preflight, then the request"));

    // A request that cannot be built copies nothing and says why.
    QGuiApplication::clipboard()->setText(QStringLiteral("unchanged"));
    fill(QStringLiteral("GET"), QStringLiteral("not a url"), QStringLiteral("http://localhost:3000"));
    QVERIFY(!m_window->copyCurrentRequestAsCurl());
    QCOMPARE(QGuiApplication::clipboard()->text(), QStringLiteral("unchanged"));
    QVERIFY(child<QLabel>(QStringLiteral("statusLabel"))->text().startsWith(u"Not copied: "));
    QCOMPARE(m_server->requests().size(), 0);
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
