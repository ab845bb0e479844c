#include "ui/timelinedelegate.h"

#include "ui/timelinegeometry.h"
#include "ui/timelinemodel.h"
#include "ui/tone.h"
#include "ui/waterfallsegment.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QHelpEvent>
#include <QPainter>
#include <QToolTip>
#include <cmath>

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

void TimelineDelegate::initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    // A URL keeps its host and its end when shortened; every other text keeps its beginning
    // ("net::ERR_CONNECTION_…", "500 Internal Serv…").
    if (index.column() != TimelineModel::UrlColumn)
        option->textElideMode = Qt::ElideRight;
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
        m_markPen.setColor(waterfallColor(option.palette, WaterfallSegment::Waiting));
        m_markPen.setWidthF(2);
        painter->setPen(m_markPen);
        painter->setBrush(Qt::NoBrush);
        painter->drawArc(ring, -turn * 45 * 16, 270 * 16);
        painter->restore();
        return;
    }
    const bool passed = index.data(TimelineModel::PassedRole).toBool();
    // A cancel is neither pass nor fail: a grey mark with a stop square.
    const bool cancelled = index.data(TimelineModel::CancelledRole).toBool();
    const QColor color
        = toneColor(option.palette, cancelled ? Tone::Neutral : (passed ? Tone::Success : Tone::Failure));
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
    if (cancelled) {
        painter->setPen(Qt::NoPen);
        m_markBrush.setColor(readableTextOn(color));
        painter->setBrush(m_markBrush);
        painter->drawRect(QRectF(l + s * 0.33, t + s * 0.33, s * 0.34, s * 0.34));
    } else if (passed) {
        const QPointF check[3]
            = {{l + s * 0.27, t + s * 0.52}, {l + s * 0.44, t + s * 0.69}, {l + s * 0.74, t + s * 0.33}};
        painter->drawPolyline(check, 3);
    } else {
        painter->drawLine(QPointF(l + s * 0.32, t + s * 0.32), QPointF(l + s * 0.68, t + s * 0.68));
        painter->drawLine(QPointF(l + s * 0.68, t + s * 0.32), QPointF(l + s * 0.32, t + s * 0.68));
    }
    painter->restore();
}

TimelineGeometry TimelineDelegate::waterfallGeometry(const QRect &cell, const QModelIndex &index)
{
    const QRect area = cell.adjusted(waterfallMargin, 0, -waterfallMargin, 0);
    TimelineGeometry geometry;
    geometry.left = area.left();
    geometry.width = area.width();
    // From the first hop's start (the time before it is the runner getting going, not the network).
    geometry.startMs = index.data(TimelineModel::ExchangeStartMsRole).toDouble();
    geometry.endMs
        = std::max(index.data(TimelineModel::ExchangeSpanMsRole).toDouble(), geometry.startMs + 0.001);
    return geometry;
}

void TimelineDelegate::paintWaterfall(
    QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    paintBackground(painter, option, index);
    const double startMs = index.data(TimelineModel::HopStartMsRole).toDouble();
    const double totalMs = index.data(TimelineModel::TotalMsRole).toDouble();
    if (startMs < 0 || totalMs < 0)
        return;

    const TimelineGeometry geometry = waterfallGeometry(option.rect, index);
    const int barHeight = std::max(4, option.rect.height() / 2 - 1);
    const double top = option.rect.top() + (option.rect.height() - barHeight) / 2.0;
    const QPalette &palette = option.palette;
    const QColor faint = blend(palette.color(QPalette::Base), palette.color(QPalette::Text), 0.15);

    // The rows of the exchange whose scale the header shows get its tick lines, so a bar can be
    // read against the numbers above.
    if (m_scaleExchangeId != 0 && index.data(TimelineModel::ExchangeIdRole).toInt() == m_scaleExchangeId) {
        for (double tick : geometry.tickTimes(scaleTickSpacing(option.fontMetrics)))
            painter->fillRect(
                QRectF(std::round(geometry.xForTime(tick)), option.rect.top(), 1.0, option.rect.height()),
                faint);
    }
    // The track shows the exchange's whole time range, so hops of one exchange line up.
    painter->fillRect(QRectF(geometry.left, top + barHeight / 2.0 - 0.5, geometry.width, 1.0), faint);

    const bool running = index.data(TimelineModel::RunningRole).toBool();
    const TimelineGeometry::Segment whole = geometry.hopBar(startMs, totalMs);
    if (running) {
        // The hop in flight: a paler bar that grows until the response arrives.
        painter->fillRect(QRectF(whole.x, top, std::max(whole.width, 2.0), barHeight),
            blend(waterfallColor(palette, WaterfallSegment::Waiting), palette.color(QPalette::Base), 0.55));
        return;
    }
    const auto phases = geometry.phases(startMs, index.data(TimelineModel::ConnectMsRole).toDouble(),
        index.data(TimelineModel::WaitMsRole).toDouble(),
        index.data(TimelineModel::DownloadMsRole).toDouble(), totalMs);
    for (int phase = 0; phase < TimelineGeometry::NUM_PHASES; ++phase) {
        const TimelineGeometry::Segment &segment = phases[phase];
        if (segment.width > 0)
            painter->fillRect(QRectF(segment.x, top, segment.width, barHeight),
                waterfallColor(palette, WaterfallSegment(phase)));
    }
    if (isRefused(index)) {
        // A refused hop ends in a red cap: the response the browser did not let through.
        const TimelineGeometry::Segment cap = geometry.endCap(startMs, totalMs, refusedCapWidth);
        painter->fillRect(QRectF(cap.x, top - 2, cap.width, barHeight + 4),
            waterfallColor(palette, WaterfallSegment::Refused));
    }
}

