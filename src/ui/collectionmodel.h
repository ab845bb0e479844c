#pragma once

#include "store/collection.h"

#include <QAbstractItemModel>
#include <QHash>
#include <QIcon>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

class QUndoStack;

namespace corscope {

// The folder/request tree of one collection. Every edit (rename, duplicate, move, delete, import,
// a request's settings, the collection's environments and other properties) goes through the undo stack; the stack's clean state is the "saved" state. Nodes are owned by
// the model (stable addresses for internal pointers); edits address them by item id, so undo and
// redo stay right whatever happened to the rows around them.
class CollectionModel final : public QAbstractItemModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CollectionModel)

public:
    enum Column { NameColumn, MethodColumn, NUM_COLUMNS };
    enum Role {
        IdRole = Qt::UserRole, // QString
        IsFolderRole, // bool
        UrlRole, // QString, as written (may hold {{variables}})
        FolderPathRole, // QString "a/b": the folder itself for a folder, the enclosing one for a request
    };
    static QString mimeType() { return QStringLiteral("application/x-corscope-collection-items"); }

    explicit CollectionModel(QObject *parent = nullptr);
    ~CollectionModel() override;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    Qt::DropActions supportedDropActions() const override;
    Qt::DropActions supportedDragActions() const override;
    QStringList mimeTypes() const override;
    QMimeData *mimeData(const QModelIndexList &indexes) const override;
    bool canDropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
        const QModelIndex &parent) const override;
    bool dropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
        const QModelIndex &parent) override;

    // Replaces everything; the undo history is cleared and the state counts as saved.
    void setCollection(Collection collection);
    Collection collection() const;
    // Name, description, variables, environments and origins (items left empty).
    const Collection &properties() const { return m_properties; }

    QUndoStack *undoStack() const { return m_undo; }
    bool isModified() const;
    void setSaved();
    // Unsaved although the undo history is empty (a working state restored after a restart).
    void setModifiedWithoutHistory();

    QModelIndex indexOfId(const QString &id, int column = NameColumn) const;
    // The item with its whole subtree; nullopt for an invalid index.
    std::optional<CollectionItem> itemAt(const QModelIndex &index) const;
    QStringList folderPath(const QModelIndex &index) const;

    // Undoable edits. Each returns false (and changes nothing) when it does not apply.
    bool renameItem(const QModelIndex &index, const QString &name);
    QModelIndex duplicateItem(const QModelIndex &index);
    bool removeItem(const QModelIndex &index);
    // destinationRow counts in the destination as it is before the move (as beginMoveRows does).
    bool moveItem(const QModelIndex &index, const QModelIndex &destinationParent, int destinationRow);
    QModelIndex addFolder(const QModelIndex &parent, const QString &name);
    // A new request at the end of the folder `parent` (invalid: the top level); its index.
    QModelIndex addRequest(const QModelIndex &parent, const QString &name, const SavedRequest &request);
    // Adds the items (fresh ids when they clash) at the end of the top level, and merges the
    // variables and environments of an import. Returns the number of items added.
    int addImported(const Collection &imported, const QString &undoText);
    // Replaces the request of a request item (every field: method, URL, origins, headers, body,
    // credentials, redirect, browser, delay, expectation). False for a folder or no change.
    bool setRequest(const QModelIndex &index, const SavedRequest &request);
    bool setDescription(const QModelIndex &index, const QString &description);
    // Replaces the collection's own fields (name, description, variables, environments, origins;
    // the items of `properties` are ignored). False when nothing changes.
    bool setProperties(const Collection &properties, const QString &undoText);

Q_SIGNALS:
    void modifiedChanged(bool modified);
    // Any change of content (edits, undo, redo, a new collection): the autosave listens.
    void contentChanged();

private:
    struct Node;
    class Command;

    Node *nodeOf(const QModelIndex &index) const;
    QModelIndex indexOfNode(const Node *node, int column = NameColumn) const;
    Node *nodeById(const QString &id) const;
    static CollectionItem toItem(const Node &node);
    std::unique_ptr<Node> toNode(const CollectionItem &item, Node *parent);
    void registerIds(Node *node);
    void unregisterIds(Node *node);
    void giveFreshIds(CollectionItem &item) const;
    bool isInside(const Node *node, const Node *ancestor) const;
    void push(const QString &text, std::function<void()> redo, std::function<void()> undo);

    // The raw edits the commands replay; parents are addressed by id ("" = the top level).
    void insertRaw(const QString &parentId, int row, const std::vector<CollectionItem> &items);
    std::vector<CollectionItem> removeRaw(const QString &parentId, int row, int count);
    void moveRaw(const QString &id, const QString &parentId, int destinationRow);
    void renameRaw(const QString &id, const QString &name);
    void setPropertiesRaw(const Collection &properties);
    void setRequestRaw(const QString &id, const SavedRequest &request);
    void setDescriptionRaw(const QString &id, const QString &description);
    void updateModified();

    std::unique_ptr<Node> m_root;
    QHash<QString, Node *> m_byId;
    Collection m_properties;
    QUndoStack *m_undo;
    bool m_modifiedWithoutHistory = false;
    bool m_lastModified = false;
    mutable QIcon m_folderIcon;
    mutable QIcon m_requestIcon;
};

} // namespace corscope
