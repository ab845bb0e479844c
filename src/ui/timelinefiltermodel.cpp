#include "ui/timelinefiltermodel.h"

#include "ui/timelinemodel.h"

namespace corscope {

TimelineFilterModel::TimelineFilterModel(TimelineModel *source, QObject *parent)
    : QSortFilterProxyModel(parent)
    , m_source(source)
{
    setSourceModel(source);
}

TimelineFilterModel::~TimelineFilterModel() = default;

void TimelineFilterModel::setFilterText(const QString &text)
{
    TimelineFilter filter = m_filter;
    filter.text = text;
    setFilter(filter);
}

void TimelineFilterModel::setFilter(const TimelineFilter &filter)
{
    TimelineFilter trimmed = filter;
    trimmed.text = filter.text.trimmed();
    trimmed.method = filter.method.trimmed();
    trimmed.origin = filter.origin.trimmed();
    if (trimmed == m_filter)
        return;
    m_filter = trimmed;
    invalidate();
}

bool TimelineFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    return !sourceParent.isValid() && m_source->rowMatches(sourceRow, m_filter);
}

} // namespace corscope
