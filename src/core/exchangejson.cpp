#include "core/exchangejson.h"

#include <QDateTime>
#include <QJsonArray>
#include <QLatin1StringView>
#include <QJsonValue>

#include <algorithm>
#include <array>
#include <cmath>

namespace corscope {

namespace {
constexpr qsizetype bodyPreviewLimit = 16 * 1024;

QJsonValue text(const QByteArray &bytes)
{
    // ASCII (nearly every method, header and URL) goes in as Latin-1, skipping the UTF-8 decoder.
    const bool ascii = std::all_of(bytes.cbegin(), bytes.cend(), [](char c) { return uchar(c) < 0x80; });
    return ascii ? QJsonValue(QLatin1StringView(bytes)) : QJsonValue(QString::fromUtf8(bytes));
}

QJsonArray buildHeadersJson(const HeaderList &headers)
{
    QJsonArray array;
    for (const HeaderField &field : headers)
        array.append(QJsonArray{text(field.name), text(field.value)});
    return array;
}

// The same header lists come back exchange after exchange (every preflight of a run to one host, a
// server's fixed response headers), and Qt's JSON classes cost about 500 ns per header pair: the JSON
// of the last few distinct lists is kept, per thread, and shared (QJsonArray is implicitly shared).
QJsonArray headersToJson(const HeaderList &headers)
{
    struct Entry
    {
        HeaderList headers;
        QJsonArray json;
    };
    static thread_local std::array<Entry, 16> recent;
    static thread_local size_t next = 0;
    for (const Entry &entry : recent) {
        if (entry.headers == headers)
            return entry.json;
    }
    Entry &entry = recent[next++ % recent.size()];
    entry.headers = headers;
    entry.json = buildHeadersJson(headers);
    return entry.json;
}

QJsonObject requestToJson(const HttpRequest &request)
{
    QJsonObject object{{QStringLiteral("method"), text(request.method)},
                       {QStringLiteral("url"), QString::fromUtf8(request.url.toEncoded())},
                       {QStringLiteral("headers"), headersToJson(request.headers)}};
    if (!request.body.isEmpty())
        object.insert(QStringLiteral("body"), text(request.body.left(bodyPreviewLimit)));
    return object;
}

QJsonValue responseToJson(const std::optional<HttpResponse> &response)
{
    if (!response)
        return QJsonValue::Null;
    QJsonObject object{{QStringLiteral("status"), response->status},
                       {QStringLiteral("statusText"), text(response->reasonPhrase)},
                       {QStringLiteral("headers"), headersToJson(response->headers)},
                       {QStringLiteral("bodyBytes"), double(response->bodySize())},
                       {QStringLiteral("bodyTruncated"), response->bodyTruncated}};
    if (!response->body.isEmpty())
        object.insert(QStringLiteral("body"), text(response->body.left(bodyPreviewLimit)));
    return object;
}

QJsonObject timingsToJson(const HopTimings &timings)
{
    QJsonObject object;
    auto put = [&object](const char *name, double value) {
        if (value >= 0)
            object.insert(QLatin1String(name), std::round(value * 1000.0) / 1000.0);
    };
    put("startMs", timings.startMs);
    put("connectMs", timings.connectMs);
    put("waitMs", timings.waitMs);
    put("downloadMs", timings.downloadMs);
    put("totalMs", timings.totalMs);
    return object;
}

QJsonObject hopToJson(const Hop &hop)
{
    QJsonObject object{{QStringLiteral("kind"), hopKindName(hop.kind)},
                       {QStringLiteral("request"), requestToJson(hop.request)},
                       {QStringLiteral("response"), responseToJson(hop.response)},
                       {QStringLiteral("timings"), timingsToJson(hop.timings)},
                       {QStringLiteral("redirect"), hop.isRedirect()},
                       {QStringLiteral("passed"), hop.passed}};
    if (!hop.networkError.isEmpty()) {
        object.insert(QStringLiteral("networkError"), hop.networkError);
        object.insert(QStringLiteral("networkErrorDetail"), hop.networkErrorDetail);
    }
    return object;
}

QJsonValue findingToJson(const std::optional<Finding> &finding)
{
    if (!finding)
        return QJsonValue::Null;
    return QJsonObject{
        {QStringLiteral("stage"), stageName(finding->stage)},
        {QStringLiteral("check"), checkIdName(finding->check)},
        {QStringLiteral("header"), finding->header.isEmpty() ? QJsonValue(QJsonValue::Null) : text(finding->header)},
        {QStringLiteral("status"), finding->status},
        {QStringLiteral("seen"), finding->seen},
        {QStringLiteral("needed"), finding->needed},
        {QStringLiteral("message"), finding->consoleMessage},
        {QStringLiteral("explanation"), finding->explanation},
        {QStringLiteral("fix"), finding->fix},
    };
}

QJsonArray namesToJson(const QList<QByteArray> &names)
{
    QJsonArray array;
    for (const QByteArray &name : names)
        array.append(text(name));
    return array;
}

// Reads on after a problem and keeps the first message: one bad field makes the whole exchange bad.
struct Reader
{
    QString error;

