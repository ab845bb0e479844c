#pragma once

#include "net/resolvemap.h"

#include <QCommandLineParser>
#include <QStringList>

namespace corscope {

class QnamTransport;

// --resolve, --timeout and --max-body, shared by every command that talks to servers.
struct NetworkOptions
{
    ResolveMap resolve;
    int timeoutMs = 15000;
    qint64 bodyCapBytes = 4 * 1024 * 1024;

    static void addTo(QCommandLineParser &parser);
    // Reads the options; problems are appended to *errors as sentences.
    static NetworkOptions fromParser(const QCommandLineParser &parser, QStringList *errors);
    void applyTo(QnamTransport &transport) const;
};

} // namespace corscope
