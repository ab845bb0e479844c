#include "net/resolvemap.h"

namespace corscope {

namespace {

// Splits "field:rest" where field may be an [IPv6] literal in brackets.
bool splitFirst(const QString &text, QString *field, QString *rest)
{
    qsizetype colon = -1;
    if (text.startsWith(u'[')) {
        const qsizetype close = text.indexOf(u']');
        if (close < 0 || close + 1 >= text.size() || text.at(close + 1) != u':')
            return false;
        colon = close + 1;
    } else {
        colon = text.indexOf(u':');
    }
    if (colon < 0)
        return false;
    *field = text.left(colon);
    *rest = text.mid(colon + 1);
    return true;
}

QString unbracket(const QString &text)
{
    if (text.size() >= 2 && text.startsWith(u'[') && text.endsWith(u']'))
        return text.mid(1, text.size() - 2);
    return text;
}

} // namespace

ResolveMap::ParseResult ResolveMap::parse(const QString &text)
{
    const QString trimmed = text.trimmed();
    const QString expected
        = QStringLiteral("expected host:port:address, for example api.test:8000:127.0.0.1");
    QString hostText;
    QString rest;
    QString portText;
    QString addressText;
    if (!splitFirst(trimmed, &hostText, &rest) || !splitFirst(rest, &portText, &addressText))
        return {std::nullopt, QStringLiteral("'%1': %2").arg(text, expected)};

    Entry entry;
    if (hostText.startsWith(u'[') != hostText.endsWith(u']'))
        return {std::nullopt, QStringLiteral("'%1': unbalanced brackets around the host").arg(text)};
    entry.host = unbracket(hostText).toLower();
    if (entry.host.isEmpty())
        return {std::nullopt, QStringLiteral("'%1': the host is empty; %2").arg(text, expected)};
    if (entry.host.contains(u':') && QHostAddress(entry.host).protocol() != QAbstractSocket::IPv6Protocol)
        return {std::nullopt, QStringLiteral("'%1': '%2' is not a host name").arg(text, entry.host)};
    if (entry.host.contains(u'/') || entry.host.contains(u' ') || entry.host.contains(u'@'))
        return {std::nullopt, QStringLiteral("'%1': '%2' is not a host name").arg(text, entry.host)};

    bool ok = false;
    entry.port = portText.toInt(&ok);
    if (!ok || portText.startsWith(u'+') || entry.port < 1 || entry.port > 65535)
        return {std::nullopt,
            QStringLiteral("'%1': the port '%2' is not a number from 1 to 65535").arg(text, portText)};

    if (addressText.startsWith(u'[') != addressText.endsWith(u']'))
        return {std::nullopt, QStringLiteral("'%1': unbalanced brackets around the address").arg(text)};
    const QString bare = unbracket(addressText);
    if (!entry.address.setAddress(bare) || bare.isEmpty())
        return {
            std::nullopt, QStringLiteral("'%1': '%2' is not an IPv4 or IPv6 address").arg(text, addressText)};
    if (entry.address.protocol() == QAbstractSocket::IPv6Protocol && !addressText.startsWith(u'['))
        return {
            std::nullopt, QStringLiteral("'%1': write an IPv6 address in brackets, like [::1]").arg(text)};
    return {entry, {}};
}

QString ResolveMap::add(const QString &text)
{
    const ParseResult result = parse(text);
    if (result.entry)
        insert(*result.entry);
    return result.error;
}

void ResolveMap::insert(const Entry &entry)
{
    Entry normalized = entry;
    normalized.host = unbracket(entry.host).toLower();
    m_entries.insert(key(normalized.host, normalized.port), normalized);
}

std::optional<QHostAddress> ResolveMap::lookup(const QString &host, int port) const
{
    const auto it = m_entries.constFind(key(unbracket(host).toLower(), port));
    if (it == m_entries.constEnd())
        return std::nullopt;
    return it->address;
}

std::optional<QHostAddress> ResolveMap::lookup(const QUrl &url) const
{
    const QString scheme = url.scheme().toLower();
    const int defaultPort = scheme == u"https" ? 443 : scheme == u"http" ? 80 : -1;
    return lookup(url.host(), url.port(defaultPort));
}

QUrl ResolveMap::connectUrl(const QUrl &url) const
{
    const std::optional<QHostAddress> address = lookup(url);
    if (!address)
        return url;
    QUrl rewritten = url;
    const QString scheme = url.scheme().toLower();
    // Keep the effective port explicit so the rewrite never changes where we connect.
    rewritten.setPort(url.port(scheme == u"https" ? 443 : 80));
    rewritten.setHost(address->toString());
    return rewritten;
}

QString ResolveMap::key(const QString &host, int port)
{
    return host + u' ' + QString::number(port);
}

} // namespace corscope
