// The explanation panel alone (offscreen, by object name): inline code, scrolling to the verdict,
// what fits at 1280×800, copy feedback, a cancelled request, long URLs and a dark palette.
#include "ui/detailspanel.h"
#include "ui/explanationpanel.h"
#include "uitestdata.h"

#include <QApplication>
#include <QClipboard>
#include <QLabel>
#include <QScrollArea>
#include <QScrollBar>
#include <QSplitter>
#include <QStyleFactory>
#include <QTest>
#include <QToolButton>

using namespace corscope;
using namespace corscope::testdata;

class TestExplanationPanel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void explanationsShowCodeNotBackticks();
    void aNewResultScrollsToItsVerdict();
    void theVerdictCheckAndFixFitAt1280x800();
    void copyButtonsSaySoWhenTheyCopied();
    void aCancelledRequestIsNoServerProblem();
    void aLongUrlDoesNotSqueezeThePanel();
    void labelsFollowADarkPalette();

private:
    template <typename T>
    T *child(const QString &name) const
    {
        T *widget = m_panel->findChild<T *>(name);
        if (!widget)
            qFatal("no child %s", qPrintable(name));
        return widget;
    }
    // Blocked for a missing Access-Control-Allow-Origin, with findings as long as the engine's.
    static ExchangeRecordPtr blocked(
        int id, const QString &url = QStringLiteral("http://127.0.0.1:8080/api/items"));
    bool isInViewport(QWidget *widget, int height) const;

    ExplanationPanel *m_panel = nullptr;
};

ExchangeRecordPtr TestExplanationPanel::blocked(int id, const QString &url)
{
    auto record = std::make_shared<ExchangeRecord>(
        *exchange(id, Verdict::Blocked, {hop(HopKind::Actual, "PUT", url, 200, 0, 4, false)}));
    record->result.crossOrigin = true;
    Finding finding;
    finding.check = CheckId::MissingAllowOrigin;
    finding.status = 200;
    finding.header = "Access-Control-Allow-Origin";
    finding.seen = QStringLiteral("(absent)");
    finding.needed = QStringLiteral("`*` or http://localhost:3000");
    finding.explanation = QStringLiteral(
        "The response has no Access-Control-Allow-Origin header, so the browser does not let the page at "
        "http://localhost:3000 read it. The request carried `x-trace`, which the server must allow too. "
        "Note: "
        "the PUT request did reach the server and ran there; only reading the response was blocked.");
    finding.consoleMessage = u"Access to fetch at '" + url
        + u"' from origin 'http://localhost:3000' has been blocked by CORS policy: No "
          u"'Access-Control-Allow-Origin' header is present on the requested resource. If an opaque response "
          u"serves your needs, set the request's mode to 'no-cors' to fetch the resource with CORS disabled.";
    finding.fix
        = QStringLiteral("Send `Access-Control-Allow-Origin: http://localhost:3000` on every response, "
                         "with `Vary: Origin`.");
    record->result.failure = finding;
    record->result.preflightNeeded = true;
    record->result.preflightReasons.append({PreflightReason::Kind::UnsafeMethod, "PUT", {}, 0, {}});
    for (int i = 0; i < 3; ++i)
        record->result.warnings.append({QStringLiteral("w"), QStringLiteral("A warning about `Vary`."), {}});
    return record;
}

void TestExplanationPanel::initTestCase()
{
    QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
}

void TestExplanationPanel::init()
{
    m_panel = new ExplanationPanel;
    // Fixed text instead of the engine's snippets, so the test is about the panel.
    m_panel->setFixGenerator({{QStringLiteral("express"), QStringLiteral("Express")}},
        [](const QString &, const ExchangeRecord &) {
            return QStringLiteral(
                "app.use(cors({ origin: 'http://localhost:3000' }));\n// line 2\n// line 3");
        });
}

void TestExplanationPanel::cleanup()
{
    delete m_panel;
}

bool TestExplanationPanel::isInViewport(QWidget *widget, int height) const
{
    QWidget *viewport = child<QScrollArea>(QStringLiteral("explanationScroll"))->viewport();
    const QPoint top = widget->mapTo(viewport, QPoint(0, 0));
    return widget->isVisible() && top.y() >= 0 && top.y() + height <= viewport->height();
}

void TestExplanationPanel::explanationsShowCodeNotBackticks()
{
    m_panel->setExchange(blocked(1));
    for (const QString &name :
        {QStringLiteral("explanationLabel"), QStringLiteral("fixLabel"), QStringLiteral("checkNeededLabel"),
            QStringLiteral("warningsLabel"), QStringLiteral("preflightReasonsLabel")}) {
        auto *label = child<QLabel>(name);
        QCOMPARE(label->textFormat(), Qt::RichText);
        QVERIFY2(!label->text().contains(u'`'), qPrintable(name + u": " + label->text()));
        QVERIFY2(label->text().contains(QStringLiteral("<code>")), qPrintable(name + u": " + label->text()));
    }
    QVERIFY(child<QLabel>(QStringLiteral("explanationLabel"))
                ->text()
                .contains(QStringLiteral("<code>x-trace</code>")));
    // What the engine wrote stays available as text (with its backticks) for copying and tests.
    QVERIFY(m_panel->explanationText().contains(QStringLiteral("`x-trace`")));
}

