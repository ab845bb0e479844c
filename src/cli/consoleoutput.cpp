#include "cli/consoleoutput.h"

#include <QByteArray>

#include <cstdio>
#include <unistd.h>

namespace corscope {

void printOut(const QString &text)
{
    writeOut(text.toUtf8());
    flushOut();
}

void writeOut(QByteArrayView bytes)
{
    std::fwrite(bytes.data(), 1, size_t(bytes.size()), stdout);
}

void flushOut()
{
    std::fflush(stdout);
}

void printError(const QString &text)
{
    writeError(text.toUtf8());
}

void writeError(QByteArrayView bytes)
{
    std::fwrite(bytes.data(), 1, size_t(bytes.size()), stderr);
    std::fflush(stderr);
}

bool stdoutWantsColor()
{
    return isatty(fileno(stdout)) && qEnvironmentVariableIsEmpty("NO_COLOR");
}

} // namespace corscope
