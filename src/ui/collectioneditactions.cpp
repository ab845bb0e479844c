#include "ui/collectioneditactions.h"

#include "ui/collectionmodel.h"
#include "ui/collectionsettingsdialog.h"
#include "ui/environmenteditordialog.h"
#include "ui/requestsettingsdialog.h"

#include <QAction>
#include <QComboBox>
#include <QToolButton>
#include <QTreeView>

namespace corscope {

CollectionEditActions::CollectionEditActions(
    CollectionModel *model, QTreeView *view, QComboBox *environmentCombo, QWidget *dialogParent)
    : QObject(dialogParent)
    , m_model(model)
    , m_view(view)
    , m_environmentCombo(environmentCombo)
    , m_dialogParent(dialogParent)
    , m_requestSettings(new QAction(QStringLiteral("Request &Settings…"), dialogParent))
    , m_editEnvironments(new QAction(QStringLiteral("Edit &Environments…"), dialogParent))
    , m_collectionSettings(new QAction(QStringLiteral("C&ollection Settings…"), dialogParent))
{
    setObjectName(QStringLiteral("collectionEditActions"));
    m_requestSettings->setObjectName(QStringLiteral("requestSettingsAction"));
    m_requestSettings->setToolTip(QStringLiteral(
        "Page origins, expected verdict, credentials, redirect mode, browser and delay of the request"));
    m_editEnvironments->setObjectName(QStringLiteral("editEnvironmentsAction"));
    m_editEnvironments->setIconText(QStringLiteral("Edit…"));
    m_editEnvironments->setToolTip(
        QStringLiteral("Add, rename and remove environments and edit their variables"));
    m_collectionSettings->setObjectName(QStringLiteral("collectionSettingsAction"));
    m_collectionSettings->setToolTip(
        QStringLiteral("Name, description and default page origins of the collection"));
    connect(m_collectionSettings, &QAction::triggered, this, &CollectionEditActions::openCollectionSettings);
    connect(m_requestSettings, &QAction::triggered, this, &CollectionEditActions::openRequestSettings);
    connect(m_editEnvironments, &QAction::triggered, this, &CollectionEditActions::openEnvironmentEditor);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this,
        &CollectionEditActions::updateActions);
    connect(m_model, &CollectionModel::contentChanged, this, &CollectionEditActions::updateActions);
    updateActions();
}

CollectionEditActions::~CollectionEditActions() = default;

QToolButton *CollectionEditActions::createEnvironmentButton(QWidget *parent) const
{
    auto *button = new QToolButton(parent);
    button->setObjectName(QStringLiteral("editEnvironmentsButton"));
    button->setToolButtonStyle(Qt::ToolButtonTextOnly);
    button->setDefaultAction(m_editEnvironments);
    return button;
}

RequestSettingsDialog *CollectionEditActions::openRequestSettings()
{
    const QModelIndex current = m_view->currentIndex().siblingAtColumn(CollectionModel::NameColumn);
    if (!current.isValid())
        return nullptr;
    auto *dialog = new RequestSettingsDialog(
        m_model, current.data(CollectionModel::IdRole).toString(), m_dialogParent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
    return dialog;
}

EnvironmentEditorDialog *CollectionEditActions::openEnvironmentEditor()
{
    auto *dialog = new EnvironmentEditorDialog(m_model, m_dialogParent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->selectEnvironment(
        m_environmentCombo->currentIndex() > 0 ? m_environmentCombo->currentText() : QString());
    // When the environment in use was renamed or removed, or the first one was just created, the
    // one shown in the dialog becomes the one requests resolve with (instead of "no environment").
    const QString previous
        = m_environmentCombo->currentIndex() > 0 ? m_environmentCombo->currentText() : QString();
    const bool hadEnvironments = !m_model->properties().environments.isEmpty();
    connect(dialog, &QDialog::accepted, m_environmentCombo,
        [combo = m_environmentCombo, dialog, previous, hadEnvironments] {
            const bool lost = !previous.isEmpty() && combo->currentIndex() <= 0;
            const int row = combo->findText(dialog->selectedEnvironment());
            if ((lost || !hadEnvironments) && !dialog->selectedEnvironment().isEmpty() && row > 0)
                combo->setCurrentIndex(row);
        });
    dialog->open();
    return dialog;
}

CollectionSettingsDialog *CollectionEditActions::openCollectionSettings()
{
    auto *dialog = new CollectionSettingsDialog(m_model, m_dialogParent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
    return dialog;
}

void CollectionEditActions::updateActions()
{
    // One action for both kinds, named after the current item (a folder has a name and a description).
    const QModelIndex current = m_view->currentIndex();
    const bool folder = current.siblingAtColumn(0).data(CollectionModel::IsFolderRole).toBool();
    m_requestSettings->setEnabled(current.isValid());
    m_requestSettings->setText(
        folder ? QStringLiteral("Folder &Settings…") : QStringLiteral("Request &Settings…"));
}

} // namespace corscope
