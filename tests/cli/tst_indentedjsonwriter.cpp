// IndentedJsonWriter must write exactly what QJsonDocument::toJson(QJsonDocument::Indented) writes.
#include "cli/indentedjsonwriter.h"

#include <QJsonDocument>
#include <QStandardPaths>
#include <QTest>

#include <limits>

using namespace corscope;
using namespace Qt::StringLiterals;

class tst_IndentedJsonWriter final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void writesWhatQJsonDocumentWrites_data();
    void writesWhatQJsonDocumentWrites();
};

void tst_IndentedJsonWriter::writesWhatQJsonDocumentWrites_data()
{
    QTest::addColumn<QJsonValue>("value");
    auto text = [](std::initializer_list<char16_t> units) { return QJsonValue(QString(reinterpret_cast<const QChar *>(units.begin()), qsizetype(units.size()))); };
    QTest::newRow("plain ASCII text") << QJsonValue(u"PUT /items/1 HTTP/1.1"_s);
    QTest::newRow("quotes, backslashes and slashes") << QJsonValue(u"say \"hi\" C:\\dir /path"_s);
    QTest::newRow("named control characters") << QJsonValue(u"a\bb\fc\nd\re\tf"_s);
    QTest::newRow("other control characters and DEL") << text({0x01, 0x1f, 0x7f, 0x0b, 0x00, u'x'});
    QTest::newRow("two- and three-byte UTF-8") << QJsonValue(u"é ß € 中文 \uFFFE \uFFFF"_s);
    QTest::newRow("a surrogate pair") << QJsonValue(u"smile 😀 end"_s);
    QTest::newRow("a lone high surrogate in the middle") << text({u'a', 0xd83d, u'b'});
    QTest::newRow("a lone high surrogate at the end") << text({u'a', 0xd83d});
    QTest::newRow("a lone low surrogate") << text({0xde00, u'z'});
    QTest::newRow("two high surrogates then a low one") << text({0xd83d, 0xd83d, 0xde00});
    QTest::newRow("the empty string") << QJsonValue(QString());
    QTest::newRow("integers") << QJsonValue(QJsonArray{0, -1, 200, 1000000, qint64(1) << 53, std::numeric_limits<qint64>::max(), std::numeric_limits<qint64>::min()});
    QTest::newRow("doubles") << QJsonValue(QJsonArray{0.0, -0.0, 1.5, 0.1, 1e6, 1e15, 1e16, 1e21, 1e300, 1e-7, 123.456, -2.5e-5, 4194304.0, 12.0});
    QTest::newRow("numbers that are not finite") << QJsonValue(QJsonArray{std::numeric_limits<double>::quiet_NaN(), std::numeric_limits<double>::infinity(), -std::numeric_limits<double>::infinity()});
    QTest::newRow("booleans and null") << QJsonValue(QJsonArray{true, false, QJsonValue::Null, QJsonValue()});
    QTest::newRow("an empty object") << QJsonValue(QJsonObject());
    QTest::newRow("an empty array") << QJsonValue(QJsonArray());
    QTest::newRow("keys are written sorted, and escaped")
        << QJsonValue(QJsonObject{{u"zeta"_s, 1}, {u"alpha"_s, 2}, {u"qu\"ote\n"_s, 3}, {u"é"_s, 4}});
    QTest::newRow("nesting with empty containers inside")
        << QJsonValue(QJsonObject{{u"a"_s, QJsonArray{QJsonObject(), QJsonArray(), QJsonArray{QJsonArray{1}}}},
                                  {u"b"_s, QJsonObject{{u"c"_s, QJsonObject{{u"d"_s, QJsonArray{u"x"_s}}}}}},
                                  {u"e"_s, QJsonObject()}});
}

void tst_IndentedJsonWriter::writesWhatQJsonDocumentWrites()
{
    QFETCH(QJsonValue, value);
    // QJsonDocument writes only objects and arrays: wrap scalars, and compare both at depth 0 and
    // one level down.
    const QJsonArray wrapped{value};
    QByteArray written;
    IndentedJsonWriter::appendArray(written, wrapped, 0);
    QCOMPARE(written + '\n', QJsonDocument(wrapped).toJson(QJsonDocument::Indented));
    if (value.isObject()) {
        QByteArray top;
        IndentedJsonWriter::appendObject(top, value.toObject(), 0);
        QCOMPARE(top + '\n', QJsonDocument(value.toObject()).toJson(QJsonDocument::Indented));
    }
}

QTEST_GUILESS_MAIN(tst_IndentedJsonWriter)
#include "tst_indentedjsonwriter.moc"
