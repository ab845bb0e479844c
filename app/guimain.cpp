#include "guimain.h"
#include "windowassembly.h"

#include "cli/consoleoutput.h"
#include "net/labserver.h"
#include "ui/appicon.h"
#include "ui/collectionbridge.h"
#include "ui/democollection.h"
#include "ui/historystore.h"
#include "ui/mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QImage>
#include <QPixmap>
#include <QScreen>
#include <QSettings>
#include <QTimer>
#include <cstdio>
#include <memory>

namespace corscope {

namespace {
constexpr int screenshotTimeoutMs = 30000;

// Prints when the window first painted (the cold-start figure of the benchmarks).
class FirstPaintReporter final : public QObject
{
public:
    FirstPaintReporter(std::chrono::steady_clock::time_point started, QObject *parent)
        : QObject(parent)
        , m_started(started)
    { }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint && !m_reported) {
            m_reported = true;
            std::fprintf(
                stderr, "corscope: first paint %.1f ms after main()\n", std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - m_started).count());
        }
        return QObject::eventFilter(watched, event);
    }

private:
    std::chrono::steady_clock::time_point m_started;
    bool m_reported = false;
};
} // namespace

int runGui(int &argc, char **argv, std::chrono::steady_clock::time_point started)
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("corscope"));
    QApplication::setOrganizationName(QStringLiteral("corscope"));
    QApplication::setApplicationVersion(QStringLiteral(CORSCOPE_VERSION));
    QApplication::setWindowIcon(appIcon());
    QGuiApplication::setDesktopFileName(QStringLiteral("corscope"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("The corscope window."));
    parser.addHelpOption();
    parser.addOption({QStringLiteral("screenshot"),
        QStringLiteral("Open the window on the lab, send the first demo request, save a PNG of the "
                       "window to FILE once the explanation is shown, and exit."),
        QStringLiteral("file")});
    parser.addOption({QStringLiteral("demo"),
        QStringLiteral("Send the first failing demo request right away (what `make run` shows).")});
    if (!parser.parse(QApplication::arguments())) {
        printError(u"corscope: " + parser.errorText() + u"\nTry 'corscope --help'.\n");
        return 2;
    }
    if (!parser.positionalArguments().isEmpty()) {
        printError(u"corscope: unknown command '" + parser.positionalArguments().first()
            + u"'\nTry 'corscope --help'.\n");
        return 2;
    }
    const QString screenshotPath = parser.value(QStringLiteral("screenshot"));

    // The lab's usual port when it is free (the URLs people see match `corscope lab`), else any.
    LabServer lab;
    const bool labRunning = lab.listen(LabServer::defaultPort) || lab.listen(0);
    if (!labRunning)
        printError(u"corscope: the lab server did not start: " + lab.errorString() + u'\n');

    // A screenshot shows the demo alone, never the history of the person running it.
    std::unique_ptr<HistoryStore> history;
    if (screenshotPath.isEmpty())
        history = std::make_unique<HistoryStore>(HistoryStore::defaultPath());
    // The window sends as `corscope check` does: the same transport set-up, with its defaults.
    WindowAssembly assembly(TransportSetup{}, history.get());
    MainWindow &window = assembly.window();
    // The demo is offered in the collection tree; it is opened in the composer (over the request
    // restored from last time) only when it is sent now: a first start, --demo or a screenshot.
    bool hasDemo = false;
    if (labRunning) {
        QString error;
        if (const auto demo = demoCollection(lab.port(), &error)) {
            window.setDemoCollection(*demo);
            hasDemo = true;
            window.setLabPort(lab.port());
        } else {
            printError(u"corscope: " + error + u'\n');
        }
    }
    // The first start explains a real failure at once; later starts open where the user left off.
    QSettings settings;
    const bool firstStart = !settings.value(QStringLiteral("demo/shown"), false).toBool();
    const bool sendDemo = hasDemo && (firstStart || parser.isSet(QStringLiteral("demo")));

    // A first start fits the screen it opens on: a 1280×720 laptop must still see the status bar.
    if (screenshotPath.isEmpty() && !settings.contains(QStringLiteral("window/geometry"))) {
        if (const QScreen *screen = QGuiApplication::primaryScreen())
            window.resize(window.size().boundedTo(screen->availableGeometry().size()));
    }

    if (qEnvironmentVariableIntValue("CORSCOPE_PRINT_STARTUP") == 1)
        window.installEventFilter(new FirstPaintReporter(started, &window));

    if (!screenshotPath.isEmpty()) {
        if (!hasDemo)
            return 3;
        window.resize(MainWindow::defaultSize());
        QObject::connect(&window, &MainWindow::exchangeShown, &window, [&window, screenshotPath] {
            // Let the layout settle (one event-loop turn), then grab what a person would see.
            QTimer::singleShot(0, &window, [&window, screenshotPath] {
                const QImage image = window.renderImage();
                if (!image.save(screenshotPath, "PNG")) {
                    printError(u"corscope: cannot write " + screenshotPath + u'\n');
                    QApplication::exit(1);
                    return;
                }
                printOut(u"corscope: wrote " + screenshotPath + u" (" + QString::number(image.width()) + u'×'
                    + QString::number(image.height()) + u")\n");
                QApplication::exit(0);
            });
        });
        QTimer::singleShot(screenshotTimeoutMs, &window, [] {
            printError(
                QStringLiteral("corscope: the demo request did not finish within 30 s; no screenshot.\n"));
            QApplication::exit(3);
        });
        window.show();
        QObject::connect(window.collections(), &CollectionBridge::demoShown, &window, [&window] { window.sendCurrentRequest(); });
        window.showDemo();
        return QApplication::exec();
    }

    window.show();
    if (sendDemo) {
        settings.setValue(QStringLiteral("demo/shown"), true);
        QObject::connect(window.collections(), &CollectionBridge::demoShown, &window, [&window](bool opened) {
            if (opened)
                window.sendCurrentRequest();
        });
        window.showDemo();
    }
    return QApplication::exec();
}

} // namespace corscope