    void fail(const QString &message)
    {
        if (error.isEmpty())
            error = message;
    }

    static QByteArray bytes(const QJsonValue &value) { return value.toString().toUtf8(); }

    // A name of a fixed vocabulary ("blocked", "include"): absent gives the fallback, unknown is an error.
    template <typename T>
    T named(const QJsonObject &object, QLatin1StringView key, std::optional<T> (*fromName)(const QString &),
            T fallback)
    {
        const QJsonValue value = object.value(key);
        if (value.isUndefined() || value.isNull())
            return fallback;
        const auto parsed = fromName(value.toString());
        if (!parsed)
            fail(u"unknown " + QString(key) + u" \u201c" + value.toString() + u'\u201d');
        return parsed.value_or(fallback);
    }

    HeaderList headers(const QJsonValue &value)
    {
        HeaderList list;
        if (!value.isArray()) {
            fail(QStringLiteral("headers are not a list"));
            return list;
        }
        for (const QJsonValue &field : value.toArray()) {
            const QJsonArray pair = field.toArray();
            if (pair.size() != 2 || !pair.at(0).isString() || !pair.at(1).isString()) {
                fail(QStringLiteral("a header is not a [name, value] pair"));
                return list;
            }
            list.append(bytes(pair.at(0)), bytes(pair.at(1)));
        }
        return list;
    }

    HttpRequest request(const QJsonValue &value)
    {
        const QJsonObject object = value.toObject();
        HttpRequest request;
        request.method = bytes(object.value(QLatin1StringView("method")));
        request.url = QUrl::fromEncoded(bytes(object.value(QLatin1StringView("url"))));
        if (request.method.isEmpty() || !request.url.isValid())
            fail(QStringLiteral("a request has no method or URL"));
        request.headers = headers(object.value(QLatin1StringView("headers")));
        request.body = bytes(object.value(QLatin1StringView("body")));
        return request;
    }

    static HopTimings timings(const QJsonObject &object)
    {
        const auto ms = [&object](const char *key) { return object.value(QLatin1StringView(key)).toDouble(-1); };
        HopTimings timings;
        timings.startMs = ms("startMs");
        timings.connectMs = ms("connectMs");
        timings.waitMs = ms("waitMs");
        timings.downloadMs = ms("downloadMs");
        timings.totalMs = ms("totalMs");
        return timings;
    }

    Hop hop(const QJsonValue &value)
    {
        Hop hop;
        if (!value.isObject()) {
            fail(QStringLiteral("a hop is not an object"));
            return hop;
        }
        const QJsonObject object = value.toObject();
        const QString kind = object.value(QLatin1StringView("kind")).toString();
        if (kind == hopKindName(HopKind::Preflight))
            hop.kind = HopKind::Preflight;
        else if (kind == hopKindName(HopKind::Actual))
            hop.kind = HopKind::Actual;
        else
            fail(u"unknown hop kind \u201c" + kind + u'\u201d');
        hop.request = request(object.value(QLatin1StringView("request")));
        const QJsonValue responseValue = object.value(QLatin1StringView("response"));
        if (responseValue.isObject()) {
            const QJsonObject response = responseValue.toObject();
            HttpResponse parsed;
            parsed.status = response.value(QLatin1StringView("status")).toInt();
            parsed.reasonPhrase = bytes(response.value(QLatin1StringView("statusText")));
            parsed.headers = headers(response.value(QLatin1StringView("headers")));
            parsed.body = bytes(response.value(QLatin1StringView("body")));
            parsed.bodyTruncated = response.value(QLatin1StringView("bodyTruncated")).toBool();
            parsed.url = hop.request.url;
            const QJsonValue received = response.value(QLatin1StringView("bodyBytes"));
            if (received.isDouble() && qint64(received.toDouble()) != parsed.body.size())
                parsed.receivedBodySize = qint64(received.toDouble());
            hop.response = parsed;
        } else if (!responseValue.isNull()) {
            fail(QStringLiteral("a response is neither an object nor null"));
        }
        hop.networkError = object.value(QLatin1StringView("networkError")).toString();
        hop.networkErrorDetail = object.value(QLatin1StringView("networkErrorDetail")).toString();
        hop.timings = timings(object.value(QLatin1StringView("timings")).toObject());
        hop.passed = object.value(QLatin1StringView("passed")).toBool(true);
        return hop;
    }

