#pragma once

// Test support for the FetchSimulator suites: a scripted "server" that answers every hop the
// simulator asks for without any network, plus small builders shared by the suites.

#include "core/browserprofile.h"
#include "core/exchange.h"
#include "core/fetchrequest.h"
#include "core/fetchsimulator.h"
#include "core/headerlist.h"
#include "core/httpmessage.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <algorithm>
#include <functional>
#include <optional>

Q_DECLARE_METATYPE(corscope::HeaderList)
Q_DECLARE_METATYPE(corscope::CredentialsMode)
Q_DECLARE_METATYPE(corscope::RedirectMode)
Q_DECLARE_METATYPE(corscope::Verdict)
Q_DECLARE_METATYPE(corscope::Stage)
Q_DECLARE_METATYPE(corscope::CheckId)

namespace corscope::test {

inline const QByteArray kPageOrigin = QByteArrayLiteral("http://app.test:3000");
inline const QByteArray kAcao = QByteArrayLiteral("Access-Control-Allow-Origin");
inline const QByteArray kAcac = QByteArrayLiteral("Access-Control-Allow-Credentials");
inline const QByteArray kAcam = QByteArrayLiteral("Access-Control-Allow-Methods");
inline const QByteArray kAcah = QByteArrayLiteral("Access-Control-Allow-Headers");
inline const QString kApiUrl = QStringLiteral("http://api.test:8000/x");

inline QUrl url(const QString &text)
{
    return QUrl(text, QUrl::StrictMode);
}

inline BrowserProfile profileNamed(const QString &name)
{
    return BrowserProfile::fromName(name).value_or(BrowserProfile::chromium());
}

// Chromium 156's console line: "Access to fetch at '<url>' [(redirected from '<initial>') ]from origin
// 'http://app.test:3000' has been blocked by CORS policy: <detail>".
inline QString chromiumBlocked(const QString &finalUrl, const QString &detail, const QString &initialUrl = {},
                               const QString &pageOrigin = QStringLiteral("http://app.test:3000"))
{
    QString text = QStringLiteral("Access to fetch at '") + finalUrl + QStringLiteral("' ");
    if (!initialUrl.isEmpty())
        text += QStringLiteral("(redirected from '") + initialUrl + QStringLiteral("') ");
    return text + QStringLiteral("from origin '") + pageOrigin + QStringLiteral("' has been blocked by CORS policy: ")
        + detail;
}

inline const QString kPreflightPrefix =
    QStringLiteral("Response to preflight request doesn't pass access control check: ");
inline const QString kValidValueHint = QStringLiteral(" Have the server send the header with a valid value.");

inline QString firefoxBlocked(const QString &target, const QString &reason)
{
    return QStringLiteral("Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at ")
        + target + QStringLiteral(". (Reason: ") + reason;
}

// The expected console text is exact, except that a trailing "…" asks for a prefix match (used only
// where the digest leaves a suffix unconfirmed), and that WebKit's follow-up line
// "Fetch API cannot load <url> due to access control checks." may be part of the message.
inline bool consoleMatches(const QString &actual, const QString &expected, const QString &target)
{
    if (expected.endsWith(QChar(0x2026)))
        return actual.startsWith(expected.chopped(1));
    if (actual == expected)
        return true;
    return actual == expected + QStringLiteral("\nFetch API cannot load ") + target
        + QStringLiteral(" due to access control checks.");
}

// Duplicate lines joined with ", " at the first occurrence, the way the network layer (and Chromium)
// hands them over.
inline HeaderList mergedDuplicates(const HeaderList &headers)
{
    HeaderList merged;
    QList<QByteArray> seen;
    for (const HeaderField &field : headers) {
        const QByteArray lower = field.name.toLower();
        if (seen.contains(lower))
            continue;
        seen.append(lower);
        merged.append(field.name, headers.combinedValue(field.name).value_or(QByteArray()));
    }
    return merged;
}

inline bool hasDuplicateNames(const HeaderList &headers)
{
    return mergedDuplicates(headers).size() != headers.size();
}

inline QString hopKinds(const ExchangeResult &result)
{
    QStringList kinds;
    for (const Hop &hop : result.hops)
        kinds.append(hopKindName(hop.kind));
    return kinds.join(u',');
}

inline QStringList warningChecks(const ExchangeResult &result)
{
    QStringList checks;
    for (const Warning &warning : result.warnings)
        checks.append(warning.check);
    return checks;
}

inline QByteArray sortedJoined(QList<QByteArray> names)
{
    for (QByteArray &name : names)
        name = name.toLower();
    std::sort(names.begin(), names.end());
    return names.join(',');
}

// Answers hops from routes keyed by (hop kind, URL); anything unrouted gets a connection error and
// is recorded in unrouted().
class ScriptedServer
{
public:
    using Handler = std::function<std::optional<HopOutcome>(const PendingHop &)>;

