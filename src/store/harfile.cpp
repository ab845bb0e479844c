#include "store/harfile.h"

#include "core/origin.h"
#include "store/harreader.h"
#include "store/importedrequest.h"

#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QUrl>

#include <algorithm>

namespace corscope {

namespace {
QString headerValue(const QList<QPair<QString, QString>> &headers, QStringView name)
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

bool hasHeader(const QList<QPair<QString, QString>> &headers, QStringView name)
{
    return std::any_of(headers.cbegin(), headers.cend(),
                       [&](const auto &header) { return header.first.compare(name, Qt::CaseInsensitive) == 0; });
}

// The header names a preflight asked for (Access-Control-Request-Headers), trimmed.
QStringList askedHeaderNames(const HarEntry &preflight)
{
    QStringList names = preflight.requestHeader(u"access-control-request-headers").split(u',', Qt::SkipEmptyParts);
    for (QString &name : names)
        name = name.trimmed();
    return names;
}

bool readHeaders(const QJsonValue &value, QList<QPair<QString, QString>> *headers)
{
    if (value.isUndefined())
        return true;
    if (!value.isArray())
        return false;
    for (const QJsonValue &header : value.toArray()) {
        const QJsonObject object = header.toObject();
        if (!object.value(QStringLiteral("name")).isString())
            return false;
        headers->append({object.value(QStringLiteral("name")).toString(),
                         object.value(QStringLiteral("value")).toString()});
    }
    return true;
}

QString normalizedUrl(const QString &url)
{
    return QString::fromUtf8(QUrl(url).adjusted(QUrl::RemoveFragment).toEncoded());
}
} // namespace

std::optional<qint64> HarEntry::startedMs() const
{
    if (startedDateTime.isEmpty())
        return std::nullopt;
    const QDateTime started = QDateTime::fromString(startedDateTime, Qt::ISODateWithMs);
    if (!started.isValid())
        return std::nullopt;
    return started.toMSecsSinceEpoch();
}

QString HarEntry::requestHeader(QStringView name) const
{
    return headerValue(requestHeaders, name);
}

QString HarEntry::responseHeader(QStringView name) const
{
    return headerValue(responseHeaders, name);
}

bool HarEntry::isPreflight() const
{
    if (resourceType == u"preflight")
        return true;
    return method.compare(u"OPTIONS", Qt::CaseInsensitive) == 0
        && !requestHeader(u"access-control-request-method").isEmpty()
        && !requestHeader(u"origin").isEmpty();
}

std::optional<HarLog> parseHarDocument(const QByteArray &json, QString *error)
{
    QJsonParseError parseError;
    QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        *error = u"not valid JSON (" + parseError.errorString() + u" at byte " + QString::number(parseError.offset)
            + u"; a truncated file ends like this)";
        return std::nullopt;
    }
    const QJsonObject log = document.object().value(QStringLiteral("log")).toObject();
    if (!document.isObject() || log.isEmpty() || !log.value(QStringLiteral("entries")).isArray()) {
        *error = QStringLiteral("not a HAR file (no \"log\" object with \"entries\")");
        return std::nullopt;
    }
    HarLog har;
    har.creator = log.value(QStringLiteral("creator")).toObject().value(QStringLiteral("name")).toString();
    QJsonArray entries = log.value(QStringLiteral("entries")).toArray();
    document = QJsonDocument(); // entries keeps the data alive; let the rest go
    har.entries.reserve(entries.size());
    for (qsizetype i = 0; i < entries.size(); ++i) {
        const QString where = u"entry " + QString::number(i + 1);
        const QJsonObject entry = entries.at(i).toObject();
        const QJsonObject request = entry.value(QStringLiteral("request")).toObject();
        if (request.isEmpty() || !request.value(QStringLiteral("url")).isString()
            || !request.value(QStringLiteral("method")).isString()) {
            *error = where + u": \"request\" with \"method\" and \"url\" is missing";
            return std::nullopt;
        }
        HarEntry out;
        out.index = int(i);
        out.startedDateTime = entry.value(QStringLiteral("startedDateTime")).toString();
        out.time = entry.value(QStringLiteral("time")).toDouble(-1);
        out.method = request.value(QStringLiteral("method")).toString();
        out.url = request.value(QStringLiteral("url")).toString();
        if (!readHeaders(request.value(QStringLiteral("headers")), &out.requestHeaders)) {
            *error = where + u": request \"headers\" must be a list of {name, value}";
            return std::nullopt;
        }
        const QJsonObject postData = request.value(QStringLiteral("postData")).toObject();
        if (postData.contains(QStringLiteral("text"))) {
            out.requestBody = postData.value(QStringLiteral("text")).toString();
        } else if (postData.value(QStringLiteral("params")).isArray()) {
            QStringList pairs;
            for (const QJsonValue &param : postData.value(QStringLiteral("params")).toArray())
                pairs.append(param[u"name"].toString() + u'=' + param[u"value"].toString());
            out.requestBody = pairs.join(u'&');
        }
        const QJsonObject response = entry.value(QStringLiteral("response")).toObject();
        out.status = response.value(QStringLiteral("status")).toInt();
        out.statusText = response.value(QStringLiteral("statusText")).toString();
        if (!readHeaders(response.value(QStringLiteral("headers")), &out.responseHeaders)) {
            *error = where + u": response \"headers\" must be a list of {name, value}";
            return std::nullopt;
        }
        const QJsonObject content = response.value(QStringLiteral("content")).toObject();
        const QString text = content.value(QStringLiteral("text")).toString();
        if (!text.isEmpty()) {
            out.responseBody = content.value(QStringLiteral("encoding")).toString() == u"base64"
                ? QByteArray::fromBase64(text.toLatin1())
                : text.toUtf8();
        }
        out.redirectUrl = response.value(QStringLiteral("redirectURL")).toString();
        out.resourceType = entry.value(QStringLiteral("_resourceType")).toString();
        out.initiatorUrl = entry.value(QStringLiteral("_initiator")).toObject().value(QStringLiteral("url")).toString();
        out.errorRecorded = entry.contains(QStringLiteral("_error")) || response.contains(QStringLiteral("_error"));
        out.error = entry.value(QStringLiteral("_error")).toString();
        if (out.error.isEmpty())
            out.error = response.value(QStringLiteral("_error")).toString();
        entries[i] = QJsonValue(); // free as we go
        har.entries.append(std::move(out));
    }
    return har;
}

