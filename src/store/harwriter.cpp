#include "store/harwriter.h"

#include "store/collectionrunner.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QUrlQuery>

namespace corscope {

namespace {
QJsonArray headersToHar(const HeaderList &headers)
{
    QJsonArray array;
    for (const HeaderField &field : headers)
        array.append(QJsonObject{{QStringLiteral("name"), QString::fromLatin1(field.name)},
                                 {QStringLiteral("value"), QString::fromUtf8(field.value)}});
    return array;
}

double nonNegative(double value)
{
    return value < 0 ? -1 : value;
}
} // namespace

QJsonObject hopToHarEntry(const Hop &hop, const QDateTime &exchangeStart)
{
    QJsonArray query;
    for (const auto &[name, value] : QUrlQuery(hop.request.url).queryItems(QUrl::FullyDecoded))
        query.append(QJsonObject{{QStringLiteral("name"), name}, {QStringLiteral("value"), value}});
    QJsonObject request{{QStringLiteral("method"), QString::fromLatin1(hop.request.method)},
                        {QStringLiteral("url"), QString::fromUtf8(hop.request.url.toEncoded())},
                        {QStringLiteral("httpVersion"), QStringLiteral("HTTP/1.1")},
                        {QStringLiteral("cookies"), QJsonArray()},
                        {QStringLiteral("headers"), headersToHar(hop.request.headers)},
                        {QStringLiteral("queryString"), query},
                        {QStringLiteral("headersSize"), -1},
                        {QStringLiteral("bodySize"), double(hop.request.body.size())}};
    if (!hop.request.body.isEmpty()) {
        request.insert(QStringLiteral("postData"),
                       QJsonObject{{QStringLiteral("mimeType"),
                                    QString::fromUtf8(hop.request.headers.combinedValue("content-type").value_or(QByteArray()))},
                                   {QStringLiteral("text"), QString::fromUtf8(hop.request.body)}});
    }
    QJsonObject response{{QStringLiteral("status"), 0},
                         {QStringLiteral("statusText"), QString()},
                         {QStringLiteral("httpVersion"), QStringLiteral("HTTP/1.1")},
                         {QStringLiteral("cookies"), QJsonArray()},
                         {QStringLiteral("headers"), QJsonArray()},
                         {QStringLiteral("content"), QJsonObject{{QStringLiteral("size"), 0},
                                                                 {QStringLiteral("mimeType"), QString()}}},
                         {QStringLiteral("redirectURL"), QString()},
                         {QStringLiteral("headersSize"), -1},
                         {QStringLiteral("bodySize"), -1}};
    if (hop.response) {
        const HttpResponse &r = *hop.response;
        response.insert(QStringLiteral("status"), r.status);
        response.insert(QStringLiteral("statusText"), QString::fromUtf8(r.reasonPhrase));
        response.insert(QStringLiteral("headers"), headersToHar(r.headers));
        response.insert(QStringLiteral("content"),
                        QJsonObject{{QStringLiteral("size"), double(r.body.size())},
                                    {QStringLiteral("mimeType"),
                                     QString::fromUtf8(r.headers.combinedValue("content-type").value_or(QByteArray()))},
                                    {QStringLiteral("text"), QString::fromUtf8(r.body)}});
        const QByteArray location = r.headers.combinedValue("location").value_or(QByteArray());
        if (hop.isRedirect())
            response.insert(QStringLiteral("redirectURL"),
                            QString::fromUtf8(hop.request.url.resolved(QUrl::fromEncoded(location)).toEncoded()));
        response.insert(QStringLiteral("bodySize"), double(r.body.size()));
    }
    const HopTimings &t = hop.timings;
    QJsonObject entry{
        {QStringLiteral("startedDateTime"),
         exchangeStart.addMSecs(qint64(qMax(0.0, t.startMs))).toString(Qt::ISODateWithMs)},
        {QStringLiteral("time"), qMax(0.0, t.totalMs)},
        {QStringLiteral("request"), request},
        {QStringLiteral("response"), response},
        {QStringLiteral("cache"), QJsonObject()},
        {QStringLiteral("timings"), QJsonObject{{QStringLiteral("send"), 0},
                                                {QStringLiteral("wait"), nonNegative(t.waitMs)},
                                                {QStringLiteral("receive"), nonNegative(t.downloadMs)},
                                                {QStringLiteral("connect"), nonNegative(t.connectMs)}}},
        {QStringLiteral("_resourceType"), hop.kind == HopKind::Preflight ? QStringLiteral("preflight")
                                                                         : QStringLiteral("fetch")}};
    if (!hop.networkError.isEmpty())
        entry.insert(QStringLiteral("_error"), hop.networkError);
    return entry;
}

QByteArray runToHar(const CollectionRunner &runner)
{
    QJsonArray entries;
    const QDateTime start = QDateTime::currentDateTimeUtc();
    for (qsizetype i = 0; i < runner.jobs().size(); ++i) {
        if (!runner.isFinished(i))
            continue;
        for (const Hop &hop : runner.result(i).hops)
            entries.append(hopToHarEntry(hop, start));
    }
    const QJsonObject log{{QStringLiteral("version"), QStringLiteral("1.2")},
                          {QStringLiteral("creator"),
                           QJsonObject{{QStringLiteral("name"), QStringLiteral("corscope")},
                                       {QStringLiteral("version"), QCoreApplication::applicationVersion()}}},
                          {QStringLiteral("pages"), QJsonArray()},
                          {QStringLiteral("entries"), entries}};
    return QJsonDocument(QJsonObject{{QStringLiteral("log"), log}}).toJson(QJsonDocument::Indented);
}

} // namespace corscope
