#pragma once

#include "core/exchange.h"

namespace corscope {

// The exit status contract of the command line (documented in README.md).
enum ExitCode : int {
    ExitAllowed = 0,
    ExitBlocked = 1,
    ExitBadInput = 2,
    ExitNetworkError = 3,
};

inline int exitCodeFor(Verdict verdict)
{
    switch (verdict) {
    case Verdict::Allowed:
        return ExitAllowed;
    case Verdict::Blocked:
        return ExitBlocked;
    case Verdict::NetworkError:
        return ExitNetworkError;
    }
    return ExitNetworkError;
}

} // namespace corscope
