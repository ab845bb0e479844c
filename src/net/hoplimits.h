#pragma once

#include <QtGlobal>

namespace corscope {

// The limits every transport puts on one hop. A timeout of 0 disables it.
struct HopLimits
{
    static constexpr int defaultIdleTimeoutMs = 15000;
    static constexpr int defaultTotalTimeoutMs = 60000;
    static constexpr qint64 defaultBodyCap = 4 * 1024 * 1024;

    // No byte in either direction for this long ends the hop.
    int idleTimeoutMs = defaultIdleTimeoutMs;
    // The whole hop may take at most this long, so a server dripping one byte at a time cannot hold
    // it forever.
    int totalTimeoutMs = defaultTotalTimeoutMs;
    // Response body bytes beyond this are not read: the transfer ends and the body is marked truncated.
    qint64 bodyCap = defaultBodyCap;
};

} // namespace corscope
