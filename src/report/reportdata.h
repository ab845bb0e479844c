#pragma once

#include "report/reportexchange.h"
#include "report/reportoptions.h"

#include <QByteArray>
#include <QJsonValue>
#include <QList>

#include <optional>

namespace corscope {

// Everything a renderer needs: the exchanges of a `corscope check` object or a `corscope run` array,
// redacted (unless the options say otherwise), each with its curl command and server fix.
struct ReportData
{
    QList<ReportExchange> exchanges;
    bool batch = false; // from a `corscope run` array: a summary table comes first
    ReportOptions options;

    int countVerdict(Verdict verdict) const;

    // Reads the JSON text of check or run; nullopt and *error when it is neither.
    static std::optional<ReportData> fromJson(const QByteArray &json, const ReportOptions &options, QString *error);
    static std::optional<ReportData> fromValue(const QJsonValue &value, const ReportOptions &options, QString *error);
};

} // namespace corscope
