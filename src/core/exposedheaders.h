#pragma once

#include "core/headerlist.h"

#include <QByteArray>
#include <QList>

namespace corscope {

// The lowercase names of the response headers page JavaScript can read from a CORS response:
// the safelisted response headers plus Access-Control-Expose-Headers (`*` only without
// credentials), never Set-Cookie. Only names present in the response are listed, in order.
QList<QByteArray> readableResponseHeaders(const HeaderList &responseHeaders, bool credentialsIncluded);

// Same-origin (basic) responses: everything except Set-Cookie and Set-Cookie2.
QList<QByteArray> readableBasicResponseHeaders(const HeaderList &responseHeaders);

} // namespace corscope
