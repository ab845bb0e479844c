#pragma once

#include "store/requestinput.h"
#include "ui/exchangerecord.h"

#include <QList>
#include <QObject>
#include <QSet>
#include <map>
#include <memory>

namespace corscope {

class ExchangeSession;
class HistoryStore;
class TimelineModel;

// Where every exchange of the window is born, who owns it and who is told: a request sent from the
// composer, a collection run's result, a HAR analysis and the history restored from disk all become
// records here and nowhere else. The log stamps the id, builds the immutable record, keeps it,
// writes the kept kinds to the history file and feeds the timeline model; panels only show what it
// announces and ask it for records by id. No widgets: it is tested without a window.
class ExchangeLog final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ExchangeLog)

public:
    // Where a record came from. Sent and run exchanges are kept in the history file; analyzed ones
    // are not (the HAR stays the source of truth), restored ones are already there.
    enum class Source { Sent, CollectionRun, HarAnalysis, History };

    // The session (the network side of a send) and the history must outlive the log; without a
    // history nothing is kept across restarts.
    explicit ExchangeLog(
        ExchangeSession *session, HistoryStore *history = nullptr, QObject *parent = nullptr);
    ~ExchangeLog() override;

    TimelineModel *model() const { return m_model; }
    ExchangeSession *session() const { return m_session; }
    HistoryStore *history() const { return m_history; }

    // Reads the history in the background into the model; historyLoaded() follows.
    void loadHistory();

    // Starts sending (a send still running is cancelled first) and returns the new exchange's id.
    int send(const BuiltRequest &request);
    void cancel();
    bool isBusy() const;
    // The record of the collection run's request, added and kept.
    ExchangeRecordPtr addRunResult(const BuiltRequest &request, const ExchangeResult &result);
    // The records of a HAR analysis, given ids in order and added; not kept on disk.
    QList<ExchangeRecordPtr> addAnalyzed(const QList<std::shared_ptr<ExchangeRecord>> &records);

    ExchangeRecordPtr record(int id) const;
    int count() const { return int(m_records.size()); }
    int nextId() const { return m_nextId; }

    // Forgets one exchange, here and on disk.
    bool remove(int id);
    // Forgets every exchange; undoClear() brings back what the last clear() forgot (this session).
    void clear();
    bool canUndoClear() const { return !m_cleared.empty(); }
    bool undoClear();

Q_SIGNALS:
    // A send or a run, still on the network: after it starts and after every hop.
    void exchangeUpdated(const corscope::ExchangeRecordPtr &record);
    // A send from the composer ended (cancelled ones too).
    void exchangeFinished(const corscope::ExchangeRecordPtr &record);
    // Records joined the log without being sent here (a run result, an analysis).
    void exchangesAdded(const QList<corscope::ExchangeRecordPtr> &records);
    void exchangeRemoved(int id);
    void cleared();
    void busyChanged(bool busy);
    // count: past exchanges read from the history file.
    void historyLoaded(int count);
    void warning(const QString &message);

private:
    ExchangeRecordPtr keep(std::shared_ptr<ExchangeRecord> record, Source source);
    void rewriteHistory();

    ExchangeSession *m_session;
    HistoryStore *m_history;
    TimelineModel *m_model;
    std::map<int, ExchangeRecordPtr> m_records; // by id, so in the order they were born
    QSet<int> m_kept; // ids that belong in the history file
    std::map<int, ExchangeRecordPtr> m_cleared;
    QSet<int> m_clearedKept;
    int m_nextId = 1;
};

} // namespace corscope
