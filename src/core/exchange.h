#pragma once

#include "core/finding.h"
#include "core/httpmessage.h"
#include "core/preflightreason.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace corscope {

enum class Verdict { Allowed, Blocked, NetworkError };
QString verdictName(Verdict verdict); // "allowed", "blocked", "network-error"

enum class HopKind { Preflight, Actual };
QString hopKindName(HopKind kind); // "preflight", "actual"

// Milliseconds; negative when unknown. startMs is measured from the start of the exchange.
struct HopTimings
{
    double startMs = -1;
    double connectMs = -1;  // socketStartedConnecting .. requestSent (new connections only)
    double waitMs = -1;     // requestSent .. first response bytes (TTFB)
    double downloadMs = -1; // first response bytes .. finished
    double totalMs = -1;
};

// What the network layer reports for one request it was asked to send.
struct HopOutcome
{
    HttpRequest sentRequest;               // headers exactly as handed to the transport
    std::optional<HttpResponse> response;  // none on a transport failure
    QString networkError;                  // Chromium-style code, e.g. "net::ERR_CONNECTION_REFUSED"
    QString networkErrorDetail;            // human text from the transport
    HopTimings timings;
};

// One request/response pair on the wire, in the order they happened.
struct Hop
{
    HopKind kind = HopKind::Actual;
    HttpRequest request;
    std::optional<HttpResponse> response;
    QString networkError;
    QString networkErrorDetail;
    HopTimings timings;
    bool passed = true; // the browser's checks passed for this response
    bool isRedirect() const { return response && response->status >= 300 && response->status < 400
                                     && response->headers.contains(QByteArrayLiteral("location")); }
};

struct ExchangeResult
{
    Verdict verdict = Verdict::Allowed;
    std::optional<Finding> failure;
    QList<Hop> hops;                 // every preflight and actual request in order
    QList<Warning> warnings;
    QList<QByteArray> readableHeaders; // lowercase names JavaScript can read on the final response
    bool crossOrigin = false;
    bool preflightNeeded = false;    // for the first request, before any cache lookup
    bool preflightFromCache = false; // the first preflight was answered by the preflight cache
    QList<PreflightReason> preflightReasons; // why a preflight is needed (reason.text() for the sentence)
    bool reachedServer = false;      // the actual request was sent (a blocked request can still run)
    qint64 startedAtMs = -1;         // wall clock (ms since the epoch) when it started; -1 when unknown

    // The first preflight sent, if any.
    const Hop *firstPreflight() const;
};

} // namespace corscope
