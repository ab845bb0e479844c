#pragma once

#include "runner/collectionrunner.h"

#include <QJsonArray>
#include <QPointer>
#include <QWidget>

class QLabel;
class QProgressBar;
class QPushButton;
class QTableView;

namespace corscope {

class RunResultsModel;
class Transport;

// Runs a collection or a folder with a CollectionRunner and shows the origin matrix as it fills:
// a progress bar with Cancel, a one-line summary and the results table.
class RunPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RunPanel)

public:
    explicit RunPanel(QWidget *parent = nullptr);
    ~RunPanel() override;

    // The transport must outlive the run.
    void start(const QString &title, const QList<RunJob> &jobs, Transport *transport, int perHostLimit = 1);
    void cancel();
    bool isRunning() const;

    RunResultsModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    QString summary() const;
    // The finished jobs of the last run as `corscope run` prints them (the input of a batch report).
    QJsonArray lastRunJson() const;
    bool hasResults() const;
    // The job of the last run behind a results cell (JobIndexRole); nullopt when there is none.
    std::optional<RunJob> jobAt(int jobIndex) const;

Q_SIGNALS:
    void jobFinished(const corscope::RunJob &job, const corscope::ExchangeResult &result);
    void runningChanged(bool running);
    void runFinished();

private:
    void updateSummary();

    RunResultsModel *m_model;
    QTableView *m_view;
    QProgressBar *m_progress;
    QPushButton *m_cancel;
    QLabel *m_summary;
    QPointer<CollectionRunner> m_runner;
    QString m_title;
    bool m_running = false;
};

} // namespace corscope
