#pragma once

#include "ui/timelinegeometry.h"

#include <QBrush>
#include <QPen>
#include <QStyledItemDelegate>

namespace corscope {

// Paints the pass/fail mark and the waterfall bar of TimelineModel rows from the model's roles;
// every other column is painted as usual. Nothing is allocated while painting: the geometry is a
// plain struct, the colours come from the row's palette, rectangles are filled with colours (no
// QBrush/QPen objects built per row).
class TimelineDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TimelineDelegate)

public:
    explicit TimelineDelegate(QObject *parent = nullptr);
    ~TimelineDelegate() override;

    void paint(
        QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    bool helpEvent(QHelpEvent *event, QAbstractItemView *view, const QStyleOptionViewItem &option,
        const QModelIndex &index) override;

    // The exchange whose scale the waterfall header shows: its rows get the scale's tick lines.
    void setScaleExchangeId(int exchangeId) { m_scaleExchangeId = exchangeId; }
    int scaleExchangeId() const { return m_scaleExchangeId; }
    // What the waterfall cell shows at x: the segment under it explained (queueing, connect,
    // waiting, download, refused), else the hop's timings.
    QString waterfallToolTip(const QRect &cell, const QModelIndex &index, int x) const;
    // The time axis of a waterfall cell: the cell less a margin, the exchange's time range.
    static TimelineGeometry waterfallGeometry(const QRect &cell, const QModelIndex &index);
    // The closest two ticks of the scale may be (room for their labels).
    static double scaleTickSpacing(const QFontMetrics &metrics);
    static constexpr int waterfallMargin = 6;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;

private:
    void paintResult(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const;
    void paintWaterfall(
        QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const;
    void paintBackground(
        QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const;
    // Failed checks or no response; a cancel is no refusal.
    static bool isRefused(const QModelIndex &index);
    static constexpr double refusedCapWidth = 3;

    int m_scaleExchangeId = 0;

    // Reused for every mark: only their colour and width change, so painting builds no pen or brush.
    mutable QPen m_markPen;
    mutable QBrush m_markBrush;
};

} // namespace corscope
