#pragma once

#include "core/exchange.h"
#include "runner/collectionrunner.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>
#include <QPair>

#include <array>
#include <numeric>

namespace corscope {

// The origin matrix of a collection run: one row per request, one column per page origin after the
// request's name; a cell says what the browser decided for that request from that origin
// ("✓ allowed", "✗ preflight-status"), and whether it met the request's expected verdict.
class RunResultsModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RunResultsModel)

public:
    enum Role {
        VerdictRole = Qt::UserRole, // QString: "allowed", "blocked", "network-error"; empty until done
        CheckRole, // QString: the failing check id, empty when none
        AsExpectedRole, // QVariant(bool), invalid when the request has no expectation
        JobIndexRole, // int, -1 when no job for that cell
    };
    static constexpr int RequestColumn = 0;

    explicit RunResultsModel(QObject *parent = nullptr);
    ~RunResultsModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void setJobs(const QList<RunJob> &jobs);
    void setRunning(qsizetype jobIndex);
    void setResult(qsizetype jobIndex, const ExchangeResult &result);
    void clear();

    QStringList origins() const { return m_origins; }
    int finishedCount() const { return std::accumulate(m_verdictCounts.begin(), m_verdictCounts.end(), 0); }
    int jobCount() const { return int(m_cells.size()); }
    int failedExpectations() const { return m_failedExpectations; }
    int countVerdict(Verdict verdict) const { return m_verdictCounts.at(size_t(verdict)); }

private:
    struct Cell
    {
        int row = 0;
        int column = 0;
        bool running = false;
        bool done = false;
        std::optional<Verdict> verdict;
        QString check;
        QString message;
        std::optional<QString> expect;
    };

    QList<QString> m_rowNames;
    QStringList m_origins;
    QList<Cell> m_cells; // per job
    QHash<QPair<int, int>, int> m_cellJob; // (row, origin column) -> job
    // Kept up to date by setResult(), which runs for every finished job: counting the cells each time
    // would make a run quadratic in its size.
    int m_failedExpectations = 0;
    std::array<int, 3> m_verdictCounts{}; // by Verdict
};

} // namespace corscope
