#include "ui/importjob.h"

#include "store/haranalysis.h"

#include <QDateTime>
#include <QFile>
#include <QFileInfo>

namespace corscope {

namespace {
constexpr qint64 chunkBytes = 1 << 20;
// The bar: reading the file (from the page cache, usually quick) up to readEnd, parsing up to
// parseEnd by bytes parsed, then building the items.
constexpr int readEnd = 20;
constexpr int parseEnd = 90;

QString entryText(int index)
{
    return u"entry " + QString::number(index + 1);
}

// "Recorded in app.har, entry 12 (preflight: entry 14). The HAR has no value for authorization…"
QString recordedIn(const QString &fileName, const RecordedExchange &exchange)
{
    QString text = u"Recorded in " + fileName + u", " + entryText(exchange.entryIndex);
    if (exchange.preflightIndex >= 0)
        text += u" (preflight: " + entryText(exchange.preflightIndex) + u')';
    text += u'.';
    if (!exchange.note.isEmpty())
        text += u' ' + exchange.note;
    return text;
}
} // namespace

namespace {
void analyze(const QString &path, const BrowserProfile &profile, const QByteArray &data, const ParseProgress &progress,
    const JobControl &control, ImportOutcome &outcome)
{
    QString error;
    const auto har = parseHar(data, &error, HarBodies::Keep, progress);
    if (!har) {
        outcome.error = error;
        return;
    }
    outcome.format = ImportFormat::Har;
    outcome.harEntryCount = har->entries.size();
    const QString fileName = QFileInfo(path).fileName();
    const QDateTime now = QDateTime::currentDateTime();
    analyzeHar(*har, profile, [&](RecordedExchange &&exchange) {
        if (control.isCancelled())
            return;
        auto record = std::make_shared<ExchangeRecord>();
        record->finishedAt = exchange.result.startedAtMs >= 0 ? QDateTime::fromMSecsSinceEpoch(exchange.result.startedAtMs)
                                                              : now;
        record->profile = profile;
        record->recordedIn = recordedIn(fileName, exchange);
        record->request = std::move(exchange.request);
        record->result = std::move(exchange.result);
        outcome.records.append(std::move(record));
    });
}
} // namespace

ImportJob::ImportJob(const QString &path, QObject *parent)
    : QObject(parent)
    , m_path(path)
    , m_tracker(this, JobTracker::Delivery::EveryJob)
{
    m_tracker.setProgressHandler([this](int percent, const QString &phase) { Q_EMIT progressChanged(percent, phase); });
}

ImportJob::~ImportJob() = default;

void ImportJob::start()
{
    if (m_started)
        return;
    m_started = true;
    m_tracker.startJob([path = m_path, profile = m_analysisProfile](
                           const JobControl &control) { return run(path, profile, control); },
        [this](ImportOutcome &&outcome) {
            m_outcome = std::move(outcome);
            Q_EMIT finished();
        });
}

void ImportJob::cancel()
{
    m_cancelRequested = true;
    m_tracker.cancel();
}

bool ImportJob::isRunning() const
{
    return m_tracker.isRunning();
}

ImportOutcome ImportJob::run(
    const QString &path, const std::optional<BrowserProfile> &analysisProfile, const JobControl &control)
{
    ImportOutcome outcome;
    const QString name = QFileInfo(path).fileName();
    const auto cancelled = [&] {
        outcome = ImportOutcome();
        outcome.cancelled = true;
        outcome.error = analysisProfile ? QStringLiteral("Analysis cancelled.") : QStringLiteral("Import cancelled.");
        return outcome;
    };
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        outcome.error = u"Cannot open " + name + u": " + file.errorString();
        return outcome;
    }
    const qint64 size = file.size();
    QByteArray data;
    data.reserve(size);
    int lastPercent = -1;
    while (!file.atEnd()) {
        if (control.isCancelled())
            return cancelled();
        const QByteArray chunk = file.read(chunkBytes);
        if (chunk.isEmpty() && file.error() != QFileDevice::NoError) {
            outcome.error = u"Cannot read " + name + u": " + file.errorString();
            return outcome;
        }
        data += chunk;
        const int percent = size > 0 ? int(data.size() * readEnd / size) : readEnd;
        if (percent != lastPercent) {
            lastPercent = percent;
            control.reportProgress(percent, u"Reading " + name + u"…");
        }
    }
    if (control.isCancelled())
        return cancelled();
    const QString phase = (analysisProfile ? u"Analyzing " : u"Importing ") + name + u"…";
    control.reportProgress(readEnd, phase);
    const auto parsed = [&](qint64 bytesRead, qint64 totalBytes) {
        const int percent = readEnd + int(bytesRead * (parseEnd - readEnd) / qMax<qint64>(1, totalBytes));
        if (percent != lastPercent) {
            lastPercent = percent;
            control.reportProgress(percent, phase);
        }
    };
    if (analysisProfile) {
        analyze(path, *analysisProfile, data, parsed, control, outcome);
        if (control.isCancelled())
            return cancelled();
        if (outcome.error.isEmpty())
            control.reportProgress(100, u"Analyzed " + name);
        return outcome;
    }
    QString error;
    auto result = importData(data, &error, &outcome.format, parsed);
    data = QByteArray();
    if (control.isCancelled())
        return cancelled();
    if (!result) {
        outcome.error = error;
        return outcome;
    }
    if (result->collection.name.isEmpty())
        result->collection.name = QFileInfo(path).completeBaseName();
    outcome.result = std::move(result);
    control.reportProgress(100, u"Imported " + name);
    return outcome;
}

} // namespace corscope
