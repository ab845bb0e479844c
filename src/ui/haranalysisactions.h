#pragma once

#include <QObject>
#include <QPointer>
#include <QString>

class QAction;
class QProgressBar;
class QToolButton;

namespace corscope {

class ExchangeSession;
class ImportJob;
class MainWindow;

// File ▸ Analyze a HAR recording…: the CORS exchanges a browser recorded (DevTools' "Export HAR"),
// replayed through the engine on a worker thread and added to the timeline like sent ones, each
// saying where it was recorded. Nothing is sent; the history does not keep them. While it runs, the
// status bar shows its progress and a Cancel button.
class HarAnalysisActions final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HarAnalysisActions)

public:
    // The session (for exchange ids) must outlive the window.
    static HarAnalysisActions *install(MainWindow *window, ExchangeSession *session);

    // Analyzes the HAR at `path` under the composer's browser profile; any analysis still running is
    // cancelled. The job is the caller's to watch, not to delete.
    ImportJob *analyzeFile(const QString &path);

Q_SIGNALS:
    // The analysis ended: `exchanges` joined the timeline (0 on an error or a cancel).
    void analysisFinished(int exchanges);

private:
    HarAnalysisActions(MainWindow *window, ExchangeSession *session);
    void chooseFile();
    void onFinished(ImportJob *job);
    void showProgress(bool running);

    MainWindow *m_window;
    ExchangeSession *m_session;
    QAction *m_action;
    QProgressBar *m_progress;
    QToolButton *m_cancel;
    QPointer<ImportJob> m_job;
};

} // namespace corscope
