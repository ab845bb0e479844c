#include "ui/timelinegeometry.h"

#include <algorithm>

namespace corscope {

double TimelineGeometry::xForTime(double ms) const
{
    const double span = endMs - startMs;
    if (span <= 0 || width <= 0)
        return left;
    const double fraction = std::clamp((ms - startMs) / span, 0.0, 1.0);
    return left + fraction * width;
}

TimelineGeometry::Segment TimelineGeometry::segment(double fromMs, double durationMs) const
{
    if (fromMs < 0 || durationMs < 0 || width <= 0)
        return {};
    const double x = xForTime(fromMs);
    if (durationMs == 0)
        return {x, 0};
    const double right = xForTime(fromMs + durationMs);
    const double available = left + width - x;
    const double segmentWidth = std::min(std::max(right - x, minimumSegmentWidth), std::max(available, 0.0));
    return {x, segmentWidth};
}

std::array<TimelineGeometry::Segment, TimelineGeometry::NUM_PHASES> TimelineGeometry::phases(
    double hopStartMs, double connectMs, double waitMs, double downloadMs) const
{
    std::array<Segment, NUM_PHASES> result{};
    if (hopStartMs < 0)
        return result;
    double at = hopStartMs;
    const double durations[NUM_PHASES] = {connectMs, waitMs, downloadMs};
    for (int phase = 0; phase < NUM_PHASES; ++phase) {
        if (durations[phase] < 0)
            continue;
        result[phase] = segment(at, durations[phase]);
        at += durations[phase];
    }
    return result;
}

} // namespace corscope
