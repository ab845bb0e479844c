// Inline code in engine sentences is shown as code, never as raw backticks: the shared helper
// (ui/inlinecode.h) and the composer's preflight box that uses it (offscreen, by object name).
#include "ui/composerpanel.h"
#include "ui/inlinecode.h"

#include <QLabel>
#include <QStandardPaths>
#include <QTest>

using namespace corscope;

class TestInlineCode : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void inlineCodeBecomesHtml_data();
    void inlineCodeBecomesHtml();
    void thePreflightBoxShowsCodeNotBackticks();
    void theProblemsLabelEscapesWhatWasTyped();
};

void TestInlineCode::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestInlineCode::inlineCodeBecomesHtml_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("html");
    QTest::newRow("code between backticks") << QStringLiteral("Send `Vary: Origin` too.")
                                            << QStringLiteral("Send <code>Vary: Origin</code> too.");
    QTest::newRow("two spans") << QStringLiteral("`a` and `b`")
                               << QStringLiteral("<code>a</code> and <code>b</code>");
    QTest::newRow("markup is escaped inside and outside code") << QStringLiteral(
        "<i> `<b>` & more") << QStringLiteral("&lt;i&gt; <code>&lt;b&gt;</code> &amp; more");
    QTest::newRow("a backtick without its pair stays")
        << QStringLiteral("it's a ` mark") << QStringLiteral("it's a ` mark");
    QTest::newRow("an empty pair stays") << QStringLiteral("say `` twice") << QStringLiteral("say `` twice");
    QTest::newRow("line breaks") << QStringLiteral("one\ntwo") << QStringLiteral("one<br>two");
    QTest::newRow("empty") << QString() << QString();
}

void TestInlineCode::inlineCodeBecomesHtml()
{
    QFETCH(QString, text);
    QFETCH(QString, html);
    QCOMPARE(htmlWithInlineCode(text), html);
}

void TestInlineCode::thePreflightBoxShowsCodeNotBackticks()
{
    ComposerPanel composer;
    auto *preflight = composer.findChild<QLabel *>(QStringLiteral("preflightLabel"));
    QVERIFY(preflight);
    QCOMPARE(preflight->textFormat(), Qt::RichText);

    RequestInput input;
    input.url = QStringLiteral("http://127.0.0.1:9/items");
    input.origin = QStringLiteral("http://localhost:3000");
    input.headerLines = {QStringLiteral("X-Trace-Id: 1")};
    composer.setInput(input);
    QTRY_VERIFY2(preflight->text().startsWith(QStringLiteral("Preflight needed")), qPrintable(preflight->text()));
    QVERIFY2(preflight->text().contains(QStringLiteral("<code>X-Trace-Id</code>"), Qt::CaseInsensitive),
        qPrintable(preflight->text()));
    QVERIFY2(!preflight->text().contains(u'`'), qPrintable(preflight->text()));
}

void TestInlineCode::theProblemsLabelEscapesWhatWasTyped()
{
    ComposerPanel composer;
    auto *problems = composer.findChild<QLabel *>(QStringLiteral("problemsLabel"));
    QVERIFY(problems);
    QCOMPARE(problems->textFormat(), Qt::RichText);

    RequestInput input;
    input.url = QStringLiteral("http://127.0.0.1:9/items");
    input.origin = QStringLiteral("http://localhost:3000/<b>app</b>");
    composer.setInput(input);
    QVERIFY(!composer.buildRequest());
    QVERIFY2(!problems->text().isEmpty(), qPrintable(problems->text()));
    // What was typed is shown as typed, not read as markup.
    QVERIFY2(!problems->text().contains(QStringLiteral("<b>")), qPrintable(problems->text()));
}

QTEST_MAIN(TestInlineCode)
#include "tst_inlinecode.moc"
