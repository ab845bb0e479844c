#include "ui/timelinemodel.h"

#include "ui/cancellation.h"

#include <algorithm>

namespace corscope {

namespace {
QString kindText(const Hop &hop)
{
    if (hop.kind == HopKind::Preflight)
        return QStringLiteral("Preflight");
    return hop.isRedirect() ? QStringLiteral("Redirect") : QStringLiteral("Request");
}

QString statusText(const Hop &hop)
{
    if (hop.response) {
        QString text = QString::number(hop.response->status);
        if (!hop.response->reasonPhrase.isEmpty())
            text += u' ' + QString::fromLatin1(hop.response->reasonPhrase);
        return text;
    }
    return hop.networkError.isEmpty() ? QStringLiteral("(no response)") : hop.networkError;
}

} // namespace

QString TimelineModel::durationText(double ms)
{
    if (ms < 0)
        return QString();
    if (ms < 10)
        return QString::number(ms, 'f', 1) + u" ms";
    if (ms < 1000)
        return QString::number(qRound(ms)) + u" ms";
    return QString::number(ms / 1000.0, 'f', 2) + u" s";
}

namespace {

double hopEnd(const Hop &hop)
{
    if (hop.timings.startMs < 0 || hop.timings.totalMs < 0)
        return 0;
    return hop.timings.startMs + hop.timings.totalMs;
}
} // namespace

TimelineModel::TimelineModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

TimelineModel::~TimelineModel() = default;

int TimelineModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int TimelineModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : NUM_COLUMNS;
}

const Hop *TimelineModel::hopOf(const Row &row) const
{
    if (row.hopIndex < 0 || row.hopIndex >= row.exchange->result.hops.size())
        return nullptr;
    return &row.exchange->result.hops.at(row.hopIndex);
}

QVariant TimelineModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    const Hop *hop = hopOf(row);
    const ExchangeRecord &exchange = *row.exchange;
    if (!hop && isInFlight(row))
        return inFlightData(row, index.column(), role);

    switch (role) {
    case Qt::DisplayRole:
        switch (Column(index.column())) {
        case ExchangeColumn:
            return QString(u'#' + QString::number(exchange.id));
        case KindColumn:
            return hop ? kindText(*hop) : QStringLiteral("Not sent");
        case MethodColumn:
            return QString::fromLatin1(hop ? hop->request.method : exchange.request.method);
        case UrlColumn:
            return row.url;
        case StatusColumn:
            return row.status;
        case DurationColumn:
            return hop ? durationText(hop->timings.totalMs) : QString();
        case ResultColumn:
        case WaterfallColumn:
        case NUM_COLUMNS:
            break;
        }
        return {};
    case Qt::ToolTipRole:
        if (index.column() == ResultColumn || index.column() == StatusColumn) {
            QString why;
            if (!hop)
                why = QStringLiteral("Nothing was sent.");
            else if (row.cancelled)
                why = QStringLiteral("You cancelled this request (Esc) before its response arrived.");
            else if (hop->passed)
                why = QStringLiteral("The browser's checks passed for this response.");
            else
                why = exchange.result.failure ? exchange.result.failure->explanation
                                              : QStringLiteral("The browser's checks failed here.");
            // The status column may be too narrow for a long status: the tooltip has it whole.
            return index.column() == StatusColumn ? QString(row.status + u'\n' + why) : why;
        }
        if (index.column() == WaterfallColumn && hop) {
            const HopTimings &timings = hop->timings;
            QString text = u"Total " + durationText(timings.totalMs) + u", from +"
                + durationText(std::max(
                    timings.startMs - std::max(exchange.result.hops.first().timings.startMs, 0.0), 0.0));
            if (timings.connectMs >= 0)
                text += u"; connect " + durationText(timings.connectMs);
            if (timings.waitMs >= 0)
                text += u"; waiting " + durationText(timings.waitMs);
            if (timings.downloadMs >= 0)
                text += u"; download " + durationText(timings.downloadMs);
            return text;
        }
        if (index.column() == UrlColumn)
            return row.url;
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == StatusColumn || index.column() == DurationColumn
            || index.column() == ExchangeColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case HopStartMsRole:
        return hop ? hop->timings.startMs : -1.0;
    case ConnectMsRole:
        return hop ? hop->timings.connectMs : -1.0;
    case WaitMsRole:
        return hop ? hop->timings.waitMs : -1.0;
    case DownloadMsRole:
        return hop ? hop->timings.downloadMs : -1.0;
    case TotalMsRole:
        return hop ? hop->timings.totalMs : -1.0;
    case PassedRole:
        return hop ? hop->passed : false;
    case RunningRole:
        return false;
    case CancelledRole:
        return row.cancelled;
    default:
        return exchangeData(row, role);
    }
}

