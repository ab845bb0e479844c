#include "store/harfile.h"

#include "store/harreader.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrl>

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
        out.error = entry.value(QStringLiteral("_error")).toString();
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

QList<int> pairPreflights(const QList<HarEntry> &entries)
{
    QList<int> paired(entries.size(), -1);
    // key: origin + url + requested method -> preflight indices not yet used, oldest first
    QHash<QString, QList<int>> open;
    for (qsizetype i = 0; i < entries.size(); ++i) {
        const HarEntry &entry = entries.at(i);
        if (entry.isPreflight()) {
            const QString key = entry.requestHeader(u"origin") + u' ' + normalizedUrl(entry.url) + u' '
                + entry.requestHeader(u"access-control-request-method").toUpper();
            open[key].append(int(i));
            continue;
        }
        const QString origin = entry.requestHeader(u"origin");
        if (origin.isEmpty())
            continue;
        const QString key = origin + u' ' + normalizedUrl(entry.url) + u' ' + entry.method.toUpper();
        auto it = open.find(key);
        if (it != open.end() && !it->isEmpty()) {
            paired[i] = it->takeLast(); // the closest earlier one
            if (it->isEmpty())
                open.erase(it);
        }
    }
    return paired;
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
