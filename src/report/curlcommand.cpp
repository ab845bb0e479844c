#include "report/curlcommand.h"

#include "core/browserprofile.h"
#include "core/headerlist.h"
#include "core/preflightdecision.h"

namespace corscope {

namespace {

// Headers curl manages itself, or that would make its output unreadable.
bool leftToCurl(const QString &name)
{
    const QString lower = name.toLower();
    return lower == u"host" || lower == u"content-length" || lower == u"connection" || lower == u"accept-encoding"
           || lower == u"user-agent";
}

const ReportHop *firstHop(const ReportExchange &exchange, bool preflight)
{
    for (const ReportHop &hop : exchange.hops) {
        if (hop.isPreflight() == preflight)
            return &hop;
    }
    return nullptr;
}

} // namespace

QString CurlCommand::quote(const QString &text)
{
    QString escaped = text;
    escaped.replace(u'\'', QStringLiteral("'\\''"));
    return u'\'' + escaped + u'\'';
}

QString CurlCommand::forRequest(const QString &method, const QString &url, const ReportHeaders &headers,
                                const QString &body)
{
    QString command = u"curl -i -X " + method + u' ' + quote(url);
    for (const auto &[name, value] : headers) {
        if (!leftToCurl(name))
            command += u" \\\n  -H " + quote(name + u": " + value);
    }
    if (!body.isEmpty())
        command += u" \\\n  --data-raw " + quote(body);
    return command;
}

QString CurlCommand::forExchange(const ReportExchange &exchange)
{
    QString text;
    const ReportHop *preflight = firstHop(exchange, true);
    if (preflight) {
        text += QStringLiteral("# The preflight\n")
                + forRequest(preflight->method, preflight->url, preflight->requestHeaders, QString()) + u"\n\n";
    } else if (exchange.preflightNeeded) {
        // Answered from the preflight cache (or never sent): the preflight the browser would send.
        HeaderList scriptHeaders;
        for (const auto &[name, value] : exchange.headers)
            scriptHeaders.append(name.toUtf8(), value.toUtf8());
        const auto profile = BrowserProfile::fromName(exchange.json.value(u"browser").toString());
        const PreflightDecision decision = decidePreflight(normalizeMethod(exchange.method.toUtf8()), scriptHeaders,
                                                           profile.value_or(BrowserProfile::chromium()));
        ReportHeaders headers{{QStringLiteral("Origin"), exchange.origin},
                              {QStringLiteral("Access-Control-Request-Method"), exchange.method}};
        if (!decision.unsafeHeaderNames.isEmpty())
            headers.append({QStringLiteral("Access-Control-Request-Headers"),
                            QString::fromLatin1(decision.unsafeHeaderNames.join(','))});
        text += QStringLiteral("# The preflight (the browser would send it; this run answered it from its cache)\n")
                + forRequest(QStringLiteral("OPTIONS"), exchange.url, headers, QString()) + u"\n\n";
    }
    if (const ReportHop *actual = firstHop(exchange, false)) {
        text += QStringLiteral("# The request\n")
                + forRequest(actual->method, actual->url, actual->requestHeaders, actual->requestBody) + u'\n';
    } else {
        ReportHeaders headers{{QStringLiteral("Origin"), exchange.origin}};
        headers += exchange.headers;
        text += QStringLiteral("# The request (the browser did not send it)\n")
                + forRequest(exchange.method, exchange.url, headers, exchange.body) + u'\n';
    }
    return text;
}

} // namespace corscope