void TestExplanationPanel::aNewResultScrollsToItsVerdict()
{
    m_panel->resize(380, 240);
    m_panel->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_panel));
    m_panel->setExchange(blocked(1));
    QScrollBar *bar = child<QScrollArea>(QStringLiteral("explanationScroll"))->verticalScrollBar();
    QTRY_VERIFY(bar->maximum() > 0);
    bar->setValue(bar->maximum());
    QVERIFY(!isInViewport(child<QLabel>(QStringLiteral("verdictBanner")), 10));
    m_panel->setExchange(blocked(2));
    QCOMPARE(bar->value(), 0);
    QVERIFY(isInViewport(child<QLabel>(QStringLiteral("verdictBanner")), 10));
}

void TestExplanationPanel::theVerdictCheckAndFixFitAt1280x800()
{
    // The size the explanation gets in the default layout at 1280×800 (the bottom left of the
    // window, under the timeline).
    m_panel->resize(395, 455);
    m_panel->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_panel));
    m_panel->setExchange(blocked(1));
    const int line = m_panel->fontMetrics().height();
    QTRY_VERIFY(isInViewport(child<QLabel>(QStringLiteral("verdictBanner")), line));
    QVERIFY(isInViewport(child<QLabel>(QStringLiteral("checkNameLabel")), line));
    QVERIFY(isInViewport(child<QLabel>(QStringLiteral("checkHeaderLabel")), line));
    QVERIFY2(isInViewport(child<QLabel>(QStringLiteral("fixLabel")), line),
        qPrintable(QString::number(
            child<QLabel>(QStringLiteral("fixLabel"))
                ->mapTo(child<QScrollArea>(QStringLiteral("explanationScroll"))->viewport(), QPoint())
                .y())));
}

void TestExplanationPanel::copyButtonsSaySoWhenTheyCopied()
{
    m_panel->show();
    m_panel->setExchange(blocked(1));
    auto *copyFix = child<QToolButton>(QStringLiteral("copyFixButton"));
    const QString before = copyFix->text();
    QTest::mouseClick(copyFix, Qt::LeftButton);
    QVERIFY2(copyFix->text() != before, qPrintable(copyFix->text()));
    QVERIFY(copyFix->text().startsWith(QStringLiteral("Copied")));
    QVERIFY(QGuiApplication::clipboard()->text().startsWith(QStringLiteral("app.use(cors(")));
    auto *copyConsole = child<QToolButton>(QStringLiteral("copyConsoleButton"));
    QTest::mouseClick(copyConsole, Qt::LeftButton);
    QVERIFY(copyConsole->text().startsWith(QStringLiteral("Copied")));
    QVERIFY(QGuiApplication::clipboard()->text().startsWith(QStringLiteral("Access to fetch at")));
    // It says "Copy" again by itself.
    QTRY_COMPARE(copyConsole->text(), before);
}

void TestExplanationPanel::aCancelledRequestIsNoServerProblem()
{
    m_panel->show();
    Hop aborted = hop(HopKind::Actual, "GET", QStringLiteral("http://127.0.0.1:8080/hang"), 0, 0, 700, false);
    aborted.response.reset();
    aborted.networkError = QStringLiteral("net::ERR_ABORTED");
    aborted.networkErrorDetail = QStringLiteral("The exchange was cancelled.");
    auto record = std::make_shared<ExchangeRecord>(*exchange(5, Verdict::NetworkError, {aborted}));
    Finding finding;
    finding.check = CheckId::NetworkError;
    finding.seen = QStringLiteral("The exchange was cancelled.");
    finding.explanation = QStringLiteral("The exchange was cancelled. The browser reports a network error.");
    finding.consoleMessage = QStringLiteral("GET http://127.0.0.1:8080/hang net::ERR_ABORTED");
    finding.fix = QStringLiteral("Check that the server is running, reachable at this URL.");
    record->result.failure = finding;
    m_panel->setExchange(record);
    QVERIFY2(
        m_panel->verdictText().contains(QStringLiteral("Cancelled")), qPrintable(m_panel->verdictText()));
    QVERIFY2(m_panel->explanationText().contains(QStringLiteral("You cancelled")),
        qPrintable(m_panel->explanationText()));
    QVERIFY(!child<QLabel>(QStringLiteral("fixLabel"))->isVisible());
    QVERIFY(!child<QWidget>(QStringLiteral("fixSnippet"))->isVisible());
    QVERIFY(!child<QWidget>(QStringLiteral("consoleMessage"))->isVisible());
    QVERIFY(!child<QLabel>(QStringLiteral("checkNameLabel"))->isVisible());
    QVERIFY(m_panel->fixText().isEmpty());

    // Not cancelled: the same network error from a server that is down keeps its advice.
    auto down = std::make_shared<ExchangeRecord>(*record);
    down->id = 6;
    down->result.hops.first().networkError = QStringLiteral("net::ERR_CONNECTION_REFUSED");
    m_panel->setExchange(down);
    QVERIFY(m_panel->verdictText().contains(QStringLiteral("Network error")));
    QVERIFY(child<QLabel>(QStringLiteral("fixLabel"))->isVisible());
}

