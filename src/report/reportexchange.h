#pragma once

#include "core/browserprofile.h"
#include "core/exchange.h"
#include "core/fetchrequest.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace corscope {

// One exchange of a report: the engine's own types, read from the (redacted) JSON of `corscope check`
// by exchangeFromJson(), plus what only a report has: the run entry's name and expectation, the curl
// commands and the server fix.
struct ReportExchange
{
    FetchRequest request;
    BrowserProfile profile;
    ExchangeResult result;

    QString name;   // the collection entry's name, for `corscope run` results
    QString expect; // the collection's expected verdict, if any
    std::optional<bool> asExpected;

    QString curl;     // reproduces the preflight and the request
    QString fixStack; // display name of the stack of fixSnippet, empty when none
    QString fixSnippet;

    // "PUT http://api.test/items/1"
    QString requestLine() const;
    // "Blocked", "Allowed", "Network error"
    QString verdictTitle() const;
    // A one-line summary of the failure: "preflight: header-disallowed (Access-Control-Allow-Headers)"
    QString failureSummary() const;
    // When the exchange started; invalid when the result does not say.
    QDateTime startedAt() const;

    // Reads an exchange object; nullopt (and *error) when it is not one.
    static std::optional<ReportExchange> fromJson(const QJsonObject &object, QString *error);
};

} // namespace corscope
