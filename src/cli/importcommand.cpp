#include "cli/importcommand.h"

#include "cli/consoleoutput.h"
#include "cli/exitcode.h"
#include "cli/terminaltext.h"
#include "store/collectionfile.h"
#include "store/importer.h"

#include <QCommandLineParser>
#include <QFile>
#include <QFileInfo>

namespace corscope {

namespace {
constexpr qint64 maxImportBytes = 1024LL * 1024 * 1024;
} // namespace

ImportCommand::ImportCommand(QObject *parent)
    : QObject(parent)
{
}

int ImportCommand::start(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Import cURL commands (Chrome/Firefox \"Copy as cURL\", bash or cmd), a HAR 1.2 file or a Postman "
        "collection v2.1 into a corscope collection. The format is detected."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("source"), QStringLiteral("A file, or - for standard input."));
    parser.addOption({QStringLiteral("to"),
                      QStringLiteral("Add the requests to this collection file (created when missing) instead of "
                                     "printing a new collection."),
                      QStringLiteral("file")});
    if (!parser.parse(QStringList{QStringLiteral("corscope import")} + arguments)) {
        printError(u"corscope import: " + parser.errorText() + u"\nTry 'corscope import --help'.\n");
        return ExitBadInput;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        printOut(parser.helpText());
        return ExitAllowed;
    }
    if (parser.positionalArguments().size() != 1) {
        printError(QStringLiteral("corscope import: give exactly one source (a file, or - for standard input).\n"));
        return ExitBadInput;
    }
    const QString source = parser.positionalArguments().first();
    QFile file;
    if (source == u"-") {
        if (!file.open(stdin, QIODevice::ReadOnly)) {
            printError(QStringLiteral("corscope import: cannot read standard input.\n"));
            return ExitBadInput;
        }
    } else {
        file.setFileName(source);
        if (!file.open(QIODevice::ReadOnly)) {
            printError(u"corscope import: cannot read " + source + u": " + file.errorString() + u".\n");
            return ExitBadInput;
        }
    }
    // A file is mapped rather than read: a big HAR then costs its parsed fields, not a copy of it.
    QByteArray data;
    if (!file.isSequential() && file.size() > 0 && file.size() <= maxImportBytes) {
        if (const uchar *mapped = file.map(0, file.size()))
            data = QByteArray::fromRawData(reinterpret_cast<const char *>(mapped), file.size());
    }
    if (data.isEmpty())
        data = file.read(maxImportBytes + 1);
    if (data.size() > maxImportBytes) {
        printError(u"corscope import: " + source + u" is larger than 1 GiB.\n");
        return ExitBadInput;
    }
    QString error;
    ImportFormat format = ImportFormat::Unknown;
    auto imported = importData(data, &error, &format);
    if (!imported) {
        printError(u"corscope import: " + (source == u"-" ? QStringLiteral("standard input") : source) + u": "
                   + escapeControlCharacters(error) + u".\nNothing was written.\n");
        return ExitBadInput;
    }
    for (const QString &warning : std::as_const(imported->warnings))
        printError(u"corscope import: note: " + escapeControlCharacters(warning) + u'\n');
    const int count = imported->collection.requestCount();
    const QString target = parser.value(QStringLiteral("to"));
    if (target.isEmpty()) {
        printOut(QString::fromUtf8(serializeCollection(imported->collection)));
        printError(QStringLiteral("Imported %1 request(s) from %2.\n").arg(count).arg(importFormatName(format)));
        return ExitAllowed;
    }
    Collection collection;
    if (QFileInfo::exists(target)) {
        auto existing = loadCollection(target, &error);
        if (!existing) {
            printError(u"corscope import: " + escapeControlCharacters(error) + u".\nThe file was left untouched.\n");
            return ExitBadInput;
        }
        collection = std::move(*existing);
    } else {
        collection.name = imported->collection.name;
    }
    mergeCollection(&collection, imported->collection);
    if (!saveCollection(collection, target, &error)) {
        printError(u"corscope import: " + error + u".\n");
        return ExitBadInput;
    }
    printError(QStringLiteral("Imported %1 request(s) from %2 into %3.\n").arg(count).arg(importFormatName(format), target));
    return ExitAllowed;
}

} // namespace corscope
