#include "ui/cancellation.h"

namespace corscope {

bool wasCancelledByUser(const Hop &hop)
{
    return !hop.response && hop.networkError == u"net::ERR_ABORTED";
}

bool wasCancelledByUser(const ExchangeRecord &record)
{
    return !record.running && record.recordedIn.isEmpty() && record.result.verdict == Verdict::NetworkError
        && !record.result.hops.isEmpty() && wasCancelledByUser(record.result.hops.last());
}

} // namespace corscope
