#pragma once

#include <QByteArray>
#include <QFile>
#include <QList>
#include <QPair>
#include <QString>

#include <functional>
#include <optional>

namespace corscope {

struct SavedRequest;

// One entry of a HAR 1.2 log, reduced to what CORS needs.
struct HarEntry
{
    int index = 0;                           // position in the file
    QString startedDateTime;
    double time = -1;                        // total time in ms ("time"); -1 when absent
    QString method;
    QString url;
    QList<QPair<QString, QString>> requestHeaders;
    std::optional<QString> requestBody;      // postData.text
    int status = 0;                          // 0: no response (blocked before sending, or failed)
    QString statusText;
    QList<QPair<QString, QString>> responseHeaders;
    QByteArray responseBody;                 // content.text (decoded when base64)
    QString redirectUrl;
    QString resourceType;                    // Chrome's _resourceType ("fetch", "xhr", "preflight"...)
    QString initiatorUrl;                    // Chrome's _initiator.url, when present
    QString error;                           // Chrome's _error (e.g. "net::ERR_FAILED"); DevTools writes it
                                             // as response._error, older samples at the entry level
    bool errorRecorded = false;              // the file has _error (DevTools: null when the load succeeded)

    // startedDateTime in ms since the epoch; nullopt when absent or unreadable.
    std::optional<qint64> startedMs() const;
    QString requestHeader(QStringView name) const;  // first value, empty when absent
    QString responseHeader(QStringView name) const;
    // OPTIONS with Access-Control-Request-Method (or Chrome's "preflight" resource type).
    bool isPreflight() const;
};

struct HarLog
{
    QString creator;
    QList<HarEntry> entries;
};

// Whether parsing keeps the response bodies (content.text, decoded when base64). Only reports that
// print bodies need them; skipping them keeps a big HAR's memory near its file size.
enum class HarBodies { Keep, Skip };

// How far a parse has got, in bytes of the input (for a progress bar). Called on the parsing thread,
// at most a few hundred times per parse, the last time with bytesRead == totalBytes.
using ParseProgress = std::function<void(qint64 bytesRead, qint64 totalBytes)>;

// Parses HAR 1.2 JSON. Errors are sentences naming the entry ("entry 12: \"request\" is missing").
// Streams over the bytes (HarReader) and falls back to parseHarDocument() when the streaming
// reader is unsure, so the result and the error wording are always parseHarDocument()'s.
std::optional<HarLog> parseHar(const QByteArray &json, QString *error, HarBodies bodies = HarBodies::Keep,
                              const ParseProgress &progress = {});

// The same for an open file, memory-mapped when it can be (else read whole, e.g. standard input).
std::optional<HarLog> parseHar(QFile &file, QString *error, HarBodies bodies = HarBodies::Keep);

// The QJsonDocument reader: the reference for parseHar(), slower and several times the file size
// in memory. Response bodies are always kept.
std::optional<HarLog> parseHarDocument(const QByteArray &json, QString *error);

// For each entry, the index of its paired preflight (-1 when none), each preflight used at most once.
// A preflight matches a request with the same URL whose method is its Access-Control-Request-Method
// and whose page origin (Origin header, else the Referer's origin, else any) is its Origin. Chromium
// DevTools writes entries in the order the requests started, and the network service reports the
// preflight at about the same moment as the request it is for: the preflight comes before or after
// its request. So a request takes the closest earlier unused preflight; one without takes the first
// later preflight that started while it was still in flight or at most 50 ms after it ended (Chromium
// reports a preflight after the fact: its startedDateTime can come after its request's end), by
// startedDateTime and time (always, when the times are unknown), the oldest such request first, when
// it carries every header the preflight asked for. A preflight still unused then goes to the oldest
// unpaired request it follows by at most a second. Preflight entries themselves get -1.
QList<int> pairPreflights(const QList<HarEntry> &entries);

// The page origin of a recorded request: its Origin header, else the Origin of its paired preflight
// (a request blocked at its preflight was never sent, and DevTools records it without Origin), else
// the origin of Chrome's initiator URL. Empty when none is known. (Not the Referer: no-cors
// subresources carry one too.)
QString recordedPageOrigin(const QList<HarEntry> &entries, int index, int preflightIndex);

// Adds to `request` (filled by adoptRecordedHeaders) the headers `preflight` asked for that it left
// out: the script set them, even ones browsers also add. A name the entry has no value for (Chrome's
// sanitized HAR export drops Authorization) gets `missingValue` and is returned.
QStringList adoptPreflightAskedHeaders(const HarEntry &entry, const HarEntry &preflight, SavedRequest *request,
                                       const QString &missingValue);

// For each entry, the index of the entry that continues it after a redirect (-1 when none).
QList<int> redirectContinuations(const QList<HarEntry> &entries);

} // namespace corscope
