// corscope-window-check: `corscope check URL [options]` answered by the window instead of the command
// line. The real MainWindow is built offscreen by WindowAssembly, as guimain.cpp builds it; the
// request goes into the composer and out through MainWindow::sendCurrentRequest(), and the exchange
// the window then shows is printed as `corscope check --format json` prints its own (with its exit
// code). run-agreement.mjs --window runs browser scenarios through it and compares with Chromium.
#include "cli/consoleoutput.h"
#include "cli/exitcode.h"
#include "cli/networkoptions.h"
#include "cli/requestoptions.h"
#include "core/exchangejson.h"
#include "ui/composerpanel.h"
#include "ui/mainwindow.h"
#include "ui/timelinemodel.h"
#include "windowassembly.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QJsonDocument>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTimer>

using namespace corscope;

namespace {

// Settings, the working state and collections go to a directory of this run, never a person's.
void isolateFiles(const QTemporaryDir &home)
{
    qputenv("HOME", home.path().toLocal8Bit());
    qputenv("XDG_CONFIG_HOME", (home.path() + u"/config").toLocal8Bit());
    qputenv("XDG_DATA_HOME", (home.path() + u"/data").toLocal8Bit());
    qputenv("XDG_CACHE_HOME", (home.path() + u"/cache").toLocal8Bit());
    qputenv("XDG_STATE_HOME", (home.path() + u"/state").toLocal8Bit());
}

} // namespace

int main(int argc, char *argv[])
{
    // No screen is needed, and none is used even when one is there.
    qputenv("QT_QPA_PLATFORM", "offscreen");
    const QTemporaryDir home;
    if (!home.isValid()) {
        printError(QStringLiteral("corscope-window-check: no temporary directory\n"));
        return ExitBadInput;
    }
    isolateFiles(home);
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("corscope-window-check"));
    QApplication::setOrganizationName(QStringLiteral("corscope"));
    QStandardPaths::setTestModeEnabled(true);

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Send a request through the corscope window (offscreen) and print the exchange it "
                       "shows as `corscope check --format json` does."));
    parser.addHelpOption();
    RequestOptions::addTo(parser);
    NetworkOptions::addTo(parser);
    if (!parser.parse(QApplication::arguments())) {
        printError(u"corscope-window-check: " + parser.errorText() + u'\n');
        return ExitBadInput;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        printOut(parser.helpText());
        return ExitAllowed;
    }

    QStringList errors;
    const RequestInput input = RequestOptions::fromParser(parser, &errors);
    const TransportSetup setup = NetworkOptions::fromParser(parser, &errors);
    if (!errors.isEmpty()) {
        printError(u"corscope-window-check: " + errors.join(u"\ncorscope-window-check: ") + u'\n');
        return ExitBadInput;
    }

    WindowAssembly assembly(setup);
    MainWindow &window = assembly.window();
    QObject::connect(&window, &MainWindow::exchangeShown, &window, [&window](int exchangeId) {
        const TimelineModel *timeline = window.timelineModel();
        const ExchangeRecordPtr record = timeline->exchangeAt(timeline->focusRowOfExchange(exchangeId));
        if (!record || record->running)
            return;
        printOut(
            QString::fromUtf8(QJsonDocument(exchangeToJson(record->request, record->profile, record->result))
                                  .toJson(QJsonDocument::Indented)));
        QApplication::exit(exitCodeFor(record->result.verdict));
    });
    // Far past the transport's own limits (a hop gives up after four silent timeouts): a window that
    // never shows a result is a failure of its own.
    QTimer::singleShot(setup.timeoutMs * 8, &window, [] {
        printError(QStringLiteral("corscope-window-check: the window showed no finished exchange.\n"));
        QApplication::exit(ExitBadInput);
    });
    window.show();
    window.composer()->setInput(input);
    if (!window.sendCurrentRequest()) {
        printError(QStringLiteral("corscope-window-check: the window refused to send the request.\n"));
        return ExitBadInput;
    }
    return QApplication::exec();
}
