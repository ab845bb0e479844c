#include "cli/runcommand.h"

#include "cli/consoleoutput.h"
#include "cli/exitcode.h"
#include "cli/terminaltext.h"
#include "cli/networkoptions.h"
#include "cli/runjsonbuilder.h"
#include "cli/runreport.h"
#include "net/compositetransport.h"
#include "store/collectionfile.h"
#include "runner/collectionrunner.h"
#include "report/harexport.h"
#include "report/reportdata.h"
#include "store/variables.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

namespace corscope {

namespace {
constexpr int progressIntervalMs = 100;
} // namespace

RunCommand::RunCommand(QObject *parent)
    : QObject(parent)
    , m_progress(ProgressLine::forStandardError())
{
    m_progressTimer.setSingleShot(true);
    m_progressTimer.setInterval(progressIntervalMs);
    connect(&m_progressTimer, &QTimer::timeout, this, &RunCommand::flushProgress);
}

RunCommand::~RunCommand() = default;

int RunCommand::start(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Run the requests of a collection file (or of one folder) for each page origin, sharing one preflight "
        "cache.\n\nEach request is expected to be allowed unless its \"expect\" in the file says otherwise "
        "(\"blocked\" or \"network-error\"). Exit status: 0 when every request got its expected verdict, 1 "
        "otherwise (so a blocked request fails a CI job), 2 on bad input.\n\nProgress goes to stderr: one "
        "updating line on a terminal; elsewhere (a CI log, a file) only a summary at the end."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("file"), QStringLiteral("A corscope collection (JSON)."));
    parser.addOption({QStringLiteral("env"), QStringLiteral("Use the variables of this environment."),
                      QStringLiteral("name")});
    parser.addOption({QStringLiteral("origin"),
                      QStringLiteral("Page origin; repeat it for an origin matrix (overrides the file's origins)."),
                      QStringLiteral("origin")});
    parser.addOption({QStringLiteral("folder"), QStringLiteral("Run only this folder, e.g. \"auth/admin\"."),
                      QStringLiteral("path")});
    parser.addOption({QStringLiteral("format"), QStringLiteral("json (default), text (a grid) or junit."),
                      QStringLiteral("format"), QStringLiteral("json")});
    parser.addOption({QStringLiteral("concurrency-per-host"),
                      QStringLiteral("Requests in flight per host (default 1: deterministic preflight cache)."),
                      QStringLiteral("n"), QStringLiteral("1")});
    parser.addOption({QStringLiteral("har"), QStringLiteral("Also write every hop of the run to this HAR 1.2 file."),
                      QStringLiteral("file")});
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
    const TransportSetup transportSetup = NetworkOptions::fromParser(parser, &errors);
    m_format = parser.value(QStringLiteral("format"));
    if (m_format != u"json" && m_format != u"text" && m_format != u"junit")
        errors.append(u"Unknown format '" + m_format + u"': use json, text or junit.");
    bool numberOk = false;
    const int perHost = parser.value(QStringLiteral("concurrency-per-host")).toInt(&numberOk);
    if (!numberOk || perHost < 1 || perHost > 256)
        errors.append(QStringLiteral("--concurrency-per-host must be a number from 1 to 256."));
    m_harPath = parser.value(QStringLiteral("har"));

    bool loaded = false;
    if (parser.positionalArguments().size() != 1) {
        errors.append(QStringLiteral("Give exactly one collection file."));
    } else {
        QString error;
        if (auto collection = loadCollection(parser.positionalArguments().first(), &error)) {
            m_collection = std::move(*collection);
            loaded = true;
        } else {
            errors.append(error.left(1).toUpper() + error.mid(1) + u'.');
        }
    }