std::optional<HarLog> parseHar(const QByteArray &json, QString *error, HarBodies bodies,
                              const ParseProgress &progress)
{
    const auto done = [&] {
        if (progress)
            progress(json.size(), json.size());
    };
    HarReader::Result read = HarReader::read(json, bodies, progress);
    switch (read.status) {
    case HarReader::Status::Parsed:
        done();
        return std::move(read.log);
    case HarReader::Status::Refused:
        *error = read.error;
        done();
        return std::nullopt;
    case HarReader::Status::Unsure:
        break;
    }
    auto har = parseHarDocument(json, error); // reports nothing until done: a rare, malformed case
    if (har && bodies == HarBodies::Skip) {
        for (HarEntry &entry : har->entries)
            entry.responseBody.clear();
    }
    done();
    return har;
}

std::optional<HarLog> parseHar(QFile &file, QString *error, HarBodies bodies)
{
    const qint64 size = file.isSequential() ? 0 : file.size() - file.pos();
    if (size > 0) {
        if (uchar *mapped = file.map(file.pos(), size)) {
            // The bytes stay in the page cache; only the parsed fields are copied.
            const QByteArray view = QByteArray::fromRawData(reinterpret_cast<const char *>(mapped), size);
            auto har = parseHar(view, error, bodies);
            file.unmap(mapped);
            return har;
        }
    }
    return parseHar(file.readAll(), error, bodies);
}

