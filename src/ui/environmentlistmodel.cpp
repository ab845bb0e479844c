#include "ui/environmentlistmodel.h"

namespace corscope {

EnvironmentListModel::EnvironmentListModel(QObject *parent)
    : QAbstractListModel(parent)
{
    m_collectionFont.setItalic(true);
}

EnvironmentListModel::~EnvironmentListModel() = default;

int EnvironmentListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_environments.size()) + 1;
}

QVariant EnvironmentListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const bool collectionRow = index.row() == CollectionRow;
    switch (role) {
    case Qt::DisplayRole:
        return collectionRow ? QStringLiteral("All environments") : m_environments.at(index.row() - 1).name;
    case Qt::EditRole:
        return collectionRow ? QString() : m_environments.at(index.row() - 1).name;
    case Qt::ToolTipRole:
        return collectionRow
            ? QStringLiteral("The collection's own variables: they apply in every environment, "
                             "which can override them")
            : QStringLiteral("Double click to rename");
    case Qt::FontRole:
        return collectionRow ? QVariant(m_collectionFont) : QVariant();
    default:
        return {};
    }
}

bool EnvironmentListModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole || index.row() == CollectionRow
        || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return false;
    const QString name = value.toString().trimmed();
    Environment &environment = m_environments[index.row() - 1];
    if (name.isEmpty() || name == environment.name || rowOf(name) >= 0)
        return false;
    environment.name = name;
    Q_EMIT dataChanged(index, index, {Qt::DisplayRole, Qt::EditRole});
    return true;
}

Qt::ItemFlags EnvironmentListModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    const Qt::ItemFlags flags = Qt::ItemIsSelectable | Qt::ItemIsEnabled;
    return index.row() == CollectionRow ? flags : flags | Qt::ItemIsEditable;
}

bool EnvironmentListModel::removeRows(int row, int count, const QModelIndex &parent)
{
    if (parent.isValid() || row <= CollectionRow || count <= 0 || row + count > rowCount())
        return false;
    beginRemoveRows({}, row, row + count - 1);
    m_environments.remove(row - 1, count);
    endRemoveRows();
    return true;
}

void EnvironmentListModel::setContents(
    const QList<Environment> &environments, const Variables &collectionVariables)
{
    beginResetModel();
    m_environments = environments;
    m_collectionVariables = collectionVariables;
    endResetModel();
}

EnvironmentListModel::Variables EnvironmentListModel::variables(int row) const
{
    if (row == CollectionRow)
        return m_collectionVariables;
    if (row < 1 || row > m_environments.size())
        return {};
    return m_environments.at(row - 1).variables;
}

void EnvironmentListModel::setVariables(int row, const Variables &variables)
{
    // Not shown in the list, so no dataChanged.
    if (row == CollectionRow)
        m_collectionVariables = variables;
    else if (row >= 1 && row <= m_environments.size())
        m_environments[row - 1].variables = variables;
}

int EnvironmentListModel::rowOf(const QString &environmentName) const
{
    for (qsizetype i = 0; i < m_environments.size(); ++i) {
        if (m_environments.at(i).name == environmentName)
            return int(i) + 1;
    }
    return -1;
}

int EnvironmentListModel::addEnvironment(const QString &name, const Variables &variables)
{
    const int row = rowCount();
    beginInsertRows({}, row, row);
    m_environments.append(Environment{freeName(name.trimmed()), variables});
    endInsertRows();
    return row;
}

QString EnvironmentListModel::freeName(const QString &wanted) const
{
    const QString base = wanted.isEmpty() ? QStringLiteral("new environment") : wanted;
    QString name = base;
    for (int n = 2; rowOf(name) >= 0; ++n)
        name = base + u' ' + QString::number(n);
    return name;
}

} // namespace corscope
