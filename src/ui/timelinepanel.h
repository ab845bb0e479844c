#pragma once

#include <QByteArray>
#include <QSet>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QStackedWidget;
class QTreeView;

namespace corscope {

class TimelineDelegate;
class TimelineFilterModel;
class TimelineModel;
class WaterfallHeader;
class WaterfallLegend;

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
    QComboBox *outcomeFilter() const { return m_outcome; }
    QComboBox *methodFilter() const { return m_method; }
    QComboBox *statusFilter() const { return m_status; }
    QComboBox *originFilter() const { return m_origin; }
    WaterfallHeader *waterfallHeader() const { return m_header; }
    TimelineDelegate *delegate() const { return m_delegate; }

    // Selects (and scrolls to) the row of the source model.
    void selectSourceRow(int row);
    // Scrolls to the row of the source model (when the filter shows it) without selecting it.
    void scrollToSourceRow(int row);

Q_SIGNALS:
    // The current row changed; -1 when nothing is selected. The row is the source model's.
    void currentSourceRowChanged(int row);

private:
    void updateEmptyState();
    // The filter from the line and the combo boxes, applied to the proxy.
    void applyFilter();
    // The origin combo lists the page origins in the history; new ones are added as rows arrive.
    void addOrigins(int firstRow, int lastRow);
    void rebuildOrigins();
    // The waterfall scale follows the current row's exchange (the newest when nothing is selected).
    void updateScale();

    TimelineModel *m_model;
    TimelineFilterModel *m_proxy;
    QLineEdit *m_filter;
    QComboBox *m_outcome;
    QComboBox *m_method;
    QComboBox *m_status;
    QComboBox *m_origin;
    QSet<QByteArray> m_knownOrigins;
    QLabel *m_count;
    QStackedWidget *m_pages;
    QTreeView *m_view;
    WaterfallHeader *m_header;
    TimelineDelegate *m_delegate;
    WaterfallLegend *m_legend;
};

} // namespace corscope
