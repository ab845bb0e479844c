#pragma once

#include <QDialog>

class QDialogButtonBox;
class QLineEdit;
class QPlainTextEdit;

namespace corscope {

class CollectionModel;
class OriginListEditor;

// "Collection Settings…": the collection's own name, description and default page origins (used by
// every request without origins of its own). Applied to the model as one undoable step.
class CollectionSettingsDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CollectionSettingsDialog)

public:
    explicit CollectionSettingsDialog(CollectionModel *model, QWidget *parent = nullptr);
    ~CollectionSettingsDialog() override;

    OriginListEditor *originEditor() const { return m_origins; }
    // False when nothing changed or an origin does not parse.
    bool apply();
    void accept() override;

private:
    void updateButtons();

    CollectionModel *m_model;
    QLineEdit *m_name;
    QPlainTextEdit *m_description;
    OriginListEditor *m_origins;
    QDialogButtonBox *m_buttons;
};

} // namespace corscope
