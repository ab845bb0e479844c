#include "report/harexport.h"

#include <QJsonArray>

namespace corscope {

namespace {

// When the exchange started: as recorded, else (a result from an older corscope) when the report was made.
QDateTime exchangeStart(const ReportData &data, const ReportExchange &e)
{
    return e.startedAt.isValid() ? e.startedAt : data.options.generatedAt;
}

QJsonArray nameValues(const ReportHeaders &headers)
{
    QJsonArray array;
    for (const auto &[name, value] : headers)
        array.append(QJsonObject{{QStringLiteral("name"), name}, {QStringLiteral("value"), value}});
    return array;
}

QString headerValue(const ReportHeaders &headers, QStringView name)
{
    for (const auto &[n, v] : headers) {
        if (n.compare(name, Qt::CaseInsensitive) == 0)
            return v;
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

QJsonArray cookies(const ReportHeaders &headers, bool response)
{
    QJsonArray array;
    for (const auto &[name, value] : headers) {
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

QJsonObject entry(const ReportData &data, const ReportExchange &e, qsizetype index, const ReportHop &hop)
{
    QJsonObject request{{QStringLiteral("method"), hop.method},
                        {QStringLiteral("url"), hop.url},
                        {QStringLiteral("httpVersion"), QStringLiteral("HTTP/1.1")},
                        {QStringLiteral("cookies"), cookies(hop.requestHeaders, false)},
                        {QStringLiteral("headers"), nameValues(hop.requestHeaders)},
                        {QStringLiteral("queryString"), queryString(hop.url)},
                        {QStringLiteral("headersSize"), -1},
                        {QStringLiteral("bodySize"), hop.requestBody.isEmpty() ? 0 : hop.requestBody.toUtf8().size()}};
    if (!hop.requestBody.isEmpty()) {
        const QString type = headerValue(hop.requestHeaders, u"content-type");
        request.insert(QStringLiteral("postData"),
                       QJsonObject{{QStringLiteral("mimeType"), type.isEmpty() ? QStringLiteral("text/plain") : type},
                                   {QStringLiteral("text"), hop.requestBody}});
    }
    QJsonObject content{{QStringLiteral("size"), hop.responseBodyBytes},
                        {QStringLiteral("mimeType"), headerValue(hop.responseHeaders, u"content-type")}};
    if (!hop.responseBody.isEmpty())
        content.insert(QStringLiteral("text"), hop.responseBody);
    const QJsonObject response{
        {QStringLiteral("status"), hop.hasResponse ? hop.status : 0},
        {QStringLiteral("statusText"), hop.statusText},
        {QStringLiteral("httpVersion"), QStringLiteral("HTTP/1.1")},
        {QStringLiteral("cookies"), cookies(hop.responseHeaders, true)},
        {QStringLiteral("headers"), nameValues(hop.responseHeaders)},
        {QStringLiteral("content"), content},
        {QStringLiteral("redirectURL"), hop.redirect ? headerValue(hop.responseHeaders, u"location") : QString()},
        {QStringLiteral("headersSize"), -1},
        {QStringLiteral("bodySize"), hop.hasResponse ? hop.responseBodyBytes : -1},
    };
    // HAR needs send/wait/receive >= 0; corscope measures connect, wait (TTFB) and download.
    const QJsonObject timings{{QStringLiteral("blocked"), -1},
                              {QStringLiteral("dns"), -1},
                              {QStringLiteral("connect"), known(hop.connectMs)},
                              {QStringLiteral("ssl"), -1},
                              {QStringLiteral("send"), 0},
                              {QStringLiteral("wait"), std::max(0.0, hop.waitMs)},
                              {QStringLiteral("receive"), std::max(0.0, hop.downloadMs)}};
    QJsonObject corscope{{QStringLiteral("kind"), hop.kind},
                         {QStringLiteral("exchange"), index + 1},
                         {QStringLiteral("verdict"), e.verdict},
                         {QStringLiteral("passed"), hop.passed},
                         {QStringLiteral("pageOrigin"), e.origin},
                         {QStringLiteral("credentials"), e.credentials},
                         {QStringLiteral("browser"), e.browser}};
    if (!e.name.isEmpty())
        corscope.insert(QStringLiteral("name"), e.name);
    if (!hop.passed && e.failure) {
        corscope.insert(QStringLiteral("check"), e.failure->check);
        corscope.insert(QStringLiteral("header"), e.failure->header);
        corscope.insert(QStringLiteral("consoleMessage"), e.failure->message);
    }
    if (!hop.networkError.isEmpty())
        corscope.insert(QStringLiteral("networkError"), hop.networkError);
    const QDateTime started = exchangeStart(data, e).addMSecs(qint64(std::max(0.0, hop.startMs)));
    return QJsonObject{{QStringLiteral("pageref"), QStringLiteral("exchange_%1").arg(index + 1)},
                       {QStringLiteral("startedDateTime"), started.toUTC().toString(Qt::ISODateWithMs)},
                       {QStringLiteral("time"), std::max(0.0, hop.totalMs)},
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
            {QStringLiteral("_corscope"), QJsonObject{{QStringLiteral("verdict"), e.verdict},
                                                      {QStringLiteral("failure"), e.failureSummary()}}}});
        for (const ReportHop &hop : e.hops)
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
