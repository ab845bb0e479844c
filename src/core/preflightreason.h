#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace corscope {

// One cause of a preflight, as found by decidePreflight(). The engine records what it found; the
// sentence for people is only written when someone asks for text() (most evaluations never do).
struct PreflightReason
{
    enum class Kind {
        UnsafeMethod,     // `name` is the method
        UnsafeHeaderName, // `name` is not a CORS-safelisted request-header name
        ValueTooLong,     // a safelisted name with a value over 128 bytes
        UnsafeByte,       // a safelisted name with a CORS-unsafe byte in `value`
        ContentType,      // a Content-Type essence other than the three safelisted ones
        Range,            // a Range value that is not one simple byte range
        ClientHint,       // one of Chromium's client hints with an invalid value
        TotalTooLong,     // the safelisted values add up to `bytes` > 1024
        Recorded,         // read back from a saved exchange: `text` only
    };

    Kind kind = Kind::Recorded;
    QByteArray name;
    QByteArray value;
    qint64 bytes = 0;
    QString recordedText;

    static PreflightReason recorded(const QString &text) { return {Kind::Recorded, {}, {}, 0, text}; }

    // "`Content-Type: application/json` is not CORS-safelisted: only ..."
    QString text() const;

    friend bool operator==(const PreflightReason &, const PreflightReason &) = default;
};

QStringList preflightReasonTexts(const QList<PreflightReason> &reasons);

} // namespace corscope
