#pragma once

#include <QStyledItemDelegate>

namespace corscope {

// Edits the header name column with completion from common header names.
class HeaderNameDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HeaderNameDelegate)

public:
    explicit HeaderNameDelegate(QObject *parent = nullptr);
    ~HeaderNameDelegate() override;

    QWidget *createEditor(
        QWidget *parent, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

} // namespace corscope
