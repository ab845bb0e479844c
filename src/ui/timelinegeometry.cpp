#include "ui/timelinegeometry.h"

#include <algorithm>
#include <cmath>

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
    double hopStartMs, double connectMs, double waitMs, double downloadMs, double totalMs) const
{
    std::array<Segment, NUM_PHASES> result{};
    if (hopStartMs < 0)
        return result;
    double measured = 0;
    for (double duration : {connectMs, waitMs, downloadMs})
        measured += std::max(duration, 0.0);
    // Rounding in the transports' clocks leaves crumbs of a microsecond: not a phase.
    const double queueingMs = totalMs >= 0 && totalMs - measured > 0.001 ? totalMs - measured : -1;
    const double durations[NUM_PHASES] = {queueingMs, connectMs, waitMs, downloadMs};
    double at = hopStartMs;
    for (int phase = 0; phase < NUM_PHASES; ++phase) {
        if (durations[phase] < 0)
            continue;
        result[phase] = segment(at, durations[phase]);
        at += durations[phase];
    }
    return result;
}

TimelineGeometry::Segment TimelineGeometry::endCap(double hopStartMs, double totalMs, double capWidth) const
{
    if (hopStartMs < 0 || totalMs < 0 || width <= 0)
        return {};
    const double end = xForTime(hopStartMs + totalMs);
    const double x = std::clamp(end - capWidth, left, std::max(left, left + width - capWidth));
    return {x, std::min(capWidth, width)};
}

int TimelineGeometry::phaseAt(const std::array<Segment, NUM_PHASES> &phases, double x, double tolerance)
{
    int nearest = -1;
    double nearestDistance = tolerance;
    for (int phase = 0; phase < NUM_PHASES; ++phase) {
        const Segment &segment = phases[phase];
        if (segment.width <= 0)
            continue;
        if (x >= segment.x && x < segment.x + segment.width)
            return phase;
        const double distance = std::abs(x - (segment.x + segment.width / 2)) - segment.width / 2;
        if (distance <= nearestDistance) {
            nearest = phase;
            nearestDistance = distance;
        }
    }
    return nearest;
}

double TimelineGeometry::tickStepMs(double minimumSpacing) const
{
    const double span = endMs - startMs;
    if (span <= 0 || width <= 0)
        return 0;
    const double minimumStep = std::max(minimumSpacing, 1.0) * span / width;
    double power = std::pow(10.0, std::floor(std::log10(minimumStep)));
    for (;;) {
        for (double factor : {1.0, 2.0, 5.0}) {
            // A relative epsilon: 0.1 * 3 must count as reaching 0.3.
            if (factor * power >= minimumStep * (1 - 1e-9))
                return factor * power;
        }
        power *= 10;
    }
}

std::vector<double> TimelineGeometry::tickTimes(double minimumSpacing) const
{
    std::vector<double> ticks;
    const double step = tickStepMs(minimumSpacing);
    if (step <= 0)
        return ticks;
    const double span = endMs - startMs;
    for (int i = 0; i * step <= span * (1 + 1e-9); ++i)
        ticks.push_back(startMs + i * step);
    return ticks;
}

} // namespace corscope
