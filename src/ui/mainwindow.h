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

class CollectionBridge;
class ComposerPanel;
class ReportActions;
class DetailsPanel;
class ExchangeActions;
class ExchangeLog;
class ExchangeSession;
class ExplanationPanel;
class HistoryStore;
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
    // The session and the history must outlive the window. The window's exchange log (every
    // exchange it shows is born there) sends through the session and keeps the history; without a
    // history nothing is kept across restarts, with one it is loaded in the background right away.
    explicit MainWindow(ExchangeSession *session, HistoryStore *history = nullptr, QWidget *parent = nullptr);
    ~MainWindow() override;

    // The lab's demo requests: File ▸ Open the Lab Demo, and the collection of a first start.
    void setDemoCollection(const Collection &demo);
    // Puts the demo into the collection tree (once the working state is restored) and opens its
    // first failing request in the composer; demoShown() follows.
    void showDemo();
    // The port the embedded lab listens on: the status bar says so when it is not the usual one.
    void setLabPort(quint16 port);
    // Builds the composer's request and sends it; false (and the problems shown) when it cannot be sent.
    bool sendCurrentRequest();
    void cancelRequest();
    // Selects the exchange's most telling row in the timeline (which shows it).
    void selectExchange(int exchangeId);
    // Its request into the composer, its result in the explanation (a timeline row's double click).
    void openExchange(const corscope::ExchangeRecordPtr &record);
    void showStatus(const QString &text);
    // Puts on the clipboard the curl commands that replay the composer's request as the browser
    // would send it: its preflight first when one is needed. False (and the problem shown) when the
    // request cannot be built.
    bool copyCurrentRequestAsCurl();

    ExchangeLog *exchangeLog() const { return m_log; }
    ComposerPanel *composer() const { return m_composer; }
    TimelineModel *timelineModel() const { return m_timelineModel; }
    TimelinePanel *timeline() const { return m_timeline; }
    ExplanationPanel *explanation() const { return m_explanation; }
    DetailsPanel *details() const { return m_details; }
    CollectionBridge *collections() const { return m_collections; }
    ExchangeActions *exchangeActions() const { return m_exchangeActions; }
    ReportActions *reports() const { return m_reports; }

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
    void createHelpMenu();
    void onExchangeFinished(const ExchangeRecordPtr &record);
    void onExchangeUpdated(const ExchangeRecordPtr &record);
    void onBusyChanged(bool busy);
    void showTimelineRow(int row);
    void connectLog();
    void askToClearHistory();
    void clearHistory();
    void restoreSettings();
    void saveSettings() const;

    ExchangeLog *m_log;
    CollectionBridge *m_collections = nullptr;
    ReportActions *m_reports = nullptr;
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
    ExchangeActions *m_exchangeActions = nullptr;
};

} // namespace corscope
