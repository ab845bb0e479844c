#pragma once

#include "core/browserprofile.h"

#include <QAbstractTableModel>
#include <QIcon>
#include <QList>
#include <QString>
#include <QStringList>

namespace corscope {

// The composer's request headers: name, value and whether the row is sent. Each row is checked
// as it is typed (bad name, CR/LF/NUL in the value, a header a page may not set) with the engine's
// own predicates; a problem shows as a mark, a tooltip and a red foreground on that row.
class HeaderEditModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HeaderEditModel)

public:
    enum Column { EnabledColumn, NameColumn, ValueColumn, NUM_COLUMNS };
    enum Role {
        ProblemRole = Qt::UserRole, // QString: what is wrong with the row, empty when nothing
        SecretLostRole, // bool: the row's secret value was not kept on disk and must be entered again
    };

    struct Entry
    {
        QString name;
        QString value;
        bool enabled = true;
        // The value was a secret that was not kept on disk (ui/secretsatrest.h): the row asks for
        // it until a value is typed.
        bool secretLost = false;
        friend bool operator==(const Entry &, const Entry &) = default;
    };

    explicit HeaderEditModel(QObject *parent = nullptr);
    ~HeaderEditModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool insertRows(int row, int count, const QModelIndex &parent = {}) override;
    bool removeRows(int row, int count, const QModelIndex &parent = {}) override;

    QList<Entry> entries() const { return m_entries; }
    void setEntries(const QList<Entry> &entries);
    // Adds a row at the end (an empty one without an argument) and returns its number.
    int appendEntry();
    int appendEntry(const Entry &entry);
    // "Name: value" for every enabled row with a name, as RequestInput::headerLines wants them.
    QStringList enabledHeaderLines() const;
    // The problems of the enabled rows, one sentence each.
    QStringList problems() const;
    QString problemAt(int row) const;
    // The names of the enabled rows whose secret value must be entered again.
    QStringList lostSecretNames() const;
    static QString lostSecretPlaceholder(); // "secret not kept: enter it again"

    // Forbidden headers depend on the browser profile.
    void setProfile(const BrowserProfile &profile);

    // Names offered by completion: the headers scripts set most often.
    static QStringList commonHeaderNames();

private:
    void revalidate(int first, int last);

    QList<Entry> m_entries;
    QStringList m_problems;
    BrowserProfile m_profile = BrowserProfile::chromium();
    QIcon m_problemIcon;
};

} // namespace corscope