    std::optional<Finding> finding(const QJsonValue &value)
    {
        if (value.isNull() || value.isUndefined())
            return std::nullopt;
        const QJsonObject object = value.toObject();
        const auto stage = stageFromName(object.value(QLatin1StringView("stage")).toString());
        const auto check = checkIdFromName(object.value(QLatin1StringView("check")).toString());
        if (!stage || !check) {
            fail(QStringLiteral("the failure names an unknown stage or check"));
            return std::nullopt;
        }
        Finding finding;
        finding.stage = *stage;
        finding.check = *check;
        finding.header = bytes(object.value(QLatin1StringView("header")));
        finding.status = object.value(QLatin1StringView("status")).toInt();
        finding.seen = object.value(QLatin1StringView("seen")).toString();
        finding.needed = object.value(QLatin1StringView("needed")).toString();
        finding.consoleMessage = object.value(QLatin1StringView("message")).toString();
        finding.explanation = object.value(QLatin1StringView("explanation")).toString();
        finding.fix = object.value(QLatin1StringView("fix")).toString();
        return finding;
    }

    Warning warning(const QJsonValue &value)
    {
        const QJsonObject object = value.toObject();
        if (!object.value(QLatin1StringView("check")).isString())
            fail(QStringLiteral("a warning has no check"));
        return {object.value(QLatin1StringView("check")).toString(),
                object.value(QLatin1StringView("message")).toString(),
                bytes(object.value(QLatin1StringView("header")))};
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

QJsonObject exchangeToJson(const FetchRequest &request, const BrowserProfile &profile, const ExchangeResult &result)
{
    QJsonObject requestObject{{QStringLiteral("method"), text(request.method)},
                              {QStringLiteral("url"), QString::fromUtf8(request.url.toEncoded())},
                              {QStringLiteral("origin"), text(request.origin.serialize())},
                              {QStringLiteral("credentials"), credentialsModeName(request.credentials)},
                              {QStringLiteral("redirect"), redirectModeName(request.redirect)},
                              {QStringLiteral("headers"), headersToJson(request.headers)}};
    if (!request.body.isEmpty())
        requestObject.insert(QStringLiteral("body"), text(request.body.left(bodyPreviewLimit)));

    QJsonArray hops;
    QJsonValue preflight = QJsonValue::Null;
    for (const Hop &hop : result.hops) {
        QJsonObject object = hopToJson(hop);
        if (hop.kind == HopKind::Preflight && preflight.isNull()) {
            // The first preflight again under "preflight": the same object (shared, not rebuilt), plus "sent".
            QJsonObject first = object;
            first.insert(QStringLiteral("sent"), true);
            preflight = first;
        }
        hops.append(object);
    }
    QJsonArray warnings;
    for (const Warning &warning : result.warnings) {
        QJsonObject object{{QStringLiteral("check"), warning.check}, {QStringLiteral("message"), warning.message}};
        if (!warning.header.isEmpty())
            object.insert(QStringLiteral("header"), text(warning.header));
        warnings.append(object);
    }
    QJsonObject object{
        {QStringLiteral("corscope"), QStringLiteral(CORSCOPE_VERSION)},
        {QStringLiteral("browser"), browserName(profile.browser)},
        {QStringLiteral("request"), requestObject},
        {QStringLiteral("verdict"), verdictName(result.verdict)},
        {QStringLiteral("crossOrigin"), result.crossOrigin},
        {QStringLiteral("preflightNeeded"), result.preflightNeeded},
        {QStringLiteral("preflightFromCache"), result.preflightFromCache},
        {QStringLiteral("preflightReasons"), QJsonArray::fromStringList(preflightReasonTexts(result.preflightReasons))},
        {QStringLiteral("failure"), findingToJson(result.failure)},
        {QStringLiteral("preflight"), preflight},
        {QStringLiteral("hops"), hops},
        {QStringLiteral("readableHeaders"), namesToJson(result.readableHeaders)},
        {QStringLiteral("warnings"), warnings},
    };
    if (result.startedAtMs >= 0) {
        object.insert(QStringLiteral("startedAt"),
                      QDateTime::fromMSecsSinceEpoch(result.startedAtMs, Qt::UTC).toString(Qt::ISODateWithMs));
    }
    return object;
}

ExchangeOrError exchangeFromJson(const QJsonObject &object)
{
    const QJsonValue requestValue = object.value(QLatin1StringView("request"));
    if (!requestValue.isObject() || !object.value(QLatin1StringView("verdict")).isString()
        || !object.value(QLatin1StringView("hops")).isArray()) {
        return {std::nullopt,
                QStringLiteral("not a corscope result: an exchange needs \"request\", \"verdict\" and \"hops\"")};
    }
    Reader reader;
    JudgedExchange exchange;

    const Browser browser = reader.named(object, QLatin1StringView("browser"), &browserFromName, Browser::Chromium);
    exchange.profile = BrowserProfile::forBrowser(browser);

    const QJsonObject request = requestValue.toObject();
    FetchRequest &fetch = exchange.request;
    const HttpRequest asked = reader.request(request);
    fetch.method = asked.method;
    fetch.url = asked.url;
    fetch.headers = asked.headers;
    fetch.body = asked.body;
    QString originError;
    const auto origin = Origin::parse(request.value(QLatin1StringView("origin")).toString(), &originError);
    if (!origin)
        reader.fail(u"bad page origin: " + originError);
    fetch.origin = origin.value_or(Origin());
    fetch.credentials = reader.named(request, QLatin1StringView("credentials"), &credentialsModeFromName,
                                     CredentialsMode::SameOrigin);
    fetch.redirect = reader.named(request, QLatin1StringView("redirect"), &redirectModeFromName, RedirectMode::Follow);

    ExchangeResult &result = exchange.result;
    result.verdict = reader.named(object, QLatin1StringView("verdict"), &verdictFromName, Verdict::NetworkError);
    result.crossOrigin = object.value(QLatin1StringView("crossOrigin")).toBool();
    result.preflightNeeded = object.value(QLatin1StringView("preflightNeeded")).toBool();
    result.preflightFromCache = object.value(QLatin1StringView("preflightFromCache")).toBool();
    const QJsonValue startedAt = object.value(QLatin1StringView("startedAt"));
    if (startedAt.isString()) {
        const QDateTime when = QDateTime::fromString(startedAt.toString(), Qt::ISODateWithMs);
        if (when.isValid())
            result.startedAtMs = when.toMSecsSinceEpoch();
        else
            reader.fail(u"\u201cstartedAt\u201d is not a time: " + startedAt.toString());
    }
    for (const QJsonValue &reason : object.value(QLatin1StringView("preflightReasons")).toArray())
        result.preflightReasons.append(PreflightReason::recorded(reason.toString()));
    result.failure = reader.finding(object.value(QLatin1StringView("failure")));
    for (const QJsonValue &hop : object.value(QLatin1StringView("hops")).toArray())
        result.hops.append(reader.hop(hop));
    for (const QJsonValue &name : object.value(QLatin1StringView("readableHeaders")).toArray())
        result.readableHeaders.append(Reader::bytes(name));
    for (const QJsonValue &warning : object.value(QLatin1StringView("warnings")).toArray())
        result.warnings.append(reader.warning(warning));
    result.reachedServer = std::any_of(result.hops.cbegin(), result.hops.cend(), [](const Hop &hop) {
        return hop.kind == HopKind::Actual && hop.response;
    });

    if (!reader.error.isEmpty())
        return {std::nullopt, reader.error};
    return {std::move(exchange), {}};
}

} // namespace corscope
