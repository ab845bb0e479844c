#pragma once

#include <QDialog>

class QCheckBox;
class QDialogButtonBox;
class QLabel;
class QListView;
class QTableView;
class QToolButton;

namespace corscope {

class CollectionModel;
class EnvironmentListModel;
class VariableTableModel;

// "Edit Environments…": add, rename (in place), duplicate and remove environments, and edit the
// variables of each one and of the whole collection in a name/value table whose secret-looking
// values are masked until "Show values" is ticked. Works on a copy; Apply/OK hands the result to
// the collection model as one undoable step.
class EnvironmentEditorDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EnvironmentEditorDialog)

public:
    explicit EnvironmentEditorDialog(CollectionModel *model, QWidget *parent = nullptr);
    ~EnvironmentEditorDialog() override;

    EnvironmentListModel *environmentModel() const { return m_environments; }
    VariableTableModel *variableModel() const { return m_variables; }

    // Shows that environment's variables (the collection's when the name is empty or unknown).
    void selectEnvironment(const QString &name);
    // The environment shown (empty for the collection's variables).
    QString selectedEnvironment() const;
    // One sentence per problem in any environment; Apply and OK stay disabled while there are some.
    QStringList problems() const;

    // False when nothing changed or there are problems.
    bool apply();
    void accept() override;

private:
    int selectedRow() const;
    void showRow(int row);
    void storeVariables();
    void updateState();

    CollectionModel *m_model;
    EnvironmentListModel *m_environments;
    VariableTableModel *m_variables;
    QListView *m_environmentView;
    QTableView *m_variableView;
    QToolButton *m_removeEnvironment;
    QToolButton *m_duplicateEnvironment;
    QToolButton *m_removeVariable;
    QCheckBox *m_reveal;
    QLabel *m_problems;
    QDialogButtonBox *m_buttons;
    int m_shownRow = -1;
};

} // namespace corscope
