#include "cli/consoleoutput.h"

#include <QByteArray>

#include <cstdio>
#include <unistd.h>

namespace corscope {

void printOut(const QString &text)
{
    const QByteArray bytes = text.toUtf8();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
    std::fflush(stdout);
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
    const QByteArray bytes = text.toUtf8();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stderr);
    std::fflush(stderr);
}

bool stdoutWantsColor()
{
    return isatty(fileno(stdout)) && qEnvironmentVariableIsEmpty("NO_COLOR");
}

} // namespace corscope
