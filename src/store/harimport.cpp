#include "store/harimport.h"

#include <QSet>
#include <QUrl>

namespace corscope {

namespace {
QString itemName(const QString &method, const QString &url)
{
    const QUrl parsed(url);
    if (!parsed.isValid())
        return method + u' ' + url;
    return method + u' ' + parsed.host() + (parsed.path().isEmpty() ? QStringLiteral("/") : parsed.path());
}
} // namespace

ImportResult importHar(const HarLog &har)
{
    ImportResult result;
    result.collection.name = har.creator.isEmpty() ? QStringLiteral("Imported from HAR")
                                                   : u"Imported from HAR (" + har.creator + u')';
    const QList<int> preflightOf = pairPreflights(har.entries);
    const QList<int> continuation = redirectContinuations(har.entries);
    QSet<int> usedPreflights;
    QSet<int> followUps;
    for (const int next : continuation) {
        if (next >= 0)
            followUps.insert(next);
    }
    for (const int preflight : preflightOf) {
        if (preflight >= 0)
            usedPreflights.insert(preflight);
    }
    for (qsizetype i = 0; i < har.entries.size(); ++i) {
        const HarEntry &entry = har.entries.at(i);
        if (followUps.contains(int(i)) || (entry.isPreflight() && usedPreflights.contains(int(i))))
            continue;
        CollectionItem item;
        SavedRequest &request = item.request;
        request.url = entry.url;
        if (entry.isPreflight()) {
            // The actual request never went out (the preflight failed): rebuild it from the preflight.
            request.method = entry.requestHeader(u"access-control-request-method");
            for (const QString &name : entry.requestHeader(u"access-control-request-headers").split(u',', Qt::SkipEmptyParts))
                request.headers.append({name.trimmed(), QString()});
            request.origins = {entry.requestHeader(u"origin")};
            result.warnings.append(u"entry " + QString::number(i + 1) + u": only the preflight was recorded; the "
                                   u"request was rebuilt from it (header values are unknown and left empty).");
        } else {
            request.method = entry.method;
            const QString origin = adoptRecordedHeaders(entry.requestHeaders, &request);
            if (preflightOf.at(i) >= 0) {
                const QStringList valueless = adoptPreflightAskedHeaders(entry, har.entries.at(preflightOf.at(i)),
                                                                         &request, QString());
                if (!valueless.isEmpty())
                    result.warnings.append(u"entry " + QString::number(i + 1) + u": the HAR has no value for "
                                           + valueless.join(u", ") + u", which the preflight shows the page "
                                           u"sent (a sanitized export leaves such values out): added empty, to fill in.");
            }
            // A request blocked at its preflight was never sent: DevTools records it without Origin.
            const QString pageOrigin = entry.requestHeader(u"origin").isEmpty() && preflightOf.at(i) >= 0
                ? recordedPageOrigin(har.entries, int(i), preflightOf.at(i))
                : origin;
            if (!pageOrigin.isEmpty())
                request.origins = {pageOrigin};
            if (entry.requestBody)
                request.body = entry.requestBody;
            if (continuation.at(i) >= 0)
                item.description = u"Redirected to " + har.entries.at(continuation.at(i)).url;
        }
        item.name = itemName(request.method, request.url);
        result.collection.items.push_back(std::move(item));
    }
    result.collection.assignMissingIds();
    return result;
}

std::optional<ImportResult> importHar(const QByteArray &json, QString *error, const ParseProgress &progress)
{
    auto har = parseHar(json, error, HarBodies::Skip, progress); // an import keeps no response
    if (!har)
        return std::nullopt;
    return importHar(*har);
}

} // namespace corscope
