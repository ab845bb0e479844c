#pragma once

#include "core/browserprofile.h"
#include "core/exchange.h"
#include "core/fetchrequest.h"

#include <QDateTime>
#include <memory>

namespace corscope {

// One finished exchange as the window keeps it: what the page asked for, under which browser
// profile, and what the engine concluded. Shared read-only between the timeline, the explanation
// and the details (std::shared_ptr<const ExchangeRecord>), never copied per view.
struct ExchangeRecord
{
    int id = 0; // 1, 2, 3 ... in the order the exchanges finished
    QDateTime finishedAt;
    FetchRequest request;
    BrowserProfile profile;
    ExchangeResult result;
    // Still on the network: result.hops holds the hops finished so far, the verdict is not known.
    bool running = false;
    // Replayed from a HAR recording instead of sent: where it was recorded, and what the analysis
    // had to infer ("recorded in app.har, entry 12. The browser's preflight ... is not in the HAR.").
    QString recordedIn;
};

using ExchangeRecordPtr = std::shared_ptr<const ExchangeRecord>;

} // namespace corscope
