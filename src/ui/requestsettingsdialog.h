#pragma once

#include "store/collection.h"

#include <QDialog>
#include <QString>
#include <optional>

class QDialogButtonBox;
class QLabel;

namespace corscope {

class CollectionModel;
class RequestSettingsEditor;

// "Request Settings…": edits one saved request of the collection tree (RequestSettingsEditor) and
// applies the changes to the model as one undoable step; for a folder ("Folder Settings…"), its name
// and description. The item is followed by its id, so the dialog stays right when rows move; if it
// is deleted meanwhile, Apply is disabled.
class RequestSettingsDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RequestSettingsDialog)

public:
    RequestSettingsDialog(CollectionModel *model, const QString &itemId, QWidget *parent = nullptr);
    ~RequestSettingsDialog() override;

    RequestSettingsEditor *editor() const { return m_editor; }
    QString itemId() const { return m_itemId; }

    // Pushes what differs from the model (name, description, request) as one undo step. False when
    // there is nothing to apply, the request is gone or a field has a problem.
    bool apply();

    void accept() override;

private:
    void updateButtons();
    void updateTitle();
    // The item by id, as long as it is still of the kind the dialog was opened for.
    std::optional<CollectionItem> currentItem() const;

    CollectionModel *m_model;
    QString m_itemId;
    RequestSettingsEditor *m_editor;
    QLabel *m_problems;
    QDialogButtonBox *m_buttons;
};

} // namespace corscope
