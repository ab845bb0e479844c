#pragma once

#include "core/browserprofile.h"
#include "core/exchange.h"
#include "core/fetchrequest.h"
#include "store/harfile.h"

#include <QList>

#include <functional>

namespace corscope {

// One cross-origin request of a HAR, replayed through the engine with the recorded responses.
struct RecordedExchange
{
    int entryIndex = 0;        // the entry of the (first) actual request
    int preflightIndex = -1;   // the paired OPTIONS entry, if recorded
    QList<int> redirectChain;  // the entries that followed redirects
    FetchRequest request;
    ExchangeResult result;
    QString note;              // e.g. "the preflight was not recorded"
};

// Evaluates every cross-origin request recorded in a HAR without sending anything: the engine
// (FetchSimulator) gets the recorded preflight response and the recorded actual responses and
// redirect chain. One preflight cache is shared in file order, on the clock of startedDateTime.
// A request is cross-origin when its page origin (recordedPageOrigin(): its Origin header, else its
// paired preflight's, else Chrome's initiator URL's) differs from its URL's origin. Navigations
// (_resourceType "document"), typed non-fetch entries sent without Origin (no-cors images,
// scripts, stylesheets) and requests sent with a Sec-Fetch-Mode other than "cors" are not CORS
// requests and are left out.
QList<RecordedExchange> analyzeHar(const HarLog &har, const BrowserProfile &profile);

// The same, handing each exchange to `consume` as soon as it is evaluated, in file order, so that a
// caller can write it out and let it go instead of holding all of them.
void analyzeHar(const HarLog &har, const BrowserProfile &profile,
                const std::function<void(RecordedExchange &&exchange)> &consume);

} // namespace corscope
