// The window sends as `corscope check` does: WindowAssembly (what guimain.cpp builds) puts the window
// on the transport TransportSetup makes, so a response QNetworkAccessManager would change (an empty
// header line it drops, a closed connection it silently re-sends the request on) gets the same
// verdict in the window as on the command line, and collection runs go out on that transport too.
#include "core/preflightcache.h"
#include "net/exchangerunner.h"
#include "net/rawhttpserver.h"
#include "net/transportsetup.h"
#include "store/requestinput.h"
#include "ui/collectionbridge.h"
#include "ui/composerpanel.h"
#include "ui/mainwindow.h"
#include "ui/timelinemodel.h"
#include "windowassembly.h"

#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace corscope;

Q_DECLARE_METATYPE(corscope::Verdict)
Q_DECLARE_METATYPE(corscope::CheckId)

class TestWindowAssembly final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void theWindowJudgesLikeTheCommandLine_data();
    void theWindowJudgesLikeTheCommandLine();
    void collectionRunsGoOutOnTheWindowsTransport();

private:
    RequestInput requestTo(const QByteArray &path) const;
    ExchangeRecordPtr sendThroughWindow(const RequestInput &input);
    ExchangeResult sendLikeCheck(const RequestInput &input);

    std::unique_ptr<RawHttpServer> m_server;
    std::unique_ptr<WindowAssembly> m_assembly;
};

void TestWindowAssembly::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestWindowAssembly::init()
{
    m_server = std::make_unique<RawHttpServer>();
    // Chromium: "The 'Access-Control-Allow-Origin' header contains the invalid value ''"
    // (tests/browser scenario acao-empty-value). Through Qt the line would vanish: "missing".
    m_server->route("/empty-allow-origin", [](const RawHttpRequest &, RawHttpResponder &responder) {
        responder.write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nAccess-Control-Allow-Origin:\r\n\r\n{}");
    });
    m_server->route("/allowed", [](const RawHttpRequest &, RawHttpResponder &responder) {
        responder.respond(200, "OK", {{"Access-Control-Allow-Origin", "*"}}, "{}");
    });
    // Qt sends an idempotent request again when the server closes without answering; a browser
    // (and the raw transport) reports ERR_EMPTY_RESPONSE after one.
    m_server->route("/close", [](const RawHttpRequest &, RawHttpResponder &responder) { responder.close(); });
    QVERIFY(m_server->listen());
    m_assembly = std::make_unique<WindowAssembly>(TransportSetup{});
    m_assembly->window().show();
}

void TestWindowAssembly::cleanup()
{
    m_assembly.reset();
    m_server.reset();
}

RequestInput TestWindowAssembly::requestTo(const QByteArray &path) const
{
    RequestInput input;
    input.url = QString::fromUtf8(m_server->url(QString::fromLatin1(path)).toEncoded());
    input.origin = QStringLiteral("http://localhost:3000");
    return input;
}

ExchangeRecordPtr TestWindowAssembly::sendThroughWindow(const RequestInput &input)
{
    MainWindow &window = m_assembly->window();
    QSignalSpy shown(&window, &MainWindow::exchangeShown);
    window.composer()->setInput(input);
    if (!window.sendCurrentRequest())
        return {};
    if (!shown.wait(20000))
        return {};
    const TimelineModel *timeline = window.timelineModel();
    return timeline->exchangeAt(timeline->focusRowOfExchange(shown.constLast().at(0).toInt()));
}

ExchangeResult TestWindowAssembly::sendLikeCheck(const RequestInput &input)
{
    QStringList errors;
    const auto built = buildRequest(input, &errors);
    if (!built)
        return {};
    // What CheckCommand does: the transport from the same set-up, a fresh preflight cache.
    std::unique_ptr<CompositeTransport> transport(TransportSetup{}.create());
    PreflightCache cache;
    ExchangeRunner runner(built->request, built->profile, &cache, transport.get());
    QSignalSpy finished(&runner, &ExchangeRunner::finished);
    runner.start();
    if (!finished.wait(20000))
        return {};
    return finished.constFirst().at(0).value<ExchangeResult>();
}

void TestWindowAssembly::theWindowJudgesLikeTheCommandLine_data()
{
    QTest::addColumn<QByteArray>("path");
    QTest::addColumn<Verdict>("verdict");
    QTest::addColumn<CheckId>("check");

    QTest::newRow("an allowed GET is allowed")
        << QByteArray("/allowed") << Verdict::Allowed << CheckId::Other;
    QTest::newRow("an empty Access-Control-Allow-Origin line is an invalid value, not a missing one")
        << QByteArray("/empty-allow-origin") << Verdict::Blocked << CheckId::InvalidAllowOrigin;
    QTest::newRow("a server closing without an answer is a network error after one request")
        << QByteArray("/close") << Verdict::NetworkError << CheckId::NetworkError;
}

void TestWindowAssembly::theWindowJudgesLikeTheCommandLine()
{
    QFETCH(QByteArray, path);
    QFETCH(Verdict, verdict);
    QFETCH(CheckId, check);
    const RequestInput input = requestTo(path);

    const ExchangeRecordPtr shown = sendThroughWindow(input);
    QVERIFY(shown);
    QVERIFY(!shown->running);
    QCOMPARE(m_server->requests().size(), 1);
    QCOMPARE(shown->result.verdict, verdict);
    QCOMPARE(shown->result.failure.has_value(), verdict != Verdict::Allowed);
    if (shown->result.failure)
        QCOMPARE(shown->result.failure->check, check);

    m_server->clearRequests();
    const ExchangeResult checked = sendLikeCheck(input);
    QCOMPARE(m_server->requests().size(), 1);
    QCOMPARE(checked.verdict, shown->result.verdict);
    QCOMPARE(checked.failure.has_value(), shown->result.failure.has_value());
    if (checked.failure) {
        QCOMPARE(checked.failure->check, shown->result.failure->check);
        QCOMPARE(checked.failure->stage, shown->result.failure->stage);
        QCOMPARE(checked.failure->consoleMessage, shown->result.failure->consoleMessage);
    }
}

void TestWindowAssembly::collectionRunsGoOutOnTheWindowsTransport()
{
    const auto *bridge
        = m_assembly->window().findChild<CollectionBridge *>(QStringLiteral("collectionBridge"));
    QVERIFY(bridge);
    QCOMPARE(bridge->runTransport(), static_cast<Transport *>(m_assembly->transport()));
}

QTEST_MAIN(TestWindowAssembly)
#include "tst_windowassembly.moc"
