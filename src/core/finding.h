#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

namespace corscope {

enum class Stage { Preflight, Actual, Redirect };

// The fixed vocabulary of failed checks, used as-is in the JSON output.
enum class CheckId {
    MissingAllowOrigin,
    MultipleAllowOrigin,
    InvalidAllowOrigin,
    AllowOriginMismatch,
    WildcardOriginWithCredentials,
    InvalidAllowCredentials,
    PreflightInvalidStatus,
    PreflightDisallowedRedirect,
    MethodDisallowed,
    HeaderDisallowed,
    InvalidAllowMethods,
    InvalidAllowHeaders,
    RedirectContainsCredentials,
    NetworkError,
    Other,
};

QString stageName(Stage stage); // "preflight", "actual", "redirect"
std::optional<Stage> stageFromName(const QString &name);
QString checkIdName(CheckId check); // "missing-allow-origin", ...
std::optional<CheckId> checkIdFromName(const QString &name);

// Why the browser blocked (or failed) a request.
struct Finding
{
    Stage stage = Stage::Actual;
    CheckId check = CheckId::Other;
    QByteArray header;      // the response header the check is about, e.g. "Access-Control-Allow-Origin"
    QString seen;           // what the server sent ("(absent)" when missing)
    QString needed;         // what the browser needed instead
    QString explanation;    // plain language, for people
    QString consoleMessage; // exactly what the profile's browser prints in the console
    QString fix;            // a one-line fix
    int status = 0;         // HTTP status of the response that failed, 0 when none
};

// A non-blocking observation: the request works (or fails) but something deserves attention.
struct Warning
{
    QString check; // e.g. "vary-origin-missing", "max-age-capped"
    QString message;
    QByteArray header;
};

} // namespace corscope