namespace {
// The page origin a request was made from, as far as the entry itself tells: Origin, else Referer.
QString ownPageOrigin(const HarEntry &entry)
{
    return pageOriginFrom(entry.requestHeader(u"origin"), entry.requestHeader(u"referer"));
}

// Chromium reports a preflight through DevTools after the fact, and its startedDateTime is when the
// report came in: a few ms after the request it was for had already finished, in CI under load.
// Two allowances: a preflight reported up to kReportLagMs after its request ended still counts as
// during it; one found no home by then goes to an unpaired request that ended up to kLateReportMs
// before it (pairLateReportedPreflights).
constexpr qint64 kReportLagMs = 50;
constexpr qint64 kLateReportMs = 1000;

// Where a preflight recorded after `request` stands to it: it started while the request was in flight
// or within the report lag after (Fits), or later (TooLate). Unknown times say Fits. 1 ms of slack at
// the start for startedDateTime's millisecond rounding.
// A request that got no response (status 0) was stopped before it was sent, by its preflight: it has
// no end of its own to compare with. Chromium records its "time" up to the page's rejection, which can
// come out a few ms before the preflight's own start (the two come from different processes' clocks),
// so for it a later preflight fits within a second.
enum class Window { Fits, TooLate, TooEarly };
Window preflightWindow(const HarEntry &preflight, const HarEntry &request)
{
    if (request.time < 0)
        return Window::Fits;
    const auto preflightStart = preflight.startedMs();
    const auto requestStart = request.startedMs();
    if (!preflightStart || !requestStart)
        return Window::Fits;
    if (*preflightStart < *requestStart - 1)
        return Window::TooEarly;
    const double slack = request.status == 0 ? kLateReportMs : kReportLagMs;
    return double(*preflightStart - *requestStart) <= request.time + slack ? Window::Fits : Window::TooLate;
}

bool isSameOriginRequest(const HarEntry &entry, const QString &pageOrigin)
{
    const QUrl url(entry.url);
    return !pageOrigin.isEmpty() && url.isValid() && QString::fromUtf8(Origin::fromUrl(url).serialize()) == pageOrigin;
}

QString preflightKey(const HarEntry &preflight)
{
    return normalizedUrl(preflight.url) + u' ' + preflight.requestHeader(u"access-control-request-method").toUpper();
}

QString requestKey(const HarEntry &request)
{
    return normalizedUrl(request.url) + u' ' + request.method.toUpper();
}

// Whether `request` carries every header its would-be preflight asked for. A request recorded with no
// headers at all is given the benefit of the doubt, and so is a missing Authorization or Cookie:
// Chrome's default "Export HAR (sanitized)" leaves them out.
bool carriesRequestedHeaders(const HarEntry &request, const HarEntry &preflight)
{
    if (request.requestHeaders.isEmpty())
        return true;
    const QStringList asked = askedHeaderNames(preflight);
    return std::all_of(asked.cbegin(), asked.cend(), [&](const QString &wanted) {
        return wanted.compare(u"authorization", Qt::CaseInsensitive) == 0
            || wanted.compare(u"cookie", Qt::CaseInsensitive) == 0 || hasHeader(request.requestHeaders, wanted);
    });
}

// Whether `preflight` may have been made for `request` (same URL and method taken as read): the page
// origin agrees (or the request does not tell) and the request carries what the preflight asked for.
bool mayBeItsPreflight(const HarEntry &preflight, const HarEntry &request)
{
    const QString requestOrigin = ownPageOrigin(request);
    return (requestOrigin.isEmpty() || requestOrigin == preflight.requestHeader(u"origin"))
        && carriesRequestedHeaders(request, preflight);
}

// A preflight that found no request in flight, and no later request, goes to the oldest unpaired
// request with its URL, method, origin and asked-for headers that ended at most kLateReportMs before
// it. The oldest, because the preflight cache explains a request without a preflight only when an
// earlier preflight filled it.
void pairLateReportedPreflights(const QList<HarEntry> &entries, QList<int> &paired)
{
    QSet<int> used;
    for (const int preflight : std::as_const(paired)) {
        if (preflight >= 0)
            used.insert(preflight);
    }
    QHash<QString, QList<int>> unpaired; // url + method -> cross-origin requests without a preflight
    for (qsizetype i = 0; i < entries.size(); ++i) {
        const HarEntry &entry = entries.at(i);
        if (!entry.isPreflight() && paired.at(i) < 0 && !isSameOriginRequest(entry, ownPageOrigin(entry)))
            unpaired[requestKey(entry)].append(int(i));
    }
    for (qsizetype p = 0; p < entries.size(); ++p) {
        const HarEntry &preflight = entries.at(p);
        if (!preflight.isPreflight() || used.contains(int(p)))
            continue;
        const auto preflightStart = preflight.startedMs();
        auto candidates = unpaired.find(preflightKey(preflight));
        if (!preflightStart || candidates == unpaired.end())
            continue;
        for (qsizetype c = 0; c < candidates->size(); ++c) {
            const HarEntry &request = entries.at(candidates->at(c));
            const auto requestStart = request.startedMs();
            if (!requestStart || request.time < 0 || *requestStart > *preflightStart + 1
                || double(*preflightStart - *requestStart) > request.time + kLateReportMs)
                continue;
            if (mayBeItsPreflight(preflight, request)) {
                paired[candidates->takeAt(c)] = int(p);
                break;
            }
        }
    }
}
} // namespace

