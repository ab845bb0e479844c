#pragma once

#include "store/collectionfile.h"
#include "ui/exchangerecord.h"

#include <QList>
#include <QMainWindow>

class QAction;
class QDockWidget;
class QImage;
class QLabel;
class QMenu;
class QProgressBar;
class QSplitter;
class QTimer;

namespace corscope {

class ComposerPanel;
class DetailsPanel;
class ExchangeSession;
class ExplanationPanel;
class HistoryStore;
class SavedRequestModel;
class SavedRequestsPanel;
class TimelineModel;
class TimelinePanel;

// The inspector window. It composes the panels and wires them to the session; the panels get
// what they need through their constructors and the window holds no CORS logic.
//
//   composer | timeline (waterfall)
//            | explanation | details
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    // The session and the history must outlive the window. Without a history nothing is kept
    // across restarts; with one, it is loaded in the background right away.
    explicit MainWindow(ExchangeSession *session, HistoryStore *history = nullptr, QWidget *parent = nullptr);
    ~MainWindow() override;

    // The saved requests listed in the Requests dock (the lab's demo requests).
    void setSavedRequests(const Collection &collection);
    // Fills the composer with a saved request and selects it in the list.
    void loadSavedRequest(int row);
    // Builds the composer's request and sends it; false (and the problems shown) when it cannot be sent.
    bool sendCurrentRequest();
    void cancelRequest();
    // Puts on the clipboard the curl commands that replay the composer's request as the browser
    // would send it: its preflight first when one is needed. False (and the problem shown) when the
    // request cannot be built.
    bool copyCurrentRequestAsCurl();

    ComposerPanel *composer() const { return m_composer; }
    TimelineModel *timelineModel() const { return m_timelineModel; }
    TimelinePanel *timeline() const { return m_timeline; }
    ExplanationPanel *explanation() const { return m_explanation; }
    DetailsPanel *details() const { return m_details; }
    SavedRequestModel *savedRequestModel() const { return m_savedRequestModel; }
    SavedRequestsPanel *savedRequests() const { return m_savedRequests; }

    static QSize defaultSize() { return {1280, 800}; }
    // The window as a person sees it now, with pending layout work done first (for screenshots).
    QImage renderImage();

Q_SIGNALS:
    // The explanation panel shows this exchange (after a send or a selection).
    void exchangeShown(int exchangeId);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createActions();
    void onExchangeFinished(const ExchangeRecordPtr &record);
    void onExchangeUpdated(const ExchangeRecordPtr &record);
    void onBusyChanged(bool busy);
    void showTimelineRow(int row);
    void connectHistory();
    void clearHistory();
    void restoreSettings();
    void saveSettings() const;

    ExchangeSession *m_session;
    HistoryStore *m_history;
    TimelineModel *m_timelineModel;
    ComposerPanel *m_composer;
    TimelinePanel *m_timeline;
    ExplanationPanel *m_explanation;
    DetailsPanel *m_details;
    QSplitter *m_mainSplitter;
    QSplitter *m_rightSplitter;
    QSplitter *m_bottomSplitter;
    QAction *m_sendAction = nullptr;
    QAction *m_cancelAction = nullptr;
    QProgressBar *m_busy;
    QTimer *m_progressTimer;
    QLabel *m_status;
    SavedRequestModel *m_savedRequestModel;
    SavedRequestsPanel *m_savedRequests;
    QDockWidget *m_savedRequestsDock;
};

} // namespace corscope
