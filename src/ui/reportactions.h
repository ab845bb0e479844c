#pragma once

#include <QJsonValue>
#include <QObject>
#include <QPointer>

#include "ui/exchangerecord.h"

class QMainWindow;

namespace corscope {

class ExplanationPanel;
class ReportDialog;
class RunPanel;

// The Report menu: copy or save a report of the exchange the explanation shows, or of the last
// collection run, and the preview dialog. The one-click copy is always redacted.
class ReportActions final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReportActions)

public:
    // Adds the Report menu to the frame. Reports are of the exchange the explanation shows, or of
    // the run panel's last run (runs may be null: no run reports then).
    ReportActions(QMainWindow *frame, ExplanationPanel *explanation, RunPanel *runs);
    ~ReportActions() override;

    // The JSON a report is made from: an exchange object, or a run array; Null when there is none.
    QJsonValue currentExchangeSource() const;
    QJsonValue lastRunSource() const;
    // Copies the redacted report of the current exchange; false when there is none.
    bool copyCurrentReport();
    // Opens the preview dialog (non-modal, deleted on close) on the current exchange or the run.
    ReportDialog *openPreview(bool lastRun = false);
    // The preview dialog on one exchange (a history row's Report…).
    ReportDialog *openPreviewFor(const ExchangeRecordPtr &record);

private:
    void createMenu();
    bool copyReport(const QJsonValue &source);
    ReportDialog *openDialog(const QJsonValue &source, const QString &subject);

    QMainWindow *m_frame;
    ExplanationPanel *m_explanation;
    QPointer<RunPanel> m_runs;
};

} // namespace corscope
