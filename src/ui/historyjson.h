#pragma once

#include "ui/exchangerecord.h"
#include "ui/secretsatrest.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

namespace corscope {

// One exchange of the window's history as stored on disk: the JSON of `corscope check --format
// json` (core exchangeToJson) plus the window's id and finish time, on one line. Bodies keep the
// 16 KiB preview exchangeToJson writes; a binary body comes back as its UTF-8 reading.
// historyLine() is what goes to disk: secret values masked (ui/secretsatrest.h) unless kept.
// historyEntryToJson() is the whole entry, secrets included, for code that stays in memory.
QByteArray historyLine(const ExchangeRecord &record, Secrets secrets = Secrets::Masked);
QJsonObject historyEntryToJson(const ExchangeRecord &record);

// The record of one history entry, or nullptr with *error saying what is wrong.
ExchangeRecordPtr historyEntryFromJson(const QJsonObject &object, QString *error);

} // namespace corscope
