#include "core/preflightcache.h"

namespace corscope {
// STUB: being implemented.
PreflightCache::PreflightCache(Clock clock) : m_clock(std::move(clock)) { }
bool PreflightCache::allows(const QByteArray &, const QByteArray &, bool, const QByteArray &,
                            const QList<QByteArray> &, const BrowserProfile &) const { return false; }
void PreflightCache::store(const QByteArray &, const QByteArray &, bool, const QList<QByteArray> &,
                           const QList<QByteArray> &, qint64, const BrowserProfile &) { }
void PreflightCache::clear(const QByteArray &, const QByteArray &) { }
void PreflightCache::clearAll() { m_entries.clear(); }
qint64 PreflightCache::now() const { return m_clock ? m_clock() : 0; }
int PreflightCache::size() const { return int(m_entries.size()); }
} // namespace corscope
