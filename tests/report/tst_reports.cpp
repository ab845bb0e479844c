#include "core/curlcommands.h"
#include "report/harexport.h"
#include "report/htmlreport.h"
#include "report/markdownreport.h"
#include "report/pngreport.h"
#include "report/redactor.h"
#include "report/reportdata.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QStandardPaths>
#include <QTest>

using namespace corscope;
using namespace Qt::StringLiterals;

class tst_Reports : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void markdownMatchesTheGolden();
    void noPlantedSecretInAnyFormat_data();
    void noPlantedSecretInAnyFormat();
    void withoutRedactionTheSecretsAreShown();
    void thePngIsAHiDpiTicketPicture();
    void aRunArrayGivesOneReportWithASummary();
    void pngOfALongRunStaysSmall();
    void harHasEveryHopWithCorscopeFields();
    void harEntriesStartWhenTheirExchangeDid();
    void curlReproducesThePreflightAndTheRequest();
    void inlineCodeIsShownAsCode();
    void badInputIsRefusedWithAReason_data();
    void badInputIsRefusedWithAReason();
};

namespace {

QByteArray readData(const QString &name)
{
    QFile file(QStringLiteral(CORSCOPE_REPORT_DATA "/") + name);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read test data %s", qPrintable(file.fileName()));
    return file.readAll();
}

ReportOptions fixedOptions(bool redact = true)
{
    ReportOptions options;
    options.generatedAt = QDateTime(QDate(2025, 1, 2), QTime(3, 4), Qt::UTC);
    options.version = QStringLiteral("0.1.0-test");
    options.stack = ServerStack::Express;
    options.redact = redact;
    return options;
}

ReportData load(const QString &name, bool redact = true)
{
    QString error;
    const auto data = ReportData::fromJson(readData(name), fixedOptions(redact), &error);
    if (!data)
        qFatal("cannot load %s: %s", qPrintable(name), qPrintable(error));
    return *data;
}

QStringList plantedSecrets()
{
    return QString::fromUtf8(readData(QStringLiteral("secrets.txt"))).split(u'\n', Qt::SkipEmptyParts);
}

QString rendered(const ReportData &data, const QString &format)
{
    if (format == u"markdown")
        return MarkdownReport::render(data);
    if (format == u"html")
        return HtmlReport::render(data, PngReport::renderPng(data));
    if (format == u"har")
        return QString::fromUtf8(QJsonDocument(HarExport::render(data)).toJson());
    // What the PNG paints: every text item, and all of them run together (a secret wrapped over two lines).
    const QStringList painted = PngReport::paintedText(data);
    return painted.join(u'\n') + u'\n' + painted.join(QString());
}

} // namespace

void tst_Reports::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void tst_Reports::markdownMatchesTheGolden()
{
    const QString actual = MarkdownReport::render(load(QStringLiteral("header-not-allowed.json")));
    const QString goldenPath = QStringLiteral(CORSCOPE_REPORT_DATA "/header-not-allowed.md");
    if (qEnvironmentVariableIsSet("CORSCOPE_UPDATE_GOLDEN")) {
        QFile out(goldenPath);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(actual.toUtf8());
    }
    const QString golden = QString::fromUtf8(readData(QStringLiteral("header-not-allowed.md")));
    if (actual != golden) {
        QFile out(QDir::temp().filePath(QStringLiteral("header-not-allowed.actual.md")));
        if (out.open(QIODevice::WriteOnly))
            out.write(actual.toUtf8());
        QFAIL(qPrintable(u"The Markdown differs from the golden; actual output written to " + out.fileName()
                         + u" (CORSCOPE_UPDATE_GOLDEN=1 rewrites the golden)."));
    }
    // The golden itself says what a ticket needs, so that rewriting it cannot drop a section unnoticed.
    for (const char *needed : {"Blocked", "http://localhost:3000", "header-disallowed", "Access-Control-Allow-Headers",
                               "Request header field authorization is not allowed", "Server fix, Express (cors)",
                               "curl -i -X OPTIONS", "Access-Control-Request-Method: PUT", "corscope 0.1.0-test",
                               "2025-01-02 03:04 UTC", "Bearer \u2022\u2022\u2022\u2022\u2022\u2022"})
        QVERIFY2(golden.contains(QString::fromUtf8(needed)), needed);
    QVERIFY2(!golden.contains(u"\\`"), "GitHub shows an escaped backtick raw: inline code must be a code span");
    QVERIFY(golden.contains(u"- Preflight because: `PUT` is not a CORS-safelisted method"));
    QVERIFY(!golden.contains(u"demo-token-123"));
    QVERIFY(!golden.contains(u"golden-secret-456"));
}

