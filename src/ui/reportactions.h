#pragma once

#include <QJsonValue>
#include <QObject>

namespace corscope {

class CollectionBridge;
class MainWindow;
class ReportDialog;

// The Report menu: copy or save a report of the exchange the explanation shows, or of the last
// collection run, and the preview dialog. The one-click copy is always redacted.
class ReportActions final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReportActions)

public:
    // bridge may be null (no run reports then).
    static ReportActions *install(MainWindow *window, CollectionBridge *bridge);
    ~ReportActions() override;

    // The JSON a report is made from: an exchange object, or a run array; Null when there is none.
    QJsonValue currentExchangeSource() const;
    QJsonValue lastRunSource() const;
    // Copies the redacted report of the current exchange; false when there is none.
    bool copyCurrentReport();
    // Opens the preview dialog (non-modal, deleted on close) on the current exchange or the run.
    ReportDialog *openPreview(bool lastRun = false);

private:
    ReportActions(MainWindow *window, CollectionBridge *bridge);
    void createMenu();
    bool copyReport(const QJsonValue &source);

    MainWindow *m_window;
    CollectionBridge *m_bridge;
};

} // namespace corscope
