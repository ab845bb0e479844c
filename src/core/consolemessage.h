#pragma once

#include "core/accesscheck.h"
#include "core/browserprofile.h"
#include "core/finding.h"

#include <QByteArray>
#include <QString>
#include <QUrl>

namespace corscope {

// Where a failure happened, as the console message needs it.
struct MessageContext
{
    Stage stage = Stage::Actual;
    QUrl initialUrl;
    QUrl currentUrl;           // the URL of the response that failed
    QByteArray initiatorOrigin; // the page's origin; Chromium prints it even after tainting
    int status = 0;
    QByteArray scriptHeaderName; // the failing header as the script spelled it (WebKit prints that)
    QString networkError;        // net::ERR_... for network failures
};

// A URL as the browser prints it: no user info, "/" for an empty path.
QString browserUrlString(const QUrl &url);

// The exact console text the profile's browser prints for this failure.
QString consoleMessage(const BrowserProfile &profile, const CheckFailure &failure, const MessageContext &context);

} // namespace corscope
