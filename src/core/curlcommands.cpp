#include "core/curlcommands.h"

#include "core/preflightdecision.h"
#include "core/scriptheaders.h"

namespace corscope {

namespace {

// One curl command and the comment lines above it. A comment cannot sit on a continued line (it would
// swallow the backslash and cut the command in two), so every comment goes above.
struct CurlCall
{
    QStringList comments;
    QByteArray method;
    QUrl url;
    HeaderList headers;
    QByteArray body;
    bool cookiePlaceholder = false;

    QString toString() const
    {
        QString text;
        for (const QString &comment : comments)
            text += u"# " + comment + u'\n';
        text += u"curl -i -X " + QString::fromUtf8(method) + u' ' + bashQuoted(QString::fromUtf8(url.toEncoded()));
        for (const HeaderField &field : headers)
            text += u" \\\n  -H " + bashQuoted(QString::fromUtf8(field.name) + u": " + QString::fromUtf8(field.value));
        if (cookiePlaceholder)
            text += u" \\\n  -b " + bashQuoted(QStringLiteral("name=value"));
        if (!body.isEmpty())
            text += u" \\\n  --data-raw " + bashQuoted(QString::fromUtf8(body));
        return text + u'\n';
    }
};

const QString credentialsComment
    = QStringLiteral("credentials: 'include' sends the page's cookies for this site: put yours in -b");

// Headers a recorded hop sent that curl sets itself (Host, Content-Length), or that would make its
// output unreadable (a compressed body) or say it is not curl.
bool leftToCurl(const QByteArray &name)
{
    for (const char *own : {"host", "content-length", "connection", "accept-encoding", "user-agent"}) {
        if (name.compare(own, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

HeaderList keptForCurl(const HeaderList &headers)
{
    HeaderList kept;
    for (const HeaderField &field : headers) {
        if (!leftToCurl(field.name))
            kept.append(field.name, field.value);
    }
    return kept;
}

QByteArray originHeaderValue(const FetchRequest &request)
{
    return request.origin.serialize();
}

// The preflight the browser sends for this request, or nothing when it sends none.
std::optional<CurlCall> predictedPreflight(const FetchRequest &request, const BrowserProfile &profile,
                                           const QString &comment)
{
    const QByteArray method = normalizeMethod(request.method);
    const PreflightDecision decision = decidePreflight(method, scriptHeadersAsSent(request, profile), profile);
    if (!decision.needed)
        return std::nullopt;
    CurlCall call{{comment}, QByteArrayLiteral("OPTIONS"), request.url, {}, {}};
    call.headers.append(QByteArrayLiteral("Origin"), originHeaderValue(request));
    call.headers.append(QByteArrayLiteral("Access-Control-Request-Method"), method);
    if (!decision.unsafeHeaderNames.isEmpty())
        call.headers.append(QByteArrayLiteral("Access-Control-Request-Headers"), decision.unsafeHeaderNames.join(','));
    return call;
}

CurlCall predictedRequest(const FetchRequest &request, const BrowserProfile &profile, const QString &comment)
{
    CurlCall call{{comment}, normalizeMethod(request.method), request.url, {}, request.body};
    call.headers.append(QByteArrayLiteral("Origin"), originHeaderValue(request));
    for (const HeaderField &field : scriptHeadersAsSent(request, profile))
        call.headers.append(field.name, field.value);
    if (request.credentials == CredentialsMode::Include) {
        call.comments.append(credentialsComment);
        call.cookiePlaceholder = true;
    }
    return call;
}

QString joined(const QList<CurlCall> &calls)
{
    QStringList commands;
    for (const CurlCall &call : calls)
        commands.append(call.toString());
    return commands.join(u'\n');
}

} // namespace

QString bashQuoted(const QString &text)
{
    QString escaped = text;
    escaped.replace(u'\'', QStringLiteral("'\\''"));
    return u'\'' + escaped + u'\'';
}

QString curlCommandsFor(const FetchRequest &request, const BrowserProfile &profile)
{
    QList<CurlCall> calls;
    if (!request.origin.isSameOrigin(Origin::fromUrl(request.url))) {
        if (auto preflight = predictedPreflight(
                request, profile, QStringLiteral("The preflight the browser sends first (no cookies, no credentials)")))
            calls.append(*preflight);
    }
    calls.append(predictedRequest(request, profile, QStringLiteral("The request itself")));
    return joined(calls);
}

QString curlCommandsForExchange(const FetchRequest &request, const BrowserProfile &profile,
                                const ExchangeResult &result)
{
    QList<CurlCall> calls;
    if (result.preflightNeeded && !result.firstPreflight()) {
        const QString comment = result.preflightFromCache
                                    ? QStringLiteral("The preflight (the browser would send it; this run answered "
                                                     "it from its cache)")
                                    : QStringLiteral("The preflight (the browser would send it; it was not sent)");
        if (auto preflight = predictedPreflight(request, profile, comment))
            calls.append(*preflight);
    }
    int redirects = 0;
    bool requestSent = false;
    for (const Hop &hop : result.hops) {
        const bool preflight = hop.kind == HopKind::Preflight;
        QString comment = preflight ? QStringLiteral("The preflight") : QStringLiteral("The request");
        if (redirects > 0)
            comment += QStringLiteral(" after redirect %1").arg(redirects);
        CurlCall call{{comment}, hop.request.method, hop.request.url, keptForCurl(hop.request.headers),
                      hop.request.body};
        if (!preflight && request.credentials == CredentialsMode::Include
            && !hop.request.headers.contains(QByteArrayLiteral("cookie"))) {
            call.comments.append(credentialsComment);
            call.cookiePlaceholder = true;
        }
        calls.append(call);
        requestSent = requestSent || !preflight;
        redirects += hop.isRedirect() ? 1 : 0;
    }
    if (!requestSent)
        calls.append(predictedRequest(request, profile, QStringLiteral("The request (the browser did not send it)")));
    return joined(calls);
}

} // namespace corscope
