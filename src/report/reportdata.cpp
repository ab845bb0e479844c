#include "report/reportdata.h"

#include "core/curlcommands.h"
#include "core/fixsnippet.h"
#include "report/redactor.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace corscope {

int ReportData::countVerdict(Verdict verdict) const
{
    return int(std::count_if(exchanges.cbegin(), exchanges.cend(),
                             [verdict](const ReportExchange &e) { return e.result.verdict == verdict; }));
}

std::optional<ReportData> ReportData::fromJson(const QByteArray &json, const ReportOptions &options, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        *error = u"not valid JSON (" + parseError.errorString() + u" at offset "
                 + QString::number(parseError.offset) + u')';
        return std::nullopt;
    }
    return fromValue(document.isArray() ? QJsonValue(document.array()) : QJsonValue(document.object()), options,
                     error);
}

std::optional<ReportData> ReportData::fromValue(const QJsonValue &input, const ReportOptions &options, QString *error)
{
    QJsonValue value = input;
    if (options.redact) {
        Redactor redactor;
        for (const QRegularExpression &pattern : options.redactPatterns)
            redactor.addPattern(pattern);
        value = redactor.redact(value);
    }
    ReportData data;
    data.options = options;
    QList<QJsonObject> objects;
    if (value.isArray()) {
        data.batch = true;
        const QJsonArray array = value.toArray();
        if (array.isEmpty()) {
            *error = QStringLiteral("the result array is empty: nothing to report");
            return std::nullopt;
        }
        for (const QJsonValue &item : array) {
            if (!item.isObject()) {
                *error = QStringLiteral("not a corscope result: the array holds something other than exchanges");
                return std::nullopt;
            }
            objects.append(item.toObject());
        }
    } else if (value.isObject()) {
        objects.append(value.toObject());
    } else {
        *error = QStringLiteral("not a corscope result: expected the JSON object of `corscope check --format json` "
                                "or the array of `corscope run`");
        return std::nullopt;
    }
    for (qsizetype i = 0; i < objects.size(); ++i) {
        QString itemError;
        auto exchange = ReportExchange::fromJson(objects.at(i), &itemError);
        if (!exchange) {
            *error = data.batch ? QStringLiteral("entry %1: %2").arg(i + 1).arg(itemError) : itemError;
            return std::nullopt;
        }
        exchange->curl = curlCommandsForExchange(exchange->request, exchange->profile, exchange->result);
        if (options.stack && exchange->result.failure && exchange->result.verdict == Verdict::Blocked) {
            exchange->fixStack = serverStackDisplayName(*options.stack);
            exchange->fixSnippet = fixSnippet(*options.stack, corsRequirements(exchange->request, exchange->profile),
                                              exchange->result.failure);
        }
        data.exchanges.append(*exchange);
    }
    return data;
}

} // namespace corscope
