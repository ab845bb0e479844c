#include "ui/saverequestdialog.h"

#include "ui/collectionmodel.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

namespace corscope {

namespace {
const QString topLevel = QStringLiteral("(top level)");

void collectFolders(const CollectionModel *model, const QModelIndex &parent, QStringList &paths)
{
    for (int row = 0; row < model->rowCount(parent); ++row) {
        const QModelIndex index = model->index(row, 0, parent);
        if (!index.data(CollectionModel::IsFolderRole).toBool())
            continue;
        paths.append(index.data(CollectionModel::FolderPathRole).toString());
        collectFolders(model, index, paths);
    }
}
} // namespace

SaveRequestDialog::SaveRequestDialog(const CollectionModel *model, const QString &suggestedName,
    const QString &suggestedFolder, QWidget *parent)
    : QDialog(parent)
    , m_name(new QLineEdit(suggestedName, this))
    , m_folder(new QComboBox(this))
{
    setObjectName(QStringLiteral("saveRequestDialog"));
    setWindowTitle(QStringLiteral("Save Request"));
    m_name->setObjectName(QStringLiteral("requestNameEdit"));
    m_name->selectAll();
    m_folder->setObjectName(QStringLiteral("folderCombo"));
    m_folder->setEditable(true);
    m_folder->addItem(topLevel);
    m_folder->addItems(folderPaths(model));
    m_folder->setToolTip(QStringLiteral("An existing folder, or a new one typed as “folder/subfolder”"));
    m_folder->setCurrentText(suggestedFolder.isEmpty() ? topLevel : suggestedFolder);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    m_save = buttons->button(QDialogButtonBox::Save);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_name, &QLineEdit::textChanged, this,
        [this](const QString &text) { m_save->setEnabled(!text.trimmed().isEmpty()); });
    m_save->setEnabled(!suggestedName.trimmed().isEmpty());

    auto *form = new QFormLayout(this);
    form->addRow(QStringLiteral("&Name:"), m_name);
    form->addRow(QStringLiteral("&Folder:"), m_folder);
    form->addRow(buttons);
    setMinimumWidth(420);
}

SaveRequestDialog::~SaveRequestDialog() = default;

QString SaveRequestDialog::requestName() const
{
    return m_name->text().trimmed();
}

QString SaveRequestDialog::folderPath() const
{
    const QString text = m_folder->currentText().trimmed();
    if (text == topLevel)
        return {};
    QStringList parts = text.split(u'/', Qt::SkipEmptyParts);
    for (QString &part : parts)
        part = part.trimmed();
    parts.removeAll(QString());
    return parts.join(u'/');
}

QStringList SaveRequestDialog::folderPaths(const CollectionModel *model)
{
    QStringList paths;
    collectFolders(model, {}, paths);
    return paths;
}

} // namespace corscope
