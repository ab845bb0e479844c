#pragma once

#include <QSortFilterProxyModel>

namespace corscope {

class TimelineModel;

// The timeline history filtered by the filter line. A new filter text re-maps every row at once
// (one layout change) instead of QSortFilterProxyModel's row-by-row removals, which cost seconds
// at 100,000 rows when the matches interleave.
class TimelineFilterModel final : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TimelineFilterModel)

public:
    explicit TimelineFilterModel(TimelineModel *source, QObject *parent = nullptr);
    ~TimelineFilterModel() override;

    QString filterText() const { return m_text; }
    void setFilterText(const QString &text);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    TimelineModel *m_source;
    QString m_text;
};

} // namespace corscope