    void onPreflight(const QString &target, int status, const HeaderList &headers)
    {
        m_routes.insert(key(HopKind::Preflight, url(target)), makeResponse(status, headers));
    }
    void onActual(const QString &target, int status, const HeaderList &headers,
                  const QByteArray &body = QByteArrayLiteral("hello"))
    {
        HttpResponse response = makeResponse(status, headers);
        response.body = body;
        m_routes.insert(key(HopKind::Actual, url(target)), response);
    }
    void onActualNetworkError(const QString &target, const QString &code)
    {
        m_errors.insert(key(HopKind::Actual, url(target)), code);
    }
    void onPreflightNetworkError(const QString &target, const QString &code)
    {
        m_errors.insert(key(HopKind::Preflight, url(target)), code);
    }
    // Consulted before the routes.
    void setHandler(Handler handler) { m_handler = std::move(handler); }
    // Hand duplicate header lines over joined with ", " (what the real network layer does).
    void setMergeDuplicates(bool merge) { m_mergeDuplicates = merge; }

    HopOutcome outcomeFor(const PendingHop &hop)
    {
        if (m_handler) {
            if (std::optional<HopOutcome> outcome = m_handler(hop)) {
                outcome->sentRequest = hop.request;
                if (outcome->response) {
                    outcome->response->url = hop.request.url;
                    if (m_mergeDuplicates)
                        outcome->response->headers = mergedDuplicates(outcome->response->headers);
                }
                return *outcome;
            }
        }
        HopOutcome outcome;
        outcome.sentRequest = hop.request;
        outcome.timings.startMs = 0;
        outcome.timings.totalMs = 1.5;
        const QString k = key(hop.kind, hop.request.url);
        if (m_errors.contains(k)) {
            outcome.networkError = m_errors.value(k);
            outcome.networkErrorDetail = QStringLiteral("scripted transport failure");
            return outcome;
        }
        if (!m_routes.contains(k)) {
            m_unrouted.append(k);
            outcome.networkError = QStringLiteral("net::ERR_CONNECTION_REFUSED");
            outcome.networkErrorDetail = QStringLiteral("no scripted response for ") + k;
            return outcome;
        }
        HttpResponse response = m_routes.value(k);
        response.url = hop.request.url;
        if (m_mergeDuplicates)
            response.headers = mergedDuplicates(response.headers);
        outcome.response = response;
        return outcome;
    }

    // Drives the simulator to the end; a guard stops runaway engines.
    ExchangeResult run(FetchSimulator &simulator, int maxHops = 64)
    {
        int guard = 0;
        while (std::optional<PendingHop> hop = simulator.nextHop()) {
            if (++guard > maxHops) {
                m_runaway = true;
                break;
            }
            m_sent.append(*hop);
            simulator.deliver(outcomeFor(*hop));
        }
        return simulator.result();
    }

    ExchangeResult run(const FetchRequest &request, const BrowserProfile &profile,
                       PreflightCache *cache = nullptr)
    {
        FetchSimulator simulator(request, profile, cache);
        return run(simulator);
    }

    const QList<PendingHop> &sent() const { return m_sent; }
    const QStringList &unrouted() const { return m_unrouted; }
    bool ranAway() const { return m_runaway; }
    void resetLog()
    {
        m_sent.clear();
        m_unrouted.clear();
        m_runaway = false;
    }

    static QString key(HopKind kind, const QUrl &target)
    {
        QUrl normalized = target;
        if (normalized.path().isEmpty())
            normalized.setPath(QStringLiteral("/"));
        return hopKindName(kind) + u' ' + normalized.toString(QUrl::FullyEncoded);
    }

private:
    static HttpResponse makeResponse(int status, const HeaderList &headers)
    {
        HttpResponse response;
        response.status = status;
        response.reasonPhrase = status == 200 ? QByteArrayLiteral("OK") : QByteArrayLiteral("Status");
        response.headers = headers;
        return response;
    }

    QHash<QString, HttpResponse> m_routes;
    QHash<QString, QString> m_errors;
    Handler m_handler;
    bool m_mergeDuplicates = false;
    QList<PendingHop> m_sent;
    QStringList m_unrouted;
    bool m_runaway = false;
};

inline FetchRequest fetchRequest(const QByteArray &method, const QString &target, const HeaderList &headers = {},
                                 CredentialsMode credentials = CredentialsMode::SameOrigin)
{
    FetchRequest request;
    request.method = method;
    request.url = url(target);
    request.headers = headers;
    request.origin = Origin::fromUrl(url(QString::fromLatin1(kPageOrigin)));
    request.credentials = credentials;
    return request;
}

} // namespace corscope::test
