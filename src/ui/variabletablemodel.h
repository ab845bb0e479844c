#pragma once

#include <QAbstractTableModel>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

namespace corscope {

// The {{variables}} of one environment (or of the whole collection) as an editable name/value
// table. Values that look secret (a name such as "token" or "password", a bearer token or a JWT)
// are masked in the display until secrets are revealed; editing always shows the real value.
// Names are checked as they are typed: empty, twice, or not usable inside {{…}}.
class VariableTableModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(VariableTableModel)

public:
    using Variables = QList<QPair<QString, QString>>;
    enum Column { NameColumn, ValueColumn, NUM_COLUMNS };
    enum Role {
        ProblemRole = Qt::UserRole, // QString: what is wrong with the row's name, empty when nothing
        IsSecretRole, // bool: the value is masked unless secrets are revealed
    };

    explicit VariableTableModel(QObject *parent = nullptr);
    ~VariableTableModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool insertRows(int row, int count, const QModelIndex &parent = {}) override;
    bool removeRows(int row, int count, const QModelIndex &parent = {}) override;

    Variables variables() const { return m_variables; }
    void setVariables(const Variables &variables);
    // Adds a row at the end and returns its number.
    int appendVariable(const QString &name = {}, const QString &value = {});

    bool secretsRevealed() const { return m_revealed; }
    void setSecretsRevealed(bool revealed);

    // The problem of each row ("" when none), and every problem as a sentence naming the variable.
    static QStringList rowProblems(const Variables &variables);
    static QStringList problems(const Variables &variables);
    // A value to mask on screen: a secret-looking name, a bearer/basic credential or a JWT.
    // {{env:NAME}} is never secret: the value lives in the process environment, not here.
    static bool isSecretLooking(const QString &name, const QString &value);

private:
    void emitProblemChanges(const QStringList &before);

    Variables m_variables;
    QStringList m_problems; // one per row
    bool m_revealed = false;
};

} // namespace corscope
