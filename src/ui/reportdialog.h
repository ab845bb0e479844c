#pragma once

#include "report/reportdata.h"
#include "ui/jobtracker.h"

#include <QDialog>
#include <QImage>
#include <QJsonValue>
#include <QThreadPool>
#include <optional>

class QCheckBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTimer;

namespace corscope {

// Shows exactly what a report will share before it leaves the machine: the PNG (scaled) and the
// Markdown, both rendered from the same redacted data the clipboard and the files get. Redaction is
// on whenever the dialog opens; "Show secrets" is an explicit choice that lasts until it closes.
// User patterns (one regular expression per line) are masked too and remembered.
class ReportDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReportDialog)

public:
    // source: an exchange object (exchangeToJson) or a `corscope run` array.
    ReportDialog(const QJsonValue &source, const QString &subject, QWidget *parent = nullptr);
    ~ReportDialog() override;

    void setStack(std::optional<ServerStack> stack);
    ReportOptions options() const;
    bool isRedacting() const;
    // The data of the preview (after the last refresh); nullopt when the source is not a report.
    const std::optional<ReportData> &reportData() const { return m_data; }
    QString markdown() const;
    QImage image() const { return m_image; }
    QString errorText() const;

    QCheckBox *showSecretsBox() const { return m_showSecrets; }
    QPlainTextEdit *patternsEdit() const { return m_patterns; }

    // Renders now (the fields refresh after a short pause while typing).
    void refresh();
    void copyToClipboard();
    // Format from the extension (.png, .md, .html, .har). Rendered at once, written on a worker
    // thread; saved() follows either way.
    void saveTo(const QString &path);
    void saveWithDialog();

    static QString patternsSettingsKey() { return QStringLiteral("report/redactPatterns"); }

Q_SIGNALS:
    // error is empty when the file was written.
    void saved(const QString &path, const QString &error);

protected:
    void showEvent(QShowEvent *event) override;

private:
    void finishSave(const QString &path, const QString &error, bool redacted);

    QJsonValue m_source;
    std::optional<ServerStack> m_stack = ServerStack::Express;
    std::optional<ReportData> m_data;
    QImage m_image;
    QLabel *m_subject;
    QLabel *m_imageLabel;
    QPlainTextEdit *m_markdown;
    QCheckBox *m_showSecrets;
    QLabel *m_secretsWarning;
    QPlainTextEdit *m_patterns;
    QLabel *m_patternError;
    QLabel *m_result;
    QPushButton *m_copy;
    QPushButton *m_save;
    QTimer *m_refreshTimer;
    // One thread: files are written in the order saved. Declared before the tracker, so that the
    // tracker goes first and the pool's destructor then waits for a write still running.
    QThreadPool m_writerPool;
    JobTracker m_writer{this, JobTracker::Delivery::EveryJob, &m_writerPool}; // every save reports
};

} // namespace corscope
