// The timeline panel driven by object name (offscreen): the history filter's combo boxes, the
// waterfall's scale, legend and tooltips, and the columns at the width the default layout gives.
#include "ui/timelinedelegate.h"
#include "ui/timelinefiltermodel.h"
#include "ui/timelinemodel.h"
#include "ui/timelinepanel.h"
#include "ui/waterfallheader.h"
#include "ui/waterfalllegend.h"
#include "ui/waterfallsegment.h"
#include "uitestdata.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QComboBox>
#include <QHeaderView>
#include <QLineEdit>
#include <QStyleFactory>
#include <QTest>
#include <QTreeView>

using namespace corscope;
using namespace corscope::testdata;

class TestTimelinePanel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void theCombosFilterByWhatTheySay();
    void theOriginComboListsThePagesInTheHistory();
    void theDefaultColumnsShowStatusesWhole();
    void theWaterfallHasAScaleOfTheSelectedExchange();
    void everySegmentIsExplained_data();
    void everySegmentIsExplained();
    void theLegendNamesEveryColourInLightAndDark();

private:
    template <typename T>
    T *child(const QString &name) const
    {
        T *widget = m_panel->findChild<T *>(name);
        if (!widget)
            qFatal("no child %s", qPrintable(name));
        return widget;
    }
    static QList<ExchangeRecordPtr> samples();
    static QPalette darkPalette();

    TimelineModel *m_model = nullptr;
    QAbstractItemModelTester *m_tester = nullptr;
    TimelinePanel *m_panel = nullptr;
};

QList<ExchangeRecordPtr> TestTimelinePanel::samples()
{
    const QString base = QStringLiteral("http://127.0.0.1:8080");
    Hop preflight = hop(HopKind::Preflight, "OPTIONS", base + u"/items", 204, 0, 3, true);
    preflight.response->reasonPhrase = "No Content";
    auto other = std::make_shared<ExchangeRecord>(*exchange(
        2, Verdict::Allowed, {preflight, hop(HopKind::Actual, "PUT", base + u"/items", 200, 3.5, 6, true)}));
    other->request.origin = *Origin::parse(QStringLiteral("https://app.example"));
    return {
        exchange(1, Verdict::Blocked,
            {hop(HopKind::Actual, "GET", base + u"/cors-not-allowed", 200, 0, 4, false)}),
        other,
    };
}

QPalette TestTimelinePanel::darkPalette()
{
    QPalette palette;
    palette.setColor(QPalette::Window, QColor(0x20, 0x20, 0x24));
    palette.setColor(QPalette::WindowText, QColor(0xe8, 0xe8, 0xe8));
    palette.setColor(QPalette::Base, QColor(0x18, 0x18, 0x1b));
    palette.setColor(QPalette::AlternateBase, QColor(0x24, 0x24, 0x28));
    palette.setColor(QPalette::Text, QColor(0xe8, 0xe8, 0xe8));
    palette.setColor(QPalette::Button, QColor(0x2c, 0x2c, 0x30));
    palette.setColor(QPalette::ButtonText, QColor(0xe8, 0xe8, 0xe8));
    palette.setColor(QPalette::Highlight, QColor(0x3d, 0x6f, 0xb5));
    palette.setColor(QPalette::HighlightedText, Qt::white);
    return palette;
}

void TestTimelinePanel::initTestCase()
{
    QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
}

void TestTimelinePanel::init()
{
    m_model = new TimelineModel(this);
    m_tester
        = new QAbstractItemModelTester(m_model, QAbstractItemModelTester::FailureReportingMode::QtTest, this);
    m_panel = new TimelinePanel(m_model);
    m_panel->resize(680, 300);
    m_panel->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_panel));
}

void TestTimelinePanel::cleanup()
{
    delete m_panel;
    delete m_tester;
    delete m_model;
}

