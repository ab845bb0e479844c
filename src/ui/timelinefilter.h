#pragma once

#include <QByteArray>
#include <QString>

namespace corscope {

// What the history filter asks for. Every part must match; a part left at Any (or empty) matches
// every row. The parts compare values, never substrings: the outcome "allowed" is the exchange's
// verdict, not the word in a URL such as /cors-not-allowed; only `text` is a free substring search.
struct TimelineFilter
{
    // The exchange's outcome. A cancelled exchange is Cancelled only (not NetworkError); a running
    // one has no outcome yet and matches Any only.
    enum class Outcome { Any, Allowed, Blocked, NetworkError, Cancelled };
    // The hop's HTTP status class; NoResponse for a hop that got none (network error, cancelled).
    enum class StatusClass { Any, Informational, Success, Redirect, ClientError, ServerError, NoResponse };

    Outcome outcome = Outcome::Any;
    // The fetch's method or the hop's: "PUT" shows PUT exchanges with their preflights, "OPTIONS"
    // shows every preflight. Compared case-insensitively; empty matches every method.
    QByteArray method;
    StatusClass status = StatusClass::Any;
    // The page origin exactly as serialized ("http://localhost:3000"); empty matches every origin.
    QByteArray origin;
    // A case-insensitive substring of the row's URL, method, hop kind, status, outcome or origin;
    // "#12" is exchange 12.
    QString text;

    bool isEmpty() const
    {
        return outcome == Outcome::Any && method.isEmpty() && status == StatusClass::Any && origin.isEmpty()
            && text.isEmpty();
    }
    bool operator==(const TimelineFilter &other) const = default;
};

} // namespace corscope
