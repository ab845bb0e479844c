#include "cli/checkcommand.h"

#include "cli/consoleoutput.h"
#include "cli/exitcode.h"
#include "cli/terminaltext.h"
#include "cli/networkoptions.h"
#include "cli/requestoptions.h"
#include "store/requestinput.h"
#include "cli/textsummary.h"
#include "core/exchangejson.h"
#include "core/fixsnippet.h"
#include "core/preflightcache.h"
#include "net/exchangerunner.h"
#include "report/reportdata.h"
#include "report/reportwriter.h"

#include <QCommandLineParser>
#include <QJsonDocument>
#include <QJsonObject>

namespace corscope {

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
    RequestOptions::addTo(parser);
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

    const RequestInput input = RequestOptions::fromParser(parser, &errors);
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
    const TransportSetup transportSetup = NetworkOptions::fromParser(parser, &errors);
    const auto built = buildRequest(input, &errors,
                                    parser.isSet(QStringLiteral("drop-forbidden")) ? ForbiddenHeaders::Drop
                                                                                   : ForbiddenHeaders::Refuse);
    if (!errors.isEmpty() || !built) {
        errors.removeDuplicates();
        QString text;
        for (const QString &error : errors)
            text += u"corscope check: " + escapeControlCharacters(error) + u'\n';
        printError(text + u"Nothing was sent.\n");
        return ExitBadInput;
    }

    CompositeTransport *transport = transportSetup.create(this);
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
