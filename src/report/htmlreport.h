#pragma once

#include "report/reportdata.h"

#include <QByteArray>
#include <QString>

namespace corscope {

// One self-contained HTML file: inline CSS, light theme, every text HTML-escaped, and the PNG report
// embedded as a data: URI when one is given (no external resources at all).
class HtmlReport
{
public:
    static QString render(const ReportData &data, const QByteArray &png = {});
};

} // namespace corscope
