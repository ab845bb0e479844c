#include "ui/historyjson.h"

#include "core/exchangejson.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace corscope {

namespace {
// Reads on after a problem and keeps the first message: one bad field makes the whole entry bad.
struct Reader
{
    QString error;

    void fail(const QString &message)
    {
        if (error.isEmpty())
            error = message;
    }
    QByteArray bytes(const QJsonValue &value) { return value.toString().toUtf8(); }

    HeaderList headers(const QJsonValue &value)
    {
        HeaderList list;
        if (!value.isArray()) {
            fail(QStringLiteral("headers are not a list"));
            return list;
        }
        for (const QJsonValue &field : value.toArray()) {
            const QJsonArray pair = field.toArray();
            if (pair.size() != 2 || !pair.at(0).isString()) {
                fail(QStringLiteral("a header is not a [name, value] pair"));
                return list;
            }
            list.append(bytes(pair.at(0)), bytes(pair.at(1)));
        }
        return list;
    }

    HopTimings timings(const QJsonObject &object)
    {
        HopTimings timings;
        timings.startMs = object.value(QLatin1String("startMs")).toDouble(-1);
        timings.connectMs = object.value(QLatin1String("connectMs")).toDouble(-1);
        timings.waitMs = object.value(QLatin1String("waitMs")).toDouble(-1);
        timings.downloadMs = object.value(QLatin1String("downloadMs")).toDouble(-1);
        timings.totalMs = object.value(QLatin1String("totalMs")).toDouble(-1);
        return timings;
    }

    Hop hop(const QJsonObject &object)
    {
        Hop hop;
        const QString kind = object.value(QLatin1String("kind")).toString();
        if (kind == hopKindName(HopKind::Preflight))
            hop.kind = HopKind::Preflight;
        else if (kind == hopKindName(HopKind::Actual))
            hop.kind = HopKind::Actual;
        else
            fail(u"unknown hop kind \u201c" + kind + u'\u201d');
        const QJsonObject request = object.value(QLatin1String("request")).toObject();
        hop.request.method = bytes(request.value(QLatin1String("method")));
        hop.request.url = QUrl::fromEncoded(bytes(request.value(QLatin1String("url"))));
        hop.request.headers = headers(request.value(QLatin1String("headers")));
        hop.request.body = bytes(request.value(QLatin1String("body")));
        const QJsonValue responseValue = object.value(QLatin1String("response"));
        if (responseValue.isObject()) {
            const QJsonObject response = responseValue.toObject();
            HttpResponse parsed;
            parsed.status = response.value(QLatin1String("status")).toInt();
            parsed.reasonPhrase = bytes(response.value(QLatin1String("statusText")));
            parsed.headers = headers(response.value(QLatin1String("headers")));
            parsed.body = bytes(response.value(QLatin1String("body")));
            parsed.bodyTruncated = response.value(QLatin1String("bodyTruncated")).toBool();
            parsed.url = hop.request.url;
            hop.response = parsed;
        } else if (!responseValue.isNull()) {
            fail(QStringLiteral("a response is neither an object nor null"));
        }
        hop.networkError = object.value(QLatin1String("networkError")).toString();
        hop.networkErrorDetail = object.value(QLatin1String("networkErrorDetail")).toString();
        hop.timings = timings(object.value(QLatin1String("timings")).toObject());
        hop.passed = object.value(QLatin1String("passed")).toBool(true);
        return hop;
    }

    std::optional<Finding> finding(const QJsonValue &value)
    {
        if (!value.isObject())
            return std::nullopt;
        const QJsonObject object = value.toObject();
        Finding finding;
        const auto stage = stageFromName(object.value(QLatin1String("stage")).toString());
        const auto check = checkIdFromName(object.value(QLatin1String("check")).toString());
        if (!stage || !check) {
            fail(QStringLiteral("the failure names an unknown stage or check"));
            return std::nullopt;
        }
        finding.stage = *stage;
        finding.check = *check;
        finding.header = bytes(object.value(QLatin1String("header")));
        finding.status = object.value(QLatin1String("status")).toInt();
        finding.seen = object.value(QLatin1String("seen")).toString();
        finding.needed = object.value(QLatin1String("needed")).toString();
        finding.consoleMessage = object.value(QLatin1String("message")).toString();
        finding.explanation = object.value(QLatin1String("explanation")).toString();
        finding.fix = object.value(QLatin1String("fix")).toString();
        return finding;
    }
};

std::optional<Verdict> verdictFromName(const QString &name)
{
    for (Verdict verdict : {Verdict::Allowed, Verdict::Blocked, Verdict::NetworkError}) {
        if (verdictName(verdict) == name)
            return verdict;
    }
    return std::nullopt;
}
} // namespace

