#include "cli/analyzecommand.h"

#include "cli/consoleoutput.h"
#include "cli/exitcode.h"
#include "cli/textsummary.h"
#include "core/exchangejson.h"
#include "store/haranalysis.h"

#include <QCommandLineParser>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

namespace corscope {

AnalyzeCommand::AnalyzeCommand(QObject *parent)
    : QObject(parent)
{
}

int AnalyzeCommand::start(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Evaluate the cross-origin requests recorded in a HAR file with the engine, without sending anything. "
        "Exit status: 0 when all were allowed, 1 when any was blocked or failed, 2 on bad input."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("file"), QStringLiteral("A HAR 1.2 file (- for standard input)."));
    parser.addOption({QStringLiteral("format"), QStringLiteral("text (default) or json."), QStringLiteral("format"),
                      QStringLiteral("text")});
    parser.addOption({QStringLiteral("browser"), QStringLiteral("chromium (default), firefox or safari."),
                      QStringLiteral("name"), QStringLiteral("chromium")});
    if (!parser.parse(QStringList{QStringLiteral("corscope analyze")} + arguments)) {
        printError(u"corscope analyze: " + parser.errorText() + u"\nTry 'corscope analyze --help'.\n");
        return ExitBadInput;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        printOut(parser.helpText());
        return ExitAllowed;
    }
    const QString format = parser.value(QStringLiteral("format"));
    const auto profile = BrowserProfile::fromName(parser.value(QStringLiteral("browser")));
    QStringList errors;
    if (format != u"text" && format != u"json")
        errors.append(u"Unknown format '" + format + u"': use text or json.");
    if (!profile)
        errors.append(u"Unknown browser '" + parser.value(QStringLiteral("browser")) + u"': use chromium, firefox or safari.");
    if (parser.positionalArguments().size() != 1)
        errors.append(QStringLiteral("Give exactly one HAR file."));
    std::optional<HarLog> har;
    if (errors.isEmpty()) {
        const QString path = parser.positionalArguments().first();
        QFile file(path);
        const bool opened = path == u"-" ? file.open(stdin, QIODevice::ReadOnly) : file.open(QIODevice::ReadOnly);
        if (!opened) {
            errors.append(u"Cannot read " + path + u": " + file.errorString() + u'.');
        } else {
            // Only the JSON output shows response bodies.
            QString error;
            har = parseHar(file, &error, format == u"json" ? HarBodies::Keep : HarBodies::Skip);
            if (!har)
                errors.append(path + u": " + error + u'.');
        }
    }
    if (!errors.isEmpty()) {
        QString text;
        for (const QString &error : std::as_const(errors))
            text += u"corscope analyze: " + error + u'\n';
        printError(text);
        return ExitBadInput;
    }
    const QList<RecordedExchange> exchanges = analyzeHar(*har, *profile);
    bool allAllowed = true;
    QJsonArray array;
    QString text;
    const TextStyle style = stdoutWantsColor() ? TextStyle::Colored : TextStyle::Plain;
    for (const RecordedExchange &exchange : exchanges) {
        allAllowed = allAllowed && exchange.result.verdict == Verdict::Allowed;
        if (format == u"json") {
            QJsonObject object = exchangeToJson(exchange.request, *profile, exchange.result);
            object.insert(QStringLiteral("harEntry"), exchange.entryIndex + 1);
            object.insert(QStringLiteral("harPreflightEntry"),
                          exchange.preflightIndex >= 0 ? QJsonValue(exchange.preflightIndex + 1) : QJsonValue());
            object.insert(QStringLiteral("origin"), QString::fromUtf8(exchange.request.origin.serialize()));
            if (!exchange.note.isEmpty())
                object.insert(QStringLiteral("note"), exchange.note);
            array.append(object);
        } else {
            text += QStringLiteral("── HAR entry %1%2\n")
                        .arg(exchange.entryIndex + 1)
                        .arg(exchange.preflightIndex >= 0
                                 ? QStringLiteral(" (preflight: entry %1)").arg(exchange.preflightIndex + 1)
                                 : QString());
            text += textSummary(exchange.request, *profile, exchange.result, style);
            if (!exchange.note.isEmpty())
                text += u"Note: " + exchange.note + u'\n';
            text += u'\n';
        }
    }
    if (format == u"json") {
        printOut(QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Indented)));
    } else {
        int blocked = 0;
        for (const RecordedExchange &exchange : exchanges)
            blocked += exchange.result.verdict != Verdict::Allowed;
        text += QStringLiteral("%1 entries, %2 cross-origin request(s): %3 allowed, %4 blocked or failed.\n")
                    .arg(har->entries.size())
                    .arg(exchanges.size())
                    .arg(exchanges.size() - blocked)
                    .arg(blocked);
        printOut(text);
    }
    return allAllowed ? ExitAllowed : ExitBlocked;
}

} // namespace corscope