QVariant TimelineModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::DisplayRole) {
        switch (Column(section)) {
        case ResultColumn:
            return QString();
        case ExchangeColumn:
            return QStringLiteral("#");
        case KindColumn:
            return QStringLiteral("Hop");
        case MethodColumn:
            return QStringLiteral("Method");
        case UrlColumn:
            return QStringLiteral("URL");
        case StatusColumn:
            return QStringLiteral("Status");
        case DurationColumn:
            return QStringLiteral("Time");
        case WaterfallColumn:
            return QStringLiteral("Waterfall");
        case NUM_COLUMNS:
            break;
        }
    } else if (role == Qt::ToolTipRole) {
        switch (Column(section)) {
        case ResultColumn:
            return QStringLiteral("Whether the browser's CORS checks passed for this response");
        case ExchangeColumn:
            return QStringLiteral("The exchange (one fetch()) this hop belongs to");
        case WaterfallColumn:
            return QStringLiteral("The hops of each exchange on one time axis, from its first hop's start "
                                  "to its last hop's end. The scale above is the selected exchange's. "
                                  "Queueing (grey), connect (orange), waiting for the server (green), "
                                  "download (blue), refused (red cap); point at a segment for details.");
        default:
            break;
        }
    }
    return {};
}

double TimelineModel::inFlightStartMs(const Row &row) const
{
    double start = 0;
    for (const Hop &hop : row.exchange->result.hops)
        start = std::max(start, hopEnd(hop));
    return start;
}

