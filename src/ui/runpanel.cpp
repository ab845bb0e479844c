#include "ui/runpanel.h"

#include "core/exchangejson.h"
#include "ui/runresultsmodel.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace corscope {

RunPanel::RunPanel(QWidget *parent)
    : QWidget(parent)
    , m_model(new RunResultsModel(this))
    , m_view(new QTableView(this))
    , m_progress(new QProgressBar(this))
    , m_cancel(new QPushButton(QStringLiteral("Cancel"), this))
    , m_summary(new QLabel(this))
{
    setObjectName(QStringLiteral("runPanel"));
    m_view->setObjectName(QStringLiteral("runResultsView"));
    m_view->setModel(m_model);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_view->setSelectionBehavior(QAbstractItemView::SelectItems);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setWordWrap(false);
    m_progress->setObjectName(QStringLiteral("runProgress"));
    m_progress->setTextVisible(true);
    m_progress->setFormat(QStringLiteral("%v / %m"));
    m_cancel->setObjectName(QStringLiteral("runCancelButton"));
    m_cancel->setEnabled(false);
    m_summary->setObjectName(QStringLiteral("runSummary"));
    m_summary->setText(
        QStringLiteral("Run a collection or a folder (Collection ▸ Run) to see which requests pass from "
                       "which page origin."));
    m_summary->setWordWrap(true);

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_progress, 1);
    bar->addWidget(m_cancel);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(bar);
    layout->addWidget(m_summary);
    layout->addWidget(m_view, 1);

    connect(m_cancel, &QPushButton::clicked, this, &RunPanel::cancel);
}

RunPanel::~RunPanel()
{
    if (m_runner)
        m_runner->cancel();
}

void RunPanel::start(const QString &title, const QList<RunJob> &jobs, Transport *transport, int perHostLimit)
{
    if (m_runner) {
        m_runner->cancel();
        m_runner->deleteLater();
    }
    m_title = title;
    m_model->setJobs(jobs);
    m_view->resizeColumnToContents(RunResultsModel::RequestColumn);
    for (int column = 1; column < m_model->columnCount(); ++column)
        m_view->setColumnWidth(column, 200);
    m_progress->setRange(0, int(jobs.size()));
    m_progress->setValue(0);
    m_runner = new CollectionRunner(jobs, transport, perHostLimit, this);
    connect(m_runner, &CollectionRunner::jobStarted, this,
        [this](qsizetype index) { m_model->setRunning(index); });
    connect(m_runner, &CollectionRunner::jobFinished, this, [this](qsizetype index) {
        m_model->setResult(index, m_runner->result(index));
        m_progress->setValue(m_model->finishedCount());
        updateSummary();
        Q_EMIT jobFinished(m_runner->jobs().at(index), m_runner->result(index));
    });
    connect(m_runner, &CollectionRunner::finished, this, [this] {
        m_running = false;
        m_cancel->setEnabled(false);
        updateSummary();
        Q_EMIT runningChanged(false);
        Q_EMIT runFinished();
    });
    m_running = true;
    m_cancel->setEnabled(true);
    updateSummary();
    Q_EMIT runningChanged(true);
    m_runner->start();
}

void RunPanel::cancel()
{
    if (m_runner && m_running)
        m_runner->cancel();
}

bool RunPanel::isRunning() const
{
    return m_running;
}

bool RunPanel::hasResults() const
{
    return m_model->finishedCount() > 0;
}

QString RunPanel::summary() const
{
    return m_summary->text();
}

void RunPanel::updateSummary()
{
    const int total = m_model->jobCount();
    const int done = m_model->finishedCount();
    QString text = m_title + u": ";
    if (m_running)
        text += QString::number(done) + u" of " + QString::number(total) + u" done";
    else if (m_runner && m_runner->wasCancelled())
        text += u"cancelled after " + QString::number(done) + u" of " + QString::number(total);
    else
        text += QString::number(total) + u" finished";
    text += u" — " + QString::number(m_model->countVerdict(Verdict::Allowed)) + u" allowed, "
        + QString::number(m_model->countVerdict(Verdict::Blocked)) + u" blocked, "
        + QString::number(m_model->countVerdict(Verdict::NetworkError)) + u" network errors";
    if (m_model->failedExpectations() > 0)
        text += u"; " + QString::number(m_model->failedExpectations()) + u" not as expected";
    m_summary->setText(text);
}

QJsonArray RunPanel::lastRunJson() const
{
    return m_runner ? m_runner->resultsJson() : QJsonArray();
}

std::optional<RunJob> RunPanel::jobAt(int jobIndex) const
{
    if (!m_runner || jobIndex < 0 || jobIndex >= m_runner->jobs().size())
        return std::nullopt;
    return m_runner->jobs().at(jobIndex);
}

} // namespace corscope
