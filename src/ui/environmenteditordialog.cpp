#include "ui/environmenteditordialog.h"

#include "ui/collectionmodel.h"
#include "ui/environmentlistmodel.h"
#include "ui/tone.h"
#include "ui/variabletablemodel.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListView>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>
#include <algorithm>
#include <functional>

namespace corscope {

namespace {
QToolButton *toolButton(QWidget *parent, const QString &name, const QString &text, const QString &tip)
{
    auto *button = new QToolButton(parent);
    button->setObjectName(name);
    button->setText(text);
    button->setToolTip(tip);
    return button;
}
} // namespace

EnvironmentEditorDialog::EnvironmentEditorDialog(CollectionModel *model, QWidget *parent)
    : QDialog(parent)
    , m_model(model)
    , m_environments(new EnvironmentListModel(this))
    , m_variables(new VariableTableModel(this))
    , m_environmentView(new QListView(this))
    , m_variableView(new QTableView(this))
    , m_removeEnvironment(toolButton(this, QStringLiteral("removeEnvironmentButton"),
          QStringLiteral("Remove"), QStringLiteral("Remove the selected environment")))
    , m_duplicateEnvironment(toolButton(this, QStringLiteral("duplicateEnvironmentButton"),
          QStringLiteral("Duplicate"), QStringLiteral("A new environment with the same variables")))
    , m_removeVariable(toolButton(this, QStringLiteral("removeVariableButton"), QStringLiteral("Remove"),
          QStringLiteral("Remove the selected variables")))
    , m_reveal(new QCheckBox(QStringLiteral("&Show values"), this))
    , m_problems(new QLabel(this))
    , m_buttons(new QDialogButtonBox(
          QDialogButtonBox::Ok | QDialogButtonBox::Apply | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("environmentEditorDialog"));
    setWindowTitle(QStringLiteral("Environments"));
    m_environments->setContents(m_model->properties().environments, m_model->properties().variables);

    m_environmentView->setObjectName(QStringLiteral("environmentsView"));
    m_environmentView->setModel(m_environments);
    m_environmentView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_environmentView->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed);
    auto *addEnvironment = toolButton(this, QStringLiteral("addEnvironmentButton"), QStringLiteral("Add"),
        QStringLiteral("Add an environment"));

    m_variableView->setObjectName(QStringLiteral("variablesView"));
    m_variableView->setModel(m_variables);
    m_variableView->verticalHeader()->hide();
    m_variableView->horizontalHeader()->setStretchLastSection(true);
    m_variableView->setColumnWidth(VariableTableModel::NameColumn, 160);
    m_variableView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_variableView->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed
        | QAbstractItemView::AnyKeyPressed | QAbstractItemView::SelectedClicked);
    auto *addVariable = toolButton(
        this, QStringLiteral("addVariableButton"), QStringLiteral("Add"), QStringLiteral("Add a variable"));
    m_reveal->setObjectName(QStringLiteral("revealValuesCheck"));
    m_reveal->setToolTip(
        QStringLiteral("Values that look secret (tokens, passwords, keys) are hidden until shown"));
    auto *hint = new QLabel(
        QStringLiteral(
            "Use a variable as {{name}} in URLs, headers, bodies and origins. Keep secrets out of the file "
            "with {{env:NAME}}: it is read from the process environment when the request is sent."),
        this);
    hint->setObjectName(QStringLiteral("variablesHint"));
    hint->setWordWrap(true);

    m_problems->setObjectName(QStringLiteral("environmentProblemsLabel"));
    m_problems->setWordWrap(true);
    QPalette palette = m_problems->palette();
    palette.setColor(QPalette::WindowText, toneColor(palette, Tone::Failure));
    m_problems->setPalette(palette);
    m_buttons->setObjectName(QStringLiteral("environmentButtons"));
    m_buttons->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("environmentOkButton"));
    m_buttons->button(QDialogButtonBox::Apply)->setObjectName(QStringLiteral("environmentApplyButton"));
    m_buttons->button(QDialogButtonBox::Cancel)->setObjectName(QStringLiteral("environmentCancelButton"));

    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(m_environmentView, 1);
    auto *environmentButtons = new QHBoxLayout;
    for (QToolButton *button : {addEnvironment, m_duplicateEnvironment, m_removeEnvironment})
        environmentButtons->addWidget(button);
    environmentButtons->addStretch(1);
    leftLayout->addLayout(environmentButtons);

    auto *right = new QWidget(this);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(m_variableView, 1);
    auto *variableButtons = new QHBoxLayout;
    variableButtons->addWidget(addVariable);
    variableButtons->addWidget(m_removeVariable);
    variableButtons->addStretch(1);
    variableButtons->addWidget(m_reveal);
    rightLayout->addLayout(variableButtons);
    rightLayout->addWidget(hint);

    auto *splitter = new QSplitter(this);
    splitter->addWidget(left);
    splitter->addWidget(right);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({180, 420});
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(splitter, 1);
    layout->addWidget(m_problems);
    layout->addWidget(m_buttons);
    resize(640, 400);

    connect(addEnvironment, &QToolButton::clicked, this, [this] {
        storeVariables();
        const int row = m_environments->addEnvironment();
        const QModelIndex index = m_environments->index(row);
        m_environmentView->setCurrentIndex(index);
        if (m_environmentView->isVisible())
            m_environmentView->edit(index);
    });
    connect(m_duplicateEnvironment, &QToolButton::clicked, this, [this] {
        storeVariables();
        const int source = selectedRow();
        const QString name = source == EnvironmentListModel::CollectionRow
            ? QString()
            : QString(m_environments->index(source).data(Qt::EditRole).toString() + u" copy");
        const int row = m_environments->addEnvironment(name, m_environments->variables(source));
        m_environmentView->setCurrentIndex(m_environments->index(row));
    });
    connect(m_removeEnvironment, &QToolButton::clicked, this, [this] {
        const int row = selectedRow();
        if (row == EnvironmentListModel::CollectionRow)
            return;
        m_shownRow = -1; // its variables go with it
        m_environments->removeRows(row, 1);
        m_environmentView->setCurrentIndex(m_environments->index(qMin(row, m_environments->rowCount() - 1)));
    });
    connect(addVariable, &QToolButton::clicked, this, [this] {
        const int row = m_variables->appendVariable();
        const QModelIndex index = m_variables->index(row, VariableTableModel::NameColumn);
        m_variableView->setCurrentIndex(index);
        if (m_variableView->isVisible())
            m_variableView->edit(index);
    });
    connect(m_removeVariable, &QToolButton::clicked, this, [this] {
        QList<int> rows;
        for (const QModelIndex &index : m_variableView->selectionModel()->selectedRows())
            rows.append(index.row());
        if (rows.isEmpty() && m_variableView->currentIndex().isValid())
            rows.append(m_variableView->currentIndex().row());
        std::sort(rows.begin(), rows.end(), std::greater<>());
        for (int row : std::as_const(rows))
            m_variables->removeRows(row, 1);
    });
    connect(m_reveal, &QCheckBox::toggled, m_variables, &VariableTableModel::setSecretsRevealed);
    connect(m_environmentView->selectionModel(), &QItemSelectionModel::currentChanged, this,
        [this](const QModelIndex &current) { showRow(current.isValid() ? current.row() : 0); });
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(m_variables, signal, this, &EnvironmentEditorDialog::storeVariables);
    connect(m_variables, &QAbstractItemModel::dataChanged, this, &EnvironmentEditorDialog::storeVariables);
    connect(m_variableView->selectionModel(), &QItemSelectionModel::currentChanged, this,
        &EnvironmentEditorDialog::updateState);
    connect(m_environments, &QAbstractItemModel::dataChanged, this, &EnvironmentEditorDialog::updateState);
    connect(m_environments, &QAbstractItemModel::rowsRemoved, this, &EnvironmentEditorDialog::updateState);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &EnvironmentEditorDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &EnvironmentEditorDialog::reject);
    connect(m_buttons->button(QDialogButtonBox::Apply), &QPushButton::clicked, this,
        &EnvironmentEditorDialog::apply);

    m_environmentView->setCurrentIndex(m_environments->index(m_environments->rowCount() > 1 ? 1 : 0));
    updateState();
}

