#include "ui/exchangeactions.h"

#include "core/curlcommands.h"
#include "ui/exchangelog.h"
#include "ui/timelinefiltermodel.h"
#include "ui/timelinemodel.h"
#include "ui/timelinepanel.h"

#include <QAction>
#include <QClipboard>
#include <QGuiApplication>
#include <QMenu>
#include <QTreeView>

namespace corscope {

ExchangeActions::ExchangeActions(TimelinePanel *timeline, ExchangeLog *log, QObject *parent)
    : QObject(parent)
    , m_timeline(timeline)
    , m_log(log)
{
    setObjectName(QStringLiteral("exchangeActions"));
    QTreeView *view = m_timeline->view();
    view->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(view, &QWidget::customContextMenuRequested, this, &ExchangeActions::showMenu);
    // Enter, and a double click (the style decides; never a single click on Linux desktops).
    connect(view, &QAbstractItemView::activated, this, [this](const QModelIndex &index) {
        if (const ExchangeRecordPtr record = exchangeAtViewRow(index); record && !record->running)
            Q_EMIT openRequested(record);
    });
}

ExchangeActions::~ExchangeActions() = default;

ExchangeRecordPtr ExchangeActions::exchangeAtViewRow(const QModelIndex &proxyIndex) const
{
    if (!proxyIndex.isValid())
        return nullptr;
    const QModelIndex source = m_timeline->proxy()->mapToSource(proxyIndex);
    return m_log->model()->exchangeAt(source.row());
}

ExchangeRecordPtr ExchangeActions::currentExchange() const
{
    return exchangeAtViewRow(m_timeline->view()->currentIndex());
}

void ExchangeActions::showMenu(const QPoint &position)
{
    QTreeView *view = m_timeline->view();
    const QModelIndex index = view->indexAt(position);
    const ExchangeRecordPtr record = exchangeAtViewRow(index);
    if (!record)
        return;
    view->setCurrentIndex(index);
    QMenu *menu = createMenu(record, view);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    menu->popup(view->viewport()->mapToGlobal(position));
}

QMenu *ExchangeActions::createMenu(const ExchangeRecordPtr &record, QWidget *parent)
{
    auto *menu = new QMenu(parent);
    menu->setObjectName(QStringLiteral("exchangeMenu"));
    auto add = [this, menu](const char *name, const QString &text, auto slot) {
        QAction *action = menu->addAction(text);
        action->setObjectName(QString::fromLatin1(name));
        connect(action, &QAction::triggered, this, slot);
        return action;
    };
    const bool finished = !record->running;
    add("resendExchangeAction", QStringLiteral("&Resend"),
        [this, record] { Q_EMIT resendRequested(record); });
    add("openExchangeAction", QStringLiteral("&Load in Composer"), [this, record] {
        Q_EMIT openRequested(record);
    })->setEnabled(finished);
    menu->addSeparator();
    add("copyExchangeCurlAction", QStringLiteral("Copy as c&URL (bash)"),
        [this, record] { copyAsCurl(record); });
    add("copyExchangeUrlAction", QStringLiteral("Copy &URL"), [this, record] { copyUrl(record); });
    menu->addSeparator();
    add("saveExchangeAction", QStringLiteral("&Save to Collection…"),
        [this, record] { Q_EMIT saveRequested(record); });
    add("reportExchangeAction", QStringLiteral("Re&port…"), [this, record] {
        Q_EMIT reportRequested(record);
    })->setEnabled(finished);
    menu->addSeparator();
    add("deleteExchangeAction", QStringLiteral("&Delete from History"), [this, record] {
        remove(record);
    })->setEnabled(finished);
    return menu;
}

bool ExchangeActions::copyAsCurl(const ExchangeRecordPtr &record)
{
    if (!record)
        return false;
    // What the exchange sent, hop by hop (redirects included); one still running, what it will send.
    const QString commands = record->running
        ? curlCommandsFor(record->request, record->profile)
        : curlCommandsForExchange(record->request, record->profile, record->result);
    QGuiApplication::clipboard()->setText(commands);
    Q_EMIT statusMessage(u"Copied #" + QString::number(record->id)
        + (commands.contains(u"-X OPTIONS")
                ? QStringLiteral(" as two curl commands: the preflight, then the request.")
                : QStringLiteral(" as a curl command.")));
    return true;
}

bool ExchangeActions::copyUrl(const ExchangeRecordPtr &record)
{
    if (!record)
        return false;
    QGuiApplication::clipboard()->setText(QString::fromUtf8(record->request.url.toEncoded()));
    Q_EMIT statusMessage(u"Copied the URL of #" + QString::number(record->id) + u'.');
    return true;
}

bool ExchangeActions::remove(const ExchangeRecordPtr &record)
{
    if (!record || !m_log->remove(record->id))
        return false;
    Q_EMIT statusMessage(u"Deleted #" + QString::number(record->id) + u" from the history.");
    return true;
}

} // namespace corscope
