#pragma once

#include "report/reportexchange.h"

#include <QString>

namespace corscope {

// An equivalent curl command line for an exchange: the preflight the browser sent (or would send),
// then the request itself, each a bash-quoted command with the headers as they went on the wire.
class CurlCommand
{
public:
    static QString forExchange(const ReportExchange &exchange);
    static QString forRequest(const QString &method, const QString &url, const ReportHeaders &headers,
                              const QString &body);
    // 'text' for bash, with ' written as '\''.
    static QString quote(const QString &text);
};

} // namespace corscope
