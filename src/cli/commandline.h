#pragma once

#include <QCoreApplication>

#include <functional>
#include <memory>

namespace corscope::commandline {

// corscope is two executables. `corscope` is the command line: QtCore and QtNetwork only, so that
// every check in a script starts in a few milliseconds. `corscope-window` has the window and the
// report painter (QtGui, QtWidgets and what they load, about 7 ms more per start); `corscope` hands
// the process over to it (exec) when the arguments need either.

// No command (the window), or the window's own options (--demo, --screenshot).
bool wantsWindow(int argc, char *argv[]);
// A command that paints a report: PNG, or the picture inside HTML (`report --out`, `check --report`).
bool paints(int argc, char *argv[]);

// Creates the application object (create is called once) with Qt's UNIX event dispatcher rather
// than GLib's: the command line has no use for GLib's main loop, and its dispatcher costs a system
// call for every posted event.
std::unique_ptr<QCoreApplication> createApplication(const std::function<std::unique_ptr<QCoreApplication>()> &create);

// Runs the command in QCoreApplication::arguments(); returns the exit status.
int run(QCoreApplication *app);

} // namespace corscope::commandline
