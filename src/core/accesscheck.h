#pragma once

#include "core/browserprofile.h"
#include "core/finding.h"
#include "core/headerlist.h"

#include <QByteArray>

#include <optional>

namespace corscope {

// A failed check before it is dressed up as a Finding: which check, on which response header,
// and the browser's "hint" (the offending value, method or header name).
struct CheckFailure
{
    CheckId check = CheckId::Other;
    QByteArray header;
    QByteArray hint;
    bool headerPresent = true;
};

// The value of a response header as Chromium reads it: each line trimmed, lines joined with ", ".
std::optional<QByteArray> normalizedHeaderValue(const HeaderList &headers, QByteArrayView name);

// The CORS check (Access-Control-Allow-Origin / -Credentials) with the profile's classification.
// `serializedOrigin` is the request's origin as sent ("null" once tainted).
std::optional<CheckFailure> checkAccess(const HeaderList &responseHeaders, const QByteArray &serializedOrigin,
                                        bool credentialsIncluded, const BrowserProfile &profile);

} // namespace corscope
