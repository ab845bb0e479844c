#pragma once

#include "core/browserprofile.h"
#include "core/fetchrequest.h"

#include <QList>
#include <QString>

namespace corscope {

// A reason the request cannot be sent as written: fetch() would throw, the browser would drop a
// header silently, or the bytes would be unsafe on the wire (CR/LF injection).
struct InputError
{
    QString field;   // "url", "origin", "method", "header", "body"
    QString message; // a complete sentence for people
    // True for a forbidden header: fetch() does not throw, the browser drops it silently. Callers
    // that model the browser exactly may send the request without it (the engine drops it too).
    bool droppedByBrowser = false;
};

// Everything wrong with the request; empty means it can be sent. Nothing here touches the network.
QList<InputError> validateFetchRequest(const FetchRequest &request, const BrowserProfile &profile);

} // namespace corscope
