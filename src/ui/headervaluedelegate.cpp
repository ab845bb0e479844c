#include "ui/headervaluedelegate.h"

#include "ui/headereditmodel.h"

#include <QLineEdit>

namespace corscope {

HeaderValueDelegate::HeaderValueDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{ }

HeaderValueDelegate::~HeaderValueDelegate() = default;

QWidget *HeaderValueDelegate::createEditor(
    QWidget *parent, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QWidget *editor = QStyledItemDelegate::createEditor(parent, option, index);
    if (auto *line = qobject_cast<QLineEdit *>(editor)) {
        line->setObjectName(QStringLiteral("headerValueEditor"));
        if (index.data(HeaderEditModel::SecretLostRole).toBool())
            line->setPlaceholderText(HeaderEditModel::lostSecretPlaceholder());
    }
    return editor;
}

} // namespace corscope
