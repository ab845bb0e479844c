#include "ui/waterfalllegend.h"

#include <QEvent>
#include <QHelpEvent>
#include <QPainter>
#include <QToolTip>

namespace corscope {

namespace {
constexpr int entryGap = 12;
constexpr int swatchGap = 4;
} // namespace

WaterfallLegend::WaterfallLegend(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("waterfallLegend"));
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
}

WaterfallLegend::~WaterfallLegend() = default;

int WaterfallLegend::swatchSize() const
{
    return std::max(8, fontMetrics().ascent() - 2);
}

QRect WaterfallLegend::entryRect(WaterfallSegment segment) const
{
    const QFontMetrics metrics = fontMetrics();
    int x = 0;
    for (int i = 0; i < waterfallSegmentCount; ++i) {
        const int width
            = swatchSize() + swatchGap + metrics.horizontalAdvance(waterfallSegmentName(WaterfallSegment(i)));
        if (i == int(segment))
            return QRect(x, 0, width, height());
        x += width + entryGap;
    }
    return {};
}

QSize WaterfallLegend::sizeHint() const
{
    const QRect last = entryRect(WaterfallSegment::Refused);
    return {last.right() + 1, fontMetrics().height() + 4};
}

QSize WaterfallLegend::minimumSizeHint() const
{
    // It may be cut at the right in a narrow window rather than widen the timeline.
    return {0, sizeHint().height()};
}

void WaterfallLegend::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    const int swatch = swatchSize();
    painter.setPen(palette().color(QPalette::WindowText));
    for (int i = 0; i < waterfallSegmentCount; ++i) {
        const auto segment = WaterfallSegment(i);
        const QRect entry = entryRect(segment);
        const QRect swatchRect(entry.left(), (height() - swatch) / 2, swatch, swatch);
        painter.fillRect(swatchRect, waterfallColor(palette(), segment));
        painter.drawText(entry.adjusted(swatch + swatchGap, 0, 0, 0), Qt::AlignLeft | Qt::AlignVCenter,
            waterfallSegmentName(segment));
    }
}

bool WaterfallLegend::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        for (int i = 0; i < waterfallSegmentCount; ++i) {
            const auto segment = WaterfallSegment(i);
            if (entryRect(segment).contains(help->pos())) {
                QToolTip::showText(
                    help->globalPos(), waterfallSegmentExplanation(segment), this, entryRect(segment));
                return true;
            }
        }
        QToolTip::hideText();
        event->ignore();
        return true;
    }
    return QWidget::event(event);
}

} // namespace corscope
