#include "ui/mainwindow.h"

#include "net/labserver.h"
#include "store/curlexport.h"
#include "store/requestinput.h"
#include "ui/collectionbridge.h"
#include "ui/composerpanel.h"
#include "ui/detailspanel.h"
#include "ui/exchangeactions.h"
#include "ui/exchangelog.h"
#include "ui/exchangesession.h"
#include "ui/explanationpanel.h"
#include "ui/haranalysisactions.h"
#include "ui/historystore.h"
#include "ui/reportactions.h"
#include "ui/shortcutsdialog.h"
#include "ui/timelinemodel.h"
#include "ui/timelinepanel.h"

#include <QAction>
#include <QClipboard>
#include <QCloseEvent>
#include <QCoreApplication>
#include <QDockWidget>
#include <QGuiApplication>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QProgressBar>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QTimer>

namespace corscope {

MainWindow::MainWindow(ExchangeSession *session, HistoryStore *history, QWidget *parent)
    : QMainWindow(parent)
    , m_log(new ExchangeLog(session, history, this))
    , m_timelineModel(m_log->model())
    , m_composer(new ComposerPanel(this))
    , m_timeline(new TimelinePanel(m_timelineModel, this))
    , m_explanation(new ExplanationPanel(this))
    , m_details(new DetailsPanel(this))
    , m_mainSplitter(new QSplitter(Qt::Horizontal, this))
    , m_rightSplitter(new QSplitter(Qt::Vertical, this))
    , m_bottomSplitter(new QSplitter(Qt::Horizontal, this))
    , m_busy(new QProgressBar(this))
    , m_progressTimer(new QTimer(this))
    , m_status(new QLabel(this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(QStringLiteral("corscope — CORS inspector"));

    m_mainSplitter->setObjectName(QStringLiteral("mainSplitter"));
    m_rightSplitter->setObjectName(QStringLiteral("rightSplitter"));
    m_bottomSplitter->setObjectName(QStringLiteral("bottomSplitter"));
    m_bottomSplitter->addWidget(m_explanation);
    m_bottomSplitter->addWidget(m_details);
    m_bottomSplitter->setStretchFactor(0, 3);
    m_bottomSplitter->setStretchFactor(1, 2);
    m_rightSplitter->addWidget(m_timeline);
    m_rightSplitter->addWidget(m_bottomSplitter);
    m_rightSplitter->setStretchFactor(0, 2);
    m_rightSplitter->setStretchFactor(1, 5);
    m_mainSplitter->addWidget(m_composer);
    m_mainSplitter->addWidget(m_rightSplitter);
    m_mainSplitter->setStretchFactor(0, 0);
    m_mainSplitter->setStretchFactor(1, 1);
    m_mainSplitter->setSizes({380, 700});
    // The timeline gets a good third of the height: several exchanges stay visible.
    m_rightSplitter->setSizes({290, 470});
    m_bottomSplitter->setSizes({400, 300});
    for (QSplitter *splitter : {m_mainSplitter, m_rightSplitter, m_bottomSplitter})
        splitter->setChildrenCollapsible(false);
    m_composer->setMinimumWidth(300);
    setCentralWidget(m_mainSplitter);

    m_busy->setObjectName(QStringLiteral("busyIndicator"));
    m_busy->setRange(0, 0);
    m_busy->setMaximumWidth(120);
    m_busy->setTextVisible(false);
    m_busy->hide();
    m_status->setObjectName(QStringLiteral("statusLabel"));
    statusBar()->addWidget(m_status, 1);
    statusBar()->addPermanentWidget(m_busy);
    m_status->setText(QStringLiteral("Ready. Ctrl+Enter sends, Esc cancels."));

    createActions();
    m_collections = new CollectionBridge(this, m_log, m_composer);
    m_reports = new ReportActions(this, m_explanation, m_collections->runPanel());
    auto *harAnalysis = new HarAnalysisActions(this, m_log, m_composer);
    m_exchangeActions = new ExchangeActions(m_timeline, m_log, this);
    createHelpMenu();
    connect(m_collections, &CollectionBridge::exchangeChosen, this, &MainWindow::selectExchange);
    connect(harAnalysis, &HarAnalysisActions::exchangeChosen, this, &MainWindow::selectExchange);
    connect(m_exchangeActions, &ExchangeActions::statusMessage, this, &MainWindow::showStatus);
    connect(m_exchangeActions, &ExchangeActions::openRequested, this, &MainWindow::openExchange);
    connect(m_exchangeActions, &ExchangeActions::resendRequested, this, [this](const ExchangeRecordPtr &record) {
        openExchange(record);
        sendCurrentRequest();
    });
    connect(m_exchangeActions, &ExchangeActions::saveRequested, this,
        [this](const ExchangeRecordPtr &record) { m_collections->saveRequestAs(inputFor(record->request, record->profile)); });
    connect(m_exchangeActions, &ExchangeActions::reportRequested, this,
        [this](const ExchangeRecordPtr &record) { m_reports->openPreviewFor(record); });

    connect(m_composer, &ComposerPanel::sendRequested, this, &MainWindow::sendCurrentRequest);
    connect(m_composer, &ComposerPanel::cancelRequested, this, &MainWindow::cancelRequest);
    connect(m_log, &ExchangeLog::exchangeFinished, this, &MainWindow::onExchangeFinished);
    connect(m_log, &ExchangeLog::busyChanged, this, &MainWindow::onBusyChanged);
    connect(m_log, &ExchangeLog::exchangeUpdated, this, &MainWindow::onExchangeUpdated);
    // The in-flight row counts up while the server thinks (a few repaints a second, one row).
    m_progressTimer->setInterval(100);
    connect(m_progressTimer, &QTimer::timeout, this,
        [this] { m_timelineModel->setRunningElapsed(m_log->session()->elapsedMs()); });
    connect(m_timeline, &TimelinePanel::currentSourceRowChanged, this, &MainWindow::showTimelineRow);
    connect(m_explanation, &ExplanationPanel::exchangeShown, this, &MainWindow::exchangeShown);

    resize(defaultSize());
    restoreSettings();
    connectLog();
}

void MainWindow::connectLog()
{
    connect(m_log, &ExchangeLog::historyLoaded, this, [this](int count) {
        if (count > 0 && !m_explanation->exchange())
            m_status->setText(QString::number(count)
                + (count == 1 ? QStringLiteral(" past exchange") : QStringLiteral(" past exchanges"))
                + u" loaded from the history. Ctrl+F filters them.");
    });
    connect(m_log, &ExchangeLog::warning, this, [this](const QString &message) {
        qWarning("corscope: %s", qUtf8Printable(message));
        m_status->setText(message);
    });
    connect(m_log, &ExchangeLog::exchangeRemoved, this, [this](int id) {
        if (m_explanation->exchange() && m_explanation->exchange()->id == id) {
            m_explanation->clear();
            m_details->clear();
        }
    });
    m_log->loadHistory();
}

void MainWindow::askToClearHistory()
{
    if (m_log->count() == 0) {
        showStatus(QStringLiteral("The history is already empty."));
        return;
    }
    auto *box = new QMessageBox(QMessageBox::Question, QStringLiteral("Clear History"),
        u"Forget all " + QString::number(m_log->count()) + u" exchanges, here and on disk?",
        QMessageBox::Cancel, this);
    box->setObjectName(QStringLiteral("clearHistoryQuestion"));
    box->setInformativeText(QStringLiteral("History ▸ Undo Clear History brings them back until corscope quits."));
    QPushButton *clear = box->addButton(QStringLiteral("Clear History"), QMessageBox::DestructiveRole);
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::buttonClicked, this, [this, clear](QAbstractButton *button) {
        if (button == clear)
            clearHistory();
    });
    box->open();
}

void MainWindow::clearHistory()
{
    m_log->clear();
    m_explanation->clear();
    m_details->clear();
    showStatus(QStringLiteral("History cleared. History ▸ Undo Clear History brings it back."));
}

MainWindow::~MainWindow() = default;

void MainWindow::createHelpMenu()
{
    QMenu *help = menuBar()->addMenu(QStringLiteral("&Help"));
    help->setObjectName(QStringLiteral("helpMenu"));
    QAction *shortcuts = help->addAction(QStringLiteral("&Keyboard Shortcuts"));
    shortcuts->setObjectName(QStringLiteral("keyboardShortcutsAction"));
    shortcuts->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Slash));
    connect(shortcuts, &QAction::triggered, this, [this] {
        auto *dialog = new ShortcutsDialog(this, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->open();
    });
    addAction(shortcuts);
    help->addSeparator();
    QAction *about = help->addAction(QStringLiteral("&About corscope"));
    about->setObjectName(QStringLiteral("aboutAction"));
    connect(about, &QAction::triggered, this, [this] {
        QMessageBox::about(this, QStringLiteral("About corscope"),
            u"<p><b>corscope " + QCoreApplication::applicationVersion()
                + u"</b></p><p>A CORS inspector: it sends your request as the browser would, judges the answer "
                  u"as Chromium, Firefox or Safari does, and says which check failed, why, and how to fix it.</p>"
                  u"<p>Verdicts are checked against real headless Chromium. Built with Qt "
                + QString::fromLatin1(qVersion()) + u".</p>");
    });
}

