#pragma once

#include <QString>

namespace corscope {

// stdout/stderr for the command-line commands, written as UTF-8.
void printOut(const QString &text);
void printError(const QString &text);
// Colours only on a terminal, and never with NO_COLOR set.
bool stdoutWantsColor();

} // namespace corscope
