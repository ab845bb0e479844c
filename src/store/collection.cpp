#include "store/collection.h"

#include <QSet>
#include <QUuid>

namespace corscope {

namespace {
void collect(const std::vector<CollectionItem> &items, QStringList &path, QList<CollectionEntry> &out)
{
    for (const CollectionItem &item : items) {
        if (item.isFolder()) {
            path.append(item.name);
            collect(item.children, path, out);
            path.removeLast();
        } else {
            out.append(CollectionEntry{&item, path});
        }
    }
}

void gatherIds(const std::vector<CollectionItem> &items, QSet<QString> &ids)
{
    for (const CollectionItem &item : items) {
        if (!item.id.isEmpty())
            ids.insert(item.id);
        gatherIds(item.children, ids);
    }
}

void fillIds(std::vector<CollectionItem> &items, QSet<QString> &ids)
{
    for (CollectionItem &item : items) {
        while (item.id.isEmpty()) {
            const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces).left(8);
            if (!ids.contains(id)) {
                item.id = id;
                ids.insert(id);
            }
        }
        fillIds(item.children, ids);
    }
}

int countRequests(const std::vector<CollectionItem> &items)
{
    int count = 0;
    for (const CollectionItem &item : items)
        count += item.isFolder() ? countRequests(item.children) : 1;
    return count;
}
} // namespace

std::optional<QList<CollectionEntry>> Collection::requests(const QString &folderPath) const
{
    QList<CollectionEntry> out;
    QStringList path;
    const std::vector<CollectionItem> *level = &items;
    for (const QString &part : folderPath.split(u'/', Qt::SkipEmptyParts)) {
        const CollectionItem *found = nullptr;
        for (const CollectionItem &item : *level) {
            if (item.isFolder() && item.name == part) {
                found = &item;
                break;
            }
        }
        if (!found)
            return std::nullopt;
        path.append(part);
        level = &found->children;
    }
    collect(*level, path, out);
    return out;
}

const Environment *Collection::environment(const QString &environmentName) const
{
    for (const Environment &environment : environments) {
        if (environment.name == environmentName)
            return &environment;
    }
    return nullptr;
}

void Collection::assignMissingIds()
{
    QSet<QString> ids;
    gatherIds(items, ids);
    fillIds(items, ids);
}

int Collection::requestCount() const
{
    return countRequests(items);
}

} // namespace corscope
