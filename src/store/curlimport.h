#pragma once

#include "store/importedrequest.h"

#include <optional>

namespace corscope {

// One or more curl commands as browsers copy them: Chrome "Copy as cURL (bash)" and "(cmd)",
// Firefox "POSIX" and "Windows". The dialect is detected (cmd when ^" or a trailing ^ appears).
// Each command becomes a request; the page origin comes from the Origin header or the Referer,
// browser-added headers are left out, a Cookie makes credentials "include" (its value is not kept).
// Comment lines are skipped, and an OPTIONS command that is the preflight of the command after it
// (same URL, Access-Control-Request-Method naming its method: what "Copy as cURL" writes) is left
// out, since the request brings its preflight with it.
// Returns nullopt with *error set (a sentence) when no command can be read.
std::optional<ImportResult> importCurl(const QString &text, QString *error);

// Whether pasted text is meant as curl: its first line that is neither blank nor a # comment starts
// with curl or curl.exe.
bool looksLikeCurl(const QString &text);

// The words of one shell text, for tests: POSIX (bash) or cmd.exe + MS C runtime rules. Commands are
// separated by an empty-string-free marker list: each inner list is one command.
enum class ShellDialect { Posix, Cmd };
ShellDialect detectShellDialect(const QString &text);
std::optional<QList<QStringList>> splitShellCommands(const QString &text, ShellDialect dialect, QString *error);

} // namespace corscope
