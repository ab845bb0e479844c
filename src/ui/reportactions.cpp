#include "ui/reportactions.h"

#include "core/exchangejson.h"
#include "core/fixsnippet.h"
#include "report/reportdata.h"
#include "ui/explanationpanel.h"
#include "ui/reportclipboard.h"
#include "ui/reportdialog.h"
#include "ui/runpanel.h"

#include <QAction>
#include <QJsonArray>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QSettings>
#include <QStatusBar>

namespace corscope {

ReportActions::ReportActions(QMainWindow *frame, ExplanationPanel *explanation, RunPanel *runs)
    : QObject(frame)
    , m_frame(frame)
    , m_explanation(explanation)
    , m_runs(runs)
{
    setObjectName(QStringLiteral("reportActions"));
    createMenu();
}

ReportActions::~ReportActions() = default;

void ReportActions::createMenu()
{
    QMenu *menu = m_frame->menuBar()->addMenu(QStringLiteral("Re&port"));
    menu->setObjectName(QStringLiteral("reportMenu"));
    QAction *copy = menu->addAction(QStringLiteral("&Copy Report"));
    copy->setObjectName(QStringLiteral("copyReportAction"));
    copy->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    copy->setToolTip(
        QStringLiteral("Markdown and a PNG of the shown exchange on the clipboard, secrets masked"));
    connect(copy, &QAction::triggered, this, &ReportActions::copyCurrentReport);
    QAction *save = menu->addAction(QStringLiteral("&Save Report…"));
    save->setObjectName(QStringLiteral("saveReportAction"));
    connect(save, &QAction::triggered, this, [this] { openPreview(false); });
    QAction *preview = menu->addAction(QStringLiteral("&Preview Report…"));
    preview->setObjectName(QStringLiteral("previewReportAction"));
    connect(preview, &QAction::triggered, this, [this] { openPreview(false); });
    menu->addSeparator();
    QAction *copyRun = menu->addAction(QStringLiteral("Copy &Run Report"));
    copyRun->setObjectName(QStringLiteral("copyRunReportAction"));
    connect(copyRun, &QAction::triggered, this, [this] { copyReport(lastRunSource()); });
    QAction *saveRun = menu->addAction(QStringLiteral("Save R&un Report…"));
    saveRun->setObjectName(QStringLiteral("saveRunReportAction"));
    connect(saveRun, &QAction::triggered, this, [this] { openPreview(true); });
    connect(menu, &QMenu::aboutToShow, this, [this, copy, save, preview, copyRun, saveRun] {
        const bool exchange = !currentExchangeSource().isNull();
        const bool run = !lastRunSource().isNull();
        for (QAction *action : {copy, save, preview})
            action->setEnabled(exchange);
        for (QAction *action : {copyRun, saveRun})
            action->setEnabled(run);
    });
    m_frame->addAction(copy);
}

QJsonValue ReportActions::currentExchangeSource() const
{
    const ExchangeRecordPtr record = m_explanation->exchange();
    if (!record)
        return QJsonValue(QJsonValue::Null);
    return exchangeToJson(record->request, record->profile, record->result);
}

QJsonValue ReportActions::lastRunSource() const
{
    if (!m_runs || !m_runs->hasResults())
        return QJsonValue(QJsonValue::Null);
    return m_runs->lastRunJson();
}

bool ReportActions::copyCurrentReport()
{
    return copyReport(currentExchangeSource());
}

bool ReportActions::copyReport(const QJsonValue &source)
{
    if (source.isNull()) {
        m_frame->statusBar()->showMessage(
            QStringLiteral("Nothing to report yet: send a request first."), 8000);
        return false;
    }
    ReportOptions options;
    options.stack = serverStackFromName(m_explanation->stack());
    for (const QString &line : QSettings().value(ReportDialog::patternsSettingsKey()).toStringList()) {
        const QRegularExpression pattern(line);
        if (pattern.isValid())
            options.redactPatterns.append(pattern);
    }
    QString error;
    const auto data = ReportData::fromValue(source, options, &error);
    if (!data) {
        m_frame->statusBar()->showMessage(u"No report: " + error, 8000);
        return false;
    }
    ReportClipboard::copy(*data);
    m_frame->statusBar()->showMessage(
        QStringLiteral(
            "Copied the report (Markdown and PNG), secrets masked. Report ▸ Preview shows what was copied."),
        8000);
    return true;
}

ReportDialog *ReportActions::openPreview(bool lastRun)
{
    if (!lastRun)
        return openPreviewFor(m_explanation->exchange());
    const QJsonValue source = lastRunSource();
    if (source.isNull()) {
        m_frame->statusBar()->showMessage(QStringLiteral("Nothing to report yet."), 8000);
        return nullptr;
    }
    return openDialog(source, u"The last collection run: " + QString::number(source.toArray().size()) + u" exchanges.");
}

ReportDialog *ReportActions::openPreviewFor(const ExchangeRecordPtr &record)
{
    if (!record || record->running) {
        m_frame->statusBar()->showMessage(QStringLiteral("Nothing to report yet."), 8000);
        return nullptr;
    }
    return openDialog(exchangeToJson(record->request, record->profile, record->result),
        u"Exchange #" + QString::number(record->id) + u": " + QString::fromLatin1(record->request.method) + u' '
            + QString::fromUtf8(record->request.url.toEncoded()) + u" from "
            + QString::fromLatin1(record->request.origin.serialize()));
}

ReportDialog *ReportActions::openDialog(const QJsonValue &source, const QString &subject)
{
    auto *dialog = new ReportDialog(source, subject, m_frame);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setStack(serverStackFromName(m_explanation->stack()));
    dialog->open();
    return dialog;
}

} // namespace corscope