void MainWindow::createActions()
{
    QMenu *request = menuBar()->addMenu(QStringLiteral("&Request"));
    m_sendAction = request->addAction(QStringLiteral("&Send"));
    m_sendAction->setObjectName(QStringLiteral("sendAction"));
    m_sendAction->setShortcuts(
        {QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)});
    m_sendAction->setToolTip(QStringLiteral("Send the request as fetch() would (Ctrl+Enter)"));
    connect(m_sendAction, &QAction::triggered, this, &MainWindow::sendCurrentRequest);

    m_cancelAction = request->addAction(QStringLiteral("&Cancel"));
    m_cancelAction->setObjectName(QStringLiteral("cancelAction"));
    m_cancelAction->setShortcut(QKeySequence(Qt::Key_Escape));
    // Disabled while idle so Esc keeps its ordinary meaning (closing popups, cancelling an edit).
    m_cancelAction->setEnabled(false);
    connect(m_cancelAction, &QAction::triggered, this, &MainWindow::cancelRequest);

    request->addSeparator();
    QAction *copyCurl = request->addAction(QStringLiteral("Copy as c&URL (bash)"));
    copyCurl->setObjectName(QStringLiteral("copyAsCurlAction"));
    copyCurl->setToolTip(QStringLiteral("The preflight and the request as curl commands, headers as the browser sends them"));
    connect(copyCurl, &QAction::triggered, this, &MainWindow::copyCurrentRequestAsCurl);
    QAction *focusUrl = request->addAction(QStringLiteral("Edit &URL"));
    focusUrl->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    connect(focusUrl, &QAction::triggered, this, [this] {
        if (auto *url = m_composer->findChild<QLineEdit *>(QStringLiteral("urlEdit"))) {
            url->setFocus(Qt::ShortcutFocusReason);
            url->selectAll();
        }
    });
    QAction *quit = request->addAction(QStringLiteral("&Quit"));
    quit->setShortcut(QKeySequence::Quit);
    connect(quit, &QAction::triggered, this, &QWidget::close);

    QMenu *history = menuBar()->addMenu(QStringLiteral("&History"));
    QAction *filter = history->addAction(QStringLiteral("&Filter…"));
    filter->setShortcut(QKeySequence::Find);
    connect(filter, &QAction::triggered, this, [this] {
        m_timeline->filterEdit()->setFocus(Qt::ShortcutFocusReason);
        m_timeline->filterEdit()->selectAll();
    });
    QAction *clear = history->addAction(QStringLiteral("&Clear History…"));
    clear->setObjectName(QStringLiteral("clearHistoryAction"));
    clear->setToolTip(QStringLiteral("Forget every past exchange, here and on disk"));
    connect(clear, &QAction::triggered, this, &MainWindow::askToClearHistory);
    QAction *undoClear = history->addAction(QStringLiteral("&Undo Clear History"));
    undoClear->setObjectName(QStringLiteral("undoClearHistoryAction"));
    undoClear->setToolTip(QStringLiteral("Bring back what the last Clear History forgot (until corscope quits)"));
    undoClear->setEnabled(false);
    connect(undoClear, &QAction::triggered, this, [this, undoClear] {
        if (m_log->undoClear())
            showStatus(QString::number(m_log->count()) + u" exchanges are back in the history.");
        undoClear->setEnabled(m_log->canUndoClear());
    });
    connect(m_log, &ExchangeLog::cleared, undoClear, [this, undoClear] { undoClear->setEnabled(m_log->canUndoClear()); });
    QAction *clearCache = history->addAction(QStringLiteral("Clear the &preflight cache"));
    clearCache->setToolTip(QStringLiteral("Forget cached preflights, as a new browser profile would"));
    connect(clearCache, &QAction::triggered, this, [this] {
        m_log->session()->clearPreflightCache();
        m_status->setText(QStringLiteral("Preflight cache cleared."));
    });

    for (QAction *action : {m_sendAction, m_cancelAction, focusUrl, filter})
        addAction(action);
}

