// ProgressLine: on a terminal one line that each update overwrites and that never wraps; in a log
// nothing per update, only the summary.
#include "cli/progressline.h"

#include <QTest>

using namespace corscope;
using namespace Qt::StringLiterals;

namespace {
// Everything the progress line wrote, as one byte string.
struct Capture
{
    QByteArray bytes;
    ProgressLine::Sink sink()
    {
        return [this](QByteArrayView written) { bytes += written.toByteArray(); };
    }
};
} // namespace

class tst_ProgressLine final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void terminalOverwritesOneLine();
    void terminalShowsOnlyTheLatestUpdate();
    void terminalLineIsCutToTheWidth_data();
    void terminalLineIsCutToTheWidth();
    void clearingTakesTheLineAway();
    void logGetsOnlyTheSummary();
};

void tst_ProgressLine::terminalOverwritesOneLine()
{
    Capture out;
    ProgressLine line(ProgressLine::Output::Terminal, 80, out.sink());
    line.update(u"[1/2] first"_s);
    line.flush();
    line.update(u"[2/2] second"_s);
    line.flush();
    line.finish(u"2 request(s): done."_s);
    QCOMPARE(out.bytes,
        QByteArray("\r\x1b[K[1/2] first"
                   "\r\x1b[K[2/2] second"
                   "\r\x1b[K2 request(s): done.\n"));
}

void tst_ProgressLine::terminalShowsOnlyTheLatestUpdate()
{
    Capture out;
    ProgressLine line(ProgressLine::Output::Terminal, 80, out.sink());
    line.update(u"[1/3] a"_s);
    line.update(u"[2/3] b"_s);
    line.flush();
    line.flush(); // nothing new: nothing written
    QCOMPARE(out.bytes, QByteArray("\r\x1b[K[2/3] b"));
}

void tst_ProgressLine::terminalLineIsCutToTheWidth_data()
{
    QTest::addColumn<int>("columns");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("shown");

    QTest::newRow("a line that fits is shown whole") << 20 << u"[1/2] short"_s << u"[1/2] short"_s;
    QTest::newRow("a line as wide as the terminal is cut, the last column stays free")
        << 10 << u"0123456789"_s << u"01234567\u2026"_s;
    QTest::newRow("a line one narrower than the terminal fits") << 10 << u"012345678"_s << u"012345678"_s;
    QTest::newRow("a long line ends in an ellipsis")
        << 12 << u"[1/9] a very long request name"_s << u"[1/9] a ve\u2026"_s;
    QTest::newRow("a cut never splits a surrogate pair") << 6 << u"abc\U0001F600def"_s << u"abc\u2026"_s;
    QTest::newRow("an unknown width means 80 columns")
        << 0 << QString(100, u'x') << QString(78, u'x') + u'\u2026';
}

void tst_ProgressLine::terminalLineIsCutToTheWidth()
{
    QFETCH(int, columns);
    QFETCH(QString, text);
    QFETCH(QString, shown);

    Capture out;
    ProgressLine line(ProgressLine::Output::Terminal, columns, out.sink());
    line.update(text);
    line.flush();
    QCOMPARE(QString::fromUtf8(out.bytes), u"\r\x1b[K"_s + shown);
}

void tst_ProgressLine::clearingTakesTheLineAway()
{
    Capture out;
    ProgressLine line(ProgressLine::Output::Terminal, 80, out.sink());
    line.clear(); // nothing shown yet: nothing to erase
    QVERIFY(out.bytes.isEmpty());
    line.update(u"[1/1] only"_s);
    line.flush();
    line.clear();
    QCOMPARE(out.bytes, QByteArray("\r\x1b[K[1/1] only\r\x1b[K"));
    // An update not yet flushed is dropped by clear(), and finish() without a summary adds nothing.
    line.update(u"late"_s);
    line.finish(QString());
    line.flush();
    QCOMPARE(out.bytes, QByteArray("\r\x1b[K[1/1] only\r\x1b[K"));
}

void tst_ProgressLine::logGetsOnlyTheSummary()
{
    Capture out;
    ProgressLine line(ProgressLine::Output::Log, 80, out.sink());
    QCOMPARE(line.output(), ProgressLine::Output::Log);
    for (int i = 1; i <= 3; ++i) {
        line.update(QStringLiteral("[%1/3] request").arg(i));
        line.flush();
    }
    line.clear();
    QVERIFY2(out.bytes.isEmpty(), out.bytes.constData());
    line.finish(u"3 request(s): 3 allowed."_s);
    QCOMPARE(out.bytes, QByteArray("3 request(s): 3 allowed.\n"));
}

QTEST_GUILESS_MAIN(tst_ProgressLine)
#include "tst_progressline.moc"
