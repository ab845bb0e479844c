#include "net/transportsetup.h"

namespace corscope {

CompositeTransport *TransportSetup::create(QObject *parent) const
{
    auto *transport = new CompositeTransport(parent);
    transport->setMode(mode);
    transport->setResolveMap(resolve);
    transport->setIdleTimeoutMs(timeoutMs);
    transport->setTotalTimeoutMs(timeoutMs * 4);
    transport->setBodyCap(bodyCapBytes);
    return transport;
}

} // namespace corscope
