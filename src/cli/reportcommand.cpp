#include "cli/reportcommand.h"

#include "cli/consoleoutput.h"
#include "cli/exitcode.h"
#include "cli/terminaltext.h"
#include "report/reportdata.h"
#include "report/reportwriter.h"

#include <QCommandLineParser>
#include <QFile>

namespace corscope {

namespace {
constexpr qint64 maxResultBytes = 256 * 1024 * 1024;
} // namespace

ReportCommand::ReportCommand(QObject *parent)
    : QObject(parent)
{
}

int ReportCommand::start(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Write a bug-ticket report of a corscope result: the JSON of `corscope check --format json` or of "
        "`corscope run`. The format follows the extension of --out: .md, .html, .png or .har. Secrets "
        "(Authorization, cookies, API keys, tokens in URLs and bodies) are masked unless --no-redact."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("result"), QStringLiteral("The JSON output of check or run."));
    parser.addOption({{QStringLiteral("o"), QStringLiteral("out")},
                      QStringLiteral("The report file: .md, .html, .png or .har."), QStringLiteral("path")});
    parser.addOption({QStringLiteral("no-redact"), QStringLiteral("Keep secrets in the report (explicit choice).")});
    parser.addOption({QStringLiteral("redact-pattern"),
                      QStringLiteral("Also mask what this regular expression matches (its groups, if any). Repeatable."),
                      QStringLiteral("regex")});
    parser.addOption({QStringLiteral("stack"),
                      QStringLiteral("The server fix to show: express (default), fastapi, django, flask, nextjs, "
                                     "nginx, apache, go, or none."),
                      QStringLiteral("name")});
    if (!parser.parse(QStringList{QStringLiteral("corscope report")} + arguments)) {
        printError(u"corscope report: " + parser.errorText() + u"\nTry 'corscope report --help'.\n");
        return ExitBadInput;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        printOut(parser.helpText());
        return ExitAllowed;
    }
    QStringList errors;
    ReportOptions options;
    options.redact = !parser.isSet(QStringLiteral("no-redact"));
    for (const QString &pattern : parser.values(QStringLiteral("redact-pattern"))) {
        QRegularExpression re(pattern);
        if (!re.isValid())
            errors.append(u"invalid --redact-pattern '" + pattern + u"': " + re.errorString() + u'.');
        options.redactPatterns.append(re);
    }
    if (parser.isSet(QStringLiteral("stack"))) {
        const QString name = parser.value(QStringLiteral("stack"));
        if (name == u"none") {
            options.stack.reset();
        } else if (auto stack = serverStackFromName(name)) {
            options.stack = *stack;
        } else {
            errors.append(u"unknown --stack '" + name
                          + u"': use express, fastapi, django, flask, nextjs, nginx, apache, go or none.");
        }
    }
    const QString out = parser.value(QStringLiteral("out"));
    if (out.isEmpty())
        errors.append(QStringLiteral("give the report file with --out PATH (.md, .html, .png or .har)."));
    else if (!ReportWriter::formatForPath(out))
        errors.append(u"cannot tell the report format from '" + out + u"': use " + ReportWriter::supportedExtensions()
                      + u'.');
    std::optional<ReportData> data;
    if (parser.positionalArguments().size() != 1) {
        errors.append(QStringLiteral("give exactly one result file (the JSON of check or run)."));
    } else if (errors.isEmpty()) {
        QFile file(parser.positionalArguments().first());
        if (!file.open(QIODevice::ReadOnly)) {
            errors.append(u"cannot read " + file.fileName() + u": " + file.errorString() + u'.');
        } else if (file.size() > maxResultBytes) {
            errors.append(file.fileName() + u" is larger than 256 MiB.");
        } else {
            QString error;
            data = ReportData::fromJson(file.readAll(), options, &error);
            if (!data)
                errors.append(file.fileName() + u": " + error + u'.');
        }
    }
    if (!errors.isEmpty()) {
        QString text;
        for (const QString &error : std::as_const(errors))
            text += u"corscope report: " + escapeControlCharacters(error) + u'\n';
        printError(text);
        return ExitBadInput;
    }
    const QString error = ReportWriter::write(*data, out);
    if (!error.isEmpty()) {
        printError(u"corscope report: " + error + u".\n");
        return ExitBadInput;
    }
    printError(u"corscope report: wrote " + out + (options.redact ? QStringLiteral(" (secrets redacted)\n") : QStringLiteral(" (NOT redacted)\n")));
    return ExitAllowed;
}

} // namespace corscope
