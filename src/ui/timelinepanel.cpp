#include "ui/timelinepanel.h"

#include "ui/timelinedelegate.h"
#include "ui/timelinefiltermodel.h"
#include "ui/timelinemodel.h"
#include "ui/waterfallheader.h"
#include "ui/waterfalllegend.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QStackedWidget>
#include <QStyle>
#include <QTreeView>
#include <QVBoxLayout>
#include <algorithm>

namespace corscope {

TimelinePanel::TimelinePanel(TimelineModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_proxy(new TimelineFilterModel(model, this))
    , m_filter(new QLineEdit(this))
    , m_outcome(new QComboBox(this))
    , m_method(new QComboBox(this))
    , m_status(new QComboBox(this))
    , m_origin(new QComboBox(this))
    , m_count(new QLabel(this))
    , m_pages(new QStackedWidget(this))
    , m_view(new QTreeView(this))
    , m_header(new WaterfallHeader(TimelineModel::WaterfallColumn, m_view))
    , m_delegate(new TimelineDelegate(m_view))
    , m_legend(new WaterfallLegend(this))
{
    setObjectName(QStringLiteral("timelinePanel"));

    m_filter->setObjectName(QStringLiteral("timelineFilter"));
    m_filter->setPlaceholderText(QStringLiteral("Search history: URL, status, #id… (Ctrl+F)"));
    m_filter->setToolTip(QStringLiteral("Shows the hops whose URL, method, status, outcome or page origin "
                                        "contains this text; #12 shows exchange 12."));
    m_filter->setClearButtonEnabled(true);

    using Outcome = TimelineFilter::Outcome;
    using StatusClass = TimelineFilter::StatusClass;
    m_outcome->setObjectName(QStringLiteral("timelineOutcomeFilter"));
    m_outcome->setToolTip(QStringLiteral("Show only exchanges with this outcome"));
    m_outcome->addItem(QStringLiteral("Outcome"), int(Outcome::Any));
    m_outcome->addItem(QStringLiteral("Allowed"), int(Outcome::Allowed));
    m_outcome->addItem(QStringLiteral("Blocked"), int(Outcome::Blocked));
    m_outcome->addItem(QStringLiteral("Network error"), int(Outcome::NetworkError));
    m_outcome->addItem(QStringLiteral("Cancelled"), int(Outcome::Cancelled));
    m_method->setObjectName(QStringLiteral("timelineMethodFilter"));
    m_method->setToolTip(QStringLiteral("Show only exchanges with this method (OPTIONS: every preflight)"));
    m_method->addItem(QStringLiteral("Method"), QByteArray());
    for (const char *method : {"GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"})
        m_method->addItem(QString::fromLatin1(method), QByteArray(method));
    m_status->setObjectName(QStringLiteral("timelineStatusFilter"));
    m_status->setToolTip(QStringLiteral("Show only hops whose response status is in this class"));
    m_status->addItem(QStringLiteral("Status"), int(StatusClass::Any));
    m_status->addItem(QStringLiteral("1xx"), int(StatusClass::Informational));
    m_status->addItem(QStringLiteral("2xx"), int(StatusClass::Success));
    m_status->addItem(QStringLiteral("3xx"), int(StatusClass::Redirect));
    m_status->addItem(QStringLiteral("4xx"), int(StatusClass::ClientError));
    m_status->addItem(QStringLiteral("5xx"), int(StatusClass::ServerError));
    m_status->addItem(QStringLiteral("No response"), int(StatusClass::NoResponse));
    m_origin->setObjectName(QStringLiteral("timelineOriginFilter"));
    m_origin->setToolTip(QStringLiteral("Show only exchanges sent from this page origin"));
    m_origin->addItem(QStringLiteral("Origin"), QByteArray());
    m_origin->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_origin->setMinimumContentsLength(10);
    // Each combo says what it filters while it filters nothing ("Outcome"), and what it keeps once
    // set ("Blocked"), so the bar stays short enough for the search line at 1280 pixels.
    for (QComboBox *combo : {m_outcome, m_method, m_status, m_origin})
        connect(combo, &QComboBox::currentIndexChanged, this, &TimelinePanel::applyFilter);
    m_count->setObjectName(QStringLiteral("timelineCount"));

    m_view->setObjectName(QStringLiteral("timelineView"));
    m_view->setHeader(m_header);
    m_view->setModel(m_proxy);
    m_view->setItemDelegate(m_delegate);
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
    // The fixed columns fit their usual texts whole ("#1234", "Preflight", "OPTIONS", "204 No Content");
    // the URL takes what is left and is elided in the middle (the tooltip has it whole).
    const QFontMetrics metrics = m_view->fontMetrics();
    const int padding = 2 * (style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, m_view) + 1) + 2;
    auto fit = [&](int column, std::initializer_list<QStringView> texts) {
        int width = metrics.horizontalAdvance(m_model->headerData(column, Qt::Horizontal).toString()) + 8;
        for (QStringView text : texts)
            width = std::max(width, metrics.horizontalAdvance(text.toString()));
        m_view->setColumnWidth(column, width + padding);
    };
    m_view->setColumnWidth(TimelineModel::ResultColumn, metrics.height() + 12);
    fit(TimelineModel::ExchangeColumn, {u"#1234"});
    fit(TimelineModel::KindColumn, {u"Preflight", u"Sending…"});
    fit(TimelineModel::MethodColumn, {u"OPTIONS"});
    fit(TimelineModel::StatusColumn, {u"204 No Content", u"404 Not Found", u"Cancelled"});
    fit(TimelineModel::DurationColumn, {u"999 ms", u"9.99 s"});
    m_view->setColumnWidth(TimelineModel::WaterfallColumn, 150);
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
    bar->addWidget(m_outcome);
    bar->addWidget(m_method);
    bar->addWidget(m_status);
    bar->addWidget(m_origin);
    bar->addWidget(m_count);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(bar);
    layout->addWidget(m_pages, 1);
    layout->addWidget(m_legend);

    connect(m_filter, &QLineEdit::textChanged, this, &TimelinePanel::applyFilter);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
        [this](const QModelIndex &current) {
            updateScale();
            Q_EMIT currentSourceRowChanged(current.isValid() ? m_proxy->mapToSource(current).row() : -1);
        });
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, &TimelinePanel::updateScale);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &TimelinePanel::updateScale);
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, &TimelinePanel::updateScale);
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, &TimelinePanel::updateScale);
    connect(m_proxy, &QAbstractItemModel::dataChanged, this, &TimelinePanel::updateScale);
    connect(
        m_model, &QAbstractItemModel::rowsInserted, this, [this](const QModelIndex &, int first, int last) {
            addOrigins(first, last);
            updateEmptyState();
        });
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, [this] {
        rebuildOrigins();
        updateEmptyState();
    });
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        rebuildOrigins();
        updateEmptyState();
    });
    rebuildOrigins();
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

