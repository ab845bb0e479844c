#pragma once

#include <array>

namespace corscope {

// The time-to-pixel maths of the timeline waterfall, kept apart from painting so it can be tested
// with plain numbers. Times are milliseconds from the start of the exchange; a negative time or
// duration means "unknown".
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
    enum Phase { Connect, Wait, Download, NUM_PHASES };

    // The x of a time, clamped into [left, left + width].
    double xForTime(double ms) const;
    // A bar from fromMs lasting durationMs; at least minimumSegmentWidth wide when the duration is
    // known and positive so very short phases stay visible; width 0 when unknown.
    Segment segment(double fromMs, double durationMs) const;
    // The whole hop: from startMs for totalMs.
    Segment hopBar(double hopStartMs, double totalMs) const { return segment(hopStartMs, totalMs); }
    // The phases one after the other from hopStartMs; an unknown phase takes no room.
    std::array<Segment, NUM_PHASES> phases(
        double hopStartMs, double connectMs, double waitMs, double downloadMs) const;

    static constexpr double minimumSegmentWidth = 1.0;
};

} // namespace corscope
