#include "store/importedrequest.h"

#include "core/origin.h"

#include <QUrl>

namespace corscope {

bool isBrowserAddedHeader(QStringView name)
{
    static const QStringList exact{
        QStringLiteral("accept-charset"), QStringLiteral("accept-encoding"),
        QStringLiteral("accept-language"), QStringLiteral("access-control-request-headers"),
        QStringLiteral("access-control-request-method"), QStringLiteral("connection"),
        QStringLiteral("content-length"), QStringLiteral("cookie"), QStringLiteral("cookie2"),
        QStringLiteral("date"), QStringLiteral("dnt"), QStringLiteral("expect"), QStringLiteral("host"),
        QStringLiteral("keep-alive"), QStringLiteral("origin"), QStringLiteral("referer"),
        QStringLiteral("te"), QStringLiteral("trailer"), QStringLiteral("transfer-encoding"),
        QStringLiteral("upgrade"), QStringLiteral("via"), QStringLiteral("user-agent"),
        QStringLiteral("priority"), QStringLiteral("upgrade-insecure-requests"),
        QStringLiteral("x-client-data"), QStringLiteral("purpose"), QStringLiteral("pragma"),
        QStringLiteral("cache-control"), QStringLiteral("permissions-policy"), QStringLiteral("referrer-policy")};
    // HTTP/2 pseudo-headers (":authority") appear in Chrome's HAR files.
    if (name.startsWith(u':') || name.startsWith(u"sec-", Qt::CaseInsensitive)
        || name.startsWith(u"proxy-", Qt::CaseInsensitive)) {
        return true;
    }
    for (const QString &known : exact) {
        if (name.compare(known, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

QString pageOriginFrom(const QString &originHeader, const QString &referer)
{
    if (!originHeader.trimmed().isEmpty())
        return originHeader.trimmed();
    if (!referer.trimmed().isEmpty()) {
        const QUrl url(referer.trimmed());
        if (url.isValid() && (url.scheme() == u"http" || url.scheme() == u"https"))
            return QString::fromUtf8(Origin::fromUrl(url).serialize());
    }
    return {};
}

QString adoptRecordedHeaders(const QList<QPair<QString, QString>> &recorded, SavedRequest *request)
{
    QString origin;
    QString referer;
    for (const auto &[name, value] : recorded) {
        if (name.compare(u"origin", Qt::CaseInsensitive) == 0)
            origin = value;
        else if (name.compare(u"referer", Qt::CaseInsensitive) == 0)
            referer = value;
        else if (name.compare(u"cookie", Qt::CaseInsensitive) == 0)
            request->credentials = QStringLiteral("include");
        if (!isBrowserAddedHeader(name))
            request->headers.append({name, value});
    }
    return pageOriginFrom(origin, referer);
}

} // namespace corscope
