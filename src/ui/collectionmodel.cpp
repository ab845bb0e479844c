#include "ui/collectionmodel.h"

#include "store/importer.h"

#include <QApplication>
#include <QDataStream>
#include <QMimeData>
#include <QSet>
#include <QStyle>
#include <QUndoCommand>
#include <QUndoStack>
#include <QUuid>

namespace corscope {

struct CollectionModel::Node
{
    CollectionItem item; // item.children stays empty: the children are the nodes below
    Node *parent = nullptr;
    std::vector<std::unique_ptr<Node>> children;

    int row() const
    {
        if (!parent)
            return 0;
        for (size_t i = 0; i < parent->children.size(); ++i) {
            if (parent->children[i].get() == this)
                return int(i);
        }
        return 0;
    }
};

// A command made of two closures over the model's raw edits.
class CollectionModel::Command final : public QUndoCommand
{
public:
    Command(const QString &text, std::function<void()> redo, std::function<void()> undo)
        : QUndoCommand(text)
        , m_redo(std::move(redo))
        , m_undo(std::move(undo))
    { }
    void redo() override { m_redo(); }
    void undo() override { m_undo(); }

private:
    std::function<void()> m_redo;
    std::function<void()> m_undo;
};

CollectionModel::CollectionModel(QObject *parent)
    : QAbstractItemModel(parent)
    , m_root(std::make_unique<Node>())
    , m_undo(new QUndoStack(this))
{
    m_root->item.kind = CollectionItem::Kind::Folder;
    connect(m_undo, &QUndoStack::cleanChanged, this, &CollectionModel::updateModified);
    connect(m_undo, &QUndoStack::indexChanged, this, &CollectionModel::contentChanged);
}

CollectionModel::~CollectionModel() = default;

CollectionModel::Node *CollectionModel::nodeOf(const QModelIndex &index) const
{
    return index.isValid() ? static_cast<Node *>(index.internalPointer()) : m_root.get();
}

QModelIndex CollectionModel::indexOfNode(const Node *node, int column) const
{
    if (!node || node == m_root.get())
        return {};
    return createIndex(node->row(), column, const_cast<Node *>(node));
}

CollectionModel::Node *CollectionModel::nodeById(const QString &id) const
{
    if (id.isEmpty())
        return m_root.get();
    return m_byId.value(id);
}

QModelIndex CollectionModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    const Node *node = nodeOf(parent);
    return createIndex(row, column, node->children[size_t(row)].get());
}

QModelIndex CollectionModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return {};
    return indexOfNode(nodeOf(child)->parent);
}

int CollectionModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid() && parent.column() != NameColumn)
        return 0;
    return int(nodeOf(parent)->children.size());
}

int CollectionModel::columnCount(const QModelIndex &) const
{
    return NUM_COLUMNS;
}

QVariant CollectionModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Node *node = nodeOf(index);
    const CollectionItem &item = node->item;
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
        if (index.column() == NameColumn)
            return item.name;
        return item.isFolder() ? QString() : item.request.method;
    case Qt::ToolTipRole: {
        if (item.isFolder())
            return item.description.isEmpty() ? item.name : item.name + u'\n' + item.description;
        QString tip = item.request.method + u' ' + item.request.url;
        if (!item.request.origins.isEmpty())
            tip += u"\nfrom " + item.request.origins.join(QStringLiteral(", "));
        if (item.request.expect)
            tip += u"\nexpected: " + *item.request.expect;
        if (!item.description.isEmpty())
            tip += u'\n' + item.description;
        return tip;
    }
    case Qt::DecorationRole: {
        if (index.column() != NameColumn)
            return {};
        if (m_folderIcon.isNull() && qobject_cast<QApplication *>(QCoreApplication::instance())) {
            m_folderIcon = QApplication::style()->standardIcon(QStyle::SP_DirIcon);
            m_requestIcon = QApplication::style()->standardIcon(QStyle::SP_FileIcon);
        }
        return item.isFolder() ? m_folderIcon : m_requestIcon;
    }
    case IdRole:
        return item.id;
    case IsFolderRole:
        return item.isFolder();
    case UrlRole:
        return item.request.url;
    case FolderPathRole:
        return folderPath(index).join(u'/');
    default:
        return {};
    }
}

