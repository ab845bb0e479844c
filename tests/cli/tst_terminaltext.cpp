// escapeControlCharacters(): outside text printed on a terminal shows its control characters as
// visible escapes and keeps everything else.
#include "cli/terminaltext.h"

#include <QTest>

using namespace corscope;
using namespace Qt::StringLiterals;

class tst_TerminalText final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void controlCharactersBecomeVisible_data();
    void controlCharactersBecomeVisible();
    void noControlCharacterIsLeft();
};

void tst_TerminalText::controlCharactersBecomeVisible_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("shown");

    QTest::newRow("plain text stays") << u"http://app.test:3000"_s << u"http://app.test:3000"_s;
    QTest::newRow("an empty text stays empty") << QString() << QString();
    QTest::newRow("non-ASCII letters and symbols stay") << u"Grüße ✓ 日本"_s << u"Grüße ✓ 日本"_s;
    QTest::newRow("backslashes stay") << u"C:\\path\\x1b"_s << u"C:\\path\\x1b"_s;
    QTest::newRow("an escape that sets the window title is shown, not sent")
        << u"x\x1b]0;pwned\x07y"_s << u"x\\x1b]0;pwned\\x07y"_s;
    QTest::newRow("a colour sequence is shown") << u"\x1b[31mred\x1b[0m"_s << u"\\x1b[31mred\\x1b[0m"_s;
    QTest::newRow("line breaks and tabs inside a value are shown")
        << u"a\r\nALLOWED\tb"_s << u"a\\x0d\\x0aALLOWED\\x09b"_s;
    QTest::newRow("NUL, DEL and C1 controls (8-bit CSI) are shown")
        << u"a"_s + QChar(0) + u"b\x7f"_s + QChar(0x9b) + u"2J"_s << u"a\\x00b\\x7f\\x9b2J"_s;
    QTest::newRow("bidirectional overrides are shown")
        << u"safe\u202Egnp.exe\u2066x\u2069"_s << u"safe\\u202egnp.exe\\u2066x\\u2069"_s;
    QTest::newRow("line and paragraph separators are shown")
        << u"a\u2028b\u2029c"_s << u"a\\u2028b\\u2029c"_s;
}

void tst_TerminalText::controlCharactersBecomeVisible()
{
    QFETCH(QString, text);
    QFETCH(QString, shown);
    QCOMPARE(escapeControlCharacters(text), shown);
}

// Every UTF-16 code unit below U+00A0 that is a control goes, whatever surrounds it.
void tst_TerminalText::noControlCharacterIsLeft()
{
    QString all;
    for (char16_t c = 0; c < 0x100; ++c)
        all += QChar(c);
    const QString shown = escapeControlCharacters(all);
    for (const QChar c : shown)
        QVERIFY2(c.category() != QChar::Other_Control, qPrintable(QString::number(c.unicode(), 16)));
    QVERIFY(shown.contains(u"\\x1b"));
    QVERIFY(shown.contains(u"ABCxyz~"_s.left(3)));
}

QTEST_GUILESS_MAIN(tst_TerminalText)
#include "tst_terminaltext.moc"
