#pragma once

#include <QStyledItemDelegate>

namespace corscope {

// Edits the header value column; a row whose secret was not kept on disk says so in the empty
// editor, so the hint stays visible while the value is typed again.
class HeaderValueDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HeaderValueDelegate)

public:
    explicit HeaderValueDelegate(QObject *parent = nullptr);
    ~HeaderValueDelegate() override;

    QWidget *createEditor(
        QWidget *parent, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

} // namespace corscope
