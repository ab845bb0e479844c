#include "guimain.h"

#include "cli/consoleoutput.h"
#include "net/labserver.h"
#include "net/qnamtransport.h"
#include "ui/exchangesession.h"
#include "ui/historystore.h"
#include "ui/mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QImage>
#include <QPixmap>
#include <QTimer>
#include <cstdio>
#include <memory>

namespace corscope {

namespace {
constexpr int screenshotTimeoutMs = 30000;

// The Examples menu: one request per lab endpoint, the fetch() that shows its problem.
QList<ExampleRequest> labExamples(const LabServer &lab)
{
    QList<ExampleRequest> examples;
    for (const LabEndpoint &endpoint : LabServer::endpoints()) {
        ExampleRequest example;
        example.title = endpoint.title;
        example.description = endpoint.demonstrates;
        example.input.method = QString::fromLatin1(endpoint.method);
        example.input.url = QString::fromUtf8(lab.url(QString::fromLatin1(endpoint.path)).toEncoded());
        example.input.origin = QString::fromLatin1(LabServer::pageOrigin());
        for (const HeaderField &field : endpoint.headers)
            example.input.headerLines.append(QString::fromLatin1(field.name + ": " + field.value));
        example.input.body = endpoint.body;
        example.input.credentials = credentialsModeName(endpoint.credentials);
        examples.append(example);
    }
    return examples;
}

// The example the window opens with: the first one that fails, so a first start shows a real
// failure explained (the first endpoint is the correct configuration).
int firstFailingExample(const QList<ExampleRequest> &examples)
{
    for (int i = 0; i < examples.size(); ++i) {
        if (!examples.at(i).input.url.endsWith(u"/ok"))
            return i;
    }
    return 0;
}

// Prints when the window first painted (the cold-start figure of the benchmarks).
class FirstPaintReporter final : public QObject
{
public:
    FirstPaintReporter(const QElapsedTimer &clock, QObject *parent)
        : QObject(parent)
        , m_clock(clock)
    { }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint && !m_reported) {
            m_reported = true;
            std::fprintf(
                stderr, "corscope: first paint %.1f ms after main()\n", double(m_clock.nsecsElapsed()) / 1e6);
        }
        return QObject::eventFilter(watched, event);
    }

private:
    const QElapsedTimer &m_clock;
    bool m_reported = false;
};
} // namespace

int runGui(int &argc, char **argv, const QElapsedTimer &startClock)
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("corscope"));
    QApplication::setOrganizationName(QStringLiteral("corscope"));
    QApplication::setApplicationVersion(QStringLiteral(CORSCOPE_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("The corscope window."));
    parser.addHelpOption();
    parser.addOption({QStringLiteral("screenshot"),
        QStringLiteral("Open the window on the lab, send the first demo request, save a PNG of the "
                       "window to FILE once the explanation is shown, and exit."),
        QStringLiteral("file")});
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

    LabServer lab;
    const bool labRunning = lab.listen(0);
    if (!labRunning)
        printError(u"corscope: the lab server did not start: " + lab.errorString() + u'\n');

    QnamTransport transport;
    ExchangeSession session(&transport);
    // A screenshot shows the demo alone, never the history of the person running it.
    std::unique_ptr<HistoryStore> history;
    if (screenshotPath.isEmpty())
        history = std::make_unique<HistoryStore>(HistoryStore::defaultPath());
    MainWindow window(&session, history.get());
    if (labRunning) {
        const QList<ExampleRequest> examples = labExamples(lab);
        window.setExamples(examples);
        window.loadExample(firstFailingExample(examples));
    }

    if (qEnvironmentVariableIntValue("CORSCOPE_PRINT_STARTUP") == 1)
        window.installEventFilter(new FirstPaintReporter(startClock, &window));

    if (!screenshotPath.isEmpty()) {
        if (!labRunning)
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
        QTimer::singleShot(0, &window, [&window] { window.sendCurrentRequest(); });
        return QApplication::exec();
    }

    window.show();
    return QApplication::exec();
}

} // namespace corscope
