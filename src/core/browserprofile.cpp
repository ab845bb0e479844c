#include "core/browserprofile.h"

namespace corscope {

BrowserProfile BrowserProfile::chromium()
{
    BrowserProfile profile;
    profile.browser = Browser::Chromium;
    profile.displayName = QStringLiteral("Chromium 156");
    return profile;
}

BrowserProfile BrowserProfile::firefox()
{
    BrowserProfile profile;
    profile.browser = Browser::Firefox;
    profile.displayName = QStringLiteral("Firefox 153");
    profile.maxAgeCapSeconds = 86400;
    profile.safelistsClientHints = false;
    profile.userAgentIsForbidden = false;
    profile.redirectCheckedFirstInPreflight = false;
    profile.multipleOriginsOnlyForSeparateLines = true;
    profile.hasInvalidAllowOriginReason = false;
    profile.cacheOnlyPlainDigitMaxAge = true;
    profile.cacheServesOnlySameCredentials = true;
    profile.cachedWildcardMethodCoversAll = false;
    profile.redirectWithCredentialsIsNetworkError = true;
    return profile;
}

BrowserProfile BrowserProfile::safari()
{
    BrowserProfile profile;
    profile.browser = Browser::Safari;
    profile.displayName = QStringLiteral("Safari (WebKit)");
    profile.maxAgeCapSeconds = 600;
    profile.safelistsClientHints = false;
    profile.userAgentIsForbidden = false;
    profile.statusCheckedFirstInPreflight = true;
    profile.redirectCheckedFirstInPreflight = false;
    profile.hasInvalidAllowOriginReason = false;
    return profile;
}

BrowserProfile BrowserProfile::forBrowser(Browser browser)
{
    switch (browser) {
    case Browser::Chromium:
        return chromium();
    case Browser::Firefox:
        return firefox();
    case Browser::Safari:
        return safari();
    }
    return chromium();
}

std::optional<BrowserProfile> BrowserProfile::fromName(const QString &name)
{
    if (auto browser = browserFromName(name.toLower()))
        return forBrowser(*browser);
    return std::nullopt;
}

} // namespace corscope