void TestTimelinePanel::theCombosFilterByWhatTheySay()
{
    m_model->appendExchanges(samples());
    QAbstractItemModel *shown = child<QTreeView>(QStringLiteral("timelineView"))->model();
    QCOMPARE(shown->rowCount(), 3);
    auto *outcome = child<QComboBox>(QStringLiteral("timelineOutcomeFilter"));
    // "Allowed" is the verdict: the blocked exchange at /cors-not-allowed is not shown.
    outcome->setCurrentIndex(outcome->findText(QStringLiteral("Allowed")));
    QCOMPARE(shown->rowCount(), 2);
    QCOMPARE(shown->index(0, 0).data(TimelineModel::ExchangeIdRole).toInt(), 2);
    auto *method = child<QComboBox>(QStringLiteral("timelineMethodFilter"));
    method->setCurrentIndex(method->findText(QStringLiteral("OPTIONS")));
    QCOMPARE(shown->rowCount(), 1);
    auto *status = child<QComboBox>(QStringLiteral("timelineStatusFilter"));
    status->setCurrentIndex(status->findText(QStringLiteral("4xx")));
    QCOMPARE(shown->rowCount(), 0);
    status->setCurrentIndex(0);
    method->setCurrentIndex(0);
    outcome->setCurrentIndex(0);
    QCOMPARE(shown->rowCount(), 3);

    // The text search works as before, together with the combos.
    QTest::keyClicks(child<QLineEdit>(QStringLiteral("timelineFilter")), QStringLiteral("allowed"));
    QCOMPARE(shown->rowCount(), 3); // exchange 2 is allowed, exchange 1's URL says so
    outcome->setCurrentIndex(outcome->findText(QStringLiteral("Blocked")));
    QCOMPARE(shown->rowCount(), 1);
}

void TestTimelinePanel::theOriginComboListsThePagesInTheHistory()
{
    auto *origin = child<QComboBox>(QStringLiteral("timelineOriginFilter"));
    QCOMPARE(origin->count(), 1);
    m_model->appendExchanges(samples());
    QCOMPARE(origin->count(), 3);
    origin->setCurrentIndex(origin->findText(QStringLiteral("https://app.example")));
    QAbstractItemModel *shown = child<QTreeView>(QStringLiteral("timelineView"))->model();
    QCOMPARE(shown->rowCount(), 2);
    // Cleared history: the origin goes, and the filter with it.
    m_model->clear();
    QCOMPARE(origin->count(), 1);
    QCOMPARE(origin->currentIndex(), 0);
    m_model->appendExchanges(samples());
    QCOMPARE(shown->rowCount(), 3);
}

void TestTimelinePanel::theDefaultColumnsShowStatusesWhole()
{
    // 680 px is what the timeline gets in the default layout at 1280×720 (1280 less the composer
    // and the collection dock).
    m_model->appendExchanges(samples());
    auto *view = child<QTreeView>(QStringLiteral("timelineView"));
    const QFontMetrics metrics = view->fontMetrics();
    const int margins = 2 * (view->style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, view) + 1);
    auto fits = [&](int column, const QString &text) {
        return metrics.horizontalAdvance(text) + margins <= view->columnWidth(column);
    };
    for (const QString &status : {QStringLiteral("204 No Content"), QStringLiteral("404 Not Found"),
             QStringLiteral("Cancelled"), QStringLiteral("200 OK")})
        QVERIFY2(fits(TimelineModel::StatusColumn, status), qPrintable(status));
    QVERIFY(fits(TimelineModel::KindColumn, QStringLiteral("Preflight")));
    QVERIFY(fits(TimelineModel::MethodColumn, QStringLiteral("OPTIONS")));
    QVERIFY(fits(TimelineModel::ExchangeColumn, QStringLiteral("#1234")));
    // The URL keeps a useful width and is elided in the middle, whole in its tooltip.
    QVERIFY2(view->columnWidth(TimelineModel::UrlColumn) >= 150,
        qPrintable(QString::number(view->columnWidth(TimelineModel::UrlColumn))));
    QCOMPARE(view->textElideMode(), Qt::ElideMiddle);
    const QModelIndex url = view->model()->index(0, TimelineModel::UrlColumn);
    QCOMPARE(url.data(Qt::ToolTipRole).toString(), url.data().toString());
    // A status too long for its column has it whole in the tooltip.
    QVERIFY(view->model()
                ->index(1, TimelineModel::StatusColumn)
                .data(Qt::ToolTipRole)
                .toString()
                .startsWith(QStringLiteral("204 No Content\n")));
    // No horizontal scrolling: the columns fit the view.
    int total = 0;
    for (int column = 0; column < TimelineModel::NUM_COLUMNS; ++column)
        total += view->columnWidth(column);
    QVERIFY2(total <= view->viewport()->width(), qPrintable(QString::number(total)));
}

