#pragma once

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

private:
    void paintResult(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const;
    void paintWaterfall(
        QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const;
    void paintBackground(
        QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const;

    // Reused for every mark: only their colour and width change, so painting builds no pen or brush.
    mutable QPen m_markPen;
    mutable QBrush m_markBrush;
};

} // namespace corscope
