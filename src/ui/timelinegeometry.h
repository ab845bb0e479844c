#pragma once

#include <array>
#include <vector>

namespace corscope {

// The time-to-pixel maths of the timeline waterfall (rows and the scale in the header), kept apart
// from painting so it can be tested with plain numbers. Times are milliseconds from the start of
// the exchange; a negative time or duration means "unknown". All hops of one exchange share one
// axis: startMs is when its first hop started, endMs when its last one ended.
struct TimelineGeometry
{
    double left = 0; // pixels
    double width = 0; // pixels
    double startMs = 0; // the time at `left`
    double endMs = 0; // the time at `left + width`

    struct Segment
    {
        double x = 0;
        double width = 0; // 0: nothing to draw
    };
    // The phases of a hop in the order they happen, named as in Chrome DevTools' Timing tab.
    // Queueing is what the transport spent before connecting or sending (waiting for a pooled
    // connection, the host lookup): the hop's total minus the measured phases.
    enum Phase { Queueing, Connect, Wait, Download, NUM_PHASES };

    // The x of a time, clamped into [left, left + width].
    double xForTime(double ms) const;
    // A bar from fromMs lasting durationMs; at least minimumSegmentWidth wide when the duration is
    // known and positive so very short phases stay visible; width 0 when unknown.
    Segment segment(double fromMs, double durationMs) const;
    // The whole hop: from startMs for totalMs.
    Segment hopBar(double hopStartMs, double totalMs) const { return segment(hopStartMs, totalMs); }
    // The phases one after the other from hopStartMs; an unknown phase takes no room, and there is
    // no queueing when the measured phases account for the whole hop.
    std::array<Segment, NUM_PHASES> phases(
        double hopStartMs, double connectMs, double waitMs, double downloadMs, double totalMs) const;
    // The mark at the end of a hop the browser refused (or that got no response): capWidth pixels
    // ending where the hop ends, kept inside the area.
    Segment endCap(double hopStartMs, double totalMs, double capWidth = 3) const;

    // The phase drawn at x, or -1. A phase narrower than 2 * tolerance still answers within
    // tolerance pixels of its centre, so a one-pixel phase can be pointed at.
    static int phaseAt(const std::array<Segment, NUM_PHASES> &phases, double x, double tolerance = 2);

    // The distance between two ticks of the scale: 1, 2 or 5 times a power of ten milliseconds,
    // the smallest such step that puts ticks at least minimumSpacing pixels apart. 0 when the
    // axis is empty.
    double tickStepMs(double minimumSpacing) const;
    // The ticks of the scale, as times on the axis: startMs, startMs + step, ... up to endMs.
    std::vector<double> tickTimes(double minimumSpacing) const;

    static constexpr double minimumSegmentWidth = 1.0;
};

} // namespace corscope
