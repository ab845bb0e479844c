#pragma once

#include "net/resolvemap.h"

#include <QCommandLineParser>
#include <QStringList>

namespace corscope {

class CompositeTransport;

// --resolve, --timeout, --max-body and the hidden --transport, shared by every command that talks
// to servers.
struct NetworkOptions
{
    ResolveMap resolve;
    int timeoutMs = 15000;
    qint64 bodyCapBytes = 4 * 1024 * 1024;
    // --transport auto|raw|qnam (hidden from --help): auto sends http:// byte-exact with
    // RawHttpTransport and https:// with QnamTransport; raw and qnam force one for everything.
    QString transportName = QStringLiteral("auto");

    static void addTo(QCommandLineParser &parser);
    // Reads the options; problems are appended to *errors as sentences.
    static NetworkOptions fromParser(const QCommandLineParser &parser, QStringList *errors);
    void applyTo(CompositeTransport &transport) const;
    // A new transport configured from these options.
    CompositeTransport *createTransport(QObject *parent) const;
};

} // namespace corscope
