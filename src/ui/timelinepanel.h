#pragma once

#include <QWidget>

class QLabel;
class QLineEdit;
class QStackedWidget;
class QTreeView;

namespace corscope {

class TimelineFilterModel;
class TimelineModel;

// The history of hops as a waterfall, with a filter line. The model is owned elsewhere (the
// window) and given here; the panel only views and filters it.
class TimelinePanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TimelinePanel)

public:
    explicit TimelinePanel(TimelineModel *model, QWidget *parent = nullptr);
    ~TimelinePanel() override;

    QTreeView *view() const { return m_view; }
    QLineEdit *filterEdit() const { return m_filter; }
    TimelineFilterModel *proxy() const { return m_proxy; }

    // Selects (and scrolls to) the row of the source model.
    void selectSourceRow(int row);
    // Scrolls to the row of the source model (when the filter shows it) without selecting it.
    void scrollToSourceRow(int row);

Q_SIGNALS:
    // The current row changed; -1 when nothing is selected. The row is the source model's.
    void currentSourceRowChanged(int row);

private:
    void updateEmptyState();

    TimelineModel *m_model;
    TimelineFilterModel *m_proxy;
    QLineEdit *m_filter;
    QLabel *m_count;
    QStackedWidget *m_pages;
    QTreeView *m_view;
};

} // namespace corscope