void MainWindow::setDemoCollection(const Collection &demo)
{
    m_collections->setDemoCollection(demo);
}

void MainWindow::setLabPort(quint16 port)
{
    if (port != LabServer::defaultPort)
        showStatus(u"The lab listens on port " + QString::number(port) + u" (" + QString::number(LabServer::defaultPort)
            + u" is taken); the demo requests use that port.");
}

void MainWindow::showDemo()
{
    m_collections->showDemo();
}

bool MainWindow::sendCurrentRequest()
{
    QStringList problems;
    const auto built = m_composer->buildRequest(&problems);
    if (!built) {
        m_status->setText(u"Not sent: " + problems.value(0)
            + (problems.size() > 1 ? QStringLiteral(" (and more, see the composer)") : QString()));
        return false;
    }
    m_composer->rememberOrigin(QString::fromLatin1(built->request.origin.serialize()));
    const int id = m_log->send(*built);
    m_status->setText(u"Sending #" + QString::number(id) + u" " + QString::fromLatin1(built->request.method)
        + u' ' + QString::fromUtf8(built->request.url.toEncoded()) + u"…  (Esc cancels)");
    return true;
}

bool MainWindow::copyCurrentRequestAsCurl()
{
    QStringList problems;
    const auto built = m_composer->buildRequest(&problems);
    if (!built) {
        m_status->setText(u"Not copied: " + problems.value(0));
        return false;
    }
    const QString commands = curlCommandsFor(built->request, built->profile);
    QGuiApplication::clipboard()->setText(commands);
    m_status->setText(commands.contains(u"-X OPTIONS")
            ? QStringLiteral("Copied two curl commands: the preflight, then the request.")
            : QStringLiteral("Copied the curl command (no preflight is needed)."));
    return true;
}

