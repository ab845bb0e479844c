#pragma once

#include <chrono>

namespace corscope {

// The window: `corscope` with no command, or `corscope --screenshot FILE.png`.
// started is when the process began, for the start-up figure (CORSCOPE_PRINT_STARTUP=1).
int runGui(int &argc, char **argv, std::chrono::steady_clock::time_point started);

} // namespace corscope
