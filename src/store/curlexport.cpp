#include "store/curlexport.h"

#include "core/preflightdecision.h"
#include "core/scriptheaders.h"
#include "store/requestinput.h"
#include "store/variables.h"

namespace corscope {

namespace {
QString quoted(const QString &text)
{
    QString escaped = text;
    escaped.replace(u'\'', QStringLiteral("'\\''"));
    return u'\'' + escaped + u'\'';
}
} // namespace

QString curlCommandsFor(const FetchRequest &request, const BrowserProfile &profile)
{
    const QString url = quoted(QString::fromUtf8(request.url.toEncoded()));
    const QString origin = quoted(u"Origin: " + QString::fromUtf8(request.origin.serialize()));
    const bool credentials = request.credentials == CredentialsMode::Include;
    const HeaderList headers = scriptHeadersAsSent(request, profile);
    QString out;
    const QByteArray method = normalizeMethod(request.method);
    const bool crossOrigin = !request.origin.isSameOrigin(Origin::fromUrl(request.url));
    const PreflightDecision decision = decidePreflight(method, headers, profile);
    if (crossOrigin && decision.needed) {
        QStringList names;
        for (const QByteArray &name : decision.unsafeHeaderNames)
            names.append(QString::fromLatin1(name));
        out += u"# The preflight the browser sends first (no cookies, no credentials)\n";
        out += u"curl -i -X OPTIONS " + url + u" \\\n  -H " + origin + u" \\\n  -H "
            + quoted(u"Access-Control-Request-Method: " + QString::fromLatin1(method));
        if (!names.isEmpty())
            out += u" \\\n  -H " + quoted(u"Access-Control-Request-Headers: " + names.join(u','));
        out += u"\n\n";
    }
    out += QStringLiteral("# The request itself\n");
    // A comment cannot sit on a continued line (it would swallow the backslash): it goes above.
    if (credentials)
        out += QStringLiteral("# credentials: 'include' sends the page's cookies for this site: put yours in -b\n");
    out += u"curl -i -X " + QString::fromLatin1(method) + u' ' + url + u" \\\n  -H " + origin;
    for (const HeaderField &field : headers)
        out += u" \\\n  -H " + quoted(QString::fromLatin1(field.name) + u": " + QString::fromUtf8(field.value));
    if (credentials)
        out += u" \\\n  -b " + quoted(QStringLiteral("name=value"));
    if (!request.body.isEmpty())
        out += u" \\\n  --data-raw " + quoted(QString::fromUtf8(request.body));
    out += u'\n';
    return out;
}

QString curlCommandsFor(const SavedRequest &request, const VariableResolver &resolver, const QStringList &origins,
                        QStringList *problems)
{
    QStringList out;
    for (const RequestInput &input : resolver.inputsFor(request, origins, problems)) {
        if (auto built = buildRequest(input, problems, ForbiddenHeaders::Drop))
            out.append(curlCommandsFor(built->request, built->profile));
    }
    return out.join(u'\n');
}

} // namespace corscope
