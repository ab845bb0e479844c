#include "core/finding.h"

#include <array>
#include <utility>

namespace corscope {

namespace {
constexpr std::array<std::pair<CheckId, const char *>, 15> checkNames{{
    {CheckId::MissingAllowOrigin, "missing-allow-origin"},
    {CheckId::MultipleAllowOrigin, "multiple-allow-origin"},
    {CheckId::InvalidAllowOrigin, "invalid-allow-origin"},
    {CheckId::AllowOriginMismatch, "allow-origin-mismatch"},
    {CheckId::WildcardOriginWithCredentials, "wildcard-origin-with-credentials"},
    {CheckId::InvalidAllowCredentials, "invalid-allow-credentials"},
    {CheckId::PreflightInvalidStatus, "preflight-invalid-status"},
    {CheckId::PreflightDisallowedRedirect, "preflight-disallowed-redirect"},
    {CheckId::MethodDisallowed, "method-disallowed"},
    {CheckId::HeaderDisallowed, "header-disallowed"},
    {CheckId::InvalidAllowMethods, "invalid-allow-methods"},
    {CheckId::InvalidAllowHeaders, "invalid-allow-headers"},
    {CheckId::RedirectContainsCredentials, "redirect-contains-credentials"},
    {CheckId::NetworkError, "network-error"},
    {CheckId::Other, "other"},
}};
} // namespace

QString stageName(Stage stage)
{
    switch (stage) {
    case Stage::Preflight:
        return QStringLiteral("preflight");
    case Stage::Actual:
        return QStringLiteral("actual");
    case Stage::Redirect:
        return QStringLiteral("redirect");
    }
    return {};
}

std::optional<Stage> stageFromName(const QString &name)
{
    for (auto stage : {Stage::Preflight, Stage::Actual, Stage::Redirect}) {
        if (stageName(stage) == name)
            return stage;
    }
    return std::nullopt;
}

QString checkIdName(CheckId check)
{
    for (const auto &[id, name] : checkNames) {
        if (id == check)
            return QString::fromLatin1(name);
    }
    return {};
}

std::optional<CheckId> checkIdFromName(const QString &name)
{
    for (const auto &[id, text] : checkNames) {
        if (name == QLatin1String(text))
            return id;
    }
    return std::nullopt;
}

} // namespace corscope
