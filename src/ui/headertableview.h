#pragma once

#include <QTableView>

namespace corscope {

// The composer's header table, with the Tab order of DevTools and Postman: name, value, the next
// row's name; Shift+Tab goes back. Tab on the value of the last row adds an empty row, unless that
// row is empty itself: then Tab leaves the table (to the next widget of the focus chain), so an
// empty row is never followed by another and Tab never runs into the body while a header is typed.
// Columns that cannot be edited (the enable check box) are stepped over.
class HeaderTableView final : public QTableView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HeaderTableView)

public:
    explicit HeaderTableView(QWidget *parent = nullptr);
    ~HeaderTableView() override;

protected:
    QModelIndex moveCursor(CursorAction cursorAction, Qt::KeyboardModifiers modifiers) override;
    void closeEditor(QWidget *editor, QAbstractItemDelegate::EndEditHint hint) override;

private:
    QModelIndex nextEditable(const QModelIndex &from) const;
    QModelIndex previousEditable(const QModelIndex &from) const;
    bool isRowEmpty(int row) const;
};

} // namespace corscope
