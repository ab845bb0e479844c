#pragma once

#include <QString>

#include <optional>

namespace corscope {

enum class CredentialsMode { Omit, SameOrigin, Include };
enum class RedirectMode { Follow, Error, Manual };
enum class Browser { Chromium, Firefox, Safari };

// The wire names used on the command line and in JSON: "omit", "same-origin", "include", ...
QString credentialsModeName(CredentialsMode mode);
std::optional<CredentialsMode> credentialsModeFromName(const QString &name);
QString redirectModeName(RedirectMode mode);
std::optional<RedirectMode> redirectModeFromName(const QString &name);
QString browserName(Browser browser); // "chromium", "firefox", "safari"
std::optional<Browser> browserFromName(const QString &name);

} // namespace corscope
