#include "ui/timelinegeometry.h"

#include <QTest>

using namespace corscope;

class TestTimelineGeometry : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void xForTime_data();
    void xForTime();
    void segment_data();
    void segment();
    void phases_data();
    void phases();
};

void TestTimelineGeometry::xForTime_data()
{
    QTest::addColumn<double>("left");
    QTest::addColumn<double>("width");
    QTest::addColumn<double>("endMs");
    QTest::addColumn<double>("ms");
    QTest::addColumn<double>("x");
    QTest::newRow("the start of the range is the left edge") << 10.0 << 200.0 << 100.0 << 0.0 << 10.0;
    QTest::newRow("the middle of the range is the middle") << 10.0 << 200.0 << 100.0 << 50.0 << 110.0;
    QTest::newRow("the end of the range is the right edge") << 10.0 << 200.0 << 100.0 << 100.0 << 210.0;
    QTest::newRow("a time after the range is clamped to the right edge")
        << 10.0 << 200.0 << 100.0 << 150.0 << 210.0;
    QTest::newRow("a negative time is clamped to the left edge") << 10.0 << 200.0 << 100.0 << -5.0 << 10.0;
    QTest::newRow("an empty time range puts everything at the left edge")
        << 10.0 << 200.0 << 0.0 << 3.0 << 10.0;
    QTest::newRow("no width puts everything at the left edge") << 10.0 << 0.0 << 100.0 << 50.0 << 10.0;
}

void TestTimelineGeometry::xForTime()
{
    QFETCH(double, left);
    QFETCH(double, width);
    QFETCH(double, endMs);
    QFETCH(double, ms);
    QFETCH(double, x);
    const TimelineGeometry geometry{left, width, 0, endMs};
    QCOMPARE(geometry.xForTime(ms), x);
}

void TestTimelineGeometry::segment_data()
{
    QTest::addColumn<double>("fromMs");
    QTest::addColumn<double>("durationMs");
    QTest::addColumn<double>("x");
    QTest::addColumn<double>("width");
    // 100 px for 50 ms: 2 px per ms, starting at x = 0.
    QTest::newRow("a 10 ms bar from 5 ms is 20 px wide at 10 px") << 5.0 << 10.0 << 10.0 << 20.0;
    QTest::newRow("a very short phase is still one pixel wide") << 5.0 << 0.01 << 10.0 << 1.0;
    QTest::newRow("a zero-length phase draws nothing") << 5.0 << 0.0 << 10.0 << 0.0;
    QTest::newRow("an unknown duration draws nothing") << 5.0 << -1.0 << 0.0 << 0.0;
    QTest::newRow("an unknown start draws nothing") << -1.0 << 10.0 << 0.0 << 0.0;
    QTest::newRow("a bar running past the range is cut at the right edge") << 40.0 << 30.0 << 80.0 << 20.0;
    QTest::newRow("a short bar at the very end stays inside the area") << 50.0 << 0.01 << 100.0 << 0.0;
}

void TestTimelineGeometry::segment()
{
    QFETCH(double, fromMs);
    QFETCH(double, durationMs);
    QFETCH(double, x);
    QFETCH(double, width);
    const TimelineGeometry geometry{0, 100, 0, 50};
    const TimelineGeometry::Segment segment = geometry.segment(fromMs, durationMs);
    QCOMPARE(segment.width, width);
    if (width > 0)
        QCOMPARE(segment.x, x);
}

void TestTimelineGeometry::phases_data()
{
    QTest::addColumn<double>("start");
    QTest::addColumn<double>("connect");
    QTest::addColumn<double>("wait");
    QTest::addColumn<double>("download");
    QTest::addColumn<QList<double>>("expected"); // x, width for connect, wait, download
    // 200 px for 20 ms: 10 px per ms.
    QTest::newRow("connect, wait and download follow one another")
        << 2.0 << 1.0 << 5.0 << 2.0 << QList<double>{20, 10, 30, 50, 80, 20};
    QTest::newRow("a reused connection has no connect phase and the wait starts at once")
        << 2.0 << -1.0 << 5.0 << 2.0 << QList<double>{0, 0, 20, 50, 70, 20};
    QTest::newRow("a hop with an unknown start has no phases")
        << -1.0 << 1.0 << 5.0 << 2.0 << QList<double>{0, 0, 0, 0, 0, 0};
}

void TestTimelineGeometry::phases()
{
    QFETCH(double, start);
    QFETCH(double, connect);
    QFETCH(double, wait);
    QFETCH(double, download);
    QFETCH(QList<double>, expected);
    const TimelineGeometry geometry{0, 200, 0, 20};
    const auto phases = geometry.phases(start, connect, wait, download);
    for (int phase = 0; phase < TimelineGeometry::NUM_PHASES; ++phase) {
        QCOMPARE(phases[phase].width, expected.at(phase * 2 + 1));
        if (phases[phase].width > 0)
            QCOMPARE(phases[phase].x, expected.at(phase * 2));
    }
}

QTEST_GUILESS_MAIN(TestTimelineGeometry)
#include "tst_timelinegeometry.moc"