bool TimelineDelegate::isRefused(const QModelIndex &index)
{
    return !index.data(TimelineModel::PassedRole).toBool()
        && !index.data(TimelineModel::CancelledRole).toBool()
        && !index.data(TimelineModel::RunningRole).toBool();
}

double TimelineDelegate::scaleTickSpacing(const QFontMetrics &metrics)
{
    // Room for a label such as "12.5 ms" between two ticks.
    return metrics.horizontalAdvance(QStringLiteral("00.0 ms")) + 10;
}

QString TimelineDelegate::waterfallToolTip(const QRect &cell, const QModelIndex &index, int x) const
{
    const double startMs = index.data(TimelineModel::HopStartMsRole).toDouble();
    const double totalMs = index.data(TimelineModel::TotalMsRole).toDouble();
    const QString whole = index.data(Qt::ToolTipRole).toString();
    if (startMs < 0 || totalMs < 0 || index.data(TimelineModel::RunningRole).toBool())
        return whole;
    const TimelineGeometry geometry = waterfallGeometry(cell, index);
    const double durations[TimelineGeometry::NUM_PHASES] = {-1,
        index.data(TimelineModel::ConnectMsRole).toDouble(), index.data(TimelineModel::WaitMsRole).toDouble(),
        index.data(TimelineModel::DownloadMsRole).toDouble()};
    const auto phases = geometry.phases(startMs, durations[1], durations[2], durations[3], totalMs);
    if (isRefused(index)) {
        const TimelineGeometry::Segment cap = geometry.endCap(startMs, totalMs, refusedCapWidth);
        if (x >= cap.x - 2 && x <= cap.x + cap.width + 2) {
            const QString why
                = index.siblingAtColumn(TimelineModel::ResultColumn).data(Qt::ToolTipRole).toString();
            return u"<b>" + waterfallSegmentName(WaterfallSegment::Refused) + u"</b><br>"
                + why.toHtmlEscaped();
        }
    }
    const int phase = TimelineGeometry::phaseAt(phases, x);
    if (phase < 0)
        return whole;
    const auto segment = WaterfallSegment(phase);
    double ms = durations[phase];
    if (segment == WaterfallSegment::Queueing)
        ms = totalMs - std::max(durations[1], 0.0) - std::max(durations[2], 0.0)
            - std::max(durations[3], 0.0);
    return u"<b>" + waterfallSegmentName(segment) + u": " + TimelineModel::durationText(ms) + u"</b><br>"
        + waterfallSegmentExplanation(segment).toHtmlEscaped() + u"<br><small>" + whole.toHtmlEscaped()
        + u"</small>";
}

bool TimelineDelegate::helpEvent(
    QHelpEvent *event, QAbstractItemView *view, const QStyleOptionViewItem &option, const QModelIndex &index)
{
    if (event->type() == QEvent::ToolTip && index.column() == TimelineModel::WaterfallColumn) {
        QToolTip::showText(event->globalPos(), waterfallToolTip(option.rect, index, event->pos().x()),
            view->viewport(), option.rect);
        return true;
    }
    return QStyledItemDelegate::helpEvent(event, view, option, index);
}

} // namespace corscope
