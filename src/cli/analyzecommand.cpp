#include "cli/analyzecommand.h"

#include "cli/consoleoutput.h"
#include "cli/exitcode.h"
#include "cli/terminaltext.h"
#include "cli/textsummary.h"
#include "core/exchangejson.h"
#include "store/haranalysis.h"

#include <QCommandLineParser>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

namespace corscope {

namespace {
QJsonObject exchangeJson(const RecordedExchange &exchange, const BrowserProfile &profile)
{
    QJsonObject object = exchangeToJson(exchange.request, profile, exchange.result);
    object.insert(QStringLiteral("harEntry"), exchange.entryIndex + 1);
    object.insert(QStringLiteral("harPreflightEntry"),
                  exchange.preflightIndex >= 0 ? QJsonValue(exchange.preflightIndex + 1) : QJsonValue());
    object.insert(QStringLiteral("origin"), QString::fromUtf8(exchange.request.origin.serialize()));
    if (!exchange.note.isEmpty())
        object.insert(QStringLiteral("note"), exchange.note);
    return object;
}

// Writes the exchange exactly as QJsonDocument::toJson(Indented) lays out one element of the
// top-level array (four spaces deeper, no separator), so the streamed document is byte for byte the
// one a whole QJsonArray would give: the one-element array's "[\n" and "\n]\n" are left out.
void writeJsonArrayElement(const RecordedExchange &exchange, const BrowserProfile &profile)
{
    const QByteArray bytes =
        QJsonDocument(QJsonArray{exchangeJson(exchange, profile)}).toJson(QJsonDocument::Indented);
    Q_ASSERT(bytes.startsWith("[\n") && bytes.endsWith("\n]\n"));
    writeOut(QByteArrayView(bytes).sliced(2, bytes.size() - 5));
}

QString textEntry(const RecordedExchange &exchange, const BrowserProfile &profile, TextStyle style)
{
    QString text = QStringLiteral("── HAR entry %1%2\n")
                       .arg(exchange.entryIndex + 1)
                       .arg(exchange.preflightIndex >= 0
                                ? QStringLiteral(" (preflight: entry %1)").arg(exchange.preflightIndex + 1)
                                : QString());
    text += textSummary(exchange.request, profile, exchange.result, style);
    if (!exchange.note.isEmpty())
        text += u"Note: " + escapeControlCharacters(exchange.note) + u'\n';
    text += u'\n';
    return text;
}
} // namespace

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
            text += u"corscope analyze: " + escapeControlCharacters(error) + u'\n';
        printError(text);
        return ExitBadInput;
    }
    // Each exchange is written out as soon as it is evaluated and then dropped, so the output never
    // sits in memory whole (a 100 MB HAR prints about as much JSON).
    const bool json = format == u"json";
    const TextStyle style = stdoutWantsColor() ? TextStyle::Colored : TextStyle::Plain;
    qsizetype count = 0;
    qsizetype blocked = 0;
    if (json)
        writeOut("[\n");
    analyzeHar(*har, *profile, [&](RecordedExchange &&exchange) {
        blocked += exchange.result.verdict != Verdict::Allowed;
        if (json) {
            if (count > 0)
                writeOut(",\n");
            writeJsonArrayElement(exchange, *profile);
        } else {
            writeOut(textEntry(exchange, *profile, style).toUtf8());
        }
        ++count;
    });
    if (json) {
        // QJsonDocument's indented layout: "[\n" elements joined by ",\n" "\n]\n", or "[\n]\n" when empty.
        writeOut(count > 0 ? "\n]\n" : "]\n");
    } else {
        writeOut(QStringLiteral("%1 entries, %2 cross-origin request(s): %3 allowed, %4 blocked or failed.\n")
                     .arg(har->entries.size())
                     .arg(count)
                     .arg(count - blocked)
                     .arg(blocked)
                     .toUtf8());
    }
    flushOut();
    return blocked == 0 ? ExitAllowed : ExitBlocked;
}

} // namespace corscope
