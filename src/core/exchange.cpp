#include "core/exchange.h"

namespace corscope {

QString verdictName(Verdict verdict)
{
    switch (verdict) {
    case Verdict::Allowed:
        return QStringLiteral("allowed");
    case Verdict::Blocked:
        return QStringLiteral("blocked");
    case Verdict::NetworkError:
        return QStringLiteral("network-error");
    }
    return {};
}

QString hopKindName(HopKind kind)
{
    return kind == HopKind::Preflight ? QStringLiteral("preflight") : QStringLiteral("actual");
}

const Hop *ExchangeResult::firstPreflight() const
{
    for (const Hop &hop : hops) {
        if (hop.kind == HopKind::Preflight)
            return &hop;
    }
    return nullptr;
}

} // namespace corscope
