#pragma once

#include "store/collection.h"

#include <QAbstractListModel>
#include <QFont>

namespace corscope {

// The environments of a collection as an editable list, for the environment editor. Row 0 stands for
// the collection's own variables (they apply in every environment and cannot be renamed or
// removed); rows 1… are the environments in file order. Renames refuse an empty or taken name.
class EnvironmentListModel final : public QAbstractListModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EnvironmentListModel)

public:
    using Variables = QList<QPair<QString, QString>>;
    static constexpr int CollectionRow = 0;

    explicit EnvironmentListModel(QObject *parent = nullptr);
    ~EnvironmentListModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool removeRows(int row, int count, const QModelIndex &parent = {}) override;

    void setContents(const QList<Environment> &environments, const Variables &collectionVariables);
    QList<Environment> environments() const { return m_environments; }
    Variables collectionVariables() const { return m_collectionVariables; }

    // The variables of a row (row 0: the collection's).
    Variables variables(int row) const;
    void setVariables(int row, const Variables &variables);
    // The row of an environment by name; -1 when there is none.
    int rowOf(const QString &environmentName) const;
    // Appends an environment; an empty or taken name becomes a free one ("new environment 2").
    // Returns its row.
    int addEnvironment(const QString &name = {}, const Variables &variables = {});

private:
    QString freeName(const QString &wanted) const;

    QList<Environment> m_environments;
    Variables m_collectionVariables;
    QFont m_collectionFont;
};

} // namespace corscope