bool CollectionModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole || !checkIndex(index, CheckIndexOption::IndexIsValid)
        || index.column() != NameColumn)
        return false;
    return renameItem(index, value.toString());
}

QVariant CollectionModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return QStringLiteral("Name");
    case MethodColumn:
        return QStringLiteral("Method");
    default:
        return {};
    }
}

Qt::ItemFlags CollectionModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::ItemIsDropEnabled;
    Qt::ItemFlags flags = Qt::ItemIsSelectable | Qt::ItemIsEnabled | Qt::ItemIsDragEnabled;
    if (index.column() == NameColumn)
        flags |= Qt::ItemIsEditable;
    if (nodeOf(index)->item.isFolder())
        flags |= Qt::ItemIsDropEnabled;
    return flags;
}

Qt::DropActions CollectionModel::supportedDropActions() const
{
    return Qt::MoveAction;
}

Qt::DropActions CollectionModel::supportedDragActions() const
{
    return Qt::MoveAction;
}

QStringList CollectionModel::mimeTypes() const
{
    return {mimeType()};
}

QMimeData *CollectionModel::mimeData(const QModelIndexList &indexes) const
{
    QStringList ids;
    for (const QModelIndex &index : indexes) {
        const QString id = nodeOf(index)->item.id;
        if (index.isValid() && !ids.contains(id))
            ids.append(id);
    }
    if (ids.isEmpty())
        return nullptr;
    auto *mime = new QMimeData;
    mime->setData(mimeType(), ids.join(u'\n').toUtf8());
    return mime;
}

bool CollectionModel::canDropMimeData(
    const QMimeData *data, Qt::DropAction action, int, int, const QModelIndex &parent) const
{
    if (action != Qt::MoveAction || !data || !data->hasFormat(mimeType()))
        return false;
    const Node *target = nodeOf(parent);
    for (const QString &id : QString::fromUtf8(data->data(mimeType())).split(u'\n', Qt::SkipEmptyParts)) {
        const Node *node = nodeById(id);
        if (!node || node == m_root.get() || isInside(target, node))
            return false;
    }
    return true;
}

bool CollectionModel::dropMimeData(
    const QMimeData *data, Qt::DropAction action, int row, int, const QModelIndex &parent)
{
    if (!canDropMimeData(data, action, row, 0, parent))
        return false;
    QModelIndex destination = parent.siblingAtColumn(NameColumn);
    // Dropped onto a request: place it after that request.
    if (destination.isValid() && !nodeOf(destination)->item.isFolder()) {
        row = destination.row() + 1;
        destination = destination.parent();
    }
    if (row < 0)
        row = rowCount(destination);
    const QStringList ids = QString::fromUtf8(data->data(mimeType())).split(u'\n', Qt::SkipEmptyParts);
    m_undo->beginMacro(
        ids.size() == 1 ? QStringLiteral("Move") : QStringLiteral("Move %1 items").arg(ids.size()));
    for (const QString &id : ids) {
        const QModelIndex source = indexOfId(id);
        const bool before = source.parent() == destination && source.row() < row;
        if (moveItem(source, destination, row) && !before)
            ++row;
    }
    m_undo->endMacro();
    // The rows moved here; the view's removeRows() on the source afterwards is a no-op (not implemented).
    return true;
}

void CollectionModel::setCollection(Collection collection)
{
    collection.assignMissingIds();
    beginResetModel();
    m_root->children.clear();
    m_byId.clear();
    for (const CollectionItem &item : collection.items)
        m_root->children.push_back(toNode(item, m_root.get()));
    registerIds(m_root.get());
    collection.items.clear();
    m_properties = std::move(collection);
    endResetModel();
    m_undo->clear();
    m_modifiedWithoutHistory = false;
    updateModified();
    Q_EMIT contentChanged();
}

Collection CollectionModel::collection() const
{
    Collection collection = m_properties;
    for (const auto &child : m_root->children)
        collection.items.push_back(toItem(*child));
    return collection;
}

bool CollectionModel::isModified() const
{
    return m_modifiedWithoutHistory || !m_undo->isClean();
}

void CollectionModel::setSaved()
{
    m_modifiedWithoutHistory = false;
    m_undo->setClean();
    updateModified();
}

