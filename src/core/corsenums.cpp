#include "core/corsenums.h"

namespace corscope {

QString credentialsModeName(CredentialsMode mode)
{
    switch (mode) {
    case CredentialsMode::Omit:
        return QStringLiteral("omit");
    case CredentialsMode::SameOrigin:
        return QStringLiteral("same-origin");
    case CredentialsMode::Include:
        return QStringLiteral("include");
    }
    return {};
}

std::optional<CredentialsMode> credentialsModeFromName(const QString &name)
{
    for (auto mode : {CredentialsMode::Omit, CredentialsMode::SameOrigin, CredentialsMode::Include}) {
        if (credentialsModeName(mode) == name)
            return mode;
    }
    return std::nullopt;
}

QString redirectModeName(RedirectMode mode)
{
    switch (mode) {
    case RedirectMode::Follow:
        return QStringLiteral("follow");
    case RedirectMode::Error:
        return QStringLiteral("error");
    case RedirectMode::Manual:
        return QStringLiteral("manual");
    }
    return {};
}

std::optional<RedirectMode> redirectModeFromName(const QString &name)
{
    for (auto mode : {RedirectMode::Follow, RedirectMode::Error, RedirectMode::Manual}) {
        if (redirectModeName(mode) == name)
            return mode;
    }
    return std::nullopt;
}

QString browserName(Browser browser)
{
    switch (browser) {
    case Browser::Chromium:
        return QStringLiteral("chromium");
    case Browser::Firefox:
        return QStringLiteral("firefox");
    case Browser::Safari:
        return QStringLiteral("safari");
    }
    return {};
}

std::optional<Browser> browserFromName(const QString &name)
{
    for (auto browser : {Browser::Chromium, Browser::Firefox, Browser::Safari}) {
        if (browserName(browser) == name)
            return browser;
    }
    return std::nullopt;
}

} // namespace corscope
