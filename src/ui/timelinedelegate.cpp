#include "ui/timelinedelegate.h"

#include "ui/timelinegeometry.h"
#include "ui/timelinemodel.h"
#include "ui/tone.h"

#include <QApplication>
#include <QPainter>

namespace corscope {

TimelineDelegate::TimelineDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
    , m_markPen(Qt::black, 1.5, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin)
    , m_markBrush(Qt::black)
{ }

TimelineDelegate::~TimelineDelegate() = default;

QSize TimelineDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    // Rows a little taller than the text so the waterfall bars can be thick enough to read.
    const int height = option.fontMetrics.height() + 10;
    if (index.column() == TimelineModel::ResultColumn)
        return {option.fontMetrics.height() + 8, height};
    if (index.column() == TimelineModel::WaterfallColumn)
        return {180, height};
    const QSize size = QStyledItemDelegate::sizeHint(option, index);
    return {size.width(), std::max(size.height(), height)};
}

void TimelineDelegate::paint(
    QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    switch (index.column()) {
    case TimelineModel::ResultColumn:
        paintResult(painter, option, index);
        return;
    case TimelineModel::WaterfallColumn:
        paintWaterfall(painter, option, index);
        return;
    default:
        QStyledItemDelegate::paint(painter, option, index);
    }
}

void TimelineDelegate::paintBackground(
    QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    // The style draws selection and hover exactly as in the text columns; the option is copied
    // on the stack and has no text, so nothing is allocated.
    QStyleOptionViewItem background = option;
    background.index = index;
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawPrimitive(QStyle::PE_PanelItemViewItem, &background, painter, widget);
}

void TimelineDelegate::paintResult(
    QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    paintBackground(painter, option, index);
    if (index.data(TimelineModel::HopIndexRole).toInt() < 0)
        return;
    if (index.data(TimelineModel::RunningRole).toBool()) {
        // A ring that turns with the elapsed time (the model updates the row a few times a second).
        const qreal size = std::min<qreal>(option.rect.height() - 6, 14);
        const QRectF ring(option.rect.center().x() - size / 2 + 1, option.rect.center().y() - size / 2 + 1,
            size - 2, size - 2);
        const int turn = int(index.data(TimelineModel::TotalMsRole).toDouble() / 100.0) % 8;
        painter->save();
        painter->setRenderHint(QPainter::Antialiasing, true);
        m_markPen.setColor(toneColor(option.palette, Tone::Wait));
        m_markPen.setWidthF(2);
        painter->setPen(m_markPen);
        painter->setBrush(Qt::NoBrush);
        painter->drawArc(ring, -turn * 45 * 16, 270 * 16);
        painter->restore();
        return;
    }
    const bool passed = index.data(TimelineModel::PassedRole).toBool();
    const QColor color = toneColor(option.palette, passed ? Tone::Success : Tone::Failure);
    const qreal size = std::min<qreal>(option.rect.height() - 6, 14);
    const QRectF circle(
        option.rect.center().x() - size / 2 + 0.5, option.rect.center().y() - size / 2 + 0.5, size, size);

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing, true);
    painter->setPen(Qt::NoPen);
    m_markBrush.setColor(color);
    painter->setBrush(m_markBrush);
    painter->drawEllipse(circle);
    m_markPen.setColor(readableTextOn(color));
    m_markPen.setWidthF(std::max<qreal>(1.5, size / 7));
    painter->setPen(m_markPen);
    const qreal l = circle.left(), t = circle.top(), s = circle.width();
    if (passed) {
        const QPointF check[3]
            = {{l + s * 0.27, t + s * 0.52}, {l + s * 0.44, t + s * 0.69}, {l + s * 0.74, t + s * 0.33}};
        painter->drawPolyline(check, 3);
    } else {
        painter->drawLine(QPointF(l + s * 0.32, t + s * 0.32), QPointF(l + s * 0.68, t + s * 0.68));
        painter->drawLine(QPointF(l + s * 0.68, t + s * 0.32), QPointF(l + s * 0.32, t + s * 0.68));
    }
    painter->restore();
}

void TimelineDelegate::paintWaterfall(
    QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    paintBackground(painter, option, index);
    const double startMs = index.data(TimelineModel::HopStartMsRole).toDouble();
    const double totalMs = index.data(TimelineModel::TotalMsRole).toDouble();
    if (startMs < 0 || totalMs < 0)
        return;

    const QRect area = option.rect.adjusted(6, 0, -6, 0);
    TimelineGeometry geometry;
    geometry.left = area.left();
    geometry.width = area.width();
    // From the first hop's start (the time before it is the runner getting going, not the network).
    geometry.startMs = index.data(TimelineModel::ExchangeStartMsRole).toDouble();
    geometry.endMs
        = std::max(index.data(TimelineModel::ExchangeSpanMsRole).toDouble(), geometry.startMs + 0.001);

    const int barHeight = std::max(4, option.rect.height() / 2 - 1);
    const double top = option.rect.top() + (option.rect.height() - barHeight) / 2.0;
    const QPalette &palette = option.palette;

    // The track shows the exchange's whole time range, so hops of one exchange line up.
    painter->fillRect(QRectF(area.left(), top + barHeight / 2.0 - 0.5, area.width(), 1.0),
        blend(palette.color(QPalette::Base), palette.color(QPalette::Text), 0.15));

    const TimelineGeometry::Segment whole = geometry.hopBar(startMs, totalMs);
    painter->fillRect(QRectF(whole.x, top, whole.width, barHeight), toneColor(palette, Tone::Neutral));

    const auto phases = geometry.phases(startMs, index.data(TimelineModel::ConnectMsRole).toDouble(),
        index.data(TimelineModel::WaitMsRole).toDouble(),
        index.data(TimelineModel::DownloadMsRole).toDouble());
    static constexpr Tone phaseTones[TimelineGeometry::NUM_PHASES]
        = {Tone::Connect, Tone::Wait, Tone::Download};
    for (int phase = 0; phase < TimelineGeometry::NUM_PHASES; ++phase) {
        const TimelineGeometry::Segment &segment = phases[phase];
        if (segment.width > 0)
            painter->fillRect(
                QRectF(segment.x, top, segment.width, barHeight), toneColor(palette, phaseTones[phase]));
    }

    if (index.data(TimelineModel::RunningRole).toBool()) {
        // The hop in flight: a paler bar that grows until the response arrives.
        painter->fillRect(QRectF(whole.x, top, std::max(whole.width, 2.0), barHeight),
            blend(toneColor(palette, Tone::Wait), palette.color(QPalette::Base), 0.55));
        return;
    }
    if (!index.data(TimelineModel::PassedRole).toBool()) {
        // A failed hop ends in a red cap: the response the browser refused.
        const double capX = std::min(whole.x + whole.width, double(area.right()) - 2.0);
        painter->fillRect(QRectF(capX, top - 2, 3, barHeight + 4), toneColor(palette, Tone::Failure));
    }
}

} // namespace corscope
