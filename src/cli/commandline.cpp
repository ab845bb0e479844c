#include "cli/commandline.h"

#include "cli/analyzecommand.h"
#include "cli/checkcommand.h"
#include "cli/consoleoutput.h"
#include "cli/exportcommand.h"
#include "cli/importcommand.h"
#include "cli/labcommand.h"
#include "cli/reportcommand.h"
#include "cli/runcommand.h"
#include "report/reportwriter.h"

#include <QStringList>

#include <cstring>
#include <utility>

namespace corscope::commandline {

namespace {
const QString usage = QStringLiteral(
    "Usage: corscope [--demo] [--screenshot FILE.png]  Open the inspector window (on the built-in lab)\n"
    "       corscope <command> [options]\n\n"
    "Commands:\n"
    "  check URL --origin ORIGIN [options]   Send one request as fetch() would and explain the CORS verdict\n"
    "  run FILE.json [options]               Run a collection (or --folder) for each --origin; text grid, JSON, JUnit\n"
    "  import SOURCE [--to FILE.json]        Import curl commands, a HAR or a Postman collection (SOURCE - is stdin)\n"
    "  analyze FILE.har [--format json]      Evaluate the CORS exchanges recorded in a HAR, sending nothing\n"
    "  export FILE.json REQUEST              Print a saved request as curl commands (preflight and request)\n"
    "  lab [--port N]                        Run the CORS lab: a local server with one endpoint per common failure\n"
    "  report RESULT.json --out PATH         Write a ticket report (.md, .html, .png, .har) of check or run JSON\n\n"
    "Options:\n"
    "  --version    Print the version\n"
    "  --help       Print this help; 'corscope <command> --help' describes a command\n\n"
    "Exit status: 0 allowed, 1 blocked, 2 bad input (nothing sent), 3 network error.\n");

template<typename Command>
int runCommand(QCoreApplication *app, const QStringList &arguments)
{
    Command command;
    QObject::connect(&command, &Command::finished, app, [](int code) { QCoreApplication::exit(code); });
    const int immediate = command.start(arguments);
    return immediate >= 0 ? immediate : QCoreApplication::exec();
}
} // namespace

bool wantsWindow(int argc, char *argv[])
{
    if (argc < 2)
        return true;
    const char *first = argv[1];
    return std::strcmp(first, "--screenshot") == 0 || std::strncmp(first, "--screenshot=", 13) == 0
           || std::strcmp(first, "--demo") == 0;
}

bool paints(int argc, char *argv[])
{
    if (argc < 2)
        return false;
    const QString command = QString::fromLocal8Bit(argv[1]);
    if (command != u"report" && command != u"check")
        return false;
    QStringList arguments;
    for (int i = 2; i < argc; ++i)
        arguments.append(QString::fromLocal8Bit(argv[i]));
    return ReportWriter::argumentsNeedGui(arguments);
}

std::unique_ptr<QCoreApplication> createApplication(const std::function<std::unique_ptr<QCoreApplication>()> &create)
{
    // The variable is read when the application object is created, and removed again so that nothing
    // started later inherits it. Without it, 8,000 more eventfd writes for a 1,000-item `corscope run`.
    const bool chooseDispatcher = !qEnvironmentVariableIsSet("QT_NO_GLIB");
    if (chooseDispatcher)
        qputenv("QT_NO_GLIB", "1");
    std::unique_ptr<QCoreApplication> application = create();
    if (chooseDispatcher)
        qunsetenv("QT_NO_GLIB");
    QCoreApplication::setApplicationName(QStringLiteral("corscope"));
    QCoreApplication::setApplicationVersion(QStringLiteral(CORSCOPE_VERSION));
    return application;
}

int run(QCoreApplication *app)
{
    const QStringList arguments = QCoreApplication::arguments().mid(1);
    const QString command = arguments.value(0);
    const QStringList rest = arguments.mid(1);
    using Runner = int (*)(QCoreApplication *, const QStringList &);
    static constexpr std::pair<QStringView, Runner> commands[] = {
        {u"check", &runCommand<CheckCommand>},     {u"run", &runCommand<RunCommand>},
        {u"import", &runCommand<ImportCommand>},   {u"analyze", &runCommand<AnalyzeCommand>},
        {u"export", &runCommand<ExportCommand>},   {u"lab", &runCommand<LabCommand>},
        {u"report", &runCommand<ReportCommand>},
    };
    for (const auto &[name, runner] : commands) {
        if (command == name)
            return runner(app, rest);
    }
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

} // namespace corscope::commandline
