#pragma once

#include "core/browserprofile.h"
#include "core/exchange.h"
#include "core/fetchrequest.h"

#include <QJsonObject>

namespace corscope {

// The JSON object printed by `corscope check --format json` and read back by `corscope report`.
QJsonObject exchangeToJson(const FetchRequest &request, const BrowserProfile &profile,
                           const ExchangeResult &result);

} // namespace corscope
