#include "net/wirecheck.h"

namespace corscope {

namespace {

bool isTchar(char c)
{
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
        return true;
    switch (c) {
    case '!':
    case '#':
    case '$':
    case '%':
    case '&':
    case '\'':
    case '*':
    case '+':
    case '-':
    case '.':
    case '^':
    case '_':
    case '`':
    case '|':
    case '~':
        return true;
    default:
        return false;
    }
}

QString printable(const QByteArray &bytes)
{
    QString text;
    for (const char c : bytes) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte == '\r')
            text += QStringLiteral("\\r");
        else if (byte == '\n')
            text += QStringLiteral("\\n");
        else if (byte < 0x20 || byte >= 0x7f)
            text += QStringLiteral("\\x%1").arg(byte, 2, 16, QLatin1Char('0'));
        else
            text += QLatin1Char(c);
    }
    return text;
}

} // namespace

bool isHttpToken(const QByteArray &text)
{
    return !text.isEmpty() && std::all_of(text.cbegin(), text.cend(), isTchar);
}

QString wireCheck(const HttpRequest &request)
{
    if (!isHttpToken(request.method))
        return QStringLiteral("The method '%1' is not a valid HTTP token (RFC 9110), so it was not sent.")
            .arg(printable(request.method));

    const QUrl &url = request.url;
    if (!url.isValid())
        return QStringLiteral("The URL is not valid (%1), so nothing was sent.").arg(url.errorString());
    const QString scheme = url.scheme().toLower();
    if (scheme != u"http" && scheme != u"https")
        return QStringLiteral("Only http and https URLs can be sent, not '%1:'.").arg(url.scheme());
    if (url.host().isEmpty())
        return QStringLiteral("The URL has no host, so nothing was sent.");
    if (!url.userInfo().isEmpty())
        return QStringLiteral(
            "The URL contains a user name or password, which fetch() never sends; nothing was sent.");

    for (const HeaderField &field : request.headers) {
        if (!isHttpToken(field.name))
            return QStringLiteral(
                "The header name '%1' is not a valid HTTP token (RFC 9110), so the request was not sent.")
                .arg(printable(field.name));
        if (field.value.contains('\r') || field.value.contains('\n') || field.value.contains('\0'))
            return QStringLiteral(
                "The value of header '%1' contains CR, LF or NUL ('%2'), which could inject "
                "extra header lines, so the request was not sent.")
                .arg(printable(field.name), printable(field.value));
        if (field.name.compare("transfer-encoding", Qt::CaseInsensitive) == 0)
            return QStringLiteral(
                "A Transfer-Encoding header cannot be sent: the transport frames the body itself.");
    }
    return {};
}

} // namespace corscope