QJsonObject historyEntryToJson(const ExchangeRecord &record)
{
    QJsonObject object = exchangeToJson(record.request, record.profile, record.result);
    // The first preflight is already among the hops.
    object.remove(QLatin1String("preflight"));
    object.insert(QLatin1String("id"), record.id);
    object.insert(QLatin1String("finishedAt"), record.finishedAt.toString(Qt::ISODateWithMs));
    return object;
}

QByteArray historyLine(const ExchangeRecord &record)
{
    return QJsonDocument(historyEntryToJson(record)).toJson(QJsonDocument::Compact);
}

ExchangeRecordPtr historyEntryFromJson(const QJsonObject &object, QString *error)
{
    Reader reader;
    auto record = std::make_shared<ExchangeRecord>();
    record->id = object.value(QLatin1String("id")).toInt(-1);
    if (record->id <= 0)
        reader.fail(QStringLiteral("no exchange id"));
    record->finishedAt
        = QDateTime::fromString(object.value(QLatin1String("finishedAt")).toString(), Qt::ISODateWithMs);

    const auto browser = browserFromName(object.value(QLatin1String("browser")).toString());
    if (!browser)
        reader.fail(QStringLiteral("unknown browser"));
    record->profile = BrowserProfile::forBrowser(browser.value_or(Browser::Chromium));

    const QJsonObject request = object.value(QLatin1String("request")).toObject();
    record->request.method = reader.bytes(request.value(QLatin1String("method")));
    record->request.url = QUrl::fromEncoded(reader.bytes(request.value(QLatin1String("url"))));
    if (record->request.method.isEmpty() || !record->request.url.isValid())
        reader.fail(QStringLiteral("the request has no method or URL"));
    record->request.headers = reader.headers(request.value(QLatin1String("headers")));
    record->request.body = reader.bytes(request.value(QLatin1String("body")));
    QString originError;
    const auto origin = Origin::parse(request.value(QLatin1String("origin")).toString(), &originError);
    if (!origin)
        reader.fail(u"bad page origin: " + originError);
    record->request.origin = origin.value_or(Origin());
    record->request.credentials
        = credentialsModeFromName(request.value(QLatin1String("credentials")).toString())
              .value_or(CredentialsMode::SameOrigin);
    record->request.redirect = redirectModeFromName(request.value(QLatin1String("redirect")).toString())
                                   .value_or(RedirectMode::Follow);

    ExchangeResult &result = record->result;
    const auto verdict = verdictFromName(object.value(QLatin1String("verdict")).toString());
    if (!verdict)
        reader.fail(QStringLiteral("unknown verdict"));
    result.verdict = verdict.value_or(Verdict::NetworkError);
    result.crossOrigin = object.value(QLatin1String("crossOrigin")).toBool();
    result.preflightNeeded = object.value(QLatin1String("preflightNeeded")).toBool();
    result.preflightFromCache = object.value(QLatin1String("preflightFromCache")).toBool();
    const QDateTime startedAt = QDateTime::fromString(object.value(QLatin1String("startedAt")).toString(), Qt::ISODateWithMs);
    if (startedAt.isValid())
        result.startedAtMs = startedAt.toMSecsSinceEpoch();
    for (const QJsonValue &reason : object.value(QLatin1String("preflightReasons")).toArray())
        result.preflightReasons.append(PreflightReason::recorded(reason.toString()));
    result.failure = reader.finding(object.value(QLatin1String("failure")));
    const QJsonValue hops = object.value(QLatin1String("hops"));
    if (!hops.isArray())
        reader.fail(QStringLiteral("no hops"));
    for (const QJsonValue &hop : hops.toArray())
        result.hops.append(reader.hop(hop.toObject()));
    for (const QJsonValue &name : object.value(QLatin1String("readableHeaders")).toArray())
        result.readableHeaders.append(reader.bytes(name));
    for (const QJsonValue &value : object.value(QLatin1String("warnings")).toArray()) {
        const QJsonObject warning = value.toObject();
        result.warnings.append({warning.value(QLatin1String("check")).toString(),
            warning.value(QLatin1String("message")).toString(),
            reader.bytes(warning.value(QLatin1String("header")))});
    }
    for (const Hop &hop : std::as_const(result.hops)) {
        if (hop.kind == HopKind::Actual) {
            result.reachedServer = true;
            break;
        }
    }

    if (!reader.error.isEmpty()) {
        if (error)
            *error = reader.error;
        return nullptr;
    }
    return record;
}

} // namespace corscope
