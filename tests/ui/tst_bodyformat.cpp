#include "ui/bodyformat.h"

#include <QTest>

using namespace corscope;

Q_DECLARE_METATYPE(corscope::BodyFormat)

class TestBodyFormat : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void suggestedFormat_data();
    void suggestedFormat();
    void jsonIsIndented();
    void invalidJsonFallsBackToTextWithAReason();
    void hexDumpShowsOffsetsBytesAndAscii();
    void largeBodiesAreCapped();
};

void TestBodyFormat::suggestedFormat_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<BodyFormat>("format");
    QTest::newRow("a JSON content type suggests JSON")
        << QByteArray("{\"a\":1}") << QByteArray("application/json") << BodyFormat::Json;
    QTest::newRow("a problem+json content type suggests JSON")
        << QByteArray("{}") << QByteArray("application/problem+json") << BodyFormat::Json;
    QTest::newRow("a JSON object sent as text/plain suggests JSON")
        << QByteArray(" [1,2] ") << QByteArray("text/plain") << BodyFormat::Json;
    QTest::newRow("HTML is text") << QByteArray("<h1>hi</h1>") << QByteArray("text/html") << BodyFormat::Text;
    QTest::newRow("a NUL byte means binary")
        << QByteArray("ab\0cd", 5) << QByteArray("text/plain") << BodyFormat::Hex;
    QTest::newRow("invalid UTF-8 means binary")
        << QByteArray("\xff\xfe\xfd") << QByteArray() << BodyFormat::Hex;
}

void TestBodyFormat::suggestedFormat()
{
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, contentType);
    QFETCH(BodyFormat, format);
    QCOMPARE(suggestedBodyFormat(body, contentType), format);
}

void TestBodyFormat::jsonIsIndented()
{
    const FormattedBody body = formatBody("{\"a\":[1,2]}", BodyFormat::Json);
    QCOMPARE(body.format, BodyFormat::Json);
    QCOMPARE(body.text, QStringLiteral("{\n    \"a\": [\n        1,\n        2\n    ]\n}\n"));
    QVERIFY(body.note.isEmpty());
}

void TestBodyFormat::invalidJsonFallsBackToTextWithAReason()
{
    const FormattedBody body = formatBody("{\"a\":", BodyFormat::Json);
    QCOMPARE(body.format, BodyFormat::Text);
    QCOMPARE(body.text, QStringLiteral("{\"a\":"));
    QVERIFY(body.note.contains(QStringLiteral("Not valid JSON")));
}

void TestBodyFormat::hexDumpShowsOffsetsBytesAndAscii()
{
    const FormattedBody body = formatBody(QByteArray("AB\0\xff", 4), BodyFormat::Hex);
    QCOMPARE(body.format, BodyFormat::Hex);
    QVERIFY2(body.text.startsWith(QStringLiteral("00000000  41 42 00 ff ")), qPrintable(body.text));
    QVERIFY(body.text.trimmed().endsWith(QStringLiteral("AB..")));
}

void TestBodyFormat::largeBodiesAreCapped()
{
    const QByteArray big(300 * 1024, 'x');
    const FormattedBody body = formatBody(big, BodyFormat::Text, 256 * 1024);
    QVERIFY(body.capped);
    QCOMPARE(body.text.size(), 256 * 1024);
    QVERIFY(body.note.contains(QStringLiteral("first 256 KiB of 307200 bytes")));
    QVERIFY(!formatBody("small", BodyFormat::Text).capped);
}

QTEST_GUILESS_MAIN(TestBodyFormat)
#include "tst_bodyformat.moc"
