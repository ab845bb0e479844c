#pragma once

#include "store/importedrequest.h"

#include <optional>

namespace corscope {

// One or more curl commands as browsers copy them: Chrome "Copy as cURL (bash)" and "(cmd)",
// Firefox "POSIX" and "Windows". The dialect is detected (cmd when ^" or a trailing ^ appears).
// Each command becomes a request; the page origin comes from the Origin header or the Referer,
// browser-added headers are left out, a Cookie makes credentials "include" (its value is not kept).
// Returns nullopt with *error set (a sentence) when no command can be read.
std::optional<ImportResult> importCurl(const QString &text, QString *error);

// The words of one shell text, for tests: POSIX (bash) or cmd.exe + MS C runtime rules. Commands are
// separated by an empty-string-free marker list: each inner list is one command.
enum class ShellDialect { Posix, Cmd };
ShellDialect detectShellDialect(const QString &text);
std::optional<QList<QStringList>> splitShellCommands(const QString &text, ShellDialect dialect, QString *error);

} // namespace corscope
