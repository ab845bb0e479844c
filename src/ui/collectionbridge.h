#pragma once

#include <QHash>
#include <QObject>
#include <QString>

class QDockWidget;
class QLineEdit;

namespace corscope {

class CollectionDock;
class ExchangeSession;
class MainWindow;
class RunPanel;
class Transport;
struct RunJob;
struct ExchangeResult;
struct RequestInput;

// Puts the collection tree and the run results into the window and wires them to the rest: opening
// a request fills the composer and selects its last result in the timeline, run results join the
// timeline, the window title carries the unsaved marker, files dropped on the window are imported and
// a curl command pasted into the URL field becomes a request. The window only calls install().
class CollectionBridge final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CollectionBridge)

public:
    // The session must outlive the window.
    static CollectionBridge *install(MainWindow *window, ExchangeSession *session);
    ~CollectionBridge() override;

    CollectionDock *dock() const { return m_dock; }
    RunPanel *runPanel() const { return m_runPanel; }
    QDockWidget *runDock() const { return m_runDock; }
    // Runs on this transport instead of the session's (tests).
    void setRunTransport(Transport *transport) { m_runTransport = transport; }
    Transport *runTransport() const { return m_runTransport; }
    // The timeline exchange that last ran the item (from that page origin when one is given), or 0.
    int lastExchangeOf(const QString &itemId, const QString &origin = {}) const
    {
        return m_lastExchange.value(origin.isEmpty() ? itemId : itemId + u'\n' + origin);
    }
    bool startRun(const QString &folderPath);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    CollectionBridge(MainWindow *window, ExchangeSession *session);
    void createMenus();
    void startEmpty(); // an untitled collection, the dock hidden
    void updateWindowTitle();
    void onRequestOpened(const QString &itemId, const RequestInput &input, const QStringList &problems);
    void onRunJobFinished(const RunJob &job, const ExchangeResult &result);
    bool importPastedCurl(const QString &text);
    void showStatus(const QString &text);

    MainWindow *m_window;
    ExchangeSession *m_session;
    CollectionDock *m_dock;
    QDockWidget *m_runDock;
    RunPanel *m_runPanel;
    Transport *m_runTransport;
    QLineEdit *m_urlEdit = nullptr;
    QString m_baseTitle;
    QString m_openedItemId;
    QString m_openedUrl;
    QHash<QString, int> m_lastExchange; // item id, and "id\norigin", -> exchange id
};

} // namespace corscope
