#pragma once

#include "core/browserprofile.h"
#include "core/exchange.h"
#include "core/fetchrequest.h"

namespace corscope {

// One exchange and its judgement: what the page asked for, under which browser profile, and what the
// engine concluded. The JSON of `corscope check` holds exactly this (exchangeToJson, exchangeFromJson).
struct JudgedExchange
{
    FetchRequest request;
    BrowserProfile profile;
    ExchangeResult result;
};

} // namespace corscope
