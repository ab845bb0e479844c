#pragma once

#include "core/browserprofile.h"
#include "core/finding.h"
#include "core/httpmessage.h"
#include "core/preflightevaluation.h"

#include <QList>

namespace corscope {

// Non-blocking observations. Check names: "max-age-capped", "authorization-wildcard",
// "vary-origin-missing", "wildcard-with-cookies", "error-status-hidden", "request-ran-on-server".
QList<Warning> preflightWarnings(const PreflightGrant &grant, const BrowserProfile &profile);
QList<Warning> actualResponseWarnings(const HttpResponse &response, const QByteArray &serializedOrigin,
                                      bool credentialsIncluded);
QList<Warning> blockedResponseWarnings(const Finding &failure, const HttpResponse &response,
                                       const QByteArray &method);

} // namespace corscope
