#pragma once

#include "core/httpmessage.h"
#include "net/pendingtransfer.h"

#include <QObject>

namespace corscope {

// Sends one HTTP request (one hop: no redirect following, no cookies, no cache) and reports a
// HopOutcome. Implementations: QnamTransport (QNetworkAccessManager); a byte-exact HTTP/1.1
// transport can join later.
//
// Contract for every implementation:
// - send() never blocks and never emits anything synchronously; the returned PendingTransfer is
//   parented to the transport, emits finished() exactly once and then deletes itself.
// - A 3xx is an ordinary response (its Location is in the headers); 4xx/5xx are responses too.
//   HopOutcome::networkError is set only when there is no usable response (Chromium-style code).
// - HopOutcome::sentRequest holds what goes on the wire: the request as given plus every header the
//   transport adds, in wire order.
// - HopOutcome::timings are measured from the moment send() was called (startMs = 0); the caller
//   rebases startMs on its own clock (ExchangeRunner does).
class Transport : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Transport)

public:
    explicit Transport(QObject *parent = nullptr)
        : QObject(parent)
    { }
    ~Transport() override = default;

    virtual PendingTransfer *send(const HttpRequest &request) = 0;
};

} // namespace corscope
