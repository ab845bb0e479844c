#include "core/headerlist.h"

#include <QTest>

using namespace corscope;

Q_DECLARE_METATYPE(corscope::HeaderList)

class tst_HeaderList : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void combinedValue_data();
    void combinedValue();
    void namesAreCaseInsensitive();
    void orderAndSpellingAreKept();
    void setReplacesEveryDuplicate();
    void removeDropsEveryDuplicate();
};

void tst_HeaderList::combinedValue_data()
{
    QTest::addColumn<HeaderList>("headers");
    QTest::addColumn<QByteArray>("name");
    QTest::addColumn<bool>("present");
    QTest::addColumn<QByteArray>("combined");

    QTest::newRow("one field gives its value") << HeaderList{{"Vary", "Origin"}} << QByteArrayLiteral("vary")
                                               << true << QByteArrayLiteral("Origin");
    QTest::newRow("two fields are joined with a comma and a space")
        << HeaderList{{"Access-Control-Allow-Origin", "*"}, {"access-control-allow-origin", "*"}}
        << QByteArrayLiteral("Access-Control-Allow-Origin") << true << QByteArrayLiteral("*, *");
    QTest::newRow("three fields keep their order")
        << HeaderList{{"A", "1"}, {"B", "x"}, {"a", "2"}, {"A", "3"}} << QByteArrayLiteral("a") << true
        << QByteArrayLiteral("1, 2, 3");
    QTest::newRow("an absent name has no value") << HeaderList{{"A", "1"}} << QByteArrayLiteral("B") << false
                                                 << QByteArray();
    QTest::newRow("an empty value is present and empty") << HeaderList{{"X-Empty", ""}}
                                                         << QByteArrayLiteral("x-empty") << true << QByteArray("");
    QTest::newRow("an empty field still joins") << HeaderList{{"A", ""}, {"A", "b"}} << QByteArrayLiteral("A")
                                                << true << QByteArrayLiteral(", b");
}

void tst_HeaderList::combinedValue()
{
    QFETCH(HeaderList, headers);
    QFETCH(QByteArray, name);
    QFETCH(bool, present);
    QFETCH(QByteArray, combined);

    const std::optional<QByteArray> value = headers.combinedValue(name);
    QCOMPARE(value.has_value(), present);
    if (present)
        QCOMPARE(*value, combined);
    QCOMPARE(headers.contains(name), present);
}

void tst_HeaderList::namesAreCaseInsensitive()
{
    HeaderList headers;
    headers.append("Content-Type", "text/plain");
    headers.append("CONTENT-TYPE", "x");
    QVERIFY(headers.contains("content-type"));
    QCOMPARE(headers.count("Content-type"), 2);
    QCOMPARE(headers.values("content-TYPE"), (QList<QByteArray>{"text/plain", "x"}));
    QCOMPARE(headers.count("Accept"), 0);
}

void tst_HeaderList::orderAndSpellingAreKept()
{
    HeaderList headers;
    headers.append("X-B", "2");
    headers.append("x-a", "1");
    headers.append("X-B", "3");
    QCOMPARE(headers.size(), 3);
    const QList<HeaderField> expected{{"X-B", "2"}, {"x-a", "1"}, {"X-B", "3"}};
    QCOMPARE(headers.fields(), expected);
}

void tst_HeaderList::setReplacesEveryDuplicate()
{
    HeaderList headers{{"A", "1"}, {"B", "2"}, {"a", "3"}};
    headers.set("A", "new");
    QCOMPARE(headers.count("a"), 1);
    QCOMPARE(headers.combinedValue("a").value_or(QByteArray()), QByteArrayLiteral("new"));
    QCOMPARE(headers.fields().constLast(), (HeaderField{"A", "new"}));
}

void tst_HeaderList::removeDropsEveryDuplicate()
{
    HeaderList headers{{"A", "1"}, {"B", "2"}, {"a", "3"}};
    headers.remove("a");
    QCOMPARE(headers.size(), 1);
    QVERIFY(!headers.contains("A"));
    QVERIFY(!headers.combinedValue("A").has_value());
}

QTEST_GUILESS_MAIN(tst_HeaderList)
#include "tst_headerlist.moc"