void MainWindow::cancelRequest()
{
    m_log->cancel();
}

void MainWindow::onBusyChanged(bool busy)
{
    m_busy->setVisible(busy);
    if (busy)
        m_progressTimer->start();
    else
        m_progressTimer->stop();
    m_cancelAction->setEnabled(busy);
    m_composer->setBusy(busy);
}

void MainWindow::onExchangeUpdated(const ExchangeRecordPtr &record)
{
    const int first = m_timelineModel->firstRowOfExchange(record->id);
    if (first >= 0)
        m_timeline->scrollToSourceRow(first + int(record->result.hops.size()));
}

void MainWindow::onExchangeFinished(const ExchangeRecordPtr &record)
{
    m_status->setText(u'#' + QString::number(record->id) + u' ' + verdictName(record->result.verdict) + u": "
        + QString::fromLatin1(record->request.method) + u' '
        + QString::fromUtf8(record->request.url.toEncoded()));
    // Show the new exchange even when the filter hides its rows.
    m_explanation->setExchange(record);
    const int row = m_timelineModel->focusRowOfExchange(record->id);
    m_details->setHop(record, m_timelineModel->hopIndexAt(row));
    m_timeline->selectSourceRow(row);
}

void MainWindow::openExchange(const ExchangeRecordPtr &record)
{
    if (!record)
        return;
    m_composer->setInput(inputFor(record->request, record->profile));
    m_collections->forgetOpenedRequest();
    selectExchange(record->id);
    showStatus(u"Loaded #" + QString::number(record->id) + u" into the composer. Ctrl+Enter sends it again, Ctrl+S saves it.");
}

