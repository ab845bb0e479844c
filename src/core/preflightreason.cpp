#include "core/preflightreason.h"

namespace corscope {

namespace {

QString quoted(const QByteArray &name, const QByteArray &value)
{
    return u'`' + QString::fromLatin1(name) + u": " + QString::fromLatin1(value) + u'`';
}

} // namespace

QString PreflightReason::text() const
{
    switch (kind) {
    case Kind::UnsafeMethod:
        return u'`' + QString::fromLatin1(name) + u"` is not a CORS-safelisted method (only GET, HEAD and POST are).";
    case Kind::UnsafeHeaderName:
        return u'`' + QString::fromLatin1(name) + u"` is not a CORS-safelisted request header.";
    case Kind::ValueTooLong:
        return u"The value of `" + QString::fromLatin1(name) + u"` is " + QString::number(value.size())
               + u" bytes long; CORS-safelisted values are at most 128 bytes.";
    case Kind::UnsafeByte:
        return quoted(name, value) + u" contains a character that CORS-safelisted values may not contain.";
    case Kind::ContentType:
        return quoted(name, value)
               + u" is not CORS-safelisted: only application/x-www-form-urlencoded, multipart/form-data "
                 u"and text/plain are.";
    case Kind::Range:
        return quoted(name, value) + u" is not a simple range such as bytes=0- or bytes=0-99.";
    case Kind::ClientHint:
        return quoted(name, value) + u" is not a valid client-hint value.";
    case Kind::TotalTooLong:
        return QStringLiteral("The CORS-safelisted headers add up to %1 bytes; more than 1024 bytes in total need "
                              "a preflight.")
            .arg(bytes);
    case Kind::Recorded:
        break;
    }
    return recordedText;
}

QStringList preflightReasonTexts(const QList<PreflightReason> &reasons)
{
    QStringList texts;
    texts.reserve(reasons.size());
    for (const PreflightReason &reason : reasons)
        texts.append(reason.text());
    return texts;
}

} // namespace corscope