    QList<RunJob> jobs;
    if (loaded) {
        const Environment *environment = nullptr;
        if (parser.isSet(QStringLiteral("env"))) {
            environment = m_collection.environment(parser.value(QStringLiteral("env")));
            if (!environment) {
                QStringList names;
                for (const Environment &known : std::as_const(m_collection.environments))
                    names.append(known.name);
                errors.append(u"No environment '" + parser.value(QStringLiteral("env")) + u"' in the collection"
                              + (names.isEmpty() ? QStringLiteral(" (it defines none).")
                                                 : u" (it has: " + names.join(QStringLiteral(", ")) + u")."));
            }
        }
        const QString folder = parser.value(QStringLiteral("folder"));
        const auto entries = m_collection.requests(folder);
        if (!entries)
            errors.append(u"No folder '" + folder + u"' in the collection.");
        const VariableResolver resolver(m_collection, environment);
        const QStringList originOverride = parser.values(QStringLiteral("origin"));
        for (const CollectionEntry &entry : entries.value_or(QList<CollectionEntry>())) {
            const CollectionItem &item = *entry.item;
            QStringList itemErrors;
            const QList<RequestInput> inputs = resolver.inputsFor(item.request, originOverride, &itemErrors);
            for (const RequestInput &input : inputs) {
                if (auto built = buildRequest(input, &itemErrors)) {
                    // No "expect" means "allowed": a run in CI must fail when a request is blocked.
                    jobs.append(RunJob{item.id, item.name, entry.folderPath, input.origin, *built,
                                       item.request.delayMs, item.request.expect.value_or(QStringLiteral("allowed"))});
                }
            }
            itemErrors.removeDuplicates();
            for (const QString &error : std::as_const(itemErrors))
                errors.append(u"request '" + item.name + u"': " + error);
        }
    }
    if (!errors.isEmpty()) {
        QString text;
        for (const QString &error : std::as_const(errors))
            text += u"corscope run: " + escapeControlCharacters(error) + u'\n';
        printError(text + u"Nothing was sent.\n");
        return ExitBadInput;
    }
    m_transport = transportSetup.create(this);
    m_runner = new CollectionRunner(jobs, m_transport, perHost, this);
    const qsizetype total = jobs.size();
    const bool matrix = [&jobs] {
        for (const RunJob &job : jobs) {
            if (job.origin != jobs.first().origin)
                return true;
        }
        return false;
    }();
    connect(m_runner, &CollectionRunner::jobStarted, this, [this, total, matrix](qsizetype index) {
        const RunJob &job = m_runner->jobs().at(index);
        m_progress.update(QStringLiteral("[%1/%2] %3%4")
                              .arg(index + 1)
                              .arg(total)
                              .arg(job.name, matrix ? u" (" + job.origin + u')' : QString()));
        // The first update shows at once, later ones at most once per interval (the latest wins).
        if (m_progress.output() == ProgressLine::Output::Terminal && !m_progressTimer.isActive()) {
            m_progress.flush();
            m_progressTimer.start();
        }
    });
    if (m_format == u"json" || !m_harPath.isEmpty())
        m_json = new RunJsonBuilder(m_runner, this);
    if (m_format == u"json")
        m_json->streamTo([](const QByteArray &bytes) { writeOut(bytes); }, !m_harPath.isEmpty());
    connect(m_runner, &CollectionRunner::finished, this, &RunCommand::onRunnerFinished);
    m_runner->start();
    return -1;
}

void RunCommand::flushProgress()
{
    m_progressTimer.stop();
    m_progress.flush();
}

void RunCommand::onRunnerFinished()
{
    // The results go to stdout, often the same terminal: the progress line must be gone first.
    m_progressTimer.stop();
    m_progress.clear();
    if (m_json && !m_json->isReady())
        connect(m_json, &RunJsonBuilder::ready, this, &RunCommand::onFinished, Qt::SingleShotConnection);
    else
        onFinished();
}

void RunCommand::onFinished()
{
    const RunReport report(m_collection.name, *m_runner);
    if (m_format == u"text")
        printOut(report.grid());
    else if (m_format == u"junit")
        writeOut(report.junit());
    else
        m_json->finishStream();
    flushOut();
    // The grid ends with the same summary line; the other formats are for machines, so people get it here.
    m_progress.finish(m_format == u"text" ? QString() : report.summary());
    int code = report.allAsExpected() ? ExitAllowed : ExitBlocked;
    if (!m_harPath.isEmpty()) {
        // The same HAR 1.2 writer as bug reports, here without redaction: this is the raw record.
        ReportOptions options;
        options.redact = false;
        options.stack = std::nullopt;
        QString error;
        const QByteArray json = m_json->document();
        const auto data = ReportData::fromValue(QJsonDocument::fromJson(json).array(), options, &error);
        const QByteArray har = data ? QJsonDocument(HarExport::render(*data)).toJson(QJsonDocument::Indented)
                                    : QByteArray();
        QSaveFile file(m_harPath);
        if (!file.open(QIODevice::WriteOnly) || file.write(har) != har.size() || !file.commit()) {
            printError(u"corscope run: cannot write " + m_harPath + u": " + file.errorString() + u'\n');
            code = ExitBadInput;
        }
    }
    Q_EMIT finished(code);
}

} // namespace corscope
