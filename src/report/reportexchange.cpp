#include "report/reportexchange.h"

#include "core/browserprofile.h"
#include "core/fixsnippet.h"

#include <QJsonArray>

namespace corscope {

namespace {

ReportHeaders headersFrom(const QJsonValue &value)
{
    ReportHeaders headers;
    for (const QJsonValue &pair : value.toArray()) {
        const QJsonArray array = pair.toArray();
        if (array.size() == 2)
            headers.append({array.at(0).toString(), array.at(1).toString()});
    }
    return headers;
}

double number(const QJsonObject &object, const char *key)
{
    const QJsonValue value = object.value(QLatin1String(key));
    return value.isDouble() ? value.toDouble() : -1;
}

ReportHop hopFrom(const QJsonObject &object)
{
    ReportHop hop;
    hop.kind = object.value(u"kind").toString();
    const QJsonObject request = object.value(u"request").toObject();
    hop.method = request.value(u"method").toString();
    hop.url = request.value(u"url").toString();
    hop.requestHeaders = headersFrom(request.value(u"headers"));
    hop.requestBody = request.value(u"body").toString();
    const QJsonValue response = object.value(u"response");
    if (response.isObject()) {
        const QJsonObject r = response.toObject();
        hop.hasResponse = true;
        hop.status = r.value(u"status").toInt();
        hop.statusText = r.value(u"statusText").toString();
        hop.responseHeaders = headersFrom(r.value(u"headers"));
        hop.responseBody = r.value(u"body").toString();
        hop.responseBodyBytes = r.value(u"bodyBytes").toDouble();
    }
    hop.redirect = object.value(u"redirect").toBool();
    hop.passed = object.value(u"passed").toBool(true);
    hop.networkError = object.value(u"networkError").toString();
    hop.networkErrorDetail = object.value(u"networkErrorDetail").toString();
    const QJsonObject timings = object.value(u"timings").toObject();
    hop.startMs = number(timings, "startMs");
    hop.connectMs = number(timings, "connectMs");
    hop.waitMs = number(timings, "waitMs");
    hop.downloadMs = number(timings, "downloadMs");
    hop.totalMs = number(timings, "totalMs");
    return hop;
}

} // namespace

QString ReportExchange::verdictTitle() const
{
    if (verdict == u"allowed")
        return QStringLiteral("Allowed");
    if (verdict == u"blocked")
        return QStringLiteral("Blocked");
    if (verdict == u"network-error")
        return QStringLiteral("Network error");
    return verdict;
}

QString ReportExchange::failureSummary() const
{
    if (!failure)
        return {};
    return failure->stage + u": " + failure->check
           + (failure->header.isEmpty() ? QString() : u" (" + failure->header + u')');
}

std::optional<ReportExchange> ReportExchange::fromJson(const QJsonObject &object, QString *error)
{
    const QJsonValue requestValue = object.value(u"request");
    const QJsonValue verdictValue = object.value(u"verdict");
    if (!requestValue.isObject() || !verdictValue.isString() || !object.value(u"hops").isArray()) {
        *error = QStringLiteral("not a corscope result: an exchange needs \"request\", \"verdict\" and \"hops\"");
        return std::nullopt;
    }
    ReportExchange e;
    e.json = object;
    e.name = object.value(u"name").toString();
    e.startedAt = QDateTime::fromString(object.value(u"startedAt").toString(), Qt::ISODateWithMs);
    e.expect = object.value(u"expect").toString();
    if (object.value(u"asExpected").isBool())
        e.asExpected = object.value(u"asExpected").toBool();
    const QJsonObject request = requestValue.toObject();
    e.method = request.value(u"method").toString();
    e.url = request.value(u"url").toString();
    e.origin = request.value(u"origin").toString();
    e.credentials = request.value(u"credentials").toString();
    e.redirectMode = request.value(u"redirect").toString();
    e.headers = headersFrom(request.value(u"headers"));
    e.body = request.value(u"body").toString();
    const QString browser = object.value(u"browser").toString();
    const auto profile = BrowserProfile::fromName(browser);
    e.browser = profile ? profile->displayName : browser;
    e.verdict = verdictValue.toString();
    e.crossOrigin = object.value(u"crossOrigin").toBool();
    e.preflightNeeded = object.value(u"preflightNeeded").toBool();
    e.preflightFromCache = object.value(u"preflightFromCache").toBool();
    for (const QJsonValue &reason : object.value(u"preflightReasons").toArray())
        e.preflightReasons.append(reason.toString());
    const QJsonValue failureValue = object.value(u"failure");
    if (failureValue.isObject()) {
        const QJsonObject f = failureValue.toObject();
        e.failure = ReportFailure{f.value(u"stage").toString(),  f.value(u"check").toString(),
                                  f.value(u"header").toString(), f.value(u"status").toInt(),
                                  f.value(u"seen").toString(),   f.value(u"needed").toString(),
                                  f.value(u"message").toString(), f.value(u"explanation").toString(),
                                  f.value(u"fix").toString()};
    }
    for (const QJsonValue &hop : object.value(u"hops").toArray())
        e.hops.append(hopFrom(hop.toObject()));
    for (const QJsonValue &warning : object.value(u"warnings").toArray()) {
        const QJsonObject w = warning.toObject();
        e.warnings.append({w.value(u"check").toString(), w.value(u"message").toString(), w.value(u"header").toString()});
    }
    for (const QJsonValue &name : object.value(u"readableHeaders").toArray())
        e.readableHeaders.append(name.toString());
    const QJsonObject serverFix = object.value(u"serverFix").toObject();
    if (!serverFix.isEmpty()) {
        const auto stack = serverStackFromName(serverFix.value(u"stack").toString());
        e.fixStack = stack ? serverStackDisplayName(*stack) : serverFix.value(u"stack").toString();
        e.fixSnippet = serverFix.value(u"snippet").toString();
    }
    return e;
}

} // namespace corscope