void CollectionModel::setModifiedWithoutHistory()
{
    m_modifiedWithoutHistory = true;
    updateModified();
}

void CollectionModel::updateModified()
{
    const bool modified = isModified();
    if (modified == m_lastModified)
        return;
    m_lastModified = modified;
    Q_EMIT modifiedChanged(modified);
}

QModelIndex CollectionModel::indexOfId(const QString &id, int column) const
{
    if (id.isEmpty())
        return {};
    return indexOfNode(m_byId.value(id), column);
}

std::optional<CollectionItem> CollectionModel::itemAt(const QModelIndex &index) const
{
    if (!index.isValid() || index.model() != this)
        return std::nullopt;
    return toItem(*nodeOf(index));
}

QStringList CollectionModel::folderPath(const QModelIndex &index) const
{
    QStringList path;
    const Node *node = nodeOf(index);
    if (node != m_root.get() && !node->item.isFolder())
        node = node->parent;
    for (; node && node != m_root.get(); node = node->parent)
        path.prepend(node->item.name);
    return path;
}

CollectionItem CollectionModel::toItem(const Node &node)
{
    CollectionItem item = node.item;
    for (const auto &child : node.children)
        item.children.push_back(toItem(*child));
    return item;
}

std::unique_ptr<CollectionModel::Node> CollectionModel::toNode(const CollectionItem &item, Node *parent)
{
    auto node = std::make_unique<Node>();
    node->parent = parent;
    node->item = item;
    node->item.children.clear();
    for (const CollectionItem &child : item.children)
        node->children.push_back(toNode(child, node.get()));
    return node;
}

void CollectionModel::registerIds(Node *node)
{
    if (node != m_root.get())
        m_byId.insert(node->item.id, node);
    for (const auto &child : node->children)
        registerIds(child.get());
}

void CollectionModel::unregisterIds(Node *node)
{
    m_byId.remove(node->item.id);
    for (const auto &child : node->children)
        unregisterIds(child.get());
}

void CollectionModel::giveFreshIds(CollectionItem &item) const
{
    QString id;
    do
        id = QUuid::createUuid().toString(QUuid::WithoutBraces).left(8);
    while (m_byId.contains(id));
    item.id = id;
    for (CollectionItem &child : item.children)
        giveFreshIds(child);
}

bool CollectionModel::isInside(const Node *node, const Node *ancestor) const
{
    for (; node; node = node->parent) {
        if (node == ancestor)
            return true;
    }
    return false;
}

void CollectionModel::push(const QString &text, std::function<void()> redo, std::function<void()> undo)
{
    m_undo->push(new Command(text, std::move(redo), std::move(undo))); // push() runs redo()
}

bool CollectionModel::renameItem(const QModelIndex &index, const QString &name)
{
    const Node *node = nodeOf(index);
    const QString trimmed = name.trimmed();
    if (!index.isValid() || trimmed.isEmpty() || trimmed == node->item.name)
        return false;
    const QString id = node->item.id;
    const QString old = node->item.name;
    push(
        u"Rename “" + old + u"”", [this, id, trimmed] { renameRaw(id, trimmed); },
        [this, id, old] { renameRaw(id, old); });
    return true;
}

QModelIndex CollectionModel::duplicateItem(const QModelIndex &index)
{
    if (!index.isValid())
        return {};
    const Node *node = nodeOf(index);
    CollectionItem copy = toItem(*node);
    giveFreshIds(copy);
    copy.name += QStringLiteral(" (copy)");
    const QString parentId = node->parent == m_root.get() ? QString() : node->parent->item.id;
    const int row = node->row() + 1;
    push(
        u"Duplicate “" + node->item.name + u"”",
        [this, parentId, row, copy] { insertRaw(parentId, row, {copy}); },
        [this, parentId, row] { removeRaw(parentId, row, 1); });
    return indexOfId(copy.id);
}

bool CollectionModel::removeItem(const QModelIndex &index)
{
    if (!index.isValid())
        return false;
    const Node *node = nodeOf(index);
    const QString parentId = node->parent == m_root.get() ? QString() : node->parent->item.id;
    const int row = node->row();
    const CollectionItem removed = toItem(*node);
    push(
        u"Delete “" + node->item.name + u"”", [this, parentId, row] { removeRaw(parentId, row, 1); },
        [this, parentId, row, removed] { insertRaw(parentId, row, {removed}); });
    return true;
}

