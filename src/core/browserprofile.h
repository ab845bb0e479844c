#pragma once

#include "core/corsenums.h"

#include <QString>

#include <optional>

namespace corscope {

// Where the modelled browsers differ (see ../shared/reference/cors-rules.md, top section).
// The engine asks the profile instead of testing which browser it is.
struct BrowserProfile
{
    Browser browser = Browser::Chromium;
    QString displayName;            // "Chromium 156"
    int maxAgeDefaultSeconds = 5;
    int maxAgeCapSeconds = 7200;
    bool safelistsClientHints = true;  // DPR, Save-Data, Viewport-Width, Device-Memory
    bool userAgentIsForbidden = true;  // a script cannot set User-Agent
    bool statusCheckedFirstInPreflight = false;   // WebKit
    bool redirectCheckedFirstInPreflight = true;  // Chromium
    bool wildcardCoversAuthorization = true;      // observed in Chromium 156, Firefox 153, WebKit
    bool multipleOriginsOnlyForSeparateLines = false; // Firefox
    bool hasInvalidAllowOriginReason = true;      // Chromium only
    bool cacheOnlyPlainDigitMaxAge = false;       // Firefox
    bool cacheServesOnlySameCredentials = false;  // Firefox
    bool cachedWildcardMethodCoversAll = true;    // Firefox: false
    bool redirectWithCredentialsIsNetworkError = false; // Firefox: no CORS reason of its own

    static BrowserProfile chromium();
    static BrowserProfile firefox();
    static BrowserProfile safari();
    static BrowserProfile forBrowser(Browser browser);
    static std::optional<BrowserProfile> fromName(const QString &name);
};

} // namespace corscope
