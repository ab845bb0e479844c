#pragma once

#include "ui/jobtracker.h"

#include <QObject>
#include <QString>

class QAction;
class QMainWindow;
class QProgressBar;
class QToolButton;

namespace corscope {

class ComposerPanel;
class ExchangeLog;
struct ImportOutcome;

// File ▸ Analyze a HAR recording…: the CORS exchanges a browser recorded (DevTools' "Export HAR"),
// replayed through the engine on a worker thread and added to the timeline like sent ones, each
// saying where it was recorded. Nothing is sent; the history does not keep them. While it runs, the
// status bar shows its progress and a Cancel button.
class HarAnalysisActions final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HarAnalysisActions)

public:
    // Adds File ▸ Analyze… to the frame's menu bar and the progress to its status bar. The analyzed
    // exchanges join the log; the composer's browser judges them.
    HarAnalysisActions(QMainWindow *frame, ExchangeLog *log, ComposerPanel *composer);

    // Analyzes the HAR at `path` under the composer's browser profile on a worker thread; any
    // analysis still running is cancelled and its result dropped. analysisFinished() follows.
    void analyzeFile(const QString &path);

Q_SIGNALS:
    // The analysis ended: `exchanges` joined the timeline (0 on an error or a cancel).
    void analysisFinished(int exchanges);
    // The exchange to show first: the first refused one, else the first.
    void exchangeChosen(int exchangeId);

private:
    void chooseFile();
    void onFinished(const QString &path, const QString &browserName, ImportOutcome &outcome);
    void showProgress(bool running);

    QMainWindow *m_frame;
    ExchangeLog *m_log;
    ComposerPanel *m_composer;
    QAction *m_action;
    QProgressBar *m_progress;
    QToolButton *m_cancel;
    bool m_cancelRequested = false; // Cancel was clicked for the newest analysis
    JobTracker m_analysis{this};    // newest wins: a replaced analysis is stopped and never shown
};

} // namespace corscope
