#pragma once

#include <QDialog>

class QComboBox;
class QLineEdit;
class QPushButton;

namespace corscope {

class CollectionModel;

// Asks where a composed request goes in the collection: its name and its folder (an existing one
// from the list, or a new path typed as "a/b"). The first Ctrl+S of a new request and "Save as…"
// show it; it only asks, the caller saves.
class SaveRequestDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SaveRequestDialog)

public:
    SaveRequestDialog(const CollectionModel *model, const QString &suggestedName,
        const QString &suggestedFolder, QWidget *parent = nullptr);
    ~SaveRequestDialog() override;

    QString requestName() const;
    // "a/b", or "" for the top level.
    QString folderPath() const;

    // Every folder of the model as "a/b", in tree order.
    static QStringList folderPaths(const CollectionModel *model);

private:
    QLineEdit *m_name;
    QComboBox *m_folder;
    QPushButton *m_save;
};

} // namespace corscope
