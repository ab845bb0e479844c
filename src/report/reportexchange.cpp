#include "report/reportexchange.h"

#include "core/exchangejson.h"
#include "core/fixsnippet.h"
#include "report/reportformat.h"

namespace corscope {

QString ReportExchange::requestLine() const
{
    return reportformat::requestLine(request.method, request.url);
}

QString ReportExchange::verdictTitle() const
{
    switch (result.verdict) {
    case Verdict::Allowed:
        return QStringLiteral("Allowed");
    case Verdict::Blocked:
        return QStringLiteral("Blocked");
    case Verdict::NetworkError:
        return QStringLiteral("Network error");
    }
    return {};
}

QString ReportExchange::failureSummary() const
{
    if (!result.failure)
        return {};
    const Finding &failure = *result.failure;
    return stageName(failure.stage) + u": " + checkIdName(failure.check)
           + (failure.header.isEmpty() ? QString() : u" (" + reportformat::text(failure.header) + u')');
}

QDateTime ReportExchange::startedAt() const
{
    return result.startedAtMs >= 0 ? QDateTime::fromMSecsSinceEpoch(result.startedAtMs, Qt::UTC) : QDateTime();
}

std::optional<ReportExchange> ReportExchange::fromJson(const QJsonObject &object, QString *error)
{
    ExchangeOrError read = exchangeFromJson(object);
    if (!read.exchange) {
        *error = read.error;
        return std::nullopt;
    }
    ReportExchange e;
    e.request = std::move(read.exchange->request);
    e.profile = std::move(read.exchange->profile);
    e.result = std::move(read.exchange->result);
    e.name = object.value(u"name").toString();
    e.expect = object.value(u"expect").toString();
    if (object.value(u"asExpected").isBool())
        e.asExpected = object.value(u"asExpected").toBool();
    const QJsonObject serverFix = object.value(u"serverFix").toObject();
    if (!serverFix.isEmpty()) {
        const auto stack = serverStackFromName(serverFix.value(u"stack").toString());
        e.fixStack = stack ? serverStackDisplayName(*stack) : serverFix.value(u"stack").toString();
        e.fixSnippet = serverFix.value(u"snippet").toString();
    }
    return e;
}

} // namespace corscope
