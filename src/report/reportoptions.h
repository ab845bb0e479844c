#pragma once

#include "core/fixsnippet.h"

#include <QDateTime>
#include <QList>
#include <QRegularExpression>
#include <QString>

#include <optional>

namespace corscope {

// What a report is made with besides the exchange data. Tests inject the date and the version so that
// the output is stable.
struct ReportOptions
{
    QDateTime generatedAt = QDateTime::currentDateTimeUtc();
    QString version = QStringLiteral(CORSCOPE_VERSION);
    // The stack of the server fix; nullopt: the one-line fix only.
    std::optional<ServerStack> stack = ServerStack::Express;
    bool redact = true;
    QList<QRegularExpression> redactPatterns;
};

} // namespace corscope
