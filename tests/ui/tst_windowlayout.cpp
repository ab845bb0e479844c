// The window's default layout at 1280×720 (offscreen, by object name): the timeline's status and
// the details' header names are not elided, a 2,000-character URL leaves the explanation its width,
// and light and dark renderings are written under the build directory for people to look at.
#include "net/qnamtransport.h"
#include "ui/detailspanel.h"
#include "ui/exchangesession.h"
#include "ui/explanationpanel.h"
#include "ui/headerlistmodel.h"
#include "ui/mainwindow.h"
#include "ui/timelinemodel.h"
#include "ui/timelinepanel.h"
#include "uitestdata.h"

#include <QApplication>
#include <QDir>
#include <QStandardPaths>
#include <QStyle>
#include <QStyleFactory>
#include <QTableView>
#include <QTest>
#include <QTreeView>
#include <memory>

using namespace corscope;
using namespace corscope::testdata;

class TestWindowLayout : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void statusesAndHeaderNamesAreWholeAt1280x720_data();
    void statusesAndHeaderNamesAreWholeAt1280x720();
    void aLongUrlLeavesTheExplanationItsWidth();

private:
    template <typename T>
    T *child(const QString &name) const
    {
        T *widget = m_window->findChild<T *>(name);
        if (!widget)
            qFatal("no child %s", qPrintable(name));
        return widget;
    }
    // A preflighted PUT whose preflight answers with the long CORS header names.
    static ExchangeRecordPtr preflighted(int id, const QString &url);

    std::unique_ptr<QnamTransport> m_transport;
    std::unique_ptr<ExchangeSession> m_session;
    std::unique_ptr<MainWindow> m_window;
};

ExchangeRecordPtr TestWindowLayout::preflighted(int id, const QString &url)
{
    Hop preflight = hop(HopKind::Preflight, "OPTIONS", url, 204, 0, 3, true);
    preflight.response->reasonPhrase = "No Content";
    preflight.response->headers = {{"Access-Control-Allow-Origin", "http://localhost:3000"},
        {"Access-Control-Allow-Methods", "GET, POST, PUT"},
        {"Access-Control-Allow-Headers", "content-type, x-trace"}, {"Access-Control-Max-Age", "600"},
        {"Vary", "Origin"}};
    Hop actual = hop(HopKind::Actual, "PUT", url, 200, 3.5, 6, true);
    auto record = std::make_shared<ExchangeRecord>(*exchange(id, Verdict::Allowed, {preflight, actual}));
    record->result.crossOrigin = true;
    return record;
}

void TestWindowLayout::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
}

