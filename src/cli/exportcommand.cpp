#include "cli/exportcommand.h"

#include "cli/consoleoutput.h"
#include "cli/exitcode.h"
#include "store/collectionfile.h"
#include "store/curlexport.h"
#include "store/variables.h"

#include <QCommandLineParser>

namespace corscope {

ExportCommand::ExportCommand(QObject *parent)
    : QObject(parent)
{
}

int ExportCommand::start(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Print a request of a collection as bash curl commands reproducing the preflight and the request."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("file"), QStringLiteral("A corscope collection (JSON)."));
    parser.addPositionalArgument(QStringLiteral("request"), QStringLiteral("The request's id, name or folder/name."));
    parser.addOption({QStringLiteral("env"), QStringLiteral("Use the variables of this environment."),
                      QStringLiteral("name")});
    parser.addOption({QStringLiteral("origin"), QStringLiteral("Page origin (repeatable)."), QStringLiteral("origin")});
    parser.addOption({QStringLiteral("format"), QStringLiteral("curl (the only one so far)."), QStringLiteral("format"),
                      QStringLiteral("curl")});
    if (!parser.parse(QStringList{QStringLiteral("corscope export")} + arguments)) {
        printError(u"corscope export: " + parser.errorText() + u"\nTry 'corscope export --help'.\n");
        return ExitBadInput;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        printOut(parser.helpText());
        return ExitAllowed;
    }
    auto fail = [](const QString &message) {
        printError(u"corscope export: " + message + u'\n');
        return int(ExitBadInput);
    };
    if (parser.value(QStringLiteral("format")) != u"curl")
        return fail(QStringLiteral("Unknown format: use curl."));
    if (parser.positionalArguments().size() != 2)
        return fail(QStringLiteral("Give a collection file and a request."));
    QString error;
    const auto collection = loadCollection(parser.positionalArguments().at(0), &error);
    if (!collection)
        return fail(error + u'.');
    const Environment *environment = nullptr;
    if (parser.isSet(QStringLiteral("env"))) {
        environment = collection->environment(parser.value(QStringLiteral("env")));
        if (!environment)
            return fail(u"No environment '" + parser.value(QStringLiteral("env")) + u"'.");
    }
    const QString wanted = parser.positionalArguments().at(1);
    const CollectionItem *found = nullptr;
    for (const CollectionEntry &entry : collection->requests().value_or(QList<CollectionEntry>())) {
        const QString path = (entry.folderPath + QStringList{entry.item->name}).join(u'/');
        if (entry.item->id == wanted || entry.item->name == wanted || path == wanted) {
            found = entry.item;
            break;
        }
    }
    if (!found)
        return fail(u"No request '" + wanted + u"' (give its id, name or folder/name).");
    const VariableResolver resolver(*collection, environment);
    QStringList problems;
    const QString curl = curlCommandsFor(found->request, resolver, parser.values(QStringLiteral("origin")), &problems);
    if (!problems.isEmpty()) {
        problems.removeDuplicates();
        return fail(problems.join(QStringLiteral("\ncorscope export: ")));
    }
    printOut(curl);
    return ExitAllowed;
}

} // namespace corscope
