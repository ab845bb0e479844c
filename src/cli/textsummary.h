#pragma once

#include "core/browserprofile.h"
#include "core/exchange.h"
#include "core/fetchrequest.h"

#include <QString>

namespace corscope {

enum class TextStyle { Plain, Colored };

// The human summary printed by `corscope check`: verdict, each hop, the failing header with what
// was seen and what was needed, the console message, a one-line fix and the warnings.
QString textSummary(const FetchRequest &request, const BrowserProfile &profile, const ExchangeResult &result,
                    TextStyle style);

} // namespace corscope
