// The details panel alone (offscreen, by object name): header names whole at the default size,
// in light and dark palettes.
#include "ui/detailspanel.h"
#include "ui/headerlistmodel.h"
#include "uitestdata.h"

#include <QApplication>
#include <QHeaderView>
#include <QStyleFactory>
#include <QTableView>
#include <QTest>

using namespace corscope;
using namespace corscope::testdata;

class TestDetailsPanel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void corsHeaderNamesAreNotElided_data();
    void corsHeaderNamesAreNotElided();
    void aPathologicalHeaderNameLeavesRoomForValues();
};

void TestDetailsPanel::initTestCase()
{
    QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
}

void TestDetailsPanel::corsHeaderNamesAreNotElided_data()
{
    QTest::addColumn<bool>("dark");
    QTest::newRow("light palette") << false;
    QTest::newRow("dark palette") << true;
}

void TestDetailsPanel::corsHeaderNamesAreNotElided()
{
    QFETCH(bool, dark);
    DetailsPanel panel;
    if (dark) {
        QPalette palette;
        palette.setColor(QPalette::Window, QColor(0x20, 0x20, 0x24));
        palette.setColor(QPalette::WindowText, QColor(0xe8, 0xe8, 0xe8));
        palette.setColor(QPalette::Base, QColor(0x18, 0x18, 0x1b));
        palette.setColor(QPalette::Text, QColor(0xe8, 0xe8, 0xe8));
        panel.setPalette(palette);
    }
    // About the width the details get at 1280×720 in the default layout.
    panel.resize(300, 400);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    Hop preflight
        = hop(HopKind::Preflight, "OPTIONS", QStringLiteral("http://127.0.0.1:8080/items"), 204, 0, 3, true);
    preflight.response->headers = {{"Access-Control-Allow-Origin", "http://localhost:3000"},
        {"Access-Control-Allow-Methods", "GET, POST, PUT"},
        {"Access-Control-Allow-Headers", "content-type, x-trace"},
        {"Access-Control-Allow-Credentials", "true"}, {"Vary", "Origin"}};
    panel.setHop(exchange(1, Verdict::Allowed, {preflight}), 0);

    auto *view = panel.findChild<QTableView *>(QStringLiteral("responseHeadersView"));
    QVERIFY(view);
    QFont bold = view->font();
    bold.setBold(true);
    const QFontMetrics metrics(bold);
    const int margins = 2 * (view->style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, view) + 1);
    for (const QString &name : {QStringLiteral("Access-Control-Allow-Origin"),
             QStringLiteral("Access-Control-Allow-Methods"), QStringLiteral("Access-Control-Allow-Headers"),
             QStringLiteral("Access-Control-Allow-Credentials")}) {
        QVERIFY2(metrics.horizontalAdvance(name) + margins <= view->columnWidth(HeaderListModel::NameColumn),
            qPrintable(name + u' ' + QString::number(metrics.horizontalAdvance(name)) + u" > "
                + QString::number(view->columnWidth(HeaderListModel::NameColumn))));
    }
    // The values get the rest, and a cut value is whole in its tooltip.
    QVERIFY(view->columnWidth(HeaderListModel::ValueColumn) > 40);
    const QModelIndex value = view->model()->index(2, HeaderListModel::ValueColumn);
    QCOMPARE(value.data(Qt::ToolTipRole).toString(), QStringLiteral("content-type, x-trace"));
    // Names and values use the view's palette (nothing hard-coded): the text colour of the rows
    // is the palette's.
    QVERIFY(!view->model()->index(0, 0).data(Qt::ForegroundRole).isValid());
}

void TestDetailsPanel::aPathologicalHeaderNameLeavesRoomForValues()
{
    DetailsPanel panel;
    panel.resize(600, 400);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    Hop odd = hop(HopKind::Actual, "GET", QStringLiteral("http://127.0.0.1:8080/"), 200, 0, 3, true);
    odd.response->headers = {{QByteArray(300, 'X'), "1"}};
    panel.setHop(exchange(1, Verdict::Allowed, {odd}), 0);
    auto *view = panel.findChild<QTableView *>(QStringLiteral("responseHeadersView"));
    QVERIFY2(view->columnWidth(HeaderListModel::NameColumn) <= view->viewport()->width() * 3 / 5,
        qPrintable(QString::number(view->columnWidth(HeaderListModel::NameColumn))));
}

QTEST_MAIN(TestDetailsPanel)
#include "tst_detailspanel.moc"
