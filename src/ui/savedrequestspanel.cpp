#include "ui/savedrequestspanel.h"

#include "ui/savedrequestmodel.h"

#include <QLabel>
#include <QListView>
#include <QVBoxLayout>

namespace corscope {

SavedRequestsPanel::SavedRequestsPanel(SavedRequestModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_view(new QListView(this))
{
    setObjectName(QStringLiteral("savedRequestsPanel"));
    m_view->setObjectName(QStringLiteral("savedRequestsView"));
    m_view->setModel(model);
    m_view->setUniformItemSizes(true);
    m_view->setTextElideMode(Qt::ElideRight);
    m_view->setWordWrap(false);
    // Long names are elided (the tooltip has all of it) rather than scrolled sideways.
    m_view->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);

    auto *hint = new QLabel(QStringLiteral("Click loads a request, double-click sends it."), this);
    hint->setObjectName(QStringLiteral("savedRequestsHint"));
    hint->setWordWrap(true);
    hint->setForegroundRole(QPalette::PlaceholderText);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addWidget(m_view, 1);
    layout->addWidget(hint);

    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
        [this](const QModelIndex &current) {
            if (current.isValid())
                Q_EMIT requestChosen(current.row());
        });
    connect(m_view, &QListView::clicked, this,
        [this](const QModelIndex &index) { Q_EMIT requestChosen(index.row()); });
    connect(m_view, &QListView::doubleClicked, this,
        [this](const QModelIndex &index) { Q_EMIT sendRequested(index.row()); });
}

SavedRequestsPanel::~SavedRequestsPanel() = default;

void SavedRequestsPanel::selectRow(int row)
{
    const QModelIndex index = m_model->index(row, 0);
    if (!index.isValid())
        return;
    const QSignalBlocker blocker(m_view->selectionModel());
    m_view->setCurrentIndex(index);
    m_view->scrollTo(index);
}

} // namespace corscope
