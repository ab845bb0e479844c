#include "cli/runcommand.h"

#include "cli/consoleoutput.h"
#include "cli/exitcode.h"
#include "cli/networkoptions.h"
#include "core/exchangejson.h"
#include "core/preflightcache.h"
#include "net/exchangerunner.h"
#include "net/compositetransport.h"

#include <QCommandLineParser>
#include <QFile>
#include <QJsonDocument>
#include <QTimer>

namespace corscope {

namespace {
constexpr qint64 maxCollectionBytes = 64 * 1024 * 1024;
} // namespace

RunCommand::RunCommand(QObject *parent)
    : QObject(parent)
    , m_cache(std::make_unique<PreflightCache>())
{
}

RunCommand::~RunCommand() = default;

int RunCommand::start(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Run the requests of a collection file in order, sharing one preflight cache, and print a JSON array of "
        "results (the objects of `corscope check --format json`)."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("file"), QStringLiteral("A corscope collection (JSON)."));
    NetworkOptions::addTo(parser);
    if (!parser.parse(QStringList{QStringLiteral("corscope run")} + arguments)) {
        printError(u"corscope run: " + parser.errorText() + u"\nTry 'corscope run --help'.\n");
        return ExitBadInput;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        printOut(parser.helpText());
        return ExitAllowed;
    }
    QStringList errors;
    const NetworkOptions network = NetworkOptions::fromParser(parser, &errors);
    if (parser.positionalArguments().size() != 1) {
        errors.append(QStringLiteral("Give exactly one collection file."));
    } else {
        QFile file(parser.positionalArguments().first());
        if (!file.open(QIODevice::ReadOnly)) {
            errors.append(u"Cannot read " + file.fileName() + u": " + file.errorString() + u'.');
        } else if (file.size() > maxCollectionBytes) {
            errors.append(file.fileName() + u" is larger than 64 MiB.");
        } else {
            QString error;
            if (auto collection = parseCollection(file.readAll(), &error)) {
                m_items = collection->requests;
            } else {
                errors.append(file.fileName() + u": " + error + u'.');
            }
        }
    }
    for (const CollectionRequest &item : std::as_const(m_items)) {
        QStringList itemErrors;
        if (auto built = buildRequest(item.input, &itemErrors))
            m_requests.append(*built);
        for (const QString &error : std::as_const(itemErrors))
            errors.append(u"request '" + item.name + u"': " + error);
    }
    if (!errors.isEmpty()) {
        QString text;
        for (const QString &error : std::as_const(errors))
            text += u"corscope run: " + error + u'\n';
        printError(text + u"Nothing was sent.\n");
        return ExitBadInput;
    }
    m_transport = network.createTransport(this);
    QTimer::singleShot(0, this, &RunCommand::runNext);
    return -1;
}

void RunCommand::runNext()
{
    if (m_next >= m_requests.size()) {
        printOut(QString::fromUtf8(QJsonDocument(m_results).toJson(QJsonDocument::Indented)));
        Q_EMIT finished(m_allAsExpected ? ExitAllowed : ExitBlocked);
        return;
    }
    const qsizetype index = m_next++;
    const CollectionRequest &item = m_items.at(index);
    auto launch = [this, index] {
        const BuiltRequest &built = m_requests.at(index);
        printError(QStringLiteral("[%1/%2] %3\n").arg(index + 1).arg(m_requests.size()).arg(m_items.at(index).name));
        auto *runner = new ExchangeRunner(built.request, built.profile, m_cache.get(), m_transport, this);
        connect(runner, &ExchangeRunner::finished, this, [this, runner, index](const ExchangeResult &result) {
            const CollectionRequest &current = m_items.at(index);
            const BuiltRequest &request = m_requests.at(index);
            QJsonObject object = exchangeToJson(request.request, request.profile, result);
            object.insert(QStringLiteral("name"), current.name);
            if (current.expect) {
                const bool met = *current.expect == verdictName(result.verdict);
                object.insert(QStringLiteral("expect"), *current.expect);
                object.insert(QStringLiteral("asExpected"), met);
                m_allAsExpected = m_allAsExpected && met;
            }
            m_results.append(object);
            runner->deleteLater();
            runNext();
        });
        runner->start();
    };
    QTimer::singleShot(item.delayMs, this, launch);
}

} // namespace corscope