bool CollectionModel::moveItem(
    const QModelIndex &index, const QModelIndex &destinationParent, int destinationRow)
{
    if (!index.isValid())
        return false;
    const Node *node = nodeOf(index);
    const Node *target = nodeOf(destinationParent);
    if (!target->item.isFolder() || isInside(target, node))
        return false;
    destinationRow = qBound(0, destinationRow, int(target->children.size()));
    const int row = node->row();
    if (target == node->parent && (destinationRow == row || destinationRow == row + 1))
        return false;
    const QString id = node->item.id;
    const QString oldParentId = node->parent == m_root.get() ? QString() : node->parent->item.id;
    const QString newParentId = target == m_root.get() ? QString() : target->item.id;
    // Where the item ends up, and the row to move it back to from there.
    const int finalRow
        = (target == node->parent && destinationRow > row) ? destinationRow - 1 : destinationRow;
    push(
        u"Move “" + node->item.name + u"”",
        [this, id, newParentId, destinationRow] { moveRaw(id, newParentId, destinationRow); },
        [this, id, oldParentId, newParentId, row, finalRow] {
            const int back = (oldParentId == newParentId && row > finalRow) ? row + 1 : row;
            moveRaw(id, oldParentId, back);
        });
    return true;
}

QModelIndex CollectionModel::addFolder(const QModelIndex &parent, const QString &name)
{
    const Node *target = nodeOf(parent);
    if (!target->item.isFolder())
        return {};
    CollectionItem folder;
    folder.kind = CollectionItem::Kind::Folder;
    folder.name = name;
    giveFreshIds(folder);
    const QString parentId = target == m_root.get() ? QString() : target->item.id;
    const int row = int(target->children.size());
    push(
        u"New folder “" + name + u"”", [this, parentId, row, folder] { insertRaw(parentId, row, {folder}); },
        [this, parentId, row] { removeRaw(parentId, row, 1); });
    return indexOfId(folder.id);
}

QModelIndex CollectionModel::addRequest(const QModelIndex &parent, const QString &name, const SavedRequest &request)
{
    const Node *target = nodeOf(parent);
    if (!target->item.isFolder())
        return {};
    CollectionItem item;
    item.name = name;
    item.request = request;
    giveFreshIds(item);
    const QString parentId = target == m_root.get() ? QString() : target->item.id;
    const int row = int(target->children.size());
    push(
        u"Save request “" + name + u"”", [this, parentId, row, item] { insertRaw(parentId, row, {item}); },
        [this, parentId, row] { removeRaw(parentId, row, 1); });
    return indexOfId(item.id);
}

int CollectionModel::addImported(const Collection &imported, const QString &undoText)
{
    std::vector<CollectionItem> items = imported.items;
    QSet<QString> taken(m_byId.keyBegin(), m_byId.keyEnd());
    std::function<void(CollectionItem &)> freshen = [&](CollectionItem &item) {
        while (item.id.isEmpty() || taken.contains(item.id))
            item.id = QUuid::createUuid().toString(QUuid::WithoutBraces).left(8);
        taken.insert(item.id);
        for (CollectionItem &child : item.children)
            freshen(child);
    };
    for (CollectionItem &item : items)
        freshen(item);
    Collection before = m_properties;
    Collection after = m_properties;
    Collection propertiesOnly = imported;
    propertiesOnly.items.clear();
    mergeCollection(&after, propertiesOnly);
    if (after.name.isEmpty())
        after.name = imported.name;
    const int row = int(m_root->children.size());
    const int count = int(items.size());
    push(
        undoText,
        [this, row, items, after] {
            setPropertiesRaw(after);
            insertRaw(QString(), row, items);
        },
        [this, row, count, before] {
            removeRaw(QString(), row, count);
            setPropertiesRaw(before);
        });
    return count;
}

bool CollectionModel::setRequest(const QModelIndex &index, const SavedRequest &request)
{
    const Node *node = nodeOf(index);
    if (!index.isValid() || node->item.isFolder() || node->item.request == request)
        return false;
    const QString id = node->item.id;
    const SavedRequest old = node->item.request;
    push(
        u"Edit “" + node->item.name + u"”", [this, id, request] { setRequestRaw(id, request); },
        [this, id, old] { setRequestRaw(id, old); });
    return true;
}