QVariant TimelineModel::inFlightData(const Row &row, int column, int role) const
{
    const ExchangeRecord &exchange = *row.exchange;
    const double startMs = inFlightStartMs(row);
    const double elapsedMs
        = row.exchange->id == m_runningId ? std::max(m_runningElapsedMs - startMs, 0.0) : 0.0;
    switch (role) {
    case Qt::DisplayRole:
        switch (Column(column)) {
        case ExchangeColumn:
            return QString(u'#' + QString::number(exchange.id));
        case KindColumn:
            return QStringLiteral("Sending…");
        case MethodColumn:
            return exchange.result.hops.isEmpty() ? QString::fromLatin1(exchange.request.method)
                                                  : QStringLiteral("…");
        case UrlColumn:
            return row.url;
        case StatusColumn:
            return row.status;
        case DurationColumn:
            return durationText(elapsedMs);
        default:
            return {};
        }
    case Qt::ToolTipRole:
        return QStringLiteral("Waiting for the server; Esc cancels.");
    case Qt::TextAlignmentRole:
        if (column == StatusColumn || column == DurationColumn || column == ExchangeColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case HopStartMsRole:
        return startMs;
    case TotalMsRole:
        return elapsedMs;
    case ConnectMsRole:
    case WaitMsRole:
    case DownloadMsRole:
        return -1.0;
    case PassedRole:
        return true;
    case RunningRole:
        return true;
    case CancelledRole:
        return false;
    default:
        return exchangeData(row, role);
    }
}

QVariant TimelineModel::exchangeData(const Row &row, int role) const
{
    const ExchangeRecord &exchange = *row.exchange;
    switch (role) {
    case ExchangeSpanMsRole:
        return row.spanMs;
    case ExchangeStartMsRole:
        return exchange.result.hops.isEmpty() ? 0.0
                                              : std::max(exchange.result.hops.first().timings.startMs, 0.0);
    case ExchangeIdRole:
        return exchange.id;
    case HopIndexRole:
        return row.hopIndex;
    case VerdictRole:
        return int(exchange.result.verdict);
    default:
        return {};
    }
}

void TimelineModel::appendRowsFor(const ExchangeRecordPtr &record, QList<Row> &rows) const
{
    const QList<Hop> &hops = record->result.hops;
    double span = 0;
    for (const Hop &hop : hops)
        span = std::max(span, hopEnd(hop));
    if (record->running) {
        if (record->id == m_runningId)
            span = std::max(span, m_runningElapsedMs);
        for (int i = 0; i < hops.size(); ++i)
            rows.append({record, i, span, QString::fromUtf8(hops.at(i).request.url.toEncoded()),
                statusText(hops.at(i)), false});
        // The next hop goes to the last Location, or to the request's URL.
        QUrl next = record->request.url;
        if (!hops.isEmpty() && hops.last().isRedirect()) {
            next = hops.last().request.url.resolved(QUrl::fromEncoded(
                hops.last().response->headers.combinedValue("location").value_or(QByteArray())));
        } else if (!hops.isEmpty()) {
            next = hops.last().request.url;
        }
        rows.append({record, int(hops.size()), span, QString::fromUtf8(next.toEncoded()),
            QStringLiteral("waiting for the response…"), false});
        return;
    }
    if (hops.isEmpty()) {
        rows.append({record, -1, 0, QString::fromUtf8(record->request.url.toEncoded()),
            QStringLiteral("Not sent"), false});
        return;
    }
    const bool cancelled = wasCancelledByUser(*record);
    for (int i = 0; i < hops.size(); ++i) {
        const Hop &hop = hops.at(i);
        // Only the last hop was in flight; the ones before it finished normally.
        const bool cancelledHere = cancelled && i == hops.size() - 1;
        rows.append({record, i, span, QString::fromUtf8(hop.request.url.toEncoded()),
            cancelledHere ? QStringLiteral("Cancelled") : statusText(hop), cancelledHere});
    }
}

void TimelineModel::appendExchange(const ExchangeRecordPtr &record)
{
    appendExchanges({record});
}

QList<TimelineModel::Row> TimelineModel::rowsFor(const QList<ExchangeRecordPtr> &records) const
{
    QList<Row> rows;
    rows.reserve(records.size() * 2);
    for (const ExchangeRecordPtr &record : records) {
        if (record)
            appendRowsFor(record, rows);
    }
    return rows;
}

void TimelineModel::appendExchanges(const QList<ExchangeRecordPtr> &records)
{
    QList<Row> rows = rowsFor(records);
    if (rows.isEmpty())
        return;
    const int first = int(m_rows.size());
    beginInsertRows({}, first, first + int(rows.size()) - 1);
    m_rows.append(std::move(rows));
    m_exchangeCount += int(records.size());
    endInsertRows();
}

void TimelineModel::setExchange(const ExchangeRecordPtr &record)
{
    if (!record)
        return;
    if (record->running) {
        if (m_runningId != record->id)
            m_runningElapsedMs = 0;
        m_runningId = record->id;
    } else if (m_runningId == record->id) {
        m_runningId = 0;
    }
    const int first = firstRowOfExchange(record->id);
    if (first < 0) {
        appendExchanges({record});
        return;
    }
    int end = first + 1;
    while (end < m_rows.size() && m_rows.at(end).exchange->id == record->id)
        ++end;
    QList<Row> rows;
    appendRowsFor(record, rows);
    const int oldCount = end - first;
    const int newCount = int(rows.size());
    const int common = std::min(oldCount, newCount);
    for (int i = 0; i < common; ++i)
        m_rows[first + i] = rows.at(i);
    if (common > 0)
        Q_EMIT dataChanged(index(first, 0), index(first + common - 1, NUM_COLUMNS - 1));
    if (newCount > oldCount) {
        beginInsertRows({}, first + oldCount, first + newCount - 1);
        m_rows.insert(first + oldCount, newCount - oldCount, Row{});
        std::move(rows.begin() + oldCount, rows.end(), m_rows.begin() + first + oldCount);
        endInsertRows();
    } else if (newCount < oldCount) {
        beginRemoveRows({}, first + newCount, end - 1);
        m_rows.remove(first + newCount, oldCount - newCount);
        endRemoveRows();
    }
}

void TimelineModel::setRunningElapsed(double ms)
{
    if (m_runningId == 0)
        return;
    m_runningElapsedMs = ms;
    const int first = firstRowOfExchange(m_runningId);
    if (first < 0)
        return;
    int end = first;
    for (; end < m_rows.size() && m_rows.at(end).exchange->id == m_runningId; ++end)
        m_rows[end].spanMs = std::max(m_rows.at(end).spanMs, ms);
    Q_EMIT dataChanged(index(first, DurationColumn), index(end - 1, WaterfallColumn));
}

void TimelineModel::insertHistory(const QList<ExchangeRecordPtr> &records)
{
    QList<Row> rows = rowsFor(records);
    if (rows.isEmpty())
        return;
    const int first = m_historyRowCount;
    beginInsertRows({}, first, first + int(rows.size()) - 1);
    m_rows.insert(first, rows.size(), Row{});
    std::move(rows.begin(), rows.end(), m_rows.begin() + first);
    m_historyRowCount += int(rows.size());
    m_exchangeCount += int(records.size());
    endInsertRows();
}

void TimelineModel::removeExchange(int exchangeId)
{
    const int first = firstRowOfExchange(exchangeId);
    if (first < 0)
        return;
    int end = first + 1;
    while (end < m_rows.size() && m_rows.at(end).exchange->id == exchangeId)
        ++end;
    beginRemoveRows({}, first, end - 1);
    m_rows.remove(first, end - first);
    if (first < m_historyRowCount)
        m_historyRowCount -= std::min(m_historyRowCount - first, end - first);
    --m_exchangeCount;
    if (m_runningId == exchangeId)
        m_runningId = 0;
    endRemoveRows();
}

void TimelineModel::clear()
{
    m_historyRowCount = 0;
    m_runningId = 0;
    if (m_rows.isEmpty())
        return;
    beginResetModel();
    m_rows.clear();
    m_exchangeCount = 0;
    endResetModel();
}

ExchangeRecordPtr TimelineModel::exchangeAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).exchange : nullptr;
}

