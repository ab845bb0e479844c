#pragma once

#include "core/browserprofile.h"
#include "core/fetchrequest.h"

#include <QString>

namespace corscope {

// A bash script of curl commands that reproduces what the browser sends for this request: the
// preflight (when one is needed) with Origin and Access-Control-Request-*, then the actual request
// with the headers fetch() sends. Values are single-quoted for bash.
QString curlCommandsFor(const FetchRequest &request, const BrowserProfile &profile);

} // namespace corscope
