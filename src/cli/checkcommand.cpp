#include "cli/checkcommand.h"

#include "cli/consoleoutput.h"
#include "cli/exitcode.h"
#include "cli/networkoptions.h"
#include "store/requestinput.h"
#include "cli/textsummary.h"
#include "core/exchangejson.h"
#include "core/fixsnippet.h"
#include "core/preflightcache.h"
#include "net/exchangerunner.h"
#include "net/compositetransport.h"
#include "report/reportdata.h"
#include "report/reportwriter.h"

#include <QCommandLineParser>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

namespace corscope {

namespace {
constexpr qint64 maxDataFileBytes = 64 * 1024 * 1024;
} // namespace

CheckCommand::CheckCommand(QObject *parent)
    : QObject(parent)
    , m_cache(std::make_unique<PreflightCache>())
{
}

CheckCommand::~CheckCommand() = default;

int CheckCommand::start(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Send a request the way browser JavaScript would (fetch() from a page origin), with the "
                       "CORS preflight when one is needed, and report whether the browser would allow it."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("url"), QStringLiteral("The URL the page fetches."));
    parser.addOption({QStringLiteral("origin"), QStringLiteral("The origin of the page making the request."),
                      QStringLiteral("origin")});
    parser.addOption({{QStringLiteral("X"), QStringLiteral("method")}, QStringLiteral("The method (default GET)."),
                      QStringLiteral("method")});
    parser.addOption({{QStringLiteral("H"), QStringLiteral("header")},
                      QStringLiteral("A request header the script sets, 'Name: value'. Repeatable."),
                      QStringLiteral("header")});
    parser.addOption({QStringLiteral("credentials"),
                      QStringLiteral("fetch() credentials mode: omit, same-origin (default) or include."),
                      QStringLiteral("mode")});
    parser.addOption({{QStringLiteral("d"), QStringLiteral("data")}, QStringLiteral("The request body."),
                      QStringLiteral("body")});
    parser.addOption({QStringLiteral("data-file"), QStringLiteral("Read the request body from FILE."),
                      QStringLiteral("file")});
    parser.addOption({QStringLiteral("redirect"), QStringLiteral("fetch() redirect mode: follow (default), error or manual."),
                      QStringLiteral("mode")});
    parser.addOption({QStringLiteral("browser"), QStringLiteral("Browser profile: chromium (default), firefox or safari."),
                      QStringLiteral("name")});
    parser.addOption({QStringLiteral("format"), QStringLiteral("Output: text (default) or json."),
                      QStringLiteral("format")});
    parser.addOption({QStringLiteral("stack"),
                      QStringLiteral("Also print the server fix for this stack: express, fastapi, django, flask, "
                                     "nextjs, nginx, apache or go."),
                      QStringLiteral("stack")});
    parser.addOption({QStringLiteral("drop-forbidden"),
                      QStringLiteral("Send the request without forbidden headers (Cookie, Host, Sec-*, ...), silently "
                                     "as the browser does, instead of refusing it.")});
    parser.addOption({QStringLiteral("report"),
                      QStringLiteral("Also write a bug-ticket report after the check: .md, .html, .png or .har "
                                     "(secrets redacted)."),
                      QStringLiteral("path")});
    NetworkOptions::addTo(parser);

    QStringList errors;
    if (!parser.parse(QStringList{QStringLiteral("corscope check")} + arguments)) {
        printError(u"corscope check: " + parser.errorText() + u"\nTry 'corscope check --help'.\n");
        return ExitBadInput;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        printOut(parser.helpText());
        return ExitAllowed;
    }

