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
    void namesEqual_data();
    void namesEqual();
    void namesEqualAgreesWithQstrnicmpOnEveryBytePair();
    void lowercaseName_data();
    void lowercaseName();
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

void tst_HeaderList::namesEqual_data()
{
    QTest::addColumn<QByteArray>("a");
    QTest::addColumn<QByteArray>("b");
    QTest::addColumn<bool>("equal");

    QTest::newRow("a long name in mixed case equals its lowercase")
        << QByteArray("Access-Control-Allow-Origin") << QByteArray("access-control-allow-origin") << true;
    QTest::newRow("names of the same length that differ after the first eight bytes are different")
        << QByteArray("Access-Control-Allow-Headers") << QByteArray("access-control-allow-methods") << false;
    QTest::newRow("a difference in the last byte of a full eight-byte word counts")
        << QByteArray("abcdefgh") << QByteArray("abcdefgi") << false;
    QTest::newRow("a difference in the tail after the words counts") << QByteArray("ABCDEFGHIJ")
                                                                     << QByteArray("abcdefghiK") << false;
    QTest::newRow("the bytes just outside A-Z are not folded: @ is not `")
        << QByteArray("X-@@@@@@@@") << QByteArray("x-``````````").left(10) << false;
    QTest::newRow("the bytes just outside A-Z are not folded: [ is not {")
        << QByteArray("X-[[[[[[[[") << QByteArray("x-{{{{{{{{") << false;
    QTest::newRow("different lengths are different") << QByteArray("Vary") << QByteArray("Varyy") << false;
    QTest::newRow("two empty names are equal") << QByteArray() << QByteArray("") << true;
}

void tst_HeaderList::namesEqual()
{
    QFETCH(QByteArray, a);
    QFETCH(QByteArray, b);
    QFETCH(bool, equal);

    QCOMPARE(HeaderList::namesEqual(a, b), equal);
    QCOMPARE(HeaderList::namesEqual(b, a), equal);
}

void tst_HeaderList::namesEqualAgreesWithQstrnicmpOnEveryBytePair()
{
    // Each pair of bytes at several positions of names of 3, 6 and 16 bytes: the byte, four-byte and
    // eight-byte paths (and their overlapping last words) must all decide exactly as qstrnicmp does.
    const struct { QByteArray lower; QByteArray upper; QList<int> positions; } cases[] = {
        {"dnt", "DNT", {0, 2}},
        {"cookie", "COOKIE", {0, 3, 5}},
        {"content-type-abc", "CONTENT-TYPE-ABC", {0, 7, 8, 15}},
    };
    for (const auto &names : cases) {
        for (int position : names.positions) {
            for (int c = 1; c < 256; ++c) {
                for (int d = 1; d < 256; ++d) {
                    QByteArray a = names.lower;
                    QByteArray b = names.upper;
                    a[position] = char(c);
                    b[position] = char(d);
                    const bool expected = qstrnicmp(a.constData(), a.size(), b.constData(), b.size()) == 0;
                    if (HeaderList::namesEqual(a, b) != expected) {
                        QFAIL(qPrintable(QStringLiteral("bytes %1 and %2 at %3 of %4")
                                             .arg(c).arg(d).arg(position).arg(QString::fromLatin1(a))));
                    }
                }
            }
        }
    }
}

void tst_HeaderList::lowercaseName_data()
{
    QTest::addColumn<QByteArray>("name");
    QTest::addColumn<QByteArray>("lowercase");

    QTest::newRow("a well-known name in mixed case") << QByteArray("Content-Type") << QByteArray("content-type");
    QTest::newRow("an unknown name in mixed case") << QByteArray("X-Trace-ID") << QByteArray("x-trace-id");
    QTest::newRow("a lowercase name is kept") << QByteArray("x-trace") << QByteArray("x-trace");
    QTest::newRow("only ASCII letters change") << QByteArray("X-\xC4") << QByteArray("x-\xC4");
}

void tst_HeaderList::lowercaseName()
{
    QFETCH(QByteArray, name);
    QFETCH(QByteArray, lowercase);

    QCOMPARE(HeaderList::lowercaseName(name), lowercase);
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
