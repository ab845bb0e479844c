#include "ui/headerlistmodel.h"

#include <QFont>

namespace corscope {

HeaderListModel::HeaderListModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

HeaderListModel::~HeaderListModel() = default;

bool HeaderListModel::isCorsHeader(const QByteArray &name)
{
    const QByteArray lower = name.toLower();
    return lower.startsWith("access-control-") || lower == "origin" || lower == "vary";
}

int HeaderListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_headers.size());
}

int HeaderListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : NUM_COLUMNS;
}

QVariant HeaderListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const HeaderField &field = m_headers.fields().at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
        // Header bytes are shown as Latin-1 so every byte is visible as it was on the wire.
        return QString::fromLatin1(index.column() == NameColumn ? field.name : field.value);
    case IsCorsHeaderRole:
        return isCorsHeader(field.name);
    case Qt::FontRole:
        if (index.column() == NameColumn && isCorsHeader(field.name)) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        return {};
    default:
        return {};
    }
}

QVariant HeaderListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    return section == NameColumn ? QStringLiteral("Name") : QStringLiteral("Value");
}

void HeaderListModel::setHeaders(const HeaderList &headers)
{
    beginResetModel();
    m_headers = headers;
    endResetModel();
}

} // namespace corscope
