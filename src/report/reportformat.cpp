#include "report/reportformat.h"

#include <QDateTime>

namespace corscope::reportformat {

QString milliseconds(double ms)
{
    if (ms < 0)
        return QStringLiteral("—");
    return QString::number(ms, 'f', ms < 100 ? 1 : 0) + u" ms";
}

QString statusLine(int status, const QString &statusText)
{
    if (status <= 0)
        return QStringLiteral("no response");
    return statusText.isEmpty() ? QString::number(status) : QString::number(status) + u' ' + statusText;
}

QString dateTime(const QDateTime &when)
{
    return when.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm")) + u" UTC";
}

QString preflightSummary(bool needed, bool fromCache, bool crossOrigin)
{
    if (!crossOrigin)
        return QStringLiteral("not needed (same origin)");
    if (!needed)
        return QStringLiteral("not needed (a simple request)");
    return fromCache ? QStringLiteral("needed, answered from the preflight cache") : QStringLiteral("needed, sent");
}

QString hopKindTitle(HopKind kind)
{
    return kind == HopKind::Preflight ? QStringLiteral("Preflight") : QStringLiteral("Request");
}

QString text(const QByteArray &bytes)
{
    return QString::fromUtf8(bytes);
}

QString urlText(const QUrl &url)
{
    return url.toString(QUrl::EncodeSpaces | QUrl::EncodeDelimiters | QUrl::EncodeReserved);
}

QString requestLine(const QByteArray &method, const QUrl &url)
{
    return text(method) + u' ' + urlText(url);
}

QString headerLines(const HeaderList &headers)
{
    QString lines;
    for (const HeaderField &field : headers)
        lines += text(field.name) + u": " + text(field.value) + u'\n';
    return lines;
}

QList<TextPiece> inlineCodePieces(const QString &text)
{
    QList<TextPiece> pieces;
    const auto addText = [&pieces](const QString &plain) {
        if (plain.isEmpty())
            return;
        if (!pieces.isEmpty() && !pieces.last().isCode)
            pieces.last().text += plain;
        else
            pieces.append({plain, false});
    };
    qsizetype from = 0;
    while (from < text.size()) {
        const qsizetype open = text.indexOf(u'`', from);
        const qsizetype close = open < 0 ? -1 : text.indexOf(u'`', open + 1);
        if (close < 0) {
            addText(text.mid(from));
            break;
        }
        addText(text.mid(from, open - from));
        const QString code = text.mid(open + 1, close - open - 1);
        if (code.trimmed().isEmpty())
            addText(text.mid(open, close - open + 1));
        else
            pieces.append({code, true});
        from = close + 1;
    }
    return pieces;
}

QString responseStatus(const HttpResponse &response)
{
    return statusLine(response.status, text(response.reasonPhrase));
}

QString hopStatus(const Hop &hop)
{
    if (!hop.networkError.isEmpty())
        return hop.networkError;
    return hop.response ? responseStatus(*hop.response) : statusLine(0, {});
}

} // namespace corscope::reportformat