void tst_Reports::noPlantedSecretInAnyFormat_data()
{
    QTest::addColumn<QString>("format");
    QTest::newRow("the Markdown report shows no planted secret") << QStringLiteral("markdown");
    QTest::newRow("the HTML report shows no planted secret") << QStringLiteral("html");
    QTest::newRow("the HAR export holds no planted secret") << QStringLiteral("har");
    QTest::newRow("the PNG paints no planted secret") << QStringLiteral("png");
}

void tst_Reports::noPlantedSecretInAnyFormat()
{
    QFETCH(QString, format);
    const QStringList secrets = plantedSecrets();
    QCOMPARE(secrets.size(), 19);
    // The unredacted input really holds every secret, so the test cannot pass by planting nothing.
    const QString input = QString::fromUtf8(readData(QStringLiteral("secrets.json")));
    for (const QString &secret : secrets)
        QVERIFY2(input.contains(secret), qPrintable(secret));
    const QString text = rendered(load(QStringLiteral("secrets.json")), format);
    QVERIFY(text.size() > 500);
    for (const QString &secret : secrets)
        QVERIFY2(!text.contains(secret), qPrintable(u"leaked " + secret));
    QVERIFY(text.contains(Redactor::mask()) || format == u"html"); // HTML has it too, but escaped or not
}

void tst_Reports::withoutRedactionTheSecretsAreShown()
{
    const ReportData data = load(QStringLiteral("secrets.json"), false);
    const QString markdown = MarkdownReport::render(data);
    for (const QString &secret : plantedSecrets())
        QVERIFY2(markdown.contains(secret), qPrintable(u"missing " + secret));
    QVERIFY(markdown.contains(u"not redacted"));
    const QString painted = PngReport::paintedText(data).join(QString());
    QVERIFY(painted.contains(u"NOT REDACTED"));
    QVERIFY(painted.contains(u"PLANTQueryReqx9Z")); // the console message quotes the URL
}

void tst_Reports::thePngIsAHiDpiTicketPicture()
{
    const QImage image = PngReport::render(load(QStringLiteral("header-not-allowed.json")));
    QCOMPARE(image.devicePixelRatio(), 2.0);
    QCOMPARE(image.width(), PngReport::logicalWidth * 2);
    QVERIFY(PngReport::logicalWidth >= 1000);
    QVERIFY2(image.height() > 1200 && image.height() < 6000, qPrintable(QString::number(image.height())));
    // Not blank: many pixels are painted, in the verdict's red among others.
    qsizetype painted = 0;
    bool red = false;
    for (int y = 0; y < image.height(); y += 3) {
        for (int x = 0; x < image.width(); x += 3) {
            const QColor c = image.pixelColor(x, y);
            if (c != Qt::white)
                ++painted;
            red = red || (c.red() > 120 && c.green() < 40 && c.blue() < 60);
        }
    }
    QVERIFY2(painted > (image.width() / 3) * (image.height() / 3) / 20, qPrintable(QString::number(painted)));
    QVERIFY(red);
    const QStringList texts = PngReport::paintedText(load(QStringLiteral("header-not-allowed.json")));
    for (const char *shown : {"BLOCKED", "header-disallowed", "Access-Control-Allow-Headers", "PREFLIGHT", "FIX"}) {
        QVERIFY2(texts.join(u' ').contains(QLatin1String(shown)), shown);
    }
    const QByteArray png = PngReport::renderPng(load(QStringLiteral("header-not-allowed.json")));
    QVERIFY(png.startsWith("\x89PNG"));
}