    RequestInput input;
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1)
        errors.append(QStringLiteral("Give exactly one URL."));
    else
        input.url = positional.first();
    input.origin = parser.value(QStringLiteral("origin"));
    if (parser.isSet(QStringLiteral("method")))
        input.method = parser.value(QStringLiteral("method"));
    input.headerLines = parser.values(QStringLiteral("header"));
    if (parser.isSet(QStringLiteral("credentials")))
        input.credentials = parser.value(QStringLiteral("credentials"));
    if (parser.isSet(QStringLiteral("redirect")))
        input.redirect = parser.value(QStringLiteral("redirect"));
    if (parser.isSet(QStringLiteral("browser")))
        input.browser = parser.value(QStringLiteral("browser"));
    if (parser.isSet(QStringLiteral("data")) && parser.isSet(QStringLiteral("data-file")))
        errors.append(QStringLiteral("Use either --data or --data-file, not both."));
    if (parser.isSet(QStringLiteral("data"))) {
        input.body = parser.value(QStringLiteral("data")).toUtf8();
    } else if (parser.isSet(QStringLiteral("data-file"))) {
        QFile file(parser.value(QStringLiteral("data-file")));
        if (!file.open(QIODevice::ReadOnly))
            errors.append(u"Cannot read --data-file " + file.fileName() + u": " + file.errorString() + u'.');
        else if (file.size() > maxDataFileBytes)
            errors.append(u"--data-file " + file.fileName() + u" is larger than 64 MiB.");
        else
            input.body = file.readAll();
    }
    const QString format = parser.value(QStringLiteral("format")).isEmpty() ? QStringLiteral("text")
                                                                            : parser.value(QStringLiteral("format"));
    if (format != u"text" && format != u"json")
        errors.append(u"Unknown --format '" + format + u"': use text or json.");

    std::optional<ServerStack> stack;
    if (parser.isSet(QStringLiteral("stack"))) {
        stack = serverStackFromName(parser.value(QStringLiteral("stack")));
        if (!stack)
            errors.append(u"Unknown --stack '" + parser.value(QStringLiteral("stack"))
                          + u"': use express, fastapi, django, flask, nextjs, nginx, apache or go.");
    }
    const QString reportPath = parser.value(QStringLiteral("report"));
    if (parser.isSet(QStringLiteral("report")) && !ReportWriter::formatForPath(reportPath))
        errors.append(u"Cannot tell the report format from '" + reportPath + u"': use "
                      + ReportWriter::supportedExtensions() + u'.');
    const NetworkOptions network = NetworkOptions::fromParser(parser, &errors);
    const auto built = buildRequest(input, &errors,
                                    parser.isSet(QStringLiteral("drop-forbidden")) ? ForbiddenHeaders::Drop
                                                                                   : ForbiddenHeaders::Refuse);
    if (!errors.isEmpty() || !built) {
        errors.removeDuplicates();
        QString text;
        for (const QString &error : errors)
            text += u"corscope check: " + error + u'\n';
        printError(text + u"Nothing was sent.\n");
        return ExitBadInput;
    }

    CompositeTransport *transport = network.createTransport(this);
    auto *runner = new ExchangeRunner(built->request, built->profile, m_cache.get(), transport, this);
    connect(runner, &ExchangeRunner::finished, this,
            [this, request = built->request, profile = built->profile, format, stack,
             reportPath](const ExchangeResult &result) {
                QString snippet;
                if (stack && result.verdict != Verdict::NetworkError)
                    snippet = fixSnippet(*stack, corsRequirements(request, profile), result.failure);
                if (format == u"json") {
                    QJsonObject object = exchangeToJson(request, profile, result);
                    if (stack) {
                        object.insert(QStringLiteral("serverFix"),
                                      QJsonObject{{QStringLiteral("stack"), serverStackName(*stack)},
                                                  {QStringLiteral("snippet"), snippet}});
                    }
                    printOut(QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Indented)));
                } else {
                    QString text = textSummary(request, profile, result,
                                               stdoutWantsColor() ? TextStyle::Colored : TextStyle::Plain);
                    if (!snippet.isEmpty())
                        text += u"\nServer fix, " + serverStackDisplayName(*stack) + u":\n\n" + snippet;
                    printOut(text);
                }
                if (!reportPath.isEmpty()) {
                    ReportOptions options;
                    if (stack)
                        options.stack = *stack;
                    QString error;
                    const auto data = ReportData::fromValue(exchangeToJson(request, profile, result), options, &error);
                    if (data)
                        error = ReportWriter::write(*data, reportPath);
                    printError(error.isEmpty() ? QString(u"corscope check: report written to " + reportPath + u" (secrets redacted)\n")
                                               : QString(u"corscope check: no report: " + error + u".\n"));
                }
                Q_EMIT finished(exitCodeFor(result.verdict));
            });
    runner->start();
    return -1;
}

} // namespace corscope
