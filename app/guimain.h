#pragma once

#include <QElapsedTimer>

namespace corscope {

// The window: `corscope` with no command, or `corscope --screenshot FILE.png`.
// startClock runs since main() began, for the startup figure (CORSCOPE_PRINT_STARTUP=1).
int runGui(int &argc, char **argv, const QElapsedTimer &startClock);

} // namespace corscope
