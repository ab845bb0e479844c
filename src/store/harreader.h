#pragma once

#include "store/harfile.h"

#include <QByteArrayView>
#include <QString>

namespace corscope {

// A streaming HAR reader: one pass of a hand-written JSON tokenizer over the bytes (typically a
// memory-mapped file) that walks log.entries[] and builds only the HarEntry fields. Everything else
// (pages, cookies, timings, ... and, with HarBodies::Skip, response bodies) is validated and skipped
// without copying. It is deliberately conservative: JSON it is not sure to read exactly like
// QJsonDocument (syntax errors, a byte-order mark, duplicate keys, escaped lone surrogates, control
// characters, deep nesting, non-integral numbers where one is read) makes it answer Unsure, and the
// caller falls back to the QJsonDocument reader, which decides and words the error.
class HarReader
{
public:
    enum class Status { Parsed, Refused, Unsure };

    struct Result
    {
        Status status = Status::Unsure;
        HarLog log;     // when Parsed
        QString error;  // when Refused: the same sentence parseHarDocument() gives
    };

    // progress, when set, is told the bytes read after entries, about every half percent of the input.
    static Result read(QByteArrayView json, HarBodies bodies, const ParseProgress &progress = {});
};

} // namespace corscope