void tst_Reports::aRunArrayGivesOneReportWithASummary()
{
    const QJsonObject one = QJsonDocument::fromJson(readData(QStringLiteral("header-not-allowed.json"))).object();
    QJsonObject allowed = one;
    allowed.insert(QStringLiteral("verdict"), QStringLiteral("allowed"));
    allowed.insert(QStringLiteral("failure"), QJsonValue::Null);
    allowed.insert(QStringLiteral("name"), QStringLiteral("the fixed one"));
    QJsonObject blocked = one;
    blocked.insert(QStringLiteral("name"), QStringLiteral("the broken one"));
    QString error;
    const auto data = ReportData::fromValue(QJsonArray{blocked, allowed}, fixedOptions(), &error);
    QVERIFY2(data, qPrintable(error));
    QVERIFY(data->batch);
    const QString markdown = MarkdownReport::render(*data);
    QVERIFY(markdown.startsWith(u"# CORS report: 2 requests — 1 blocked, 1 allowed"));
    QVERIFY(markdown.contains(u"## 1. the broken one"));
    QVERIFY(markdown.contains(u"## 2. the fixed one"));
    QVERIFY(HtmlReport::render(*data).contains(u"id=\"exchange-2\""));
    QVERIFY(PngReport::paintedText(*data).join(u' ').contains(u"the fixed one"));
}