void TestTimelinePanel::theWaterfallHasAScaleOfTheSelectedExchange()
{
    m_model->appendExchanges(samples());
    auto *header = qobject_cast<WaterfallHeader *>(child<QHeaderView>(QStringLiteral("timelineHeader")));
    QVERIFY(header);
    // Nothing selected: the newest exchange's scale. Exchange 2 runs from 0 to 9.5 ms.
    QCOMPARE(header->scaleExchangeId(), 2);
    QCOMPARE(m_panel->delegate()->scaleExchangeId(), 2);
    const QStringList labels = header->tickLabels();
    QVERIFY2(labels.size() >= 2, qPrintable(labels.join(u'|')));
    QCOMPARE(labels.first(), QStringLiteral("0"));
    QVERIFY2(labels.last().endsWith(QStringLiteral(" ms")), qPrintable(labels.join(u'|')));
    m_panel->selectSourceRow(0);
    QCOMPARE(header->scaleExchangeId(), 1);
    QCOMPARE(header->tickLabels().first(), QStringLiteral("0"));
    // The header is painted with the scale (no crash, the text is not the title).
    const QImage image = header->grab().toImage();
    QVERIFY(!image.isNull());
}

void TestTimelinePanel::everySegmentIsExplained_data()
{
    QTest::addColumn<double>("atMs"); // where to point, on exchange 3's axis (0..10 ms)
    QTest::addColumn<QString>("expected");
    // Exchange 3: one hop from 0 to 10 ms: queueing 1, connect 2, waiting 5, download 2; refused.
    QTest::newRow("queueing") << 0.5 << QStringLiteral("Queueing: 1.0 ms");
    QTest::newRow("connect") << 2.0 << QStringLiteral("Connect: 2.0 ms");
    QTest::newRow("waiting") << 5.5 << QStringLiteral("Waiting (TTFB): 5.0 ms");
    QTest::newRow("download") << 8.5 << QStringLiteral("Download: 2.0 ms");
    QTest::newRow("the refused cap at the end") << 9.95 << QStringLiteral("Refused");
}

void TestTimelinePanel::everySegmentIsExplained()
{
    QFETCH(double, atMs);
    QFETCH(QString, expected);
    Hop refused = hop(HopKind::Actual, "GET", QStringLiteral("http://127.0.0.1:8080/x"), 200, 0, 10, false);
    refused.timings = {0, 2, 5, 2, 10};
    auto record = std::make_shared<ExchangeRecord>(*exchange(3, Verdict::Blocked, {refused}));
    record->result.failure = Finding();
    record->result.failure->explanation = QStringLiteral("No Access-Control-Allow-Origin header.");
    m_model->appendExchange(record);
    const QModelIndex index = m_model->index(0, TimelineModel::WaterfallColumn);
    const QRect cell(100, 0, 212, 20); // 200 px inside the margins: 20 px per ms
    const TimelineGeometry geometry = TimelineDelegate::waterfallGeometry(cell, index);
    QCOMPARE(geometry.width, 200.0);
    const QString tip = m_panel->delegate()->waterfallToolTip(cell, index, int(geometry.xForTime(atMs)));
    QVERIFY2(tip.contains(expected), qPrintable(tip));
    if (expected == u"Refused")
        QVERIFY2(tip.contains(QStringLiteral("No Access-Control-Allow-Origin header.")), qPrintable(tip));
}

void TestTimelinePanel::theLegendNamesEveryColourInLightAndDark()
{
    m_model->appendExchanges(samples());
    auto *legend = child<WaterfallLegend>(QStringLiteral("waterfallLegend"));
    QTRY_VERIFY(legend->isVisible());
    for (const QPalette &palette : {QApplication::palette(), darkPalette()}) {
        m_panel->setPalette(palette);
        const QColor base = palette.color(QPalette::Base);
        QList<QColor> colours;
        for (int i = 0; i < waterfallSegmentCount; ++i) {
            const auto segment = WaterfallSegment(i);
            QVERIFY(!waterfallSegmentName(segment).isEmpty());
            QVERIFY(!waterfallSegmentExplanation(segment).isEmpty());
            const QRect entry = legend->entryRect(segment);
            QVERIFY2(legend->rect().contains(entry), qPrintable(waterfallSegmentName(segment)));
            const QColor colour = waterfallColor(legend->palette(), segment);
            // Every colour stands out from the base it is drawn on, and from the others.
            QVERIFY2(qAbs(colour.lightnessF() - base.lightnessF()) > 0.2, qPrintable(colour.name()));
            QVERIFY(!colours.contains(colour));
            colours.append(colour);
        }
        // The legend's text uses the palette's text colour: a swatch's pixel is its colour.
        const QImage image = legend->grab().toImage();
        const QRect entry = legend->entryRect(WaterfallSegment::Waiting);
        QCOMPARE(QColor(image.pixel(entry.left() + 2, legend->height() / 2)).name(),
            waterfallColor(legend->palette(), WaterfallSegment::Waiting).name());
    }
}

QTEST_MAIN(TestTimelinePanel)
#include "tst_timelinepanel.moc"
