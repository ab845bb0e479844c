#pragma once

#include "core/headerlist.h"

#include <QByteArray>

namespace corscope {

// One request as RawHttpServer received it, byte for byte.
struct RawHttpRequest
{
    QByteArray method; // as sent, case kept
    QByteArray target; // the request-target: "/path?query" (or an absolute URL from a proxy client)
    QByteArray version; // "HTTP/1.1"
    HeaderList headers; // in wire order, original spelling, values with surrounding OWS trimmed
    QByteArray body; // by Content-Length
    QByteArray head; // the raw bytes from the request line up to and including the empty line
    int connectionNumber = 0; // 1 for the first TCP connection the server accepted, 2 for the next ...
    int numberOnConnection = 0; // 1 for the first request on its connection

    // The target without its query.
    QByteArray path() const
    {
        const qsizetype question = target.indexOf('?');
        return question < 0 ? target : target.left(question);
    }
};

} // namespace corscope
