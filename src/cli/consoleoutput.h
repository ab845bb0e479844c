#pragma once

#include <QByteArrayView>
#include <QString>

namespace corscope {

// stdout/stderr for the command-line commands, written as UTF-8.
void printOut(const QString &text);
// Bytes already UTF-8, buffered: for output written piece by piece. flushOut() ends a series.
void writeOut(QByteArrayView bytes);
void flushOut();
void printError(const QString &text);
// Bytes already UTF-8, written and flushed at once.
void writeError(QByteArrayView bytes);
// Colours only on a terminal, and never with NO_COLOR set.
bool stdoutWantsColor();

} // namespace corscope