int TimelineModel::hopIndexAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).hopIndex : -1;
}

int TimelineModel::firstRowOfExchange(int exchangeId) const
{
    // Ids grow with the row number, so the newest exchanges are found first from the end.
    for (int row = int(m_rows.size()) - 1; row >= 0; --row) {
        const int id = m_rows.at(row).exchange->id;
        if (id < exchangeId)
            break;
        if (id == exchangeId && (row == 0 || m_rows.at(row - 1).exchange->id != exchangeId))
            return row;
    }
    return -1;
}

bool TimelineModel::rowMatches(int row, QStringView text) const
{
    if (text.isEmpty())
        return true;
    if (row < 0 || row >= m_rows.size())
        return false;
    const Row &entry = m_rows.at(row);
    const ExchangeRecord &exchange = *entry.exchange;
    if (text.startsWith(u'#')) {
        bool ok = false;
        const int id = text.mid(1).toInt(&ok);
        return ok && id == exchange.id;
    }
    const Hop *hop = hopOf(entry);
    auto has = [text](QStringView field) { return field.contains(text, Qt::CaseInsensitive); };
    auto hasLatin1 = [text](const QByteArray &field) {
        return QLatin1StringView(field).contains(text, Qt::CaseInsensitive);
    };
    static const QString kinds[]
        = {QStringLiteral("Preflight"), QStringLiteral("Redirect"), QStringLiteral("Request")};
    static const QString verdicts[] = {verdictName(Verdict::Allowed), verdictName(Verdict::Blocked),
        verdictName(Verdict::NetworkError), QStringLiteral("cancelled")};
    const QString &kind = !hop            ? kinds[2]
        : hop->kind == HopKind::Preflight ? kinds[0]
        : hop->isRedirect()               ? kinds[1]
                                          : kinds[2];
    const QString &verdict
        = wasCancelledByUser(exchange) ? verdicts[3] : verdicts[int(exchange.result.verdict)];
    return has(entry.url) || has(entry.status) || has(kind) || (!exchange.running && has(verdict))
        || hasLatin1(hop ? hop->request.method : exchange.request.method)
        || hasLatin1(exchange.request.origin.serialize());
}