// A long run's picture lists its blocked requests first and details only a few; it says what it left out.
void tst_Reports::pngOfALongRunStaysSmall()
{
    QFile file(QStringLiteral(CORSCOPE_REPORT_DATA "/header-not-allowed.json"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonObject blocked = QJsonDocument::fromJson(file.readAll()).object();
    QJsonObject allowed = blocked;
    allowed.insert(QStringLiteral("verdict"), QStringLiteral("allowed"));
    allowed.insert(QStringLiteral("failure"), QJsonValue::Null);
    QJsonArray run;
    for (int i = 0; i < 200; ++i) {
        // Requests 151, 171 and 191 are blocked: the table must reach past its first 50 rows for them.
        QJsonObject item = i >= 150 && i % 20 == 10 ? blocked : allowed;
        item.insert(QStringLiteral("name"), QStringLiteral("request %1").arg(i + 1));
        run.append(item);
    }
    QString error;
    const auto data = ReportData::fromValue(run, fixedOptions(), &error);
    QVERIFY2(data, qPrintable(error));
    QCOMPARE(data->countVerdict(Verdict::Blocked), 3);

    const QStringList texts = PngReport::paintedText(*data);
    const QString painted = texts.join(u'\n');
    for (const int blockedNumber : {151, 171, 191})
        QVERIFY2(texts.contains(QStringLiteral("request %1").arg(blockedNumber)), "a blocked request is missing from the table");
    QVERIFY(texts.contains(QStringLiteral("request 1")));
    QVERIFY(!texts.contains(QStringLiteral("request 100")));
    QVERIFY(painted.contains(u"… and 150 more requests"));
    QVERIFY(painted.contains(u"The details of 196 more requests"));
    // The details: the three blocked requests, then the first allowed one.
    QStringList headings;
    for (const QString &text : texts) {
        if (text.contains(u". request ") && text.contains(u" — "))
            headings.append(text.section(QStringLiteral(" — "), 0, 0));
    }
    QCOMPARE(headings, (QStringList{u"1. request 1"_s, u"151. request 151"_s, u"171. request 171"_s, u"191. request 191"_s}));

    const QImage image = PngReport::render(*data);
    QVERIFY(!image.isNull());
    QVERIFY2(image.height() < 20000, qPrintable(QString::number(image.height())));
}

void tst_Reports::harHasEveryHopWithCorscopeFields()
{
    const ReportData data = load(QStringLiteral("secrets.json"));
    const QJsonObject log = HarExport::render(data).value(u"log").toObject();
    QCOMPARE(log.value(u"version").toString(), QStringLiteral("1.2"));
    const QJsonArray entries = log.value(u"entries").toArray();
    QCOMPARE(entries.size(), data.exchanges.first().result.hops.size());
    const QJsonObject preflight = entries.at(0).toObject();
    QCOMPARE(preflight.value(u"request").toObject().value(u"method").toString(), QStringLiteral("OPTIONS"));
    QCOMPARE(preflight.value(u"_corscope").toObject().value(u"check").toString(), QStringLiteral("header-disallowed"));
    QCOMPARE(preflight.value(u"_corscope").toObject().value(u"kind").toString(), QStringLiteral("preflight"));
    const QJsonObject redirect = entries.at(1).toObject().value(u"response").toObject();
    QVERIFY(redirect.value(u"redirectURL").toString().startsWith(u"https://auth.example.test/cb?code="));
    QCOMPARE(entries.at(1).toObject().value(u"request").toObject().value(u"postData").toObject().value(u"mimeType").toString(),
             QStringLiteral("application/x-www-form-urlencoded"));
    QVERIFY(entries.at(0).toObject().value(u"timings").toObject().value(u"wait").toDouble() > 0);
}

void tst_Reports::harEntriesStartWhenTheirExchangeDid()
{
    QJsonObject exchange = QJsonDocument::fromJson(readData(QStringLiteral("secrets.json"))).object();
    const QDateTime generatedAt = fixedOptions(true).generatedAt;
    const auto starts = [&generatedAt](const QJsonObject &object) {
        QString error;
        const auto data = ReportData::fromJson(QJsonDocument(object).toJson(), fixedOptions(true), &error);
        if (!data)
            qFatal("cannot load: %s", qPrintable(error));
        QList<qint64> offsets; // ms after generatedAt
        for (const QJsonValue &entry : HarExport::render(*data).value(u"log").toObject().value(u"entries").toArray()) {
            offsets.append(generatedAt.msecsTo(
                QDateTime::fromString(entry.toObject().value(u"startedDateTime").toString(), Qt::ISODateWithMs)));
        }
        return offsets;
    };
    exchange.remove(u"startedAt"_s); // a result from before corscope recorded it: the report's time
    const QList<qint64> untimed = starts(exchange);
    QVERIFY(untimed.size() >= 2);
    QCOMPARE(untimed.first(), 0);
    exchange.insert(u"startedAt"_s, generatedAt.addSecs(-3600).toString(Qt::ISODateWithMs));
    const QList<qint64> timed = starts(exchange);
    QCOMPARE(timed.size(), untimed.size());
    for (qsizetype i = 0; i < timed.size(); ++i)
        QCOMPARE(timed.at(i), untimed.at(i) - 3600 * 1000); // each hop keeps its offset in the exchange
}

void tst_Reports::curlReproducesThePreflightAndTheRequest()
{
    QCOMPARE(bashQuoted(QStringLiteral("it's")), QStringLiteral("'it'\\''s'"));
    const ReportData data = load(QStringLiteral("header-not-allowed.json"));
    const QString curl = data.exchanges.first().curl;
    QVERIFY2(curl.contains(u"curl -i -X OPTIONS 'https://api.example.test:8443/header-not-allowed'"), qPrintable(curl));
    QVERIFY(curl.contains(u"-H 'Origin: http://localhost:3000'"));
    QVERIFY(curl.contains(u"-H 'Access-Control-Request-Method: PUT'"));
    QVERIFY(curl.contains(u"-H 'Access-Control-Request-Headers: authorization,content-type,x-secret-token,x-trace'"));
    // The request was never sent (the preflight failed): curl still shows it, with the script's headers.
    QVERIFY(curl.contains(u"curl -i -X PUT"));
    QVERIFY(curl.contains(u"--data-raw '{\"name\":\"demo\"}'"));
    QVERIFY(curl.contains(u"-H 'Authorization: Bearer \u2022\u2022\u2022\u2022\u2022\u2022'"));
    QVERIFY(!curl.contains(u"demo-token-123"));
}

// The engine writes inline code in its sentences; the reports show it as code, never as raw backticks.
void tst_Reports::inlineCodeIsShownAsCode()
{
    QJsonObject exchange = QJsonDocument::fromJson(readData(QStringLiteral("header-not-allowed.json"))).object();
    QJsonObject failure = exchange.value(u"failure").toObject();
    failure.insert(u"needed"_s, u"`*` or http://localhost:3000"_s);
    failure.insert(u"explanation"_s, u"The response has no `Access-Control-Allow-Origin` header, and `a|b` is odd."_s);
    failure.insert(u"fix"_s, u"Send `Access-Control-Allow-Origin: http://localhost:3000` on every response; keep `x` a `"_s);
    exchange.insert(u"failure"_s, failure);
    exchange.insert(u"warnings"_s, QJsonArray{QJsonObject{{u"check"_s, u"vary-origin-missing"_s},
                                                          {u"message"_s, u"Add `Vary: Origin`."_s}}});
    QString error;
    const auto data = ReportData::fromValue(exchange, fixedOptions(), &error);
    QVERIFY2(data, qPrintable(error));

    const QString markdown = MarkdownReport::render(*data);
    for (const QString &expected :
         {u"- Preflight because: `PUT` is not a CORS-safelisted method"_s,
          u"| Browser needed | `*` or http://localhost:3000 |"_s,
          u"The response has no `Access-Control-Allow-Origin` header, and `a|b` is odd."_s,
          u"Send `Access-Control-Allow-Origin: http://localhost:3000` on every response; keep `x` a \\`"_s,
          u"- `vary-origin-missing`: Add `Vary: Origin`."_s}) {
        QVERIFY2(markdown.contains(expected), qPrintable(expected));
    }
    // Only the lone backtick at the end of the fix is escaped: it opens no code span.
    QCOMPARE(markdown.count(u"\\`"), 1);

    const QString html = HtmlReport::render(*data);
    for (const QString &expected : {u"Preflight because: <code>PUT</code> is not"_s,
                                    u"<td class=\"needed\"><code>*</code> or http://localhost:3000</td>"_s,
                                    u"<p>The response has no <code>Access-Control-Allow-Origin</code> header"_s,
                                    u"Add <code>Vary: Origin</code>."_s}) {
        QVERIFY2(html.contains(expected), qPrintable(expected));
    }
}

void tst_Reports::badInputIsRefusedWithAReason_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("reason");
    QTest::newRow("corrupt JSON") << QByteArray("{\"verdict\": ") << QStringLiteral("not valid JSON");
    QTest::newRow("an object that is not an exchange") << QByteArray("{\"a\": 1}") << QStringLiteral("not a corscope result");
    QTest::newRow("an empty run array") << QByteArray("[]") << QStringLiteral("empty");
    QTest::newRow("a run array with a stray number") << QByteArray("[1]") << QStringLiteral("not a corscope result");
}

void tst_Reports::badInputIsRefusedWithAReason()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, reason);
    QString error;
    QVERIFY(!ReportData::fromJson(json, fixedOptions(), &error));
    QVERIFY2(error.contains(reason), qPrintable(error));
}

QTEST_MAIN(tst_Reports)
#include "tst_reports.moc"
