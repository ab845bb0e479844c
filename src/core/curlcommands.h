#pragma once

#include "core/browserprofile.h"
#include "core/exchange.h"
#include "core/fetchrequest.h"

#include <QString>

namespace corscope {

// bash scripts of curl commands, for reproducing a request outside the browser: one command per
// request, each under a comment saying what it is, values single-quoted for bash. The one curl writer
// of corscope: the Request menu, the collection tree, `corscope export`, history rows and reports.

// What the browser would send for this request: the preflight (when one is needed) with Origin and
// Access-Control-Request-*, then the request with the headers fetch() sends.
QString curlCommandsFor(const FetchRequest &request, const BrowserProfile &profile);

// What a finished exchange sent, hop by hop as it went on the wire (every preflight, every request of a
// redirect chain). A preflight answered from the cache, or a request the browser never sent, is shown as
// the browser would send it.
QString curlCommandsForExchange(const FetchRequest &request, const BrowserProfile &profile,
                                const ExchangeResult &result);

// 'text' for bash, with ' written as '\''.
QString bashQuoted(const QString &text);

} // namespace corscope
