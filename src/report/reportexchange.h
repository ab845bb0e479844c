#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

#include <optional>

namespace corscope {

using ReportHeaders = QList<QPair<QString, QString>>;

// One request/response pair of an exchange, as the renderers show it.
struct ReportHop
{
    QString kind; // "preflight", "actual"
    QString method;
    QString url;
    ReportHeaders requestHeaders;
    QString requestBody;
    bool hasResponse = false;
    int status = 0;
    QString statusText;
    ReportHeaders responseHeaders;
    QString responseBody;
    double responseBodyBytes = 0;
    bool redirect = false;
    bool passed = true;
    QString networkError;
    QString networkErrorDetail;
    double startMs = -1; // negative: unknown
    double connectMs = -1;
    double waitMs = -1;
    double downloadMs = -1;
    double totalMs = -1;

    bool isPreflight() const { return kind == u"preflight"; }
};

// Why the browser blocked the request (the JSON "failure" object).
struct ReportFailure
{
    QString stage;
    QString check;
    QString header;
    int status = 0;
    QString seen;
    QString needed;
    QString message;
    QString explanation;
    QString fix;
};

struct ReportWarning
{
    QString check;
    QString message;
    QString header;
};

// One exchange of a report: the (redacted) JSON of `corscope check --format json` read into fields,
// plus what the report derives from it (the curl command, the server fix).
struct ReportExchange
{
    QJsonObject json;
    QString name;            // the collection entry's name, for `corscope run` results
    QString expect;          // the collection's expected verdict, if any
    std::optional<bool> asExpected;
    QString method;
    QString url;
    QString origin;
    QString credentials;
    QString redirectMode;
    ReportHeaders headers;   // as the script set them
    QString body;
    QString browser;         // display name, "Chromium 156"
    QDateTime startedAt;     // invalid when the result does not say
    QString verdict;         // "allowed", "blocked", "network-error"
    bool crossOrigin = false;
    bool preflightNeeded = false;
    bool preflightFromCache = false;
    QStringList preflightReasons;
    std::optional<ReportFailure> failure;
    QList<ReportHop> hops;
    QList<ReportWarning> warnings;
    QStringList readableHeaders;

    QString curl;            // reproduces the preflight and the request
    QString fixStack;        // display name of the stack of fixSnippet, empty when none
    QString fixSnippet;

    // "PUT http://api.test/items/1"
    QString requestLine() const { return method + u' ' + url; }
    // "Blocked", "Allowed", "Network error"
    QString verdictTitle() const;
    // A one-line summary of the failure: "preflight: header-disallowed (Access-Control-Allow-Headers)"
    QString failureSummary() const;

    // Reads an exchange object; false (and *error) when it is not one.
    static std::optional<ReportExchange> fromJson(const QJsonObject &object, QString *error);
};

} // namespace corscope
