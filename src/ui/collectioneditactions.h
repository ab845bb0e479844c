#pragma once

#include <QList>
#include <QObject>

class QAction;
class QComboBox;
class QToolButton;
class QTreeView;
class QWidget;

namespace corscope {

class CollectionModel;
class CollectionSettingsDialog;
class EnvironmentEditorDialog;
class RequestSettingsDialog;

// The editors of the collection dock, so the dock only places them: "Request Settings…" for the
// tree's current request ("Folder Settings…" on a folder; context menu), "Collection Settings…" (context
// menu) and "Edit Environments…" beside the environment combo. Each opens its dialog window-modal (no nested
// event loop); the dialogs delete themselves when closed.
class CollectionEditActions final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CollectionEditActions)

public:
    // `dialogParent` owns the dialogs; the view's current index picks the request.
    CollectionEditActions(
        CollectionModel *model, QTreeView *view, QComboBox *environmentCombo, QWidget *dialogParent);
    ~CollectionEditActions() override;

    QAction *requestSettingsAction() const { return m_requestSettings; }
    QAction *editEnvironmentsAction() const { return m_editEnvironments; }
    QAction *collectionSettingsAction() const { return m_collectionSettings; }
    // The actions for the tree's context menu.
    QList<QAction *> treeActions() const { return {m_requestSettings, m_collectionSettings}; }
    // A small button for the environment row, showing editEnvironmentsAction().
    QToolButton *createEnvironmentButton(QWidget *parent) const;

    RequestSettingsDialog *openRequestSettings();
    EnvironmentEditorDialog *openEnvironmentEditor();
    CollectionSettingsDialog *openCollectionSettings();

private:
    void updateActions();

    CollectionModel *m_model;
    QTreeView *m_view;
    QComboBox *m_environmentCombo;
    QWidget *m_dialogParent;
    QAction *m_requestSettings;
    QAction *m_editEnvironments;
    QAction *m_collectionSettings;
};

} // namespace corscope
