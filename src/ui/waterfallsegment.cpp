#include "ui/waterfallsegment.h"

#include "ui/tone.h"

#include <QPalette>

namespace corscope {

namespace {
struct SegmentRow
{
    const char16_t *name;
    const char16_t *explanation;
    QRgb hue;
};

// In WaterfallSegment order.
constexpr SegmentRow segmentRows[waterfallSegmentCount] = {
    {u"Queueing", u"Before connecting or sending: waiting for a free connection, looking up the host.",
        qRgb(0x9a, 0xa0, 0xa6)},
    {u"Connect", u"Opening the TCP connection (and the TLS handshake for https).", qRgb(0xf2, 0x99, 0x00)},
    {u"Waiting (TTFB)",
        u"The request was sent; waiting for the first byte of the response (the server's time).",
        qRgb(0x1e, 0x8e, 0x3e)},
    {u"Download", u"Receiving the rest of the response.", qRgb(0x1a, 0x73, 0xe8)},
    {u"Refused",
        u"The hop ended without a response your JavaScript may read: the browser's CORS check failed "
        u"or the network gave no answer.",
        qRgb(0xd9, 0x30, 0x25)},
};

const SegmentRow &rowOf(WaterfallSegment segment)
{
    return segmentRows[int(segment)];
}
} // namespace

QString waterfallSegmentName(WaterfallSegment segment)
{
    return QString::fromUtf16(rowOf(segment).name);
}

QString waterfallSegmentExplanation(WaterfallSegment segment)
{
    return QString::fromUtf16(rowOf(segment).explanation);
}

QColor waterfallColor(const QPalette &palette, WaterfallSegment segment)
{
    const QColor hue = QColor::fromRgb(rowOf(segment).hue);
    const bool dark = palette.color(QPalette::Base).lightnessF() < 0.5;
    return dark ? blend(hue, palette.color(QPalette::Text), 0.2) : hue;
}

} // namespace corscope
