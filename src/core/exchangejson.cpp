#include "core/exchangejson.h"

#include <QDateTime>
#include <QJsonArray>
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
                       {QStringLiteral("bodyBytes"), double(response->body.size())},
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

} // namespace corscope
