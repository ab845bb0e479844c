#include "net/pendingtransfer.h"

namespace corscope {

PendingTransfer::PendingTransfer(const HopOutcome &initial, QObject *parent)
    : QObject(parent)
    , m_outcome(initial)
{ }

PendingTransfer::~PendingTransfer() = default;

void PendingTransfer::finish(const HopOutcome &outcome)
{
    if (m_finished)
        return;
    m_finished = true;
    deleteLater();
    Q_EMIT finished(outcome);
}

void PendingTransfer::failLater(const QString &networkError, const QString &detail)
{
    m_outcome.networkError = networkError;
    m_outcome.networkErrorDetail = detail;
    m_outcome.timings.startMs = 0;
    m_outcome.timings.totalMs = 0;
    QMetaObject::invokeMethod(
        this, [this] { finish(m_outcome); }, Qt::QueuedConnection);
}

} // namespace corscope