EnvironmentEditorDialog::~EnvironmentEditorDialog() = default;

int EnvironmentEditorDialog::selectedRow() const
{
    const QModelIndex current = m_environmentView->currentIndex();
    return current.isValid() ? current.row() : EnvironmentListModel::CollectionRow;
}

void EnvironmentEditorDialog::selectEnvironment(const QString &name)
{
    const int row = name.isEmpty() ? -1 : m_environments->rowOf(name);
    m_environmentView->setCurrentIndex(
        m_environments->index(row < 0 ? EnvironmentListModel::CollectionRow : row));
}

QString EnvironmentEditorDialog::selectedEnvironment() const
{
    const int row = selectedRow();
    return row == EnvironmentListModel::CollectionRow
        ? QString()
        : m_environments->index(row).data(Qt::EditRole).toString();
}

void EnvironmentEditorDialog::showRow(int row)
{
    if (row == m_shownRow)
        return;
    storeVariables();
    m_shownRow = row;
    m_variables->setVariables(m_environments->variables(row));
    updateState();
}

void EnvironmentEditorDialog::storeVariables()
{
    if (m_shownRow >= 0)
        m_environments->setVariables(m_shownRow, m_variables->variables());
    updateState();
}

QStringList EnvironmentEditorDialog::problems() const
{
    QStringList out;
    for (int row = 0; row < m_environments->rowCount(); ++row) {
        const QString where = row == EnvironmentListModel::CollectionRow
            ? QStringLiteral("All environments")
            : m_environments->index(row).data(Qt::EditRole).toString();
        for (const QString &problem : VariableTableModel::problems(m_environments->variables(row)))
            out.append(where + u": " + problem);
    }
    return out;
}

bool EnvironmentEditorDialog::apply()
{
    storeVariables();
    if (!problems().isEmpty())
        return false;
    Collection properties = m_model->properties();
    properties.environments = m_environments->environments();
    properties.variables = m_environments->collectionVariables();
    const bool applied = m_model->setProperties(properties, QStringLiteral("Edit environments"));
    updateState();
    return applied;
}

void EnvironmentEditorDialog::accept()
{
    storeVariables();
    if (!problems().isEmpty())
        return;
    apply();
    QDialog::accept();
}

void EnvironmentEditorDialog::updateState()
{
    const int row = selectedRow();
    m_removeEnvironment->setEnabled(row != EnvironmentListModel::CollectionRow);
    m_duplicateEnvironment->setEnabled(true);
    m_removeVariable->setEnabled(m_variableView->currentIndex().isValid());
    const QStringList found = problems();
    m_problems->setText(found.join(u'\n'));
    m_problems->setVisible(!found.isEmpty());
    const Collection &properties = m_model->properties();
    const bool differs = m_environments->environments() != properties.environments
        || m_environments->collectionVariables() != properties.variables;
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(found.isEmpty());
    m_buttons->button(QDialogButtonBox::Apply)->setEnabled(found.isEmpty() && differs);
}

} // namespace corscope
