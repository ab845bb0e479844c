#include "ui/headernamedelegate.h"

#include "ui/headereditmodel.h"

#include <QCompleter>
#include <QLineEdit>

namespace corscope {

HeaderNameDelegate::HeaderNameDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{ }

HeaderNameDelegate::~HeaderNameDelegate() = default;

QWidget *HeaderNameDelegate::createEditor(
    QWidget *parent, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QWidget *editor = QStyledItemDelegate::createEditor(parent, option, index);
    if (auto *line = qobject_cast<QLineEdit *>(editor)) {
        line->setObjectName(QStringLiteral("headerNameEditor"));
        auto *completer = new QCompleter(HeaderEditModel::commonHeaderNames(), line);
        completer->setCaseSensitivity(Qt::CaseInsensitive);
        completer->setCompletionMode(QCompleter::PopupCompletion);
        line->setCompleter(completer);
    }
    return editor;
}

} // namespace corscope
