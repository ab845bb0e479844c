#pragma once

#include "core/browserprofile.h"
#include "core/exchange.h"
#include "core/fetchrequest.h"

#include <memory>
#include <optional>

namespace corscope {

class PreflightCache;

// What the simulator wants sent next.
struct PendingHop
{
    HopKind kind = HopKind::Actual;
    HttpRequest request; // complete: method, URL, every header the browser would add, body
};

// The browser's fetch algorithm for one request, as a state machine with no I/O:
//   FetchSimulator sim(request, profile, &cache);
//   while (auto hop = sim.nextHop()) sim.deliver(send(*hop));
//   ExchangeResult result = sim.result();
// The request must have passed validateFetchRequest(). The cache may be null (no caching).
class FetchSimulator
{
public:
    FetchSimulator(const FetchRequest &request, const BrowserProfile &profile, PreflightCache *cache);
    ~FetchSimulator();
    FetchSimulator(const FetchSimulator &) = delete;
    FetchSimulator &operator=(const FetchSimulator &) = delete;

    std::optional<PendingHop> nextHop() const;
    void deliver(HopOutcome outcome); // pass an rvalue to move the response in
    bool isFinished() const;
    const ExchangeResult &result() const;
    // Stamps the result with the wall-clock time the exchange started (the engine keeps no clock).
    void setStartedAt(qint64 msSinceEpoch);

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace corscope
