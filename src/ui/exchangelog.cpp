#include "ui/exchangelog.h"

#include "ui/exchangesession.h"
#include "ui/historystore.h"
#include "ui/timelinemodel.h"

#include <QSettings>

namespace corscope {

namespace {
// Ids continue across restarts, so that "#12" in a ticket keeps naming one exchange.
const QString nextIdKey = QStringLiteral("history/nextId");
} // namespace

ExchangeLog::ExchangeLog(ExchangeSession *session, HistoryStore *history, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_history(history)
    , m_model(new TimelineModel(this))
{
    if (m_history)
        m_nextId = std::max(1, QSettings().value(nextIdKey, 1).toInt());

    // Each update is a new immutable record: views may still hold the previous one.
    connect(m_session, &ExchangeSession::hopFinished, this, [this](int id, const Hop &hop) {
        const ExchangeRecordPtr previous = record(id);
        if (!previous || !previous->running)
            return;
        auto updated = std::make_shared<ExchangeRecord>(*previous);
        updated->result.hops.append(hop);
        m_records[id] = updated;
        m_model->setExchange(updated);
        Q_EMIT exchangeUpdated(updated);
    });
    connect(m_session, &ExchangeSession::finished, this, [this](int id, const ExchangeResult &result) {
        const ExchangeRecordPtr started = record(id);
        if (!started)
            return; // forgotten (history cleared) while it ran
        auto finished = std::make_shared<ExchangeRecord>(*started);
        finished->running = false;
        finished->finishedAt = QDateTime::currentDateTime();
        finished->result = result;
        m_records[id] = finished;
        m_model->setExchange(finished);
        if (m_history && m_kept.contains(id))
            m_history->append(finished);
        Q_EMIT exchangeFinished(finished);
    });
    connect(m_session, &ExchangeSession::busyChanged, this, &ExchangeLog::busyChanged);

    if (m_history) {
        connect(m_history, &HistoryStore::batchLoaded, this, [this](const QList<ExchangeRecordPtr> &records) {
            QList<ExchangeRecordPtr> fresh;
            fresh.reserve(records.size());
            for (const ExchangeRecordPtr &loaded : records) {
                if (!loaded || m_records.count(loaded->id))
                    continue;
                m_records.emplace(loaded->id, loaded);
                m_kept.insert(loaded->id);
                m_nextId = std::max(m_nextId, loaded->id + 1);
                fresh.append(loaded);
            }
            m_model->insertHistory(fresh);
        });
        connect(m_history, &HistoryStore::loaded, this, [this](int count, int highestId) {
            m_nextId = std::max(m_nextId, highestId + 1);
            Q_EMIT historyLoaded(count);
        });
        connect(m_history, &HistoryStore::warning, this, &ExchangeLog::warning);
    }
}

ExchangeLog::~ExchangeLog() = default;

void ExchangeLog::loadHistory()
{
    if (m_history)
        m_history->load();
}

ExchangeRecordPtr ExchangeLog::keep(std::shared_ptr<ExchangeRecord> record, Source source)
{
    record->id = m_nextId++;
    if (m_history)
        QSettings().setValue(nextIdKey, m_nextId);
    if (source == Source::Sent || source == Source::CollectionRun)
        m_kept.insert(record->id);
    ExchangeRecordPtr kept = std::move(record);
    m_records.emplace(kept->id, kept);
    return kept;
}

int ExchangeLog::send(const BuiltRequest &request)
{
    auto started = std::make_shared<ExchangeRecord>();
    started->request = request.request;
    started->profile = request.profile;
    started->running = true;
    const ExchangeRecordPtr record = keep(std::move(started), Source::Sent);
    m_model->setExchange(record);
    m_session->start(record->id, request);
    Q_EMIT exchangeUpdated(record);
    return record->id;
}

void ExchangeLog::cancel()
{
    m_session->cancel();
}

bool ExchangeLog::isBusy() const
{
    return m_session->isBusy();
}

ExchangeRecordPtr ExchangeLog::addRunResult(const BuiltRequest &request, const ExchangeResult &result)
{
    auto finished = std::make_shared<ExchangeRecord>();
    finished->finishedAt = QDateTime::currentDateTime();
    finished->request = request.request;
    finished->profile = request.profile;
    finished->result = result;
    const ExchangeRecordPtr record = keep(std::move(finished), Source::CollectionRun);
    m_model->appendExchange(record);
    if (m_history)
        m_history->append(record);
    Q_EMIT exchangesAdded({record});
    return record;
}

QList<ExchangeRecordPtr> ExchangeLog::addAnalyzed(const QList<std::shared_ptr<ExchangeRecord>> &records)
{
    QList<ExchangeRecordPtr> added;
    added.reserve(records.size());
    for (const std::shared_ptr<ExchangeRecord> &analyzed : records) {
        if (analyzed)
            added.append(keep(analyzed, Source::HarAnalysis));
    }
    m_model->appendExchanges(added);
    if (!added.isEmpty())
        Q_EMIT exchangesAdded(added);
    return added;
}

ExchangeRecordPtr ExchangeLog::record(int id) const
{
    const auto found = m_records.find(id);
    return found == m_records.end() ? nullptr : found->second;
}

bool ExchangeLog::remove(int id)
{
    const auto found = m_records.find(id);
    if (found == m_records.end() || found->second->running)
        return false;
    m_records.erase(found);
    m_model->removeExchange(id);
    if (m_kept.remove(id))
        rewriteHistory();
    Q_EMIT exchangeRemoved(id);
    return true;
}

void ExchangeLog::clear()
{
    m_session->cancel();
    // What is forgotten stays in memory for this session only, so that the clear can be undone.
    m_cleared = std::move(m_records);
    m_clearedKept = std::move(m_kept);
    m_records.clear();
    m_kept.clear();
    m_model->clear();
    if (m_history)
        m_history->clear();
    Q_EMIT cleared();
}

bool ExchangeLog::undoClear()
{
    if (m_cleared.empty())
        return false;
    // Exchanges born after the clear keep their place after the restored ones (ids only grow).
    for (auto &[id, record] : m_cleared) {
        if (!record->running)
            m_records.emplace(id, record);
    }
    m_kept.unite(m_clearedKept);
    m_cleared.clear();
    m_clearedKept.clear();
    QList<ExchangeRecordPtr> all;
    all.reserve(qsizetype(m_records.size()));
    for (const auto &[id, record] : m_records)
        all.append(record);
    m_model->clear();
    m_model->insertHistory(all);
    rewriteHistory();
    return true;
}

void ExchangeLog::rewriteHistory()
{
    if (!m_history)
        return;
    QList<ExchangeRecordPtr> kept;
    for (const auto &[id, record] : m_records) {
        if (m_kept.contains(id) && !record->running)
            kept.append(record);
    }
    m_history->replaceAll(kept);
}

} // namespace corscope