QList<int> pairPreflights(const QList<HarEntry> &entries)
{
    QList<int> paired(entries.size(), -1);
    // url + method -> unused preflights seen so far, oldest first
    QHash<QString, QList<int>> open;
    // url + method -> cross-origin requests seen so far that found no earlier preflight, oldest first
    QHash<QString, QList<int>> waiting;
    for (qsizetype i = 0; i < entries.size(); ++i) {
        const HarEntry &entry = entries.at(i);
        if (entry.isPreflight()) {
            const QString key = preflightKey(entry);
            bool taken = false;
            auto it = waiting.find(key);
            if (it != waiting.end()) {
                for (qsizetype w = 0; w < it->size() && !taken;) {
                    const HarEntry &request = entries.at(it->at(w));
                    const Window window = preflightWindow(entry, request);
                    if (window == Window::TooLate) { // over before this preflight: no later one fits either
                        it->removeAt(w);
                        continue;
                    }
                    if (window == Window::Fits && mayBeItsPreflight(entry, request)) {
                        paired[it->at(w)] = int(i);
                        it->removeAt(w);
                        taken = true;
                    } else {
                        ++w;
                    }
                }
                if (it->isEmpty())
                    waiting.erase(it);
            }
            if (!taken)
                open[key].append(int(i));
            continue;
        }
        const QString origin = ownPageOrigin(entry);
        if (isSameOriginRequest(entry, origin))
            continue; // never preflighted
        const QString key = requestKey(entry);
        auto it = open.find(key);
        if (it != open.end()) {
            for (qsizetype o = it->size() - 1; o >= 0; --o) { // the closest earlier one
                if (origin.isEmpty() || entries.at(it->at(o)).requestHeader(u"origin") == origin) {
                    paired[i] = it->takeAt(o);
                    break;
                }
            }
            if (it->isEmpty())
                open.erase(it);
        }
        if (paired.at(i) < 0)
            waiting[key].append(int(i));
    }
    pairLateReportedPreflights(entries, paired);
    return paired;
}

QString recordedPageOrigin(const QList<HarEntry> &entries, int index, int preflightIndex)
{
    const HarEntry &entry = entries.at(index);
    const QString origin = entry.requestHeader(u"origin").trimmed();
    if (!origin.isEmpty())
        return origin;
    if (preflightIndex >= 0) {
        const QString preflightOrigin = entries.at(preflightIndex).requestHeader(u"origin").trimmed();
        if (!preflightOrigin.isEmpty())
            return preflightOrigin;
    }
    return pageOriginFrom(QString(), entry.initiatorUrl);
}

QStringList adoptPreflightAskedHeaders(const HarEntry &entry, const HarEntry &preflight, SavedRequest *request,
                                       const QString &missingValue)
{
    QStringList valueless;
    for (const QString &wanted : askedHeaderNames(preflight)) {
        if (hasHeader(request->headers, wanted))
            continue;
        const QString value = entry.requestHeader(wanted);
        if (value.isNull())
            valueless.append(wanted);
        request->headers.append({wanted, value.isNull() ? missingValue : value});
    }
    return valueless;
}

QList<int> redirectContinuations(const QList<HarEntry> &entries)
{
    QList<int> next(entries.size(), -1);
    QHash<QString, QList<int>> waiting; // target URL -> redirect entries waiting for their follow-up
    for (qsizetype i = 0; i < entries.size(); ++i) {
        const HarEntry &entry = entries.at(i);
        const QString url = normalizedUrl(entry.url);
        if (!entry.isPreflight()) {
            auto it = waiting.find(url);
            if (it != waiting.end() && !it->isEmpty()) {
                next[it->takeFirst()] = int(i);
                if (it->isEmpty())
                    waiting.erase(it);
            }
        }
        if (entry.status >= 300 && entry.status < 400 && !entry.isPreflight()) {
            QString target = entry.redirectUrl.isEmpty() ? entry.responseHeader(u"location") : entry.redirectUrl;
            if (!target.isEmpty())
                waiting[normalizedUrl(QUrl(entry.url).resolved(QUrl(target)).toString())].append(int(i));
        }
    }
    return next;
}

} // namespace corscope
