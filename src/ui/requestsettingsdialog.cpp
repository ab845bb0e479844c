#include "ui/requestsettingsdialog.h"

#include "ui/collectionmodel.h"
#include "ui/originlisteditor.h"
#include "ui/requestsettingseditor.h"
#include "ui/tone.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QUndoStack>
#include <QVBoxLayout>

namespace corscope {

RequestSettingsDialog::RequestSettingsDialog(CollectionModel *model, const QString &itemId, QWidget *parent)
    : QDialog(parent)
    , m_model(model)
    , m_itemId(itemId)
    , m_editor(new RequestSettingsEditor(this))
    , m_problems(new QLabel(this))
    , m_buttons(new QDialogButtonBox(
          QDialogButtonBox::Ok | QDialogButtonBox::Apply | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("requestSettingsDialog"));
    m_problems->setObjectName(QStringLiteral("settingsProblemsLabel"));
    m_problems->setWordWrap(true);
    QPalette palette = m_problems->palette();
    palette.setColor(QPalette::WindowText, toneColor(palette, Tone::Failure));
    m_problems->setPalette(palette);
    m_buttons->setObjectName(QStringLiteral("settingsButtons"));
    m_buttons->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("settingsOkButton"));
    m_buttons->button(QDialogButtonBox::Apply)->setObjectName(QStringLiteral("settingsApplyButton"));
    m_buttons->button(QDialogButtonBox::Cancel)->setObjectName(QStringLiteral("settingsCancelButton"));

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_editor, 1);
    layout->addWidget(m_problems);
    layout->addWidget(m_buttons);

    if (const auto item = m_model->itemAt(m_model->indexOfId(m_itemId)))
        m_editor->setItem(*item);
    updateTitle();
    m_editor->setCollectionOrigins(m_model->properties().origins);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &RequestSettingsDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &RequestSettingsDialog::reject);
    connect(m_buttons->button(QDialogButtonBox::Apply), &QPushButton::clicked, this,
        &RequestSettingsDialog::apply);
    connect(m_editor, &RequestSettingsEditor::changed, this, &RequestSettingsDialog::updateButtons);
    // An undo or a delete in the tree while the dialog is open.
    connect(m_model, &CollectionModel::contentChanged, this, &RequestSettingsDialog::updateButtons);
    updateButtons();
}

RequestSettingsDialog::~RequestSettingsDialog() = default;

bool RequestSettingsDialog::apply()
{
    const QModelIndex index = m_model->indexOfId(m_itemId);
    const auto item = currentItem();
    if (!item || !m_editor->problems().isEmpty())
        return false;
    const bool renamed = m_editor->name() != item->name;
    const bool described = m_editor->description() != item->description;
    const bool edited = !item->isFolder() && m_editor->request() != item->request;
    if (!renamed && !described && !edited)
        return false;
    // One undo step for the whole dialog, named after the request as it was.
    QUndoStack *stack = m_model->undoStack();
    stack->beginMacro(u"Edit settings of “" + item->name + u"”");
    if (edited)
        m_model->setRequest(index, m_editor->request());
    if (described)
        m_model->setDescription(index, m_editor->description());
    if (renamed)
        m_model->renameItem(index, m_editor->name());
    stack->endMacro();
    updateTitle();
    updateButtons();
    return true;
}

std::optional<CollectionItem> RequestSettingsDialog::currentItem() const
{
    auto item = m_model->itemAt(m_model->indexOfId(m_itemId));
    if (!item || item->isFolder() != m_editor->isFolder())
        return std::nullopt;
    return item;
}

void RequestSettingsDialog::updateTitle()
{
    const QString kind
        = m_editor->isFolder() ? QStringLiteral("Folder Settings") : QStringLiteral("Request Settings");
    setWindowTitle(m_editor->name().isEmpty() ? kind : QString(kind + u" — " + m_editor->name()));
}

void RequestSettingsDialog::accept()
{
    if (!m_editor->problems().isEmpty())
        return;
    apply();
    QDialog::accept();
}

void RequestSettingsDialog::updateButtons()
{
    const auto item = currentItem();
    const bool exists = item.has_value();
    QStringList problems = m_editor->problems();
    if (!exists)
        problems.prepend(m_editor->isFolder()
                ? QStringLiteral("The folder is no longer in the collection.")
                : QStringLiteral("The request is no longer in the collection."));
    QStringList shown = problems; // the origin list shows its own problems under the list
    for (const QString &problem : m_editor->originEditor()->problems())
        shown.removeAll(problem);
    m_problems->setText(shown.join(u'\n'));
    m_problems->setVisible(!shown.isEmpty());
    const bool differs = exists
        && (m_editor->name() != item->name || m_editor->description() != item->description
            || (!item->isFolder() && m_editor->request() != item->request));
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(problems.isEmpty());
    m_buttons->button(QDialogButtonBox::Apply)->setEnabled(problems.isEmpty() && differs);
}

} // namespace corscope
