#include "ui/timelinepanel.h"

#include "ui/timelinedelegate.h"
#include "ui/timelinefiltermodel.h"
#include "ui/timelinemodel.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QStackedWidget>
#include <QTreeView>
#include <QVBoxLayout>

namespace corscope {

TimelinePanel::TimelinePanel(TimelineModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_proxy(new TimelineFilterModel(model, this))
    , m_filter(new QLineEdit(this))
    , m_count(new QLabel(this))
    , m_pages(new QStackedWidget(this))
    , m_view(new QTreeView(this))
{
    setObjectName(QStringLiteral("timelinePanel"));

    m_filter->setObjectName(QStringLiteral("timelineFilter"));
    m_filter->setPlaceholderText(
        QStringLiteral("Filter history: URL, method, status, blocked, allowed, #id… (Ctrl+F)"));
    m_filter->setClearButtonEnabled(true);
    m_count->setObjectName(QStringLiteral("timelineCount"));

    m_view->setObjectName(QStringLiteral("timelineView"));
    m_view->setModel(m_proxy);
    m_view->setItemDelegate(new TimelineDelegate(m_view));
    // Uniform rows and no per-row widgets keep 100,000 rows as cheap as 100.
    m_view->setUniformRowHeights(true);
    m_view->setRootIsDecorated(false);
    m_view->setItemsExpandable(false);
    m_view->setAllColumnsShowFocus(true);
    m_view->setAlternatingRowColors(true);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setTextElideMode(Qt::ElideMiddle);
    QHeaderView *header = m_view->header();
    // The URL takes the spare width; the waterfall keeps a fixed, readable width at the end.
    header->setStretchLastSection(false);
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setSectionResizeMode(TimelineModel::UrlColumn, QHeaderView::Stretch);
    header->setMinimumSectionSize(24);
    const int digit = fontMetrics().horizontalAdvance(u'0');
    m_view->setColumnWidth(TimelineModel::ResultColumn, fontMetrics().height() + 12);
    // Narrow fixed columns leave the URL the most room; no horizontal scrolling at the default size.
    m_view->setColumnWidth(TimelineModel::ExchangeColumn, digit * 5);
    m_view->setColumnWidth(TimelineModel::KindColumn, digit * 10);
    m_view->setColumnWidth(TimelineModel::MethodColumn, digit * 9);
    m_view->setColumnWidth(TimelineModel::StatusColumn, digit * 13);
    m_view->setColumnWidth(TimelineModel::WaterfallColumn, 180);
    m_view->setColumnWidth(TimelineModel::DurationColumn, digit * 8);
    m_view->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);

    auto *empty = new QLabel(
        QStringLiteral("<b>No requests yet.</b><br>Press <b>Ctrl+Enter</b> to send the request on "
                       "the left; each hop (preflight, request, redirects) appears here."),
        m_pages);
    empty->setObjectName(QStringLiteral("timelineEmptyState"));
    empty->setAlignment(Qt::AlignCenter);
    empty->setWordWrap(true);
    m_pages->addWidget(empty);
    m_pages->addWidget(m_view);

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_filter, 1);
    bar->addWidget(m_count);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(bar);
    layout->addWidget(m_pages, 1);

    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_proxy->setFilterText(text);
        updateEmptyState();
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
        [this](const QModelIndex &current) {
            Q_EMIT currentSourceRowChanged(current.isValid() ? m_proxy->mapToSource(current).row() : -1);
        });
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &TimelinePanel::updateEmptyState);
    connect(m_model, &QAbstractItemModel::modelReset, this, &TimelinePanel::updateEmptyState);
    updateEmptyState();
}

TimelinePanel::~TimelinePanel() = default;

void TimelinePanel::selectSourceRow(int row)
{
    const QModelIndex index = m_proxy->mapFromSource(m_model->index(row, TimelineModel::UrlColumn));
    if (!index.isValid())
        return;
    m_view->setCurrentIndex(index);
    m_view->scrollTo(index);
}

void TimelinePanel::scrollToSourceRow(int row)
{
    const QModelIndex index = m_proxy->mapFromSource(m_model->index(row, TimelineModel::UrlColumn));
    if (index.isValid())
        m_view->scrollTo(index);
}

void TimelinePanel::updateEmptyState()
{
    m_pages->setCurrentIndex(m_model->rowCount() > 0 ? 1 : 0);
    const int exchanges = m_model->exchangeCount();
    QString text = QString::number(exchanges)
        + (exchanges == 1 ? QStringLiteral(" exchange") : QStringLiteral(" exchanges"));
    if (!m_filter->text().trimmed().isEmpty())
        text = QString::number(m_proxy->rowCount()) + u" of " + QString::number(m_model->rowCount())
            + u" hops";
    m_count->setText(text);
}

} // namespace corscope