void TestExplanationPanel::aLongUrlDoesNotSqueezeThePanel()
{
    // The explanation and details side by side, as in the window.
    QSplitter splitter;
    auto *explanation = m_panel;
    m_panel = nullptr;
    splitter.addWidget(explanation);
    auto *details = new DetailsPanel;
    splitter.addWidget(details);
    splitter.resize(700, 450);
    splitter.setSizes({400, 300});
    splitter.show();
    QVERIFY(QTest::qWaitForWindowExposed(&splitter));
    const int width = explanation->width();

    const QString longUrl = u"http://127.0.0.1:8080/search?q=" + QString(2000, u'x');
    const ExchangeRecordPtr record = blocked(1, longUrl);
    explanation->setExchange(record);
    details->setHop(record, 0);
    QCoreApplication::sendPostedEvents(); // the layout requests the new texts made
    QCOMPARE(explanation->width(), width);
    QVERIFY2(explanation->minimumSizeHint().width() < 300,
        qPrintable(QString::number(explanation->minimumSizeHint().width())));
    QVERIFY2(details->minimumSizeHint().width() < 300,
        qPrintable(QString::number(details->minimumSizeHint().width())));
    // The URL is shortened in the middle for reading and whole in the tooltip.
    auto *subtitle = explanation->findChild<QLabel *>(QStringLiteral("verdictSubtitle"));
    QVERIFY(subtitle->text().size() < 400);
    QVERIFY(subtitle->text().contains(u'…'));
    QCOMPARE(subtitle->toolTip(), longUrl);
    auto *summary = details->findChild<QLabel *>(QStringLiteral("hopSummary"));
    QVERIFY(summary->text().size() < 600);
    QCOMPARE(summary->toolTip(), longUrl);
    // Nothing inside the explanation is wider than the panel.
    auto *content = explanation->findChild<QScrollArea *>(QStringLiteral("explanationScroll"))->widget();
    QVERIFY2(content->width() <= explanation->width(), qPrintable(QString::number(content->width())));
    m_panel = new ExplanationPanel; // for cleanup()
}

void TestExplanationPanel::labelsFollowADarkPalette()
{
    QPalette dark;
    dark.setColor(QPalette::Window, QColor(0x20, 0x20, 0x24));
    dark.setColor(QPalette::WindowText, QColor(0xe8, 0xe8, 0xe8));
    dark.setColor(QPalette::Base, QColor(0x18, 0x18, 0x1b));
    dark.setColor(QPalette::Text, QColor(0xe8, 0xe8, 0xe8));
    dark.setColor(QPalette::Button, QColor(0x2c, 0x2c, 0x30));
    dark.setColor(QPalette::ButtonText, QColor(0xe8, 0xe8, 0xe8));
    m_panel->setPalette(dark);
    m_panel->resize(400, 500);
    m_panel->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_panel));
    m_panel->setExchange(blocked(1));
    // Every label draws in light text on the dark window: no colour of its own.
    const QImage image = m_panel->grab().toImage();
    for (const QString &name : {QStringLiteral("explanationLabel"), QStringLiteral("checkNameLabel"),
             QStringLiteral("fixLabel"), QStringLiteral("verdictSubtitle")}) {
        auto *label = child<QLabel>(name);
        const QRect area(label->mapTo(m_panel, QPoint(0, 0)), label->size());
        int light = 0;
        int darkest = 255;
        for (int y = area.top(); y <= area.bottom() && y < image.height(); ++y) {
            for (int x = area.left(); x <= area.right() && x < image.width(); ++x) {
                const int gray = qGray(image.pixel(x, y));
                light += gray > 160 ? 1 : 0;
                darkest = std::min(darkest, gray);
            }
        }
        QVERIFY2(light > 20, qPrintable(name)); // its text is light
        QVERIFY2(darkest < 60, qPrintable(name)); // on a dark background
    }
    // The banner's text is readable on its colour.
    auto *banner = child<QLabel>(QStringLiteral("verdictBanner"));
    const QColor back = banner->palette().color(QPalette::Window);
    const QColor text = banner->palette().color(QPalette::WindowText);
    QVERIFY(qAbs(qGray(back.rgb()) - qGray(text.rgb())) > 90);
}

QTEST_MAIN(TestExplanationPanel)
#include "tst_explanationpanel.moc"
