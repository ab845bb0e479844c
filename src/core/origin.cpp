#include "core/origin.h"

#include <algorithm>

namespace corscope {

namespace {
int defaultPort(const QString &scheme)
{
    if (scheme == u"http" || scheme == u"ws")
        return 80;
    if (scheme == u"https" || scheme == u"wss")
        return 443;
    return -1;
}

bool isHttpScheme(const QString &scheme)
{
    return scheme == u"http" || scheme == u"https";
}

bool isAscii(const QString &text)
{
    return std::all_of(text.cbegin(), text.cend(), [](QChar c) { return c.unicode() < 0x80; });
}

QString serializedHost(const QUrl &url, const QString &decodedHost)
{
    // EncodeUnicode gives the punycode (xn--) form; an ASCII host already is in that form, so the
    // IDNA conversion is only paid for international names. IPv6 addresses come back without brackets.
    const QString host = (isAscii(decodedHost) ? decodedHost : url.host(QUrl::EncodeUnicode)).toLower();
    return host.contains(u':') ? u'[' + host + u']' : host;
}
} // namespace

Origin Origin::fromUrl(const QUrl &url)
{
    Origin origin;
    const QString scheme = url.scheme().toLower();
    if (!url.isValid() || !isHttpScheme(scheme))
        return origin;
    const QString host = url.host();
    if (host.isEmpty())
        return origin;
    origin.m_scheme = scheme;
    origin.m_host = serializedHost(url, host);
    origin.m_port = url.port(defaultPort(scheme));
    return origin;
}

std::optional<Origin> Origin::parse(const QString &text, QString *error)
{
    auto fail = [error](const QString &message) -> std::optional<Origin> {
        if (error)
            *error = message;
        return std::nullopt;
    };
    const QString trimmed = text.trimmed();
    if (trimmed == u"null")
        return Origin::opaque();
    if (trimmed.isEmpty())
        return fail(QStringLiteral("The origin is empty; write it like http://localhost:3000."));
    const QUrl url(trimmed, QUrl::StrictMode);
    if (!url.isValid())
        return fail(QStringLiteral("'%1' is not a valid origin: %2").arg(trimmed, url.errorString()));
    if (!isHttpScheme(url.scheme().toLower()))
        return fail(QStringLiteral("'%1' is not an http(s) origin; write it like http://localhost:3000.")
                        .arg(trimmed));
    if (url.host().isEmpty())
        return fail(QStringLiteral("'%1' has no host; write it like http://localhost:3000.").arg(trimmed));
    if (!url.userInfo().isEmpty())
        return fail(QStringLiteral("'%1' contains a user name or password; an origin never does.").arg(trimmed));
    if (!(url.path().isEmpty() || url.path() == u"/") || url.hasQuery() || url.hasFragment())
        return fail(QStringLiteral("'%1' has a path, query or fragment; an origin is only scheme://host[:port].")
                        .arg(trimmed));
    return fromUrl(url);
}

QByteArray Origin::serialize() const
{
    if (isOpaque())
        return QByteArrayLiteral("null");
    // One allocation: scheme and host are ASCII (the host is stored in its punycode form).
    char port[8];
    qsizetype portSize = 0;
    if (m_port >= 0 && m_port != defaultPort(m_scheme)) {
        for (int rest = m_port; portSize == 0 || rest > 0; rest /= 10)
            port[portSize++] = char('0' + rest % 10);
        port[portSize++] = ':';
    }
    QByteArray result(m_scheme.size() + 3 + m_host.size() + portSize, Qt::Uninitialized);
    char *out = result.data();
    for (QChar c : m_scheme)
        *out++ = char(c.unicode());
    *out++ = ':';
    *out++ = '/';
    *out++ = '/';
    for (QChar c : m_host)
        *out++ = char(c.unicode());
    while (portSize > 0)
        *out++ = port[--portSize];
    return result;
}

bool Origin::isSameOrigin(const Origin &other) const
{
    if (isOpaque() || other.isOpaque())
        return false;
    return m_scheme == other.m_scheme && m_host == other.m_host && m_port == other.m_port;
}

} // namespace corscope
