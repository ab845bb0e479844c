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
    void endCap_data();
    void endCap();
    void phaseAt_data();
    void phaseAt();
    void ticks_data();
    void ticks();
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
    QTest::addColumn<double>("total");
    QTest::addColumn<QList<double>>("expected"); // x, width for queueing, connect, wait, download
    // 200 px for 20 ms: 10 px per ms.
    QTest::newRow("connect, wait and download follow one another")
        << 2.0 << 1.0 << 5.0 << 2.0 << 8.0 << QList<double>{0, 0, 20, 10, 30, 50, 80, 20};
    QTest::newRow("time before connecting is queueing, drawn first")
        << 2.0 << 1.0 << 5.0 << 2.0 << 9.0 << QList<double>{20, 10, 30, 10, 40, 50, 90, 20};
    QTest::newRow("a reused connection has no connect phase and the wait starts at once")
        << 2.0 << -1.0 << 5.0 << 2.0 << 7.0 << QList<double>{0, 0, 0, 0, 20, 50, 70, 20};
    QTest::newRow("a hop with no measured phases is all queueing (a cancel before sending)")
        << 2.0 << -1.0 << -1.0 << -1.0 << 4.0 << QList<double>{20, 40, 0, 0, 0, 0, 0, 0};
    QTest::newRow("a microsecond of clock rounding is no queueing")
        << 2.0 << 1.0 << 5.0 << 2.0 << 8.0005 << QList<double>{0, 0, 20, 10, 30, 50, 80, 20};
    QTest::newRow("a hop with an unknown start has no phases")
        << -1.0 << 1.0 << 5.0 << 2.0 << 8.0 << QList<double>{0, 0, 0, 0, 0, 0, 0, 0};
}

void TestTimelineGeometry::phases()
{
    QFETCH(double, start);
    QFETCH(double, connect);
    QFETCH(double, wait);
    QFETCH(double, download);
    QFETCH(double, total);
    QFETCH(QList<double>, expected);
    const TimelineGeometry geometry{0, 200, 0, 20};
    const auto phases = geometry.phases(start, connect, wait, download, total);
    for (int phase = 0; phase < TimelineGeometry::NUM_PHASES; ++phase) {
        QCOMPARE(phases[phase].width, expected.at(phase * 2 + 1));
        if (phases[phase].width > 0)
            QCOMPARE(phases[phase].x, expected.at(phase * 2));
    }
}

void TestTimelineGeometry::endCap_data()
{
    QTest::addColumn<double>("start");
    QTest::addColumn<double>("total");
    QTest::addColumn<double>("x");
    QTest::addColumn<double>("width");
    // 200 px from x = 10 for 20 ms: 10 px per ms.
    QTest::newRow("the cap ends where the hop ends") << 2.0 << 5.0 << 77.0 << 3.0;
    QTest::newRow("a hop ending at the right edge keeps its cap inside") << 10.0 << 10.0 << 207.0 << 3.0;
    QTest::newRow("a hop that lasted no time has its cap at its start, inside the area")
        << 0.0 << 0.0 << 10.0 << 3.0;
    QTest::newRow("an unknown duration has no cap") << 2.0 << -1.0 << 0.0 << 0.0;
}

void TestTimelineGeometry::endCap()
{
    QFETCH(double, start);
    QFETCH(double, total);
    QFETCH(double, x);
    QFETCH(double, width);
    const TimelineGeometry geometry{10, 200, 0, 20};
    const TimelineGeometry::Segment cap = geometry.endCap(start, total);
    QCOMPARE(cap.width, width);
    if (width > 0)
        QCOMPARE(cap.x, x);
}

void TestTimelineGeometry::phaseAt_data()
{
    QTest::addColumn<double>("x");
    QTest::addColumn<int>("phase");
    // Connect 20..30, wait 30..80, download 80..81 (a one-pixel phase), no queueing.
    QTest::newRow("inside the wait") << 50.0 << int(TimelineGeometry::Wait);
    QTest::newRow("the first pixel of connect") << 20.0 << int(TimelineGeometry::Connect);
    QTest::newRow("a one-pixel download can be pointed at") << 82.0 << int(TimelineGeometry::Download);
    QTest::newRow("left of the hop is nothing") << 10.0 << -1;
    QTest::newRow("far right of the hop is nothing") << 120.0 << -1;
}

void TestTimelineGeometry::phaseAt()
{
    QFETCH(double, x);
    QFETCH(int, phase);
    const TimelineGeometry geometry{0, 200, 0, 20};
    const auto phases = geometry.phases(2, 1, 5, 0.01, 6.01);
    QCOMPARE(TimelineGeometry::phaseAt(phases, x), phase);
}

void TestTimelineGeometry::ticks_data()
{
    QTest::addColumn<double>("width");
    QTest::addColumn<double>("startMs");
    QTest::addColumn<double>("endMs");
    QTest::addColumn<double>("spacing");
    QTest::addColumn<double>("step");
    QTest::addColumn<QList<double>>("ticks");
    QTest::newRow("10 ms over 200 px, ticks 40 px apart: every 2 ms")
        << 200.0 << 0.0 << 10.0 << 40.0 << 2.0 << QList<double>{0, 2, 4, 6, 8, 10};
    QTest::newRow("the axis starts at the first hop, ticks count from there")
        << 200.0 << 3.0 << 13.0 << 40.0 << 2.0 << QList<double>{3, 5, 7, 9, 11, 13};
    QTest::newRow("9.5 ms over 150 px, 50 px apart: every 5 ms, the last tick inside")
        << 150.0 << 0.0 << 9.5 << 50.0 << 5.0 << QList<double>{0, 5};
    QTest::newRow("0.3 ms over 150 px, 50 px apart: every 0.1 ms")
        << 150.0 << 0.0 << 0.3 << 50.0 << 0.1 << QList<double>{0, 0.1, 0.2, 0.3};
    QTest::newRow("2.4 s over 160 px, 60 px apart: every second")
        << 160.0 << 0.0 << 2400.0 << 60.0 << 1000.0 << QList<double>{0, 1000, 2000};
    QTest::newRow("an empty axis has no scale") << 200.0 << 5.0 << 5.0 << 40.0 << 0.0 << QList<double>{};
    QTest::newRow("no width has no scale") << 0.0 << 0.0 << 10.0 << 40.0 << 0.0 << QList<double>{};
}

void TestTimelineGeometry::ticks()
{
    QFETCH(double, width);
    QFETCH(double, startMs);
    QFETCH(double, endMs);
    QFETCH(double, spacing);
    QFETCH(double, step);
    QFETCH(QList<double>, ticks);
    const TimelineGeometry geometry{0, width, startMs, endMs};
    QCOMPARE(geometry.tickStepMs(spacing), step);
    const std::vector<double> times = geometry.tickTimes(spacing);
    QCOMPARE(int(times.size()), int(ticks.size()));
    for (int i = 0; i < ticks.size(); ++i)
        QVERIFY2(qAbs(times.at(i) - ticks.at(i)) < 1e-9, qPrintable(QString::number(times.at(i))));
}

QTEST_GUILESS_MAIN(TestTimelineGeometry)
#include "tst_timelinegeometry.moc"
