#include "ui/headertableview.h"

namespace corscope {

HeaderTableView::HeaderTableView(QWidget *parent)
    : QTableView(parent)
{
    // Tab moves between cells also when no editor is open (the check box column has none).
    setTabKeyNavigation(true);
}

HeaderTableView::~HeaderTableView() = default;

QModelIndex HeaderTableView::moveCursor(CursorAction cursorAction, Qt::KeyboardModifiers modifiers)
{
    if (!model() || (cursorAction != MoveNext && cursorAction != MovePrevious))
        return QTableView::moveCursor(cursorAction, modifiers);
    const QModelIndex current = currentIndex();
    if (cursorAction == MovePrevious)
        return previousEditable(current);
    const QModelIndex next = nextEditable(current);
    if (next.isValid())
        return next;
    const int last = model()->rowCount() - 1;
    if (current.isValid() && current.row() == last && !isRowEmpty(last) && model()->insertRows(last + 1, 1))
        return nextEditable(current);
    return {};
}

void HeaderTableView::closeEditor(QWidget *editor, QAbstractItemDelegate::EndEditHint hint)
{
    const QModelIndex before = currentIndex();
    QTableView::closeEditor(editor, hint);
    const bool tabbed
        = hint == QAbstractItemDelegate::EditNextItem || hint == QAbstractItemDelegate::EditPreviousItem;
    // Nowhere to go inside the table: leave it as Tab does from any other widget. QWidget's own
    // focus step, because the view's would ask moveCursor() again.
    if (tabbed && currentIndex() == before && state() != EditingState)
        QWidget::focusNextPrevChild(hint == QAbstractItemDelegate::EditNextItem);
}

QModelIndex HeaderTableView::nextEditable(const QModelIndex &from) const
{
    const int rows = model()->rowCount();
    const int columns = model()->columnCount();
    int row = from.isValid() ? from.row() : 0;
    int column = from.isValid() ? from.column() + 1 : 0;
    for (; row < rows; ++row, column = 0) {
        for (; column < columns; ++column) {
            const QModelIndex index = model()->index(row, column);
            if (!isColumnHidden(column) && (index.flags() & Qt::ItemIsEditable))
                return index;
        }
    }
    return {};
}

QModelIndex HeaderTableView::previousEditable(const QModelIndex &from) const
{
    if (!from.isValid())
        return {};
    const int columns = model()->columnCount();
    int row = from.row();
    int column = from.column() - 1;
    for (; row >= 0; --row, column = columns - 1) {
        for (; column >= 0; --column) {
            const QModelIndex index = model()->index(row, column);
            if (!isColumnHidden(column) && (index.flags() & Qt::ItemIsEditable))
                return index;
        }
    }
    return {};
}

bool HeaderTableView::isRowEmpty(int row) const
{
    for (int column = 0; column < model()->columnCount(); ++column) {
        const QModelIndex index = model()->index(row, column);
        if ((index.flags() & Qt::ItemIsEditable) && !index.data(Qt::EditRole).toString().isEmpty())
            return false;
    }
    return true;
}

} // namespace corscope
