#pragma once

#include <QColor>
#include <QString>

class QPalette;

namespace corscope {

// The kinds of bar in the timeline waterfall, one row each in a catalog (name, what it means,
// colour) shared by the bars, their tooltips and the legend. The first four are the phases of a
// hop in TimelineGeometry::Phase order; the colours follow Chrome DevTools' Network panel.
enum class WaterfallSegment { Queueing, Connect, Waiting, Download, Refused };
constexpr int waterfallSegmentCount = 5;

// "Waiting (TTFB)"
QString waterfallSegmentName(WaterfallSegment segment);
// One sentence for a tooltip: what the time was spent on.
QString waterfallSegmentExplanation(WaterfallSegment segment);
// The segment's colour in this palette: the DevTools hue, lifted towards the text colour on a
// dark base so it keeps its contrast there.
QColor waterfallColor(const QPalette &palette, WaterfallSegment segment);

} // namespace corscope
