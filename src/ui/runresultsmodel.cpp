#include "ui/runresultsmodel.h"

#include "core/finding.h"
#include "ui/tone.h"

#include <QGuiApplication>
#include <QPalette>

namespace corscope {

RunResultsModel::RunResultsModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

RunResultsModel::~RunResultsModel() = default;

int RunResultsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rowNames.size());
}

int RunResultsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_origins.size()) + 1;
}

QVariant RunResultsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    if (index.column() == RequestColumn) {
        if (role == Qt::DisplayRole || role == Qt::ToolTipRole)
            return m_rowNames.at(index.row());
        if (role == JobIndexRole)
            return -1;
        return {};
    }
    const int job = m_cellJob.value({index.row(), index.column()}, -1);
    if (role == JobIndexRole)
        return job;
    if (job < 0)
        return role == Qt::DisplayRole ? QVariant(QStringLiteral("—")) : QVariant();
    const Cell &cell = m_cells.at(job);
    const bool asExpected
        = cell.done && cell.verdict && (!cell.expect || *cell.expect == verdictName(*cell.verdict));
    switch (role) {
    case Qt::DisplayRole:
        if (!cell.done)
            return cell.running ? QStringLiteral("running…") : QString();
        if (*cell.verdict == Verdict::Allowed)
            return QStringLiteral("✓ allowed");
        return QString(u"✗ " + (cell.check.isEmpty() ? verdictName(*cell.verdict) : cell.check)
            + (cell.expect && asExpected ? QStringLiteral(" (expected)") : QString()));
    case Qt::ToolTipRole: {
        if (!cell.done)
            return QString();
        QString tip = cell.message.isEmpty() ? verdictName(*cell.verdict) : cell.message;
        if (cell.expect)
            tip += u"\nExpected " + *cell.expect
                + (asExpected ? QStringLiteral(": met") : QStringLiteral(": NOT met"));
        return tip;
    }
    case Qt::ForegroundRole: {
        if (!cell.done)
            return {};
        const QPalette palette = QGuiApplication::palette();
        if (cell.expect)
            return toneColor(palette, asExpected ? Tone::Success : Tone::Failure);
        return toneColor(palette, *cell.verdict == Verdict::Allowed ? Tone::Success : Tone::Failure);
    }
    case VerdictRole:
        return cell.done ? verdictName(*cell.verdict) : QString();
    case CheckRole:
        return cell.check;
    case AsExpectedRole:
        return cell.expect && cell.done ? QVariant(asExpected) : QVariant();
    default:
        return {};
    }
}

QVariant RunResultsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    if (section == RequestColumn)
        return QStringLiteral("Request");
    return m_origins.value(section - 1);
}

void RunResultsModel::setJobs(const QList<RunJob> &jobs)
{
    beginResetModel();
    m_rowNames.clear();
    m_origins.clear();
    m_cells.clear();
    m_cellJob.clear();
    m_failedExpectations = 0;
    m_verdictCounts.fill(0);
    QHash<QString, int> rowOfItem;
    for (const RunJob &job : jobs) {
        const QString key = job.itemId.isEmpty() ? job.folderPath.join(u'/') + u'/' + job.name : job.itemId;
        int row = rowOfItem.value(key, -1);
        if (row < 0) {
            row = int(m_rowNames.size());
            rowOfItem.insert(key, row);
            m_rowNames.append(
                job.folderPath.isEmpty() ? job.name : job.folderPath.join(u'/') + u'/' + job.name);
        }
        int column = int(m_origins.indexOf(job.origin));
        if (column < 0) {
            column = int(m_origins.size());
            m_origins.append(job.origin);
        }
        Cell cell;
        cell.row = row;
        cell.column = column + 1;
        cell.expect = job.expect;
        m_cellJob.insert({cell.row, cell.column}, int(m_cells.size()));
        m_cells.append(cell);
    }
    endResetModel();
}

void RunResultsModel::setRunning(qsizetype jobIndex)
{
    if (jobIndex < 0 || jobIndex >= m_cells.size())
        return;
    Cell &cell = m_cells[jobIndex];
    cell.running = true;
    const QModelIndex changed = index(cell.row, cell.column);
    Q_EMIT dataChanged(changed, changed);
}

void RunResultsModel::setResult(qsizetype jobIndex, const ExchangeResult &result)
{
    if (jobIndex < 0 || jobIndex >= m_cells.size())
        return;
    Cell &cell = m_cells[jobIndex];
    const auto missesExpectation = [&cell] { return cell.expect && *cell.expect != verdictName(*cell.verdict); };
    if (cell.done) { // a result again: take the old one out of the counts
        --m_verdictCounts[size_t(*cell.verdict)];
        m_failedExpectations -= missesExpectation() ? 1 : 0;
    }
    cell.running = false;
    cell.done = true;
    cell.verdict = result.verdict;
    cell.check = result.failure ? checkIdName(result.failure->check) : QString();
    cell.message = result.failure ? result.failure->consoleMessage : QString();
    ++m_verdictCounts[size_t(result.verdict)];
    m_failedExpectations += missesExpectation() ? 1 : 0;
    const QModelIndex changed = index(cell.row, cell.column);
    Q_EMIT dataChanged(changed, changed);
}

void RunResultsModel::clear()
{
    setJobs({});
}

} // namespace corscope
