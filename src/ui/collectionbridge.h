#pragma once

#include <QHash>
#include <QModelIndex>
#include <QObject>
#include <QString>

#include "store/collection.h"

#include <optional>

class QDockWidget;
class QLineEdit;

class QMainWindow;

namespace corscope {

class CollectionDock;
class ComposerPanel;
class ExchangeLog;
class RunPanel;
class Transport;
struct RunJob;
struct ExchangeResult;
struct RequestInput;

// Puts the collection tree and the run results into the window and wires them to the rest: opening
// a request fills the composer and selects its last result in the timeline, run results join the
// timeline, the window title carries the unsaved marker, files dropped on the window are imported and
// a curl command pasted into the URL field becomes a request. It gets the frame (for its docks, menus
// and status bar), the log and the composer through its constructor, and asks the window to show an
// exchange through exchangeChosen().
class CollectionBridge final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CollectionBridge)

public:
    // The log and the composer must outlive the bridge.
    CollectionBridge(QMainWindow *frame, ExchangeLog *log, ComposerPanel *composer);
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

    // Ctrl+S: the composer's request into the request it was opened from, or, for a new one, where
    // the Save Request dialog says (the collection dock shows the untitled collection if none is open).
    void saveComposedRequest();
    // Save Request As… and a history row's "Save to collection": always asks for a name and folder.
    // The dialog is opened (not run), so the window stays live; saved() follows its Save.
    void saveRequestAs(const RequestInput &input);
    // Saves without asking: into `folderPath` ("a/b", created when missing) under `name`.
    QModelIndex saveRequestInto(const RequestInput &input, const QString &name, const QString &folderPath);
    // The lab's demo: the tree of a first start, and File ▸ Open the Lab Demo.
    void setDemoCollection(const Collection &demo);
    // The demo in the tree (the whole tree when it is empty, else a folder of its own, added once)
    // and its first request expected to be blocked in the composer; demoShown() follows, after the
    // working state has been restored.
    void showDemo();
    // The composer no longer edits a collection entry (a history row was loaded into it).
    void forgetOpenedRequest();
    // The working state of the last session is still being read.
    bool isRestoring() const { return m_restoring; }
    // The collection item the composer's request came from ("" for a new request).
    QString openedItemId() const { return m_openedItemId; }

Q_SIGNALS:
    void requestSaved(const QString &itemId);
    // showDemo() is done; opened: a demo request is in the composer.
    void demoShown(bool opened);
    // An exchange to select in the timeline (a request opened with a result, a run's result).
    void exchangeChosen(int exchangeId);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void createMenus();
    void startEmpty(); // the demo, or an untitled collection
    QModelIndex demoRoot() const;
    void updateWindowTitle();
    void onRequestOpened(const QString &itemId, const RequestInput &input, const QStringList &problems);
    void onRunJobFinished(const RunJob &job, const ExchangeResult &result);
    bool importPastedCurl(const QString &text);
    void showStatus(const QString &text);

    QMainWindow *m_window;
    ExchangeLog *m_log;
    ComposerPanel *m_composer;
    CollectionDock *m_dock;
    QDockWidget *m_runDock;
    RunPanel *m_runPanel;
    Transport *m_runTransport;
    QLineEdit *m_urlEdit = nullptr;
    QString m_baseTitle;
    std::optional<Collection> m_demo;
    bool m_restoring = false;
    bool m_demoPending = false;
    QString m_openedItemId;
    QString m_openedUrl;
    QHash<QString, int> m_lastExchange; // item id, and "id\norigin", -> exchange id
};

} // namespace corscope
