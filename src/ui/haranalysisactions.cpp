#include "ui/haranalysisactions.h"

#include "ui/composerpanel.h"
#include "ui/exchangelog.h"
#include "ui/importjob.h"
#include "ui/menus.h"

#include <QAction>
#include <QFileDialog>
#include <QFileInfo>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QProgressBar>
#include <QStatusBar>
#include <QToolButton>

namespace corscope {

HarAnalysisActions::HarAnalysisActions(QMainWindow *window, ExchangeLog *log, ComposerPanel *composer)
    : QObject(window)
    , m_frame(window)
    , m_log(log)
    , m_composer(composer)
    , m_action(new QAction(QStringLiteral("&Analyze a HAR Recording…"), window))
    , m_progress(new QProgressBar(window->statusBar()))
    , m_cancel(new QToolButton(window->statusBar()))
{
    setObjectName(QStringLiteral("harAnalysisActions"));
    m_action->setObjectName(QStringLiteral("analyzeHarAction"));
    m_action->setStatusTip(QStringLiteral("Replay the CORS exchanges a browser recorded (DevTools' Export HAR) "
                                          "through the engine, without sending anything"));
    connect(m_action, &QAction::triggered, this, &HarAnalysisActions::chooseFile);
    QMenu *file = findOrCreateMenu(window->menuBar(), QStringLiteral("&File"), true);
    file->addSeparator();
    file->addAction(m_action);

    m_progress->setObjectName(QStringLiteral("harAnalysisProgress"));
    m_progress->setRange(0, 100);
    m_progress->setMaximumWidth(160);
    m_cancel->setObjectName(QStringLiteral("cancelHarAnalysisButton"));
    m_cancel->setText(QStringLiteral("Cancel"));
    m_cancel->setToolTip(QStringLiteral("Stop analyzing the HAR recording; the timeline stays as it is"));
    connect(m_cancel, &QToolButton::clicked, this, [this] {
        m_cancelRequested = true;
        m_analysis.cancel(); // the result follows, as for any end, and is shown as cancelled
    });
    m_analysis.setProgressHandler([this](int percent, const QString &phase) {
        m_frame->statusBar()->showMessage(phase);
        m_progress->setValue(percent);
    });
    window->statusBar()->addPermanentWidget(m_progress);
    window->statusBar()->addPermanentWidget(m_cancel);
    showProgress(false);
}

void HarAnalysisActions::showProgress(bool running)
{
    m_progress->setValue(0);
    m_progress->setVisible(running);
    m_cancel->setVisible(running);
}

void HarAnalysisActions::chooseFile()
{
    const QString path = QFileDialog::getOpenFileName(m_frame, QStringLiteral("Analyze a HAR recording"), QString(),
        QStringLiteral("HAR files (*.har *.json);;All files (*)"));
    if (!path.isEmpty())
        analyzeFile(path);
}

void HarAnalysisActions::analyzeFile(const QString &path)
{
    const BrowserProfile profile
        = BrowserProfile::fromName(m_composer->input().browser).value_or(BrowserProfile::chromium());
    m_cancelRequested = false;
    showProgress(true);
    // Starting a job makes the one still running stale: it stops, and its result is dropped.
    m_analysis.startJob(
        [path, profile](const JobControl &control) { return ImportJob::run(path, profile, control); },
        [this, path, browserName = profile.displayName](
            ImportOutcome &&outcome) { onFinished(path, browserName, outcome); });
}

void HarAnalysisActions::onFinished(const QString &path, const QString &browserName, ImportOutcome &outcome)
{
    showProgress(false);
    const QString fileName = QFileInfo(path).fileName();
    if (m_cancelRequested || outcome.cancelled) {
        m_frame->statusBar()->showMessage(u"Analysis of " + fileName + u" cancelled; the timeline is unchanged.");
        Q_EMIT analysisFinished(0);
        return;
    }
    if (!outcome.error.isEmpty()) {
        m_frame->statusBar()->showMessage(u"Cannot analyze " + fileName + u" as a HAR recording: " + outcome.error);
        Q_EMIT analysisFinished(0);
        return;
    }
    const QList<std::shared_ptr<ExchangeRecord>> built = std::move(outcome.records); // made on the worker
    const QList<ExchangeRecordPtr> records = m_log->addAnalyzed(built);
    int blocked = 0;
    int firstBlocked = 0;
    for (const ExchangeRecordPtr &record : records) {
        if (record->result.verdict != Verdict::Allowed && ++blocked == 1)
            firstBlocked = record->id;
    }
    // The first failure is what the user opened the file for; else the first exchange.
    const int shown = firstBlocked > 0 ? firstBlocked : (records.isEmpty() ? 0 : records.first()->id);
    if (shown > 0)
        Q_EMIT exchangeChosen(shown);
    m_frame->statusBar()->showMessage(fileName + u": " + QString::number(outcome.harEntryCount) + u" entries, "
        + QString::number(records.size()) + u" cross-origin request(s) analyzed with "
        + browserName + u": "
        + QString::number(records.size() - blocked) + u" allowed, " + QString::number(blocked)
        + u" blocked or failed. Nothing was sent.");
    Q_EMIT analysisFinished(int(records.size()));
}

} // namespace corscope