namespace {
TimelineFilter::Outcome outcomeOf(const ExchangeRecord &exchange)
{
    if (wasCancelledByUser(exchange))
        return TimelineFilter::Outcome::Cancelled;
    switch (exchange.result.verdict) {
    case Verdict::Allowed:
        return TimelineFilter::Outcome::Allowed;
    case Verdict::Blocked:
        return TimelineFilter::Outcome::Blocked;
    case Verdict::NetworkError:
        break;
    }
    return TimelineFilter::Outcome::NetworkError;
}

TimelineFilter::StatusClass statusClassOf(const Hop *hop)
{
    if (!hop || !hop->response)
        return TimelineFilter::StatusClass::NoResponse;
    switch (hop->response->status / 100) {
    case 1:
        return TimelineFilter::StatusClass::Informational;
    case 2:
        return TimelineFilter::StatusClass::Success;
    case 3:
        return TimelineFilter::StatusClass::Redirect;
    case 4:
        return TimelineFilter::StatusClass::ClientError;
    case 5:
        return TimelineFilter::StatusClass::ServerError;
    default:
        break;
    }
    // A status outside 100..599 is in no class a person would pick.
    return TimelineFilter::StatusClass::Any;
}
} // namespace

bool TimelineModel::rowMatches(int row, const TimelineFilter &filter) const
{
    if (row < 0 || row >= m_rows.size())
        return false;
    const Row &entry = m_rows.at(row);
    const ExchangeRecord &exchange = *entry.exchange;
    const Hop *hop = hopOf(entry);
    if (filter.outcome != TimelineFilter::Outcome::Any
        && (exchange.running || outcomeOf(exchange) != filter.outcome))
        return false;
    if (filter.status != TimelineFilter::StatusClass::Any
        && (isInFlight(entry) || statusClassOf(hop) != filter.status))
        return false;
    if (!filter.method.isEmpty()) {
        const QByteArray &hopMethod = hop ? hop->request.method : exchange.request.method;
        if (hopMethod.compare(filter.method, Qt::CaseInsensitive) != 0
            && exchange.request.method.compare(filter.method, Qt::CaseInsensitive) != 0)
            return false;
    }
    if (!filter.origin.isEmpty() && exchange.request.origin.serialize() != filter.origin)
        return false;
    return rowMatches(row, filter.text);
}

int TimelineModel::focusRowOfExchange(int exchangeId) const
{
    const int first = firstRowOfExchange(exchangeId);
    if (first < 0)
        return -1;
    int row = first;
    for (; row < m_rows.size() && m_rows.at(row).exchange->id == exchangeId; ++row) {
        const Hop *hop = hopOf(m_rows.at(row));
        if (hop && !hop->passed)
            return row;
    }
    return row - 1;
}

} // namespace corscope
