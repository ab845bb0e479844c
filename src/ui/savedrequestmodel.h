#pragma once

#include "store/collectionfile.h"
#include "store/requestinput.h"

#include <QAbstractListModel>

namespace corscope {

// The saved requests of one collection as a flat list (the demo requests for now). Named for what
// it holds so it can grow into the collection tree (folders, several collections) later.
class SavedRequestModel final : public QAbstractListModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SavedRequestModel)

public:
    enum Role {
        MethodRole = Qt::UserRole, // QString
        UrlRole, // QString
        ExpectRole, // QString: "allowed", "blocked", "network-error" or empty
    };

    explicit SavedRequestModel(QObject *parent = nullptr);
    ~SavedRequestModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

    void setCollection(const Collection &collection);
    const Collection &collection() const { return m_collection; }
    // The request at this row (folders are flattened in document order), or null.
    const CollectionItem *requestAt(int row) const;
    // The request as the composer takes it: variables resolved, the first page origin.
    RequestInput inputAt(int row) const;

private:
    Collection m_collection;
    QList<CollectionEntry> m_entries; // points into m_collection.items
};

} // namespace corscope
