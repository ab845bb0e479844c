#include "ui/bodyformat.h"

#include <QJsonDocument>
#include <QJsonParseError>
#include <QStringDecoder>

namespace corscope {

namespace {
bool looksBinary(const QByteArray &bytes)
{
    if (bytes.contains('\0'))
        return true;
    QStringDecoder decoder(QStringDecoder::Utf8);
    const QString text = decoder.decode(bytes.left(64 * 1024));
    return decoder.hasError();
}

QString hexDump(const QByteArray &bytes)
{
    QString text;
    text.reserve(bytes.size() * 4 + bytes.size() / 16 * 12);
    for (qsizetype offset = 0; offset < bytes.size(); offset += 16) {
        text += QStringLiteral("%1  ").arg(offset, 8, 16, QLatin1Char('0'));
        const QByteArray line = bytes.mid(offset, 16);
        for (qsizetype i = 0; i < 16; ++i) {
            if (i < line.size())
                text += QStringLiteral("%1 ").arg(uchar(line.at(i)), 2, 16, QLatin1Char('0'));
            else
                text += QStringLiteral("   ");
            if (i == 7)
                text += u' ';
        }
        text += u' ';
        for (char c : line)
            text += (c >= 0x20 && c < 0x7f) ? QChar::fromLatin1(c) : QChar(u'.');
        text += u'\n';
    }
    return text;
}
} // namespace

BodyFormat suggestedBodyFormat(const QByteArray &body, const QByteArray &contentType)
{
    if (looksBinary(body))
        return BodyFormat::Hex;
    const QByteArray type = contentType.toLower();
    if (type.contains("json"))
        return BodyFormat::Json;
    const QByteArray trimmed = body.trimmed();
    if ((trimmed.startsWith('{') || trimmed.startsWith('[')) && !QJsonDocument::fromJson(trimmed).isNull())
        return BodyFormat::Json;
    return BodyFormat::Text;
}

FormattedBody formatBody(const QByteArray &body, BodyFormat format, qsizetype cap)
{
    FormattedBody result;
    result.capped = body.size() > cap;
    const QByteArray shown = result.capped ? body.left(cap) : body;
    if (result.capped)
        result.note = u"Showing the first " + QString::number(cap / 1024) + u" KiB of "
            + QString::number(body.size()) + u" bytes.";

    switch (format) {
    case BodyFormat::Hex:
        result.format = BodyFormat::Hex;
        result.text = hexDump(shown);
        return result;
    case BodyFormat::Json: {
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(shown, &error);
        if (!document.isNull()) {
            result.format = BodyFormat::Json;
            result.text = QString::fromUtf8(document.toJson(QJsonDocument::Indented));
            return result;
        }
        const QString why = result.capped
            ? QStringLiteral("the shown part is cut off")
            : error.errorString() + u" at byte " + QString::number(error.offset);
        result.note = (result.note.isEmpty() ? QString() : result.note + u' ') + u"Not valid JSON (" + why
            + u"); shown as text.";
        break;
    }
    case BodyFormat::Text:
        break;
    }
    result.format = BodyFormat::Text;
    result.text = QString::fromUtf8(shown);
    return result;
}

} // namespace corscope
