#include "cli/labcommand.h"

#include "cli/consoleoutput.h"
#include "cli/exitcode.h"
#include "cli/terminaltext.h"
#include "net/labserver.h"

#include <QCommandLineParser>
#include <QSocketNotifier>
#include <QTime>
#include <csignal>
#include <sys/socket.h>
#include <unistd.h>

namespace corscope {

namespace {
// The self-pipe for SIGINT/SIGTERM: the handler may only write(); the event loop reads the other end.
int signalSockets[2] = {-1, -1};

void onSignal(int)
{
    const char byte = 1;
    [[maybe_unused]] const ssize_t written = ::write(signalSockets[0], &byte, 1);
}

QString shellQuoted(const QString &text)
{
    static const QString safe
        = QStringLiteral("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./:=@,+");
    bool plain = !text.isEmpty();
    for (const QChar c : text)
        plain = plain && safe.contains(c);
    if (plain)
        return text;
    QString quoted = text;
    quoted.replace(u'\'', QStringLiteral("'\\''"));
    return u'\'' + quoted + u'\'';
}

// The `corscope check` command line that shows the endpoint's problem.
QString checkCommandFor(const LabEndpoint &endpoint, const QUrl &url)
{
    QString command = u"corscope check " + QString::fromUtf8(url.toEncoded()) + u" --origin "
        + QString::fromUtf8(LabServer::pageOrigin());
    if (endpoint.method != "GET")
        command += u" -X " + QString::fromUtf8(endpoint.method);
    for (const HeaderField &field : endpoint.headers)
        command += u" -H " + shellQuoted(QString::fromUtf8(field.name + ": " + field.value));
    if (!endpoint.body.isEmpty())
        command += u" -d " + shellQuoted(QString::fromUtf8(endpoint.body));
    if (endpoint.credentials != CredentialsMode::SameOrigin)
        command += u" --credentials " + credentialsModeName(endpoint.credentials);
    return command;
}
} // namespace

LabCommand::LabCommand(QObject *parent)
    : QObject(parent)
{ }

LabCommand::~LabCommand()
{
    if (signalSockets[0] >= 0) {
        std::signal(SIGINT, SIG_DFL);
        std::signal(SIGTERM, SIG_DFL);
        ::close(signalSockets[0]);
        ::close(signalSockets[1]);
        signalSockets[0] = signalSockets[1] = -1;
    }
}

int LabCommand::start(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Run the CORS lab: a server on 127.0.0.1 whose endpoints each reproduce one common CORS failure "
        "(plus one "
        "correct configuration), for trying corscope, the browser or your own client. Stop it with Ctrl+C."));
    parser.addHelpOption();
    parser.addOption({QStringLiteral("port"),
        QStringLiteral("Listen on PORT (default %1; 0 picks a free port).").arg(LabServer::defaultPort),
        QStringLiteral("port")});
    parser.addOption({QStringLiteral("quiet"), QStringLiteral("Do not print a line for each request.")});
    if (!parser.parse(QStringList{QStringLiteral("corscope lab")} + arguments)) {
        printError(u"corscope lab: " + parser.errorText() + u"\nTry 'corscope lab --help'.\n");
        return ExitBadInput;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        printOut(parser.helpText());
        return ExitAllowed;
    }
    if (!parser.positionalArguments().isEmpty()) {
        printError(QStringLiteral("corscope lab: unexpected argument '%1'.\nTry 'corscope lab --help'.\n")
                       .arg(parser.positionalArguments().first()));
        return ExitBadInput;
    }
    quint16 port = LabServer::defaultPort;
    if (parser.isSet(QStringLiteral("port"))) {
        bool ok = false;
        const uint value = parser.value(QStringLiteral("port")).toUInt(&ok);
        if (!ok || value > 65535) {
            printError(u"corscope lab: --port must be a number from 0 to 65535, not '"
                + parser.value(QStringLiteral("port")) + u"'.\n");
            return ExitBadInput;
        }
        port = quint16(value);
    }
    m_quiet = parser.isSet(QStringLiteral("quiet"));

    m_lab = new LabServer(this);
    if (!m_lab->listen(port)) {
        printError(u"corscope lab: cannot listen on 127.0.0.1:" + QString::number(port) + u": "
            + m_lab->errorString()
            + u".\nIs another lab or server using that port? Choose another one with --port, or --port 0 "
              u"for any free port.\n");
        return ExitBadInput;
    }
    if (!watchTerminationSignals()) {
        printError(QStringLiteral("corscope lab: cannot watch for Ctrl+C; stop the lab with kill.\n"));
    }
    if (!m_quiet) {
        connect(m_lab, &LabServer::requestAnswered, this,
            [](const QByteArray &method, const QByteArray &target, int status) {
                printOut(QTime::currentTime().toString(QStringLiteral("HH:mm:ss.zzz")) + u"  "
                    + escapeControlCharacters(QString::fromUtf8(method)) + u' '
                    + escapeControlCharacters(QString::fromUtf8(target)) + u" -> "
                    + QString::number(status) + u'\n');
            });
    }

    const QUrl url = m_lab->url();
    QString text = u"corscope lab listening on " + QString::fromUtf8(url.toEncoded())
        + u" (also http://127.0.0.1:" + QString::number(m_lab->port()) + u"/, a different origin)\n"
        + u"The examples are fetch() calls from a page at " + QString::fromUtf8(LabServer::pageOrigin())
        + u".\n\n";
    for (const LabEndpoint &endpoint : LabServer::endpoints()) {
        text += u"  " + QString::fromUtf8(endpoint.path).leftJustified(24) + endpoint.title + u'\n';
        text += u"      " + checkCommandFor(endpoint, m_lab->url(QString::fromUtf8(endpoint.path))) + u'\n';
    }
    text += u"\nGET " + QString::fromUtf8(url.toEncoded())
        + u" lists the endpoints (JSON, or HTML in a browser). Press Ctrl+C to stop.\n\n";
    printOut(text);
    return -1;
}

bool LabCommand::watchTerminationSignals()
{
    if (signalSockets[0] >= 0 || ::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, signalSockets) != 0)
        return false;
    auto *notifier = new QSocketNotifier(signalSockets[1], QSocketNotifier::Read, this);
    connect(notifier, &QSocketNotifier::activated, this, &LabCommand::onTerminationSignal);
    struct sigaction action = {};
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    return ::sigaction(SIGINT, &action, nullptr) == 0 && ::sigaction(SIGTERM, &action, nullptr) == 0;
}

void LabCommand::onTerminationSignal()
{
    char byte = 0;
    [[maybe_unused]] const ssize_t count = ::read(signalSockets[1], &byte, 1);
    m_lab->close();
    if (!m_quiet)
        printOut(QStringLiteral("Lab stopped.\n"));
    Q_EMIT finished(ExitAllowed);
}

} // namespace corscope
