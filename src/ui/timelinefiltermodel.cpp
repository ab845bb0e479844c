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
    const QString trimmed = text.trimmed();
    if (trimmed == m_text)
        return;
    m_text = trimmed;
    invalidate();
}

bool TimelineFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    return !sourceParent.isValid() && m_source->rowMatches(sourceRow, m_text);
}

} // namespace corscope
