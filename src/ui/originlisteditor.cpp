#include "ui/originlisteditor.h"

#include "core/origin.h"
#include "ui/tone.h"

#include <QHBoxLayout>
#include <QItemSelectionModel>
#include <QLabel>
#include <QListView>
#include <QStringListModel>
#include <QToolButton>
#include <QVBoxLayout>

namespace corscope {

OriginListEditor::OriginListEditor(QWidget *parent)
    : QWidget(parent)
    , m_model(new QStringListModel(this))
    , m_view(new QListView(this))
    , m_add(new QToolButton(this))
    , m_remove(new QToolButton(this))
    , m_up(new QToolButton(this))
    , m_down(new QToolButton(this))
    , m_note(new QLabel(this))
{
    setObjectName(QStringLiteral("originListEditor"));
    m_view->setObjectName(QStringLiteral("originsView"));
    m_view->setModel(m_model);
    m_view->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed
        | QAbstractItemView::AnyKeyPressed | QAbstractItemView::SelectedClicked);
    m_view->setToolTip(QStringLiteral("Page origins such as https://app.example.com; several make an origin "
                                      "matrix (one exchange per origin). Double click to edit."));
    m_add->setObjectName(QStringLiteral("addOriginButton"));
    m_add->setText(QStringLiteral("Add"));
    m_add->setToolTip(QStringLiteral("Add a page origin"));
    m_remove->setObjectName(QStringLiteral("removeOriginButton"));
    m_remove->setText(QStringLiteral("Remove"));
    m_remove->setToolTip(QStringLiteral("Remove the selected page origin"));
    m_up->setObjectName(QStringLiteral("moveOriginUpButton"));
    m_up->setArrowType(Qt::UpArrow);
    m_up->setToolTip(QStringLiteral("Move up (the first origin is the one the composer opens with)"));
    m_down->setObjectName(QStringLiteral("moveOriginDownButton"));
    m_down->setArrowType(Qt::DownArrow);
    m_down->setToolTip(QStringLiteral("Move down"));
    m_note->setObjectName(QStringLiteral("originsNote"));
    m_note->setWordWrap(true);

    auto *buttons = new QHBoxLayout;
    buttons->setContentsMargins(0, 0, 0, 0);
    for (QToolButton *button : {m_add, m_remove, m_up, m_down})
        buttons->addWidget(button);
    buttons->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view, 1);
    layout->addLayout(buttons);
    layout->addWidget(m_note);

    connect(m_add, &QToolButton::clicked, this, [this] { addOrigin(); });
    connect(m_remove, &QToolButton::clicked, this, &OriginListEditor::removeSelected);
    connect(m_up, &QToolButton::clicked, this, [this] { moveSelected(-1); });
    connect(m_down, &QToolButton::clicked, this, [this] { moveSelected(1); });
    auto changed = [this] {
        update();
        Q_EMIT originsChanged();
    };
    connect(m_model, &QAbstractItemModel::dataChanged, this, changed);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, changed);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, changed);
    connect(m_model, &QAbstractItemModel::rowsMoved, this, changed);
    connect(m_model, &QAbstractItemModel::modelReset, this, &OriginListEditor::update);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this, &OriginListEditor::update);
    update();
}

OriginListEditor::~OriginListEditor() = default;

QStringList OriginListEditor::origins() const
{
    QStringList out;
    for (const QString &origin : m_model->stringList()) {
        if (!origin.trimmed().isEmpty())
            out.append(origin.trimmed());
    }
    return out;
}

void OriginListEditor::setOrigins(const QStringList &origins)
{
    m_model->setStringList(origins);
}

void OriginListEditor::setEmptyText(const QString &text)
{
    m_emptyText = text;
    update();
}

QStringList OriginListEditor::problems() const
{
    QStringList out;
    for (const QString &origin : origins()) {
        if (origin.contains(u"{{"))
            continue; // resolved per environment when the request is opened or run
        QString error;
        if (!Origin::parse(origin, &error))
            out.append(error); // it names the origin
    }
    return out;
}

void OriginListEditor::addOrigin(const QString &origin)
{
    const int row = m_model->rowCount();
    m_model->insertRows(row, 1);
    const QModelIndex index = m_model->index(row);
    m_model->setData(index, origin.isEmpty() ? QStringLiteral("https://") : origin);
    m_view->setCurrentIndex(index);
    if (origin.isEmpty() && m_view->isVisible())
        m_view->edit(index);
}

void OriginListEditor::removeSelected()
{
    const QModelIndex current = m_view->currentIndex();
    if (current.isValid())
        m_model->removeRows(current.row(), 1);
}

void OriginListEditor::moveSelected(int delta)
{
    const QModelIndex current = m_view->currentIndex();
    if (!current.isValid())
        return;
    const int row = current.row();
    const int target = row + delta;
    if (target < 0 || target >= m_model->rowCount())
        return;
    // moveRows() takes the row before which to insert, counted before the move.
    m_model->moveRows({}, row, 1, {}, delta > 0 ? target + 1 : target);
    m_view->setCurrentIndex(m_model->index(target));
}

void OriginListEditor::update()
{
    const QModelIndex current = m_view->currentIndex();
    m_remove->setEnabled(current.isValid());
    m_up->setEnabled(current.isValid() && current.row() > 0);
    m_down->setEnabled(current.isValid() && current.row() + 1 < m_model->rowCount());
    const QStringList found = problems();
    QPalette palette = this->palette();
    if (!found.isEmpty()) {
        m_note->setText(found.join(u'\n'));
        palette.setColor(QPalette::WindowText, toneColor(palette, Tone::Failure));
    } else {
        m_note->setText(origins().isEmpty() ? m_emptyText : QString());
    }
    m_note->setPalette(palette);
    m_note->setVisible(!m_note->text().isEmpty());
}

} // namespace corscope
