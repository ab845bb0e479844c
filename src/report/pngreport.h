#pragma once

#include "report/reportdata.h"

#include <QByteArray>
#include <QImage>
#include <QStringList>

class QPaintDevice;
class QPainter;

namespace corscope {

// The picture of a report for a ticket: title and verdict banner, the request, a timeline of the hops,
// the failing check (seen vs needed), the console message, warnings and the fix. Painted with QPainter
// on a QImage (light theme, HiDPI), never a grab of a window. Needs a QGuiApplication (fonts).
//
// A batch (a run) shows a table of its requests and the details of a few, blocked ones first: a
// picture for a ticket must stay readable and small (a 200-request run painted in full was 2400 x
// 152,000 pixels, 1.5 GB to paint). What is left out is said, and is in the other reports.
class PngReport
{
public:
    static constexpr int logicalWidth = 1200;
    static constexpr qsizetype maxSummaryRows = 50;
    static constexpr qsizetype maxDetailedExchanges = 4;
    static constexpr qreal defaultDevicePixelRatio = 2.0;

    static QImage render(const ReportData &data, qreal devicePixelRatio = defaultDevicePixelRatio);
    // The PNG file at the default ratio; its signature is ReportWriter::Painter's.
    static QByteArray renderPng(const ReportData &data);
    // Every text item the rendering hands to the paint engine, in painting order.
    static QStringList paintedText(const ReportData &data);
    // Paints at logical coordinates on painter's device; with painter null, only measures. Returns the
    // logical height used.
    static int paint(QPainter *painter, QPaintDevice *device, const ReportData &data);
};

} // namespace corscope