void TimelinePanel::applyFilter()
{
    TimelineFilter filter;
    filter.text = m_filter->text();
    filter.outcome = TimelineFilter::Outcome(m_outcome->currentData().toInt());
    filter.method = m_method->currentData().toByteArray();
    filter.status = TimelineFilter::StatusClass(m_status->currentData().toInt());
    filter.origin = m_origin->currentData().toByteArray();
    m_proxy->setFilter(filter);
    updateEmptyState();
}

void TimelinePanel::addOrigins(int firstRow, int lastRow)
{
    for (int row = firstRow; row <= lastRow; ++row) {
        const ExchangeRecordPtr exchange = m_model->exchangeAt(row);
        if (!exchange || (row > firstRow && m_model->exchangeAt(row - 1) == exchange))
            continue;
        const QByteArray origin = exchange->request.origin.serialize();
        if (origin.isEmpty() || m_knownOrigins.contains(origin))
            continue;
        m_knownOrigins.insert(origin);
        m_origin->addItem(QString::fromLatin1(origin), origin);
    }
}

void TimelinePanel::rebuildOrigins()
{
    const QByteArray current = m_origin->currentData().toByteArray();
    {
        // The filter is re-applied once below, not for every item removed.
        const QSignalBlocker blocker(m_origin);
        m_knownOrigins.clear();
        while (m_origin->count() > 1)
            m_origin->removeItem(1);
        addOrigins(0, m_model->rowCount() - 1);
        const int index = m_origin->findData(current);
        m_origin->setCurrentIndex(index >= 0 ? index : 0);
    }
    if (m_origin->currentData().toByteArray() != current)
        applyFilter();
}

void TimelinePanel::updateScale()
{
    QModelIndex index = m_view->currentIndex();
    if (!index.isValid() && m_proxy->rowCount() > 0)
        index = m_proxy->index(m_proxy->rowCount() - 1, 0);
    const int id = index.isValid() ? index.data(TimelineModel::ExchangeIdRole).toInt() : 0;
    if (id != m_delegate->scaleExchangeId()) {
        m_delegate->setScaleExchangeId(id);
        m_view->viewport()->update(); // the tick lines move to the rows of the other exchange
    }
    m_header->setScale(id, id ? index.data(TimelineModel::ExchangeStartMsRole).toDouble() : 0,
        id ? index.data(TimelineModel::ExchangeSpanMsRole).toDouble() : 0);
}

void TimelinePanel::updateEmptyState()
{
    m_pages->setCurrentIndex(m_model->rowCount() > 0 ? 1 : 0);
    m_legend->setVisible(m_model->rowCount() > 0);
    const int exchanges = m_model->exchangeCount();
    QString text = QString::number(exchanges)
        + (exchanges == 1 ? QStringLiteral(" exchange") : QStringLiteral(" exchanges"));
    if (!m_proxy->filter().isEmpty())
        text = QString::number(m_proxy->rowCount()) + u" of " + QString::number(m_model->rowCount())
            + u" hops";
    m_count->setText(text);
}

} // namespace corscope