void MainWindow::showStatus(const QString &text)
{
    m_status->setText(text);
}

void MainWindow::selectExchange(int exchangeId)
{
    const int row = m_timelineModel->focusRowOfExchange(exchangeId);
    if (row >= 0)
        m_timeline->selectSourceRow(row);
}

void MainWindow::showTimelineRow(int row)
{
    const ExchangeRecordPtr record = m_timelineModel->exchangeAt(row);
    // A running exchange has no verdict yet: the explanation keeps what it shows until it ends.
    if (!record || record->running)
        return;
    if (record != m_explanation->exchange())
        m_explanation->setExchange(record);
    m_details->setHop(record, m_timelineModel->hopIndexAt(row));
}

void MainWindow::restoreSettings()
{
    QSettings settings;
    settings.beginGroup(QStringLiteral("window"));
    if (settings.contains(QStringLiteral("geometry")))
        restoreGeometry(settings.value(QStringLiteral("geometry")).toByteArray());
    restoreState(settings.value(QStringLiteral("state")).toByteArray());
    for (QSplitter *splitter : {m_mainSplitter, m_rightSplitter, m_bottomSplitter})
        splitter->restoreState(settings.value(splitter->objectName()).toByteArray());
    settings.endGroup();
    m_composer->setRecentOrigins(settings.value(QStringLiteral("composer/recentOrigins")).toStringList());
    if (m_composer->restoreState(settings.value(QStringLiteral("composer/request")).toByteArray())
        && !m_composer->secretsNotice().isEmpty())
        m_status->setText(m_composer->secretsNotice());
    m_explanation->setStack(settings.value(QStringLiteral("explanation/stack")).toString());
}

void MainWindow::saveSettings() const
{
    QSettings settings;
    settings.beginGroup(QStringLiteral("window"));
    settings.setValue(QStringLiteral("geometry"), saveGeometry());
    settings.setValue(QStringLiteral("state"), saveState());
    for (QSplitter *splitter : {m_mainSplitter, m_rightSplitter, m_bottomSplitter})
        settings.setValue(splitter->objectName(), splitter->saveState());
    settings.endGroup();
    settings.setValue(QStringLiteral("composer/recentOrigins"), m_composer->recentOrigins());
    // A few hundred bytes, secrets masked (ComposerPanel::saveState): cheap enough for the GUI thread.
    settings.setValue(QStringLiteral("composer/request"), m_composer->saveState());
    settings.setValue(QStringLiteral("explanation/stack"), m_explanation->stack());
}

QImage MainWindow::renderImage()
{
    // Word-wrapped labels inside scroll areas settle over a few rounds of layout requests; run
    // them now instead of waiting for the event loop, so a grab right after a signal is complete.
    for (int round = 0; round < 4; ++round)
        QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
    return grab().toImage();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveSettings();
    m_log->cancel();
    event->accept();
}

} // namespace corscope
