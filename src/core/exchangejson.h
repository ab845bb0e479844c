#pragma once

#include "core/browserprofile.h"
#include "core/exchange.h"
#include "core/fetchrequest.h"
#include "core/judgedexchange.h"

#include <QJsonObject>
#include <QString>

#include <optional>

namespace corscope {

// The JSON object printed by `corscope check --format json`, kept in the window's history and read
// back by `corscope report`. Bodies keep a 16 KiB preview (the size as received is kept beside it).
QJsonObject exchangeToJson(const FetchRequest &request, const BrowserProfile &profile,
                           const ExchangeResult &result);

// What exchangeFromJson() read: the exchange, or (exchange empty) what is wrong with the object.
struct ExchangeOrError
{
    std::optional<JudgedExchange> exchange;
    QString error;
};

// The exchange an object of exchangeToJson() describes. Keys it does not know (a run's "name", the
// history's "id") are left to the caller. Writing what it reads gives the same JSON again; a body
// comes back as its preview, a binary body as its UTF-8 reading.
ExchangeOrError exchangeFromJson(const QJsonObject &object);

} // namespace corscope
