#pragma once

#include "ui/exchangerecord.h"

namespace corscope {

// Whether the person at the window cancelled this exchange (Esc or the Cancel button). No flag is
// stored for it: ExchangeRunner::cancel() delivers net::ERR_ABORTED as the outcome of the hop in
// flight, and only a cancel does that for an exchange the window sent. A HAR recording can carry
// net::ERR_ABORTED too (the page let go of a response), so replayed exchanges never count.
bool wasCancelledByUser(const ExchangeRecord &record);
// The hop that was in flight when the exchange was cancelled.
bool wasCancelledByUser(const Hop &hop);

} // namespace corscope
