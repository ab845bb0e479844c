// corscope: parse the command line, then run a command-line subcommand (or, later, the window).
#include "cli/analyzecommand.h"
#include "cli/checkcommand.h"
#include "cli/consoleoutput.h"
#include "cli/exportcommand.h"
#include "cli/importcommand.h"
#include "cli/labcommand.h"
#include "cli/runcommand.h"

#include <QCoreApplication>

using namespace corscope;

namespace {
const QString usage = QStringLiteral(
    "Usage: corscope <command> [options]\n\n"
    "Commands:\n"
    "  check URL --origin ORIGIN [options]   Send one request as fetch() would and explain the CORS verdict\n"
    "  run FILE.json [options]               Run a collection (or --folder) for each --origin; text grid, JSON, JUnit\n"
    "  import SOURCE [--to FILE.json]        Import curl commands, a HAR or a Postman collection (SOURCE - is stdin)\n"
    "  analyze FILE.har [--format json]      Evaluate the CORS exchanges recorded in a HAR, sending nothing\n"
    "  export FILE.json REQUEST              Print a saved request as curl commands (preflight and request)\n"
    "  lab [--port N]                        Run the CORS lab: a local server with one endpoint per common failure\n\n"
    "Options:\n"
    "  --version    Print the version\n"
    "  --help       Print this help; 'corscope <command> --help' describes a command\n\n"
    "Exit status: 0 allowed, 1 blocked, 2 bad input (nothing sent), 3 network error.\n");

template<typename Command>
int runCommand(QCoreApplication &app, const QStringList &arguments)
{
    Command command;
    QObject::connect(&command, &Command::finished, &app, [](int code) { QCoreApplication::exit(code); });
    const int immediate = command.start(arguments);
    return immediate >= 0 ? immediate : QCoreApplication::exec();
}
} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("corscope"));
    QCoreApplication::setApplicationVersion(QStringLiteral(CORSCOPE_VERSION));

    const QStringList arguments = QCoreApplication::arguments().mid(1);
    const QString command = arguments.value(0);
    const QStringList rest = arguments.mid(1);
    if (command == u"check")
        return runCommand<CheckCommand>(app, rest);
    if (command == u"run")
        return runCommand<RunCommand>(app, rest);
    if (command == u"import")
        return runCommand<ImportCommand>(app, rest);
    if (command == u"analyze")
        return runCommand<AnalyzeCommand>(app, rest);
    if (command == u"export")
        return runCommand<ExportCommand>(app, rest);
    if (command == u"lab")
        return runCommand<LabCommand>(app, rest);
    if (command == u"--version" || command == u"-v") {
        printOut(u"corscope " + QCoreApplication::applicationVersion() + u'\n');
        return 0;
    }
    if (command == u"--help" || command == u"-h" || command == u"help") {
        printOut(usage);
        return 0;
    }
    printError((command.isEmpty() ? QString() : u"corscope: unknown command '" + command + u"'\n\n") + usage);
    return 2;
}
