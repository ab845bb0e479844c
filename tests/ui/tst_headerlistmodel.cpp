#include "ui/headerlistmodel.h"

#include <QAbstractItemModelTester>
#include <QTest>

using namespace corscope;

class TestHeaderListModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void headersAreShownAsOnTheWire();
    void corsHeadersAreMarked_data();
    void corsHeadersAreMarked();
};

void TestHeaderListModel::headersAreShownAsOnTheWire()
{
    HeaderListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setHeaders({{"access-control-allow-origin", "http://a.test"}, {"Set-Cookie", "a=1"},
        {"Set-Cookie", "b=2"}, {"X-Latin1", "caf\xe9"}});
    QCOMPARE(model.rowCount(), 4);
    // Spelling, order and duplicates are kept.
    QCOMPARE(model.index(0, HeaderListModel::NameColumn).data().toString(),
        QStringLiteral("access-control-allow-origin"));
    QCOMPARE(model.index(2, HeaderListModel::ValueColumn).data().toString(), QStringLiteral("b=2"));
    QCOMPARE(model.index(3, HeaderListModel::ValueColumn).data().toString(), QStringLiteral("café"));
    model.setHeaders({});
    QCOMPARE(model.rowCount(), 0);
}

void TestHeaderListModel::corsHeadersAreMarked_data()
{
    QTest::addColumn<QByteArray>("name");
    QTest::addColumn<bool>("cors");
    QTest::newRow("Access-Control-Allow-Origin is a CORS header")
        << QByteArray("Access-Control-Allow-Origin") << true;
    QTest::newRow("lower-case access-control-max-age is a CORS header")
        << QByteArray("access-control-max-age") << true;
    QTest::newRow("Origin is a CORS header") << QByteArray("Origin") << true;
    QTest::newRow("Vary is a CORS header") << QByteArray("Vary") << true;
    QTest::newRow("Content-Type is not") << QByteArray("Content-Type") << false;
    QTest::newRow("X-Access-Control is not") << QByteArray("X-Access-Control") << false;
}

void TestHeaderListModel::corsHeadersAreMarked()
{
    QFETCH(QByteArray, name);
    QFETCH(bool, cors);
    HeaderListModel model;
    model.setHeaders({{name, "1"}});
    QCOMPARE(model.index(0, 0).data(HeaderListModel::IsCorsHeaderRole).toBool(), cors);
    QCOMPARE(model.index(0, 0).data(Qt::FontRole).isValid(), cors);
}

QTEST_MAIN(TestHeaderListModel)
#include "tst_headerlistmodel.moc"
