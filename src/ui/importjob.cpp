#include "ui/importjob.h"

#include "store/haranalysis.h"

#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QThread>

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

ImportJob::ImportJob(const QString &path, QObject *parent)
    : QObject(parent)
    , m_path(path)
{ }

ImportJob::~ImportJob()
{
    if (m_thread) {
        cancel();
        // The worker checks the flag between chunks; parsing a big file may take a moment more.
        m_thread->wait();
    }
}

void ImportJob::start()
{
    if (m_thread)
        return;
    m_thread = QThread::create([this] { work(); });
    m_thread->setParent(this);
    connect(m_thread, &QThread::finished, this, &ImportJob::finished);
    m_thread->start(QThread::LowPriority);
}

void ImportJob::cancel()
{
    m_cancelled = true;
}

bool ImportJob::isRunning() const
{
    return m_thread && m_thread->isRunning();
}

void ImportJob::work()
{
    const QString name = QFileInfo(m_path).fileName();
    const QString cancelledText = m_analysisProfile ? QStringLiteral("Analysis cancelled.") : QStringLiteral("Import cancelled.");
    QFile file(m_path);
    if (!file.open(QIODevice::ReadOnly)) {
        m_error = u"Cannot open " + name + u": " + file.errorString();
        return;
    }
    const qint64 size = file.size();
    QByteArray data;
    data.reserve(size);
    int lastPercent = -1;
    while (!file.atEnd()) {
        if (m_cancelled) {
            m_error = cancelledText;
            return;
        }
        const QByteArray chunk = file.read(chunkBytes);
        if (chunk.isEmpty() && file.error() != QFileDevice::NoError) {
            m_error = u"Cannot read " + name + u": " + file.errorString();
            return;
        }
        data += chunk;
        const int percent = size > 0 ? int(data.size() * readEnd / size) : readEnd;
        if (percent != lastPercent) {
            lastPercent = percent;
            Q_EMIT progressChanged(percent, u"Reading " + name + u"…");
        }
    }
    if (m_cancelled) {
        m_error = cancelledText;
        return;
    }
    const QString phase = (m_analysisProfile ? u"Analyzing " : u"Importing ") + name + u"…";
    Q_EMIT progressChanged(readEnd, phase);
    const auto parsed = [&](qint64 bytesRead, qint64 totalBytes) {
        const int percent = readEnd + int(bytesRead * (parseEnd - readEnd) / qMax<qint64>(1, totalBytes));
        if (percent != lastPercent) {
            lastPercent = percent;
            Q_EMIT progressChanged(percent, phase);
        }
    };
    if (m_analysisProfile) {
        analyze(data, parsed);
        if (m_cancelled) {
            m_records.clear();
            m_error = cancelledText;
        } else if (m_error.isEmpty()) {
            Q_EMIT progressChanged(100, u"Analyzed " + name);
        }
        return;
    }
    QString error;
    auto result = importData(data, &error, &m_format, parsed);
    data = QByteArray();
    if (m_cancelled) {
        m_error = cancelledText;
        return;
    }
    if (!result) {
        m_error = error;
        return;
    }
    if (result->collection.name.isEmpty())
        result->collection.name = QFileInfo(m_path).completeBaseName();
    m_result = std::move(result);
    Q_EMIT progressChanged(100, u"Imported " + name);
}

void ImportJob::analyze(const QByteArray &data, const ParseProgress &progress)
{
    QString error;
    const auto har = parseHar(data, &error, HarBodies::Keep, progress);
    if (!har) {
        m_error = error;
        return;
    }
    m_format = ImportFormat::Har;
    m_harEntryCount = har->entries.size();
    const QString fileName = QFileInfo(m_path).fileName();
    const QDateTime now = QDateTime::currentDateTime();
    analyzeHar(*har, *m_analysisProfile, [&](RecordedExchange &&exchange) {
        if (m_cancelled)
            return;
        auto record = std::make_shared<ExchangeRecord>();
        record->finishedAt = exchange.result.startedAtMs >= 0 ? QDateTime::fromMSecsSinceEpoch(exchange.result.startedAtMs)
                                                              : now;
        record->profile = *m_analysisProfile;
        record->recordedIn = recordedIn(fileName, exchange);
        record->request = std::move(exchange.request);
        record->result = std::move(exchange.result);
        m_records.append(std::move(record));
    });
}

} // namespace corscope
