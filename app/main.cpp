// corscope: the command line. The window and report painting live in corscope-window (next to this
// binary), which this one becomes (exec) when the arguments ask for them; see cli/commandline.h.
#include "cli/commandline.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <system_error>
#include <unistd.h>

namespace {

int execWindowBinary(char *argv[])
{
    std::error_code error;
    const std::filesystem::path self = std::filesystem::read_symlink("/proc/self/exe", error);
    const std::filesystem::path window = (error ? std::filesystem::path(argv[0]).parent_path() : self.parent_path())
                                         / "corscope-window";
    // The window's start-up figure (CORSCOPE_PRINT_STARTUP=1) counts from here.
    const auto now = std::chrono::steady_clock::now().time_since_epoch();
    const std::string startedNs = std::to_string(std::chrono::duration_cast<std::chrono::nanoseconds>(now).count());
    setenv("CORSCOPE_STARTED_NS", startedNs.c_str(), 1);
    execv(window.c_str(), argv);
    std::fprintf(stderr, "corscope: cannot start %s (the window and report painting): %s\n", window.c_str(),
                 std::strerror(errno));
    return 2;
}

} // namespace

int main(int argc, char *argv[])
{
    using namespace corscope;
    if (commandline::wantsWindow(argc, argv) || commandline::paints(argc, argv))
        return execWindowBinary(argv);
    const auto application
        = commandline::createApplication([&] { return std::make_unique<QCoreApplication>(argc, argv); });
    return commandline::run(application.get());
}