void TestWindowLayout::init()
{
    m_transport = std::make_unique<QnamTransport>();
    m_session = std::make_unique<ExchangeSession>(m_transport.get());
    m_window = std::make_unique<MainWindow>(m_session.get());
    m_window->resize(1280, 720);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestWindowLayout::cleanup()
{
    m_window.reset();
    m_session.reset();
    m_transport.reset();
}

void TestWindowLayout::statusesAndHeaderNamesAreWholeAt1280x720_data()
{
    QTest::addColumn<bool>("dark");
    QTest::newRow("light") << false;
    QTest::newRow("dark") << true;
}

void TestWindowLayout::statusesAndHeaderNamesAreWholeAt1280x720()
{
    QFETCH(bool, dark);
    if (dark) {
        QPalette palette;
        palette.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2e));
        palette.setColor(QPalette::WindowText, QColor(0xe8, 0xe8, 0xe8));
        palette.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x20));
        palette.setColor(QPalette::AlternateBase, QColor(0x26, 0x26, 0x29));
        palette.setColor(QPalette::Text, QColor(0xe8, 0xe8, 0xe8));
        palette.setColor(QPalette::Button, QColor(0x35, 0x35, 0x38));
        palette.setColor(QPalette::ButtonText, QColor(0xe8, 0xe8, 0xe8));
        palette.setColor(QPalette::Highlight, QColor(0x3d, 0x7e, 0xd8));
        palette.setColor(QPalette::HighlightedText, Qt::white);
        palette.setColor(QPalette::PlaceholderText, QColor(0x90, 0x90, 0x90));
        palette.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(0x80, 0x80, 0x80));
        palette.setColor(QPalette::Disabled, QPalette::WindowText, QColor(0x80, 0x80, 0x80));
        palette.setColor(QPalette::Disabled, QPalette::Text, QColor(0x80, 0x80, 0x80));
        // On the window rather than the application: QApplication::setPalette() after the window
        // exists does not reach it under the offscreen platform (Qt 6.4), see the check below.
        m_window->setPalette(palette);
        QCOMPARE(m_window->palette().color(QPalette::Window).name(), palette.color(QPalette::Window).name());
        QCOMPARE(m_window->explanation()->palette().color(QPalette::WindowText).name(),
            palette.color(QPalette::WindowText).name());
    }
    TimelineModel *model = m_window->timelineModel();
    model->appendExchange(preflighted(1, QStringLiteral("http://127.0.0.1:8080/api/items")));
    m_window->timeline()->selectSourceRow(0); // the preflight: its response has the CORS headers
    QTRY_VERIFY(m_window->details()->responseHeaders()->rowCount() > 0);

    auto *timeline = child<QTreeView>(QStringLiteral("timelineView"));
    const QFontMetrics metrics = timeline->fontMetrics();
    const int margins
        = 2 * (timeline->style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, timeline) + 1);
    for (int row = 0; row < model->rowCount(); ++row) {
        const QString status = model->index(row, TimelineModel::StatusColumn).data().toString();
        QVERIFY2(
            metrics.horizontalAdvance(status) + margins <= timeline->columnWidth(TimelineModel::StatusColumn),
            qPrintable(status));
        const QString method = model->index(row, TimelineModel::MethodColumn).data().toString();
        QVERIFY2(
            metrics.horizontalAdvance(method) + margins <= timeline->columnWidth(TimelineModel::MethodColumn),
            qPrintable(method));
    }
    QCOMPARE(
        model->index(0, TimelineModel::StatusColumn).data().toString(), QStringLiteral("204 No Content"));

    auto *headers = child<QTableView>(QStringLiteral("responseHeadersView"));
    QFont bold = headers->font();
    bold.setBold(true);
    const QFontMetrics boldMetrics(bold);
    for (const QString &name :
        {QStringLiteral("Access-Control-Allow-Origin"), QStringLiteral("Access-Control-Allow-Methods"),
            QStringLiteral("Access-Control-Allow-Headers")}) {
        QVERIFY2(boldMetrics.horizontalAdvance(name) + margins
                <= headers->columnWidth(HeaderListModel::NameColumn),
            qPrintable(name));
    }
    // The column fits inside the table as laid out in the window.
    QVERIFY(headers->columnWidth(HeaderListModel::NameColumn) < headers->viewport()->width());

    const QString directory = QStringLiteral(CORSCOPE_SCREENSHOT_DIR);
    QVERIFY(QDir().mkpath(directory));
    const QString path = directory + u"/layout-1280x720-" + (dark ? u"dark" : u"light") + u".png";
    QVERIFY(m_window->renderImage().save(path));
    qInfo("wrote %s", qPrintable(path));
}

void TestWindowLayout::aLongUrlLeavesTheExplanationItsWidth()
{
    TimelineModel *model = m_window->timelineModel();
    model->appendExchange(preflighted(1, QStringLiteral("http://127.0.0.1:8080/api/items")));
    m_window->timeline()->selectSourceRow(1);
    QTRY_COMPARE(m_window->explanation()->exchange(), model->exchangeAt(1));
    QCoreApplication::sendPostedEvents();
    const int width = m_window->explanation()->width();
    QVERIFY(width > 300);

    const QString longUrl = u"http://127.0.0.1:8080/search?q=" + QString(2000, u'x');
    model->appendExchange(preflighted(2, longUrl));
    m_window->timeline()->selectSourceRow(3);
    QTRY_COMPARE(m_window->explanation()->exchange(), model->exchangeAt(3));
    QCoreApplication::sendPostedEvents();
    QCOMPARE(m_window->explanation()->width(), width);
    QCOMPARE(m_window->width(), 1280);
}

QTEST_MAIN(TestWindowLayout)
#include "tst_windowlayout.moc"
