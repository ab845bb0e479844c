#include "core/fetchsimulator.h"

#include "core/preflightcache.h"

namespace corscope {

// STUB: being implemented.
struct FetchSimulator::Private
{
    ExchangeResult result;
};

FetchSimulator::FetchSimulator(const FetchRequest &, const BrowserProfile &, PreflightCache *)
    : d(std::make_unique<Private>())
{
}

FetchSimulator::~FetchSimulator() = default;

std::optional<PendingHop> FetchSimulator::nextHop() const
{
    return std::nullopt;
}

void FetchSimulator::deliver(const HopOutcome &) { }

bool FetchSimulator::isFinished() const
{
    return true;
}

const ExchangeResult &FetchSimulator::result() const
{
    return d->result;
}

} // namespace corscope
