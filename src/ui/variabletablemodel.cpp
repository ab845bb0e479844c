#include "ui/variabletablemodel.h"

#include "report/redactor.h"

#include <QHash>
#include <QRegularExpression>

namespace corscope {

VariableTableModel::VariableTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

VariableTableModel::~VariableTableModel() = default;

int VariableTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_variables.size());
}

int VariableTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : NUM_COLUMNS;
}

QVariant VariableTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const auto &[name, value] = m_variables.at(index.row());
    const bool secret = isSecretLooking(name, value);
    switch (role) {
    case Qt::DisplayRole:
        if (index.column() == NameColumn)
            return name;
        return secret && !m_revealed && !value.isEmpty() ? Redactor::mask() : value;
    case Qt::EditRole:
        return index.column() == NameColumn ? name : value;
    case Qt::ToolTipRole:
        if (index.column() == NameColumn)
            return m_problems.at(index.row()).isEmpty() ? QString(u"{{" + name + u"}}")
                                                        : m_problems.at(index.row());
        if (secret && !m_revealed)
            return QStringLiteral("Hidden because it looks secret; “Show values” reveals it");
        return value;
    case ProblemRole:
        return m_problems.at(index.row());
    case IsSecretRole:
        return secret;
    default:
        return {};
    }
}

bool VariableTableModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole
        || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return false;
    auto &variable = m_variables[index.row()];
    const QString text = index.column() == NameColumn ? value.toString().trimmed() : value.toString();
    QString &target = index.column() == NameColumn ? variable.first : variable.second;
    if (target == text)
        return false;
    target = text;
    const QStringList before = m_problems;
    m_problems = rowProblems(m_variables);
    // The name decides both the mask of the value and the row's problem.
    Q_EMIT dataChanged(this->index(index.row(), NameColumn), this->index(index.row(), ValueColumn));
    emitProblemChanges(before);
    return true;
}

Qt::ItemFlags VariableTableModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    return Qt::ItemIsSelectable | Qt::ItemIsEnabled | Qt::ItemIsEditable;
}

QVariant VariableTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return QStringLiteral("Variable");
    case ValueColumn:
        return QStringLiteral("Value");
    default:
        return {};
    }
}

bool VariableTableModel::insertRows(int row, int count, const QModelIndex &parent)
{
    if (parent.isValid() || row < 0 || row > rowCount() || count <= 0)
        return false;
    const QStringList before = m_problems;
    beginInsertRows({}, row, row + count - 1);
    for (int i = 0; i < count; ++i)
        m_variables.insert(row, {});
    m_problems = rowProblems(m_variables);
    endInsertRows();
    QStringList shifted = before;
    for (int i = 0; i < count; ++i)
        shifted.insert(row + i, m_problems.at(row + i));
    emitProblemChanges(shifted);
    return true;
}

bool VariableTableModel::removeRows(int row, int count, const QModelIndex &parent)
{
    if (parent.isValid() || row < 0 || count <= 0 || row + count > rowCount())
        return false;
    beginRemoveRows({}, row, row + count - 1);
    m_variables.remove(row, count);
    QStringList before = m_problems;
    before.remove(row, count);
    m_problems = rowProblems(m_variables);
    endRemoveRows();
    emitProblemChanges(before); // removing one of two equal names clears the other's problem
    return true;
}

void VariableTableModel::setVariables(const Variables &variables)
{
    beginResetModel();
    m_variables = variables;
    m_problems = rowProblems(m_variables);
    endResetModel();
}

int VariableTableModel::appendVariable(const QString &name, const QString &value)
{
    const int row = rowCount();
    insertRows(row, 1);
    setData(index(row, NameColumn), name);
    setData(index(row, ValueColumn), value);
    return row;
}

void VariableTableModel::setSecretsRevealed(bool revealed)
{
    if (m_revealed == revealed)
        return;
    m_revealed = revealed;
    for (int row = 0; row < rowCount(); ++row) {
        if (isSecretLooking(m_variables.at(row).first, m_variables.at(row).second))
            Q_EMIT dataChanged(
                index(row, ValueColumn), index(row, ValueColumn), {Qt::DisplayRole, Qt::ToolTipRole});
    }
}

void VariableTableModel::emitProblemChanges(const QStringList &before)
{
    for (int row = 0; row < rowCount(); ++row) {
        if (row >= before.size() || before.at(row) != m_problems.at(row))
            Q_EMIT dataChanged(
                index(row, NameColumn), index(row, NameColumn), {Qt::ToolTipRole, ProblemRole});
    }
}

QStringList VariableTableModel::rowProblems(const Variables &variables)
{
    QStringList out;
    QHash<QString, int> uses;
    for (const auto &variable : variables)
        ++uses[variable.first];
    for (const auto &variable : variables) {
        const QString &name = variable.first;
        if (name.isEmpty())
            out.append(QStringLiteral("A variable needs a name."));
        else if (name.contains(u"{{") || name.contains(u"}}") || name.contains(u'\n'))
            out.append(u"“" + name + u"” cannot be written inside {{…}}.");
        else if (name.startsWith(u"env:"))
            out.append(u"“" + name + u"” is taken: {{env:NAME}} reads the process environment.");
        else if (uses.value(name) > 1)
            out.append(u"“" + name + u"” is defined twice.");
        else
            out.append(QString());
    }
    return out;
}

QStringList VariableTableModel::problems(const Variables &variables)
{
    QStringList out;
    for (const QString &problem : rowProblems(variables)) {
        if (!problem.isEmpty() && !out.contains(problem))
            out.append(problem);
    }
    return out;
}

bool VariableTableModel::isSecretLooking(const QString &name, const QString &value)
{
    static const QRegularExpression placeholderOnly(QStringLiteral(R"(^\s*\{\{\s*env:[^}]*\}\}\s*$)"));
    static const QRegularExpression credential(
        QStringLiteral(R"(^\s*(Bearer|Basic|Token)\s+\S)"), QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression jwt(QStringLiteral(R"(^eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.)"));
    if (placeholderOnly.match(value).hasMatch())
        return false;
    return Redactor::isSecretField(name) || Redactor::isSecretParameter(name)
        || credential.match(value).hasMatch() || jwt.match(value.trimmed()).hasMatch();
}

} // namespace corscope
