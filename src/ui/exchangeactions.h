#pragma once

#include "ui/exchangerecord.h"

#include <QObject>

class QAction;
class QMenu;
class QPoint;

namespace corscope {

class ExchangeLog;
class TimelinePanel;

// What can be done with one exchange from its timeline row, as in DevTools' Network panel: a double
// click or Enter opens it (its request in the composer, its result in the explanation), and the
// context menu offers Resend, Load in Composer, Copy as cURL, Copy URL, Save to Collection, Report…
// and Delete from History. Copying and deleting happen here; the rest is asked of the window
// through signals, so this class knows only the timeline and the log.
class ExchangeActions final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ExchangeActions)

public:
    ExchangeActions(TimelinePanel *timeline, ExchangeLog *log, QObject *parent = nullptr);
    ~ExchangeActions() override;

    // The exchange of the timeline's current row (null when none).
    ExchangeRecordPtr currentExchange() const;
    // The context menu for an exchange, its actions named by objectName ("resendExchangeAction", ...).
    // The caller owns the menu.
    QMenu *createMenu(const ExchangeRecordPtr &record, QWidget *parent);

    bool copyAsCurl(const ExchangeRecordPtr &record);
    bool copyUrl(const ExchangeRecordPtr &record);
    bool remove(const ExchangeRecordPtr &record);

Q_SIGNALS:
    void openRequested(const corscope::ExchangeRecordPtr &record);
    void resendRequested(const corscope::ExchangeRecordPtr &record);
    void saveRequested(const corscope::ExchangeRecordPtr &record);
    void reportRequested(const corscope::ExchangeRecordPtr &record);
    void statusMessage(const QString &text);

private:
    ExchangeRecordPtr exchangeAtViewRow(const QModelIndex &proxyIndex) const;
    void showMenu(const QPoint &position);

    TimelinePanel *m_timeline;
    ExchangeLog *m_log;
};

} // namespace corscope
