#pragma once

#include <QByteArray>
#include <QString>

namespace corscope {

enum class BodyFormat { Text, Json, Hex };

struct FormattedBody
{
    QString text;
    BodyFormat format = BodyFormat::Text; // what was actually produced (Json falls back to Text)
    bool capped = false; // only the first `cap` bytes are shown
    QString note; // one sentence for people, e.g. why JSON was not possible
};

// The format a body is best shown in: Hex for binary (NUL bytes or invalid UTF-8), Json when the
// content type says JSON or the bytes parse as a JSON object/array, else Text.
BodyFormat suggestedBodyFormat(const QByteArray &body, const QByteArray &contentType);

// Renders at most `cap` bytes of body for the body viewer.
FormattedBody formatBody(const QByteArray &body, BodyFormat format, qsizetype cap = 256 * 1024);

} // namespace corscope
