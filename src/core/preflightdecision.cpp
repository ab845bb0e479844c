#include "core/preflightdecision.h"

namespace corscope {
// STUB: being implemented.
QByteArray normalizeMethod(const QByteArray &method) { return method; }
bool isSafelistedMethod(const QByteArray &) { return false; }
bool isForbiddenMethod(const QByteArray &) { return false; }
bool isForbiddenRequestHeader(const QByteArray &, const QByteArray &, const BrowserProfile &) { return false; }
bool isSafelistedRequestHeader(const QByteArray &, const QByteArray &, const BrowserProfile &) { return false; }
PreflightDecision decidePreflight(const QByteArray &, const HeaderList &, const BrowserProfile &) { return {}; }
} // namespace corscope
