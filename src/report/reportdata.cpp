#include "report/reportdata.h"

#include "core/browserprofile.h"
#include "core/fetchrequest.h"
#include "core/finding.h"
#include "report/curlcommand.h"
#include "report/redactor.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace corscope {

namespace {

// The server fix needs the request and the failure as the engine types; the report only has the JSON.
QString serverFix(const ReportExchange &exchange, ServerStack stack)
{
    FetchRequest request;
    request.method = exchange.method.toUtf8();
    request.url = QUrl::fromEncoded(exchange.url.toUtf8());
    if (auto origin = Origin::parse(exchange.origin))
        request.origin = *origin;
    for (const auto &[name, value] : exchange.headers)
        request.headers.append(name.toUtf8(), value.toUtf8());
    request.body = exchange.body.toUtf8();
    request.credentials = credentialsModeFromName(exchange.credentials).value_or(CredentialsMode::SameOrigin);
    request.redirect = redirectModeFromName(exchange.redirectMode).value_or(RedirectMode::Follow);
    const BrowserProfile profile =
        BrowserProfile::fromName(exchange.json.value(u"browser").toString()).value_or(BrowserProfile::chromium());
    std::optional<Finding> failure;
    if (exchange.failure) {
        Finding finding;
        finding.stage = stageFromName(exchange.failure->stage).value_or(Stage::Actual);
        finding.check = checkIdFromName(exchange.failure->check).value_or(CheckId::Other);
        finding.header = exchange.failure->header.toUtf8();
        finding.seen = exchange.failure->seen;
        finding.needed = exchange.failure->needed;
        finding.explanation = exchange.failure->explanation;
        finding.consoleMessage = exchange.failure->message;
        finding.fix = exchange.failure->fix;
        finding.status = exchange.failure->status;
        failure = finding;
    }
    return fixSnippet(stack, corsRequirements(request, profile), failure);
}

} // namespace

int ReportData::countVerdict(const QString &verdict) const
{
    return int(std::count_if(exchanges.cbegin(), exchanges.cend(),
                             [&verdict](const ReportExchange &e) { return e.verdict == verdict; }));
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
        exchange->curl = CurlCommand::forExchange(*exchange);
        if (options.stack && exchange->failure && exchange->verdict == u"blocked") {
            exchange->fixStack = serverStackDisplayName(*options.stack);
            exchange->fixSnippet = serverFix(*exchange, *options.stack);
        }
        data.exchanges.append(*exchange);
    }
    return data;
}

} // namespace corscope
