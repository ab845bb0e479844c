#include "ui/collectionsettingsdialog.h"

#include "ui/collectionmodel.h"
#include "ui/originlisteditor.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace corscope {

CollectionSettingsDialog::CollectionSettingsDialog(CollectionModel *model, QWidget *parent)
    : QDialog(parent)
    , m_model(model)
    , m_name(new QLineEdit(this))
    , m_description(new QPlainTextEdit(this))
    , m_origins(new OriginListEditor(this))
    , m_buttons(new QDialogButtonBox(
          QDialogButtonBox::Ok | QDialogButtonBox::Apply | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("collectionSettingsDialog"));
    setWindowTitle(QStringLiteral("Collection Settings"));
    m_name->setObjectName(QStringLiteral("collectionNameEdit"));
    m_description->setObjectName(QStringLiteral("collectionDescriptionEdit"));
    m_description->setTabChangesFocus(true);
    m_origins->setEmptyText(QStringLiteral("No default page origin: each request needs its own."));
    m_buttons->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("collectionOkButton"));
    m_buttons->button(QDialogButtonBox::Apply)->setObjectName(QStringLiteral("collectionApplyButton"));
    m_buttons->button(QDialogButtonBox::Cancel)->setObjectName(QStringLiteral("collectionCancelButton"));

    const Collection &properties = m_model->properties();
    m_name->setText(properties.name);
    m_description->setPlainText(properties.description);
    m_origins->setOrigins(properties.origins);

    auto *form = new QFormLayout;
    form->addRow(QStringLiteral("&Name"), m_name);
    form->addRow(QStringLiteral("Default page &origins"), m_origins);
    form->addRow(QStringLiteral("D&escription"), m_description);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form, 1);
    layout->addWidget(m_buttons);

    connect(m_name, &QLineEdit::textChanged, this, &CollectionSettingsDialog::updateButtons);
    connect(m_description, &QPlainTextEdit::textChanged, this, &CollectionSettingsDialog::updateButtons);
    connect(m_origins, &OriginListEditor::originsChanged, this, &CollectionSettingsDialog::updateButtons);
    connect(m_model, &CollectionModel::contentChanged, this, &CollectionSettingsDialog::updateButtons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &CollectionSettingsDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &CollectionSettingsDialog::reject);
    connect(m_buttons->button(QDialogButtonBox::Apply), &QPushButton::clicked, this,
        &CollectionSettingsDialog::apply);
    updateButtons();
}

CollectionSettingsDialog::~CollectionSettingsDialog() = default;

bool CollectionSettingsDialog::apply()
{
    if (!m_origins->problems().isEmpty())
        return false;
    Collection properties = m_model->properties();
    properties.name = m_name->text().trimmed();
    properties.description = m_description->toPlainText();
    properties.origins = m_origins->origins();
    const bool applied = m_model->setProperties(properties, QStringLiteral("Edit collection settings"));
    updateButtons();
    return applied;
}

void CollectionSettingsDialog::accept()
{
    if (!m_origins->problems().isEmpty())
        return;
    apply();
    QDialog::accept();
}

void CollectionSettingsDialog::updateButtons()
{
    const Collection &properties = m_model->properties();
    const bool valid = m_origins->problems().isEmpty();
    const bool differs = m_name->text().trimmed() != properties.name
        || m_description->toPlainText() != properties.description
        || m_origins->origins() != properties.origins;
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(valid);
    m_buttons->button(QDialogButtonBox::Apply)->setEnabled(valid && differs);
}

} // namespace corscope
