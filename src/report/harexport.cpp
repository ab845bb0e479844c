#include "report/harexport.h"

#include "report/reportformat.h"

#include <QJsonArray>

namespace corscope {

namespace {

using reportformat::text;

// When the exchange started: as recorded, else (a result from an older corscope) when the report was made.
QDateTime exchangeStart(const ReportData &data, const ReportExchange &e)
{
    const QDateTime started = e.startedAt();
    return started.isValid() ? started : data.options.generatedAt;
}

QJsonArray nameValues(const HeaderList &headers)
{
    QJsonArray array;
    for (const HeaderField &field : headers)
        array.append(QJsonObject{{QStringLiteral("name"), text(field.name)}, {QStringLiteral("value"), text(field.value)}});
    return array;
}

// The first field's value, as the HAR shows one value per name.
QString headerValue(const HeaderList &headers, QByteArrayView name)
{
    for (const HeaderField &field : headers) {
        if (HeaderList::namesEqual(field.name, name))
            return text(field.value);
    }
    return {};
}

QJsonArray queryString(const QString &url)
{
    QJsonArray array;
    QString query = url.section(u'#', 0, 0);
    const qsizetype question = query.indexOf(u'?');
    if (question < 0)
        return array;
    for (const QString &pair : query.mid(question + 1).split(u'&', Qt::SkipEmptyParts))
        array.append(QJsonObject{{QStringLiteral("name"), pair.section(u'=', 0, 0)},
                                 {QStringLiteral("value"), pair.section(u'=', 1)}});
    return array;
}

QJsonArray cookies(const HeaderList &headers, bool response)
{
    QJsonArray array;
    for (const HeaderField &field : headers) {
        const QString name = text(field.name);
        const QString value = text(field.value);
        if (!response && name.compare(u"cookie", Qt::CaseInsensitive) == 0) {
            for (const QString &pair : value.split(u';', Qt::SkipEmptyParts))
                array.append(QJsonObject{{QStringLiteral("name"), pair.section(u'=', 0, 0).trimmed()},
                                         {QStringLiteral("value"), pair.section(u'=', 1).trimmed()}});
        } else if (response && name.compare(u"set-cookie", Qt::CaseInsensitive) == 0) {
            const QString pair = value.section(u';', 0, 0);
            array.append(QJsonObject{{QStringLiteral("name"), pair.section(u'=', 0, 0).trimmed()},
                                     {QStringLiteral("value"), pair.section(u'=', 1).trimmed()}});
        }
    }
    return array;
}

double known(double ms)
{
    return ms < 0 ? -1 : ms;
}

QJsonObject entry(const ReportData &data, const ReportExchange &e, qsizetype index, const Hop &hop)
{
    const QString url = QString::fromUtf8(hop.request.url.toEncoded());
    QJsonObject request{{QStringLiteral("method"), text(hop.request.method)},
                        {QStringLiteral("url"), url},
                        {QStringLiteral("httpVersion"), QStringLiteral("HTTP/1.1")},
                        {QStringLiteral("cookies"), cookies(hop.request.headers, false)},
                        {QStringLiteral("headers"), nameValues(hop.request.headers)},
                        {QStringLiteral("queryString"), queryString(url)},
                        {QStringLiteral("headersSize"), -1},
                        {QStringLiteral("bodySize"), qint64(hop.request.body.size())}};
    if (!hop.request.body.isEmpty()) {
        const QString type = headerValue(hop.request.headers, "content-type");
        request.insert(QStringLiteral("postData"),
                       QJsonObject{{QStringLiteral("mimeType"), type.isEmpty() ? QStringLiteral("text/plain") : type},
                                   {QStringLiteral("text"), text(hop.request.body)}});
    }
    const HttpResponse noResponse;
    const HttpResponse &answer = hop.response ? *hop.response : noResponse;
    QJsonObject content{{QStringLiteral("size"), double(answer.bodySize())},
                        {QStringLiteral("mimeType"), headerValue(answer.headers, "content-type")}};
    if (!answer.body.isEmpty())
        content.insert(QStringLiteral("text"), text(answer.body));
    const QJsonObject response{
        {QStringLiteral("status"), answer.status},
        {QStringLiteral("statusText"), text(answer.reasonPhrase)},
        {QStringLiteral("httpVersion"), QStringLiteral("HTTP/1.1")},
        {QStringLiteral("cookies"), cookies(answer.headers, true)},
        {QStringLiteral("headers"), nameValues(answer.headers)},
        {QStringLiteral("content"), content},
        {QStringLiteral("redirectURL"), hop.isRedirect() ? headerValue(answer.headers, "location") : QString()},
        {QStringLiteral("headersSize"), -1},
        {QStringLiteral("bodySize"), hop.response ? double(answer.bodySize()) : -1},
    };
    // HAR needs send/wait/receive >= 0; corscope measures connect, wait (TTFB) and download.
    const QJsonObject timings{{QStringLiteral("blocked"), -1},
                              {QStringLiteral("dns"), -1},
                              {QStringLiteral("connect"), known(hop.timings.connectMs)},
                              {QStringLiteral("ssl"), -1},
                              {QStringLiteral("send"), 0},
                              {QStringLiteral("wait"), std::max(0.0, hop.timings.waitMs)},
                              {QStringLiteral("receive"), std::max(0.0, hop.timings.downloadMs)}};
    QJsonObject corscope{{QStringLiteral("kind"), hopKindName(hop.kind)},
                         {QStringLiteral("exchange"), index + 1},
                         {QStringLiteral("verdict"), verdictName(e.result.verdict)},
                         {QStringLiteral("passed"), hop.passed},
                         {QStringLiteral("pageOrigin"), text(e.request.origin.serialize())},
                         {QStringLiteral("credentials"), credentialsModeName(e.request.credentials)},
                         {QStringLiteral("browser"), e.profile.displayName}};
    if (!e.name.isEmpty())
        corscope.insert(QStringLiteral("name"), e.name);
    if (!hop.passed && e.result.failure) {
        corscope.insert(QStringLiteral("check"), checkIdName(e.result.failure->check));
        corscope.insert(QStringLiteral("header"), text(e.result.failure->header));
        corscope.insert(QStringLiteral("consoleMessage"), e.result.failure->consoleMessage);
    }
    if (!hop.networkError.isEmpty())
        corscope.insert(QStringLiteral("networkError"), hop.networkError);
    const QDateTime started = exchangeStart(data, e).addMSecs(qint64(std::max(0.0, hop.timings.startMs)));
    return QJsonObject{{QStringLiteral("pageref"), QStringLiteral("exchange_%1").arg(index + 1)},
                       {QStringLiteral("startedDateTime"), started.toUTC().toString(Qt::ISODateWithMs)},
                       {QStringLiteral("time"), std::max(0.0, hop.timings.totalMs)},
                       {QStringLiteral("request"), request},
                       {QStringLiteral("response"), response},
                       {QStringLiteral("cache"), QJsonObject()},
                       {QStringLiteral("timings"), timings},
                       {QStringLiteral("_corscope"), corscope}};
}

} // namespace

QJsonObject HarExport::render(const ReportData &data)
{
    QJsonArray pages;
    QJsonArray entries;
    for (qsizetype i = 0; i < data.exchanges.size(); ++i) {
        const ReportExchange &e = data.exchanges.at(i);
        pages.append(QJsonObject{
            {QStringLiteral("startedDateTime"), exchangeStart(data, e).toUTC().toString(Qt::ISODateWithMs)},
            {QStringLiteral("id"), QStringLiteral("exchange_%1").arg(i + 1)},
            {QStringLiteral("title"), QString((e.name.isEmpty() ? QString() : e.name + u": ") + e.requestLine()
                                              + u" — " + e.verdictTitle())},
            {QStringLiteral("pageTimings"), QJsonObject()},
            {QStringLiteral("_corscope"), QJsonObject{{QStringLiteral("verdict"), verdictName(e.result.verdict)},
                                                      {QStringLiteral("failure"), e.failureSummary()}}}});
        for (const Hop &hop : e.result.hops)
            entries.append(entry(data, e, i, hop));
    }
    const QJsonObject log{{QStringLiteral("version"), QStringLiteral("1.2")},
                          {QStringLiteral("creator"), QJsonObject{{QStringLiteral("name"), QStringLiteral("corscope")},
                                                                  {QStringLiteral("version"), data.options.version}}},
                          {QStringLiteral("pages"), pages},
                          {QStringLiteral("entries"), entries},
                          {QStringLiteral("comment"), data.options.redact ? QStringLiteral("Secrets redacted by corscope.")
                                                                          : QStringLiteral("Not redacted: may contain secrets.")}};
    return QJsonObject{{QStringLiteral("log"), log}};
}

} // namespace corscope
