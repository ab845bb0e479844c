#pragma once

#include "net/transportsetup.h"

#include <QCommandLineParser>
#include <QStringList>

namespace corscope {

// --resolve, --timeout, --max-body and the hidden --transport, shared by every command that talks
// to servers. They fill a TransportSetup, the set-up the window uses too (with its defaults).
class NetworkOptions final
{
public:
    NetworkOptions() = delete;

    static void addTo(QCommandLineParser &parser);
    // Reads the options; problems are appended to *errors as sentences.
    static TransportSetup fromParser(const QCommandLineParser &parser, QStringList *errors);
};

} // namespace corscope
