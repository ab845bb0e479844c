#include "net/pendingtransfer.h"

namespace corscope {

PendingTransfer::PendingTransfer(QObject *parent)
    : QObject(parent)
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

} // namespace corscope
