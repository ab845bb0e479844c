#pragma once

#include "report/reportdata.h"

#include <QJsonObject>

namespace corscope {

// HAR 1.2 of the exchanges: every preflight and actual request/response in order, with headers,
// cookies, query strings, bodies and timings, plus `_corscope` fields (kind, verdict, failed check).
class HarExport
{
public:
    static QJsonObject render(const ReportData &data);
};

} // namespace corscope