bool CollectionModel::setDescription(const QModelIndex &index, const QString &description)
{
    const Node *node = nodeOf(index);
    if (!index.isValid() || node->item.description == description)
        return false;
    const QString id = node->item.id;
    const QString old = node->item.description;
    push(
        u"Describe “" + node->item.name + u"”", [this, id, description] { setDescriptionRaw(id, description); },
        [this, id, old] { setDescriptionRaw(id, old); });
    return true;
}

bool CollectionModel::setProperties(const Collection &properties, const QString &undoText)
{
    Collection after = properties;
    after.items.clear();
    if (after == m_properties)
        return false;
    const Collection before = m_properties;
    push(
        undoText, [this, after] { setPropertiesRaw(after); }, [this, before] { setPropertiesRaw(before); });
    return true;
}

void CollectionModel::insertRaw(const QString &parentId, int row, const std::vector<CollectionItem> &items)
{
    Node *parentNode = nodeById(parentId);
    if (!parentNode || items.empty())
        return;
    beginInsertRows(indexOfNode(parentNode), row, row + int(items.size()) - 1);
    auto at = parentNode->children.begin() + row;
    for (const CollectionItem &item : items) {
        at = parentNode->children.insert(at, toNode(item, parentNode));
        registerIds(at->get());
        ++at;
    }
    endInsertRows();
}

std::vector<CollectionItem> CollectionModel::removeRaw(const QString &parentId, int row, int count)
{
    std::vector<CollectionItem> removed;
    Node *parentNode = nodeById(parentId);
    if (!parentNode || count <= 0)
        return removed;
    beginRemoveRows(indexOfNode(parentNode), row, row + count - 1);
    auto first = parentNode->children.begin() + row;
    for (auto it = first; it != first + count; ++it) {
        removed.push_back(toItem(**it));
        unregisterIds(it->get());
    }
    parentNode->children.erase(first, first + count);
    endRemoveRows();
    return removed;
}

void CollectionModel::moveRaw(const QString &id, const QString &parentId, int destinationRow)
{
    Node *node = nodeById(id);
    Node *target = nodeById(parentId);
    if (!node || !target || node == m_root.get())
        return;
    Node *source = node->parent;
    const int row = node->row();
    if (!beginMoveRows(indexOfNode(source), row, row, indexOfNode(target), destinationRow))
        return;
    std::unique_ptr<Node> owned = std::move(source->children[size_t(row)]);
    source->children.erase(source->children.begin() + row);
    const int insertAt = (source == target && destinationRow > row) ? destinationRow - 1 : destinationRow;
    owned->parent = target;
    target->children.insert(target->children.begin() + insertAt, std::move(owned));
    endMoveRows();
}

void CollectionModel::renameRaw(const QString &id, const QString &name)
{
    Node *node = nodeById(id);
    if (!node || node == m_root.get())
        return;
    node->item.name = name;
    const QModelIndex index = indexOfNode(node);
    Q_EMIT dataChanged(index, index, {Qt::DisplayRole, Qt::EditRole, Qt::ToolTipRole});
}

void CollectionModel::setPropertiesRaw(const Collection &properties)
{
    m_properties = properties;
    m_properties.items.clear();
}

void CollectionModel::setRequestRaw(const QString &id, const SavedRequest &request)
{
    Node *node = nodeById(id);
    if (!node || node == m_root.get())
        return;
    node->item.request = request;
    // The method column and the tooltip (URL, origins, expectation) may change.
    Q_EMIT dataChanged(indexOfNode(node, NameColumn), indexOfNode(node, MethodColumn),
        {Qt::DisplayRole, Qt::EditRole, Qt::ToolTipRole, UrlRole});
}

void CollectionModel::setDescriptionRaw(const QString &id, const QString &description)
{
    Node *node = nodeById(id);
    if (!node || node == m_root.get())
        return;
    node->item.description = description;
    const QModelIndex index = indexOfNode(node);
    Q_EMIT dataChanged(index, index, {Qt::ToolTipRole});
}

} // namespace corscope
