#pragma once

#include "ui/timelinefilter.h"

#include <QSortFilterProxyModel>

namespace corscope {

class TimelineModel;

// The timeline history filtered by the filter line and the outcome, method, status and origin
// choices (TimelineFilter). A new filter re-maps every row at once (one layout change) instead of
// QSortFilterProxyModel's row-by-row removals, which cost seconds at 100,000 rows when the matches
// interleave.
class TimelineFilterModel final : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TimelineFilterModel)

public:
    explicit TimelineFilterModel(TimelineModel *source, QObject *parent = nullptr);
    ~TimelineFilterModel() override;

    QString filterText() const { return m_filter.text; }
    // Only the text; the other parts of the filter stay.
    void setFilterText(const QString &text);
    const TimelineFilter &filter() const { return m_filter; }
    void setFilter(const TimelineFilter &filter);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    TimelineModel *m_source;
    TimelineFilter m_filter;
};

} // namespace corscope
