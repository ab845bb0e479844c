#pragma once

#include "net/compositetransport.h"
#include "net/resolvemap.h"

namespace corscope {

// The one way corscope makes the transport it sends with: `corscope check`, `corscope run`, the
// window and the window's collection runs all call create(), so they judge the same bytes the same
// way (plain http:// byte-exact through RawHttpTransport: empty header lines kept, nothing re-sent
// behind the engine's back; https:// through QnamTransport). The command line fills it from
// --resolve, --timeout, --max-body and --transport (NetworkOptions); the window uses the defaults.
struct TransportSetup
{
    CompositeTransport::Mode mode = CompositeTransport::Mode::Auto;
    ResolveMap resolve;
    // A silent server is given up on after this long; a whole hop after four times as long.
    int timeoutMs = 15000;
    // At most this much of each response body is kept in memory.
    qint64 bodyCapBytes = 4 * 1024 * 1024;

    // A new transport configured from these settings.
    CompositeTransport *create(QObject *parent = nullptr) const;
};

} // namespace corscope
