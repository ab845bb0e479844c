#include "core/exchangejson.h"

namespace corscope {

QJsonObject exchangeToJson(const FetchRequest &, const BrowserProfile &, const ExchangeResult &)
{
    return {}; // STUB: being implemented
}

} // namespace corscope
