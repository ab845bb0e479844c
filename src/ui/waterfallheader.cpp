#include "ui/waterfallheader.h"

#include "ui/timelinedelegate.h"
#include "ui/timelinegeometry.h"
#include "ui/tone.h"

#include <QEvent>
#include <QHelpEvent>
#include <QPainter>
#include <QStyleOptionHeader>
#include <QToolTip>
#include <cmath>

namespace corscope {

WaterfallHeader::WaterfallHeader(int waterfallColumn, QWidget *parent)
    : QHeaderView(Qt::Horizontal, parent)
    , m_waterfallColumn(waterfallColumn)
{
    setObjectName(QStringLiteral("timelineHeader"));
}

WaterfallHeader::~WaterfallHeader() = default;

void WaterfallHeader::setScale(int exchangeId, double startMs, double endMs)
{
    if (exchangeId == m_exchangeId && startMs == m_startMs && endMs == m_endMs)
        return;
    m_exchangeId = exchangeId;
    m_startMs = startMs;
    m_endMs = endMs;
    headerDataChanged(Qt::Horizontal, m_waterfallColumn, m_waterfallColumn);
    viewport()->update();
}

QString WaterfallHeader::tickLabel(double ms, double stepMs)
{
    if (ms <= 0)
        return QStringLiteral("0");
    if (stepMs >= 1000)
        return QString::number(ms / 1000.0, 'g', 4) + u" s";
    // As many decimals as the step has, so 0.1 steps read 0.1, 0.2, 0.3.
    const int decimals = stepMs >= 1 ? 0 : int(std::ceil(-std::log10(stepMs) - 1e-9));
    return QString::number(ms, 'f', decimals) + u" ms";
}

QStringList WaterfallHeader::tickLabels() const
{
    QStringList labels;
    if (m_exchangeId == 0)
        return labels;
    const QRect cell(sectionViewportPosition(m_waterfallColumn), 0, sectionSize(m_waterfallColumn), height());
    TimelineGeometry geometry;
    geometry.left = cell.left() + TimelineDelegate::waterfallMargin;
    geometry.width = cell.width() - 2 * TimelineDelegate::waterfallMargin;
    geometry.startMs = m_startMs;
    geometry.endMs = std::max(m_endMs, m_startMs + 0.001);
    const double step = geometry.tickStepMs(TimelineDelegate::scaleTickSpacing(fontMetrics()));
    for (double tick : geometry.tickTimes(TimelineDelegate::scaleTickSpacing(fontMetrics())))
        labels.append(tickLabel(tick - m_startMs, step));
    return labels;
}

void WaterfallHeader::paintSection(QPainter *painter, const QRect &rect, int logicalIndex) const
{
    if (logicalIndex != m_waterfallColumn || m_exchangeId == 0) {
        QHeaderView::paintSection(painter, rect, logicalIndex);
        return;
    }
    // The section's frame and background as the style draws them, then the scale instead of a title.
    QStyleOptionHeader option;
    initStyleOption(&option);
    option.rect = rect;
    option.section = logicalIndex;
    option.position = QStyleOptionHeader::End;
    painter->save();
    style()->drawControl(QStyle::CE_HeaderSection, &option, painter, this);

    TimelineGeometry geometry;
    geometry.left = rect.left() + TimelineDelegate::waterfallMargin;
    geometry.width = rect.width() - 2 * TimelineDelegate::waterfallMargin;
    geometry.startMs = m_startMs;
    geometry.endMs = std::max(m_endMs, m_startMs + 0.001);
    const QFontMetrics metrics = fontMetrics();
    const double spacing = TimelineDelegate::scaleTickSpacing(metrics);
    const double step = geometry.tickStepMs(spacing);
    const QColor text = palette().color(QPalette::ButtonText);
    const QColor tickColor = blend(palette().color(QPalette::Button), text, 0.5);
    painter->setClipRect(rect);
    for (double tick : geometry.tickTimes(spacing)) {
        const double x = std::round(geometry.xForTime(tick));
        painter->fillRect(QRectF(x, rect.bottom() - 4, 1, 4), tickColor);
        const QString label = tickLabel(tick - m_startMs, step);
        const int labelWidth = metrics.horizontalAdvance(label);
        // Centred on its tick, but the first and last labels stay inside the section.
        const int left = std::clamp(int(x) - labelWidth / 2, rect.left() + 2, rect.right() - 2 - labelWidth);
        painter->setPen(text);
        painter->drawText(QRect(left, rect.top(), labelWidth, rect.height() - 4), Qt::AlignCenter, label);
    }
    painter->restore();
}

bool WaterfallHeader::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        if (logicalIndexAt(help->pos()) == m_waterfallColumn && m_exchangeId != 0 && model()) {
            QToolTip::showText(help->globalPos(),
                u"The time scale of exchange #" + QString::number(m_exchangeId)
                    + u": its hops share one axis, from the start of its first hop. Select another row to "
                      u"see its exchange's scale.\n"
                    + model()->headerData(m_waterfallColumn, Qt::Horizontal, Qt::ToolTipRole).toString(),
                this);
            return true;
        }
    }
    return QHeaderView::event(event);
}

} // namespace corscope
