#pragma once

#include "core/browserprofile.h"

#include <QByteArray>
#include <QHash>
#include <QList>

#include <functional>

namespace corscope {

// The browser's CORS-preflight cache. Time comes from an injectable clock (milliseconds) so that
// tests and `corscope run` with delays are deterministic.
class PreflightCache
{
public:
    using Clock = std::function<qint64()>;
    explicit PreflightCache(Clock clock = {});

    struct Entry
    {
        QList<QByteArray> methods;      // as sent in ACAM (case kept), may contain "*"
        QList<QByteArray> headerNames;  // lowercase, may contain "*"
        bool credentials = false;      // made by a credentialed request
        qint64 expiresAtMs = 0;
    };

    // True when a cached entry lets this request skip the preflight.
    bool allows(const QByteArray &serializedOrigin, const QByteArray &url, bool credentialsIncluded,
                const QByteArray &method, const QList<QByteArray> &unsafeHeaderNames,
                const BrowserProfile &profile) const;
    // Records a successful preflight. maxAgeSeconds is the parsed value already capped by the profile;
    // 0 or less stores nothing.
    void store(const QByteArray &serializedOrigin, const QByteArray &url, bool credentialsIncluded,
               const QList<QByteArray> &allowedMethods, const QList<QByteArray> &allowedHeaderNames,
               qint64 maxAgeSeconds, const BrowserProfile &profile);
    void clear(const QByteArray &serializedOrigin, const QByteArray &url);
    void clearAll();
    qint64 now() const;
    int size() const;

private:
    Clock m_clock;
    QHash<QByteArray, QList<Entry>> m_entries;
};

} // namespace corscope
