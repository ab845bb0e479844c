#pragma once

#include "ui/exchangerecord.h"
#include "ui/timelinefilter.h"

#include <QAbstractTableModel>
#include <QList>
#include <QString>

namespace corscope {

// Every hop of every exchange, in order: the OPTIONS preflight, the actual request, each redirect.
// One row per hop; an exchange that sent nothing gets one row that says so. Rows are only ever
// appended (in batches: one beginInsertRows per batch) or all cleared.
class TimelineModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TimelineModel)

public:
    enum Column {
        ResultColumn, // pass/fail mark (painted by TimelineDelegate)
        ExchangeColumn, // "#12"
        KindColumn, // Preflight, Request, Redirect
        MethodColumn,
        UrlColumn,
        StatusColumn,
        DurationColumn,
        WaterfallColumn, // painted by TimelineDelegate from the timing roles
        NUM_COLUMNS
    };
    enum Role {
        HopStartMsRole = Qt::UserRole, // double, from the start of the exchange; negative: unknown
        ConnectMsRole,
        WaitMsRole,
        DownloadMsRole,
        TotalMsRole,
        ExchangeSpanMsRole, // double: when the exchange's last hop ended (the waterfall's time range)
        PassedRole, // bool: the browser's checks passed for this hop
        ExchangeIdRole, // int
        HopIndexRole, // int, -1 for an exchange that sent nothing
        VerdictRole, // int (Verdict) of the whole exchange
        ExchangeStartMsRole, // double: when the exchange's first hop started (the waterfall's left edge)
        RunningRole, // bool: the row of the hop still in flight (no response yet)
        CancelledRole, // bool: the hop that was in flight when the person cancelled the exchange
    };

    explicit TimelineModel(QObject *parent = nullptr);
    ~TimelineModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void appendExchange(const ExchangeRecordPtr &record);
    // Replaces the rows of the exchange with this record's id (rows changed in place, added or
    // removed at its end), or appends the exchange when it has no rows yet. A running record gets
    // one more row for the hop in flight.
    void setExchange(const ExchangeRecordPtr &record);
    // How long the running exchange has been going: its in-flight row and time range grow.
    void setRunningElapsed(double ms);
    void appendExchanges(const QList<ExchangeRecordPtr> &records);
    // Past exchanges loaded from disk, oldest first: inserted after the history rows already here
    // and before the exchanges of this session (whose ids are higher).
    void insertHistory(const QList<ExchangeRecordPtr> &records);
    void clear();
    // Removes the rows of one exchange (a history entry deleted).
    void removeExchange(int exchangeId);

    int exchangeCount() const { return m_exchangeCount; }
    ExchangeRecordPtr exchangeAt(int row) const;
    int hopIndexAt(int row) const;
    // The first row of the exchange with this id, or -1.
    int firstRowOfExchange(int exchangeId) const;
    // The row a person wants to look at first for an exchange: the hop that failed, else the last one.
    int focusRowOfExchange(int exchangeId) const;
    // Whether the filter line's text matches the row: a case-insensitive substring of its URL,
    // method, hop kind, status, the exchange's verdict or page origin; "#12" matches exchange 12.
    // Called for every row when the filter changes, so it builds no strings.
    bool rowMatches(int row, QStringView text) const;
    // Whether the row matches every part of the filter (see TimelineFilter).
    bool rowMatches(int row, const TimelineFilter &filter) const;

    // "4.0 ms", "250 ms", "1.25 s"; empty for an unknown (negative) duration.
    static QString durationText(double ms);

private:
    struct Row
    {
        ExchangeRecordPtr exchange;
        int hopIndex = -1;
        double spanMs = 0;
        QString url; // cached display text: data() runs for every painted cell
        QString status;
        bool cancelled = false; // the hop the person cancelled (derived once, see wasCancelledByUser)
    };
    const Hop *hopOf(const Row &row) const;
    bool isInFlight(const Row &row) const
    {
        return row.exchange->running && row.hopIndex >= row.exchange->result.hops.size();
    }
    double inFlightStartMs(const Row &row) const;
    QVariant inFlightData(const Row &row, int column, int role) const;
    // The roles that describe a row's exchange rather than its hop, finished or in flight.
    QVariant exchangeData(const Row &row, int role) const;
    void appendRowsFor(const ExchangeRecordPtr &record, QList<Row> &rows) const;
    QList<Row> rowsFor(const QList<ExchangeRecordPtr> &records) const; // null records skipped

    QList<Row> m_rows;
    int m_exchangeCount = 0;
    int m_historyRowCount = 0; // the first rows come from disk
    int m_runningId = 0; // the exchange with an in-flight row, 0 when none
    double m_runningElapsedMs = 0;
};

} // namespace corscope
