#include "core/preflightcache.h"

#include "core/preflightevaluation.h"

#include <QDateTime>

namespace corscope {

namespace {
QByteArray cacheKey(const QByteArray &origin, const QByteArray &url, bool credentials,
                    const BrowserProfile &profile)
{
    QByteArray key = origin + ' ' + url;
    // Firefox keys entries by the credentials flag; Chromium and WebKit keep it inside the entry.
    if (profile.cacheServesOnlySameCredentials)
        key += credentials ? " +credentials" : " -credentials";
    return key;
}
} // namespace

PreflightCache::PreflightCache(Clock clock)
    : m_clock(clock ? std::move(clock) : Clock([] { return QDateTime::currentMSecsSinceEpoch(); }))
{
}

qint64 PreflightCache::now() const
{
    return m_clock();
}

bool PreflightCache::allows(const QByteArray &serializedOrigin, const QByteArray &url, bool credentialsIncluded,
                            const QByteArray &method, const QList<QByteArray> &unsafeHeaderNames,
                            const BrowserProfile &profile) const
{
    const auto it = m_entries.constFind(cacheKey(serializedOrigin, url, credentialsIncluded, profile));
    if (it == m_entries.cend())
        return false;
    const qint64 time = now();
    for (const Entry &entry : *it) {
        if (entry.expiresAtMs <= time)
            continue;
        if (credentialsIncluded && !entry.credentials)
            continue;
        const QList<QByteArray> &methods = entry.methods;
        const QList<QByteArray> &headers = entry.headerNames;
        const bool wildcardMethodCounts = profile.cachedWildcardMethodCoversAll || !methods.contains("*");
        QList<QByteArray> effectiveMethods = methods;
        if (!wildcardMethodCounts)
            effectiveMethods.removeAll("*");
        if (!methodAllowed(method, effectiveMethods, credentialsIncluded))
            continue;
        const bool headersOk = std::all_of(unsafeHeaderNames.cbegin(), unsafeHeaderNames.cend(),
                                           [&](const QByteArray &name) {
                                               return headerAllowed(name, headers, credentialsIncluded, profile);
                                           });
        if (headersOk)
            return true;
    }
    return false;
}

void PreflightCache::store(const QByteArray &serializedOrigin, const QByteArray &url, bool credentialsIncluded,
                           const QList<QByteArray> &allowedMethods, const QList<QByteArray> &allowedHeaderNames,
                           qint64 maxAgeSeconds, const BrowserProfile &profile)
{
    const QByteArray key = cacheKey(serializedOrigin, url, credentialsIncluded, profile);
    if (maxAgeSeconds <= 0) {
        // Chromium replaces the entry with one that cannot be reused; the effect is no entry.
        m_entries.remove(key);
        return;
    }
    Entry entry;
    entry.methods = allowedMethods;
    for (const QByteArray &name : allowedHeaderNames)
        entry.headerNames.append(name.toLower());
    entry.credentials = credentialsIncluded;
    entry.expiresAtMs = now() + maxAgeSeconds * 1000;
    // One result per key, replaced by each successful preflight (Chromium's model).
    m_entries.insert(key, {entry});
}

void PreflightCache::clear(const QByteArray &serializedOrigin, const QByteArray &url)
{
    const QByteArray prefix = serializedOrigin + ' ' + url;
    for (auto it = m_entries.begin(); it != m_entries.end();) {
        const QByteArray &key = it.key();
        if (key == prefix || key.startsWith(QByteArray(prefix + " +")) || key.startsWith(QByteArray(prefix + " -")))
            it = m_entries.erase(it);
        else
            ++it;
    }
}

void PreflightCache::clearAll()
{
    m_entries.clear();
}

int PreflightCache::size() const
{
    return int(m_entries.size());
}

} // namespace corscope
