#include "ui/historyjson.h"

#include "core/exchangejson.h"

#include <QJsonDocument>

namespace corscope {

QJsonObject historyEntryToJson(const ExchangeRecord &record)
{
    QJsonObject object = exchangeToJson(record.request, record.profile, record.result);
    // The first preflight is already among the hops.
    object.remove(QLatin1String("preflight"));
    object.insert(QLatin1String("id"), record.id);
    object.insert(QLatin1String("finishedAt"), record.finishedAt.toString(Qt::ISODateWithMs));
    return object;
}

QByteArray historyLine(const ExchangeRecord &record, Secrets secrets)
{
    return QJsonDocument(SecretsAtRest::exchangeForDisk(historyEntryToJson(record), secrets))
        .toJson(QJsonDocument::Compact);
}

ExchangeRecordPtr historyEntryFromJson(const QJsonObject &object, QString *error)
{
    const auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        return nullptr;
    };
    ExchangeOrError read = exchangeFromJson(object);
    if (!read.exchange)
        return fail(read.error);
    auto record = std::make_shared<ExchangeRecord>();
    record->id = object.value(QLatin1String("id")).toInt(-1);
    if (record->id <= 0)
        return fail(QStringLiteral("no exchange id"));
    record->finishedAt
        = QDateTime::fromString(object.value(QLatin1String("finishedAt")).toString(), Qt::ISODateWithMs);
    record->request = std::move(read.exchange->request);
    record->profile = std::move(read.exchange->profile);
    record->result = std::move(read.exchange->result);
    return record;
}

} // namespace corscope
