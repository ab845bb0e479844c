// corscope-window: the inspector window, and the commands that paint a report. `corscope` hands the
// process to this binary for both (see cli/commandline.h); it also works when started directly.
#include "cli/commandline.h"
#include "guimain.h"
#include "report/pngreport.h"
#include "report/reportwriter.h"

#include <QGuiApplication>

#include <chrono>

int main(int argc, char *argv[])
{
    using namespace corscope;
    auto started = std::chrono::steady_clock::now();
    if (const QByteArray handedOver = qgetenv("CORSCOPE_STARTED_NS"); !handedOver.isEmpty()) {
        // When `corscope` exec'd us, its start is the start.
        started = std::chrono::steady_clock::time_point(std::chrono::nanoseconds(handedOver.toLongLong()));
        qunsetenv("CORSCOPE_STARTED_NS");
    }
    ReportWriter::setPainter(&PngReport::renderPng);
    if (commandline::wantsWindow(argc, argv))
        return runGui(argc, argv, started);

    // Painting needs fonts, hence a QGuiApplication; a report never opens a window, so it runs on the
    // offscreen platform unless the caller chose one.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    const auto application
        = commandline::createApplication([&] { return std::make_unique<QGuiApplication>(argc, argv); });
    return commandline::run(application.get());
}
