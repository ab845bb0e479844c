#pragma once

#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace corscope {

// A saved request as written in the file: strings that may hold {{variables}}, not yet checked.
struct SavedRequest
{
    QString method = QStringLiteral("GET");
    QString url;
    QStringList origins;                     // page origins; several make an origin matrix
    QList<QPair<QString, QString>> headers;  // order and duplicates kept
    std::optional<QString> body;             // nullopt: no body; "" is an explicit empty body
    QString credentials = QStringLiteral("same-origin");
    QString redirect = QStringLiteral("follow");
    QString browser = QStringLiteral("chromium");
    int delayMs = 0;                         // wait before sending (lets a Max-Age expire)
    std::optional<QString> expect;           // "allowed", "blocked" or "network-error"

    friend bool operator==(const SavedRequest &, const SavedRequest &) = default;
};

// One node of the collection tree: a request or a folder. Kept as a plain value tree so that a
// QAbstractItemModel can sit on top (internal pointer = CollectionItem *, rows = children).
struct CollectionItem
{
    enum class Kind { Request, Folder };
    Kind kind = Kind::Request;
    QString id;          // stable across saves (generated when missing)
    QString name;
    QString description;
    SavedRequest request;                 // Kind::Request only
    std::vector<CollectionItem> children; // Kind::Folder only

    bool isFolder() const { return kind == Kind::Folder; }
    friend bool operator==(const CollectionItem &, const CollectionItem &) = default;
};

struct Environment
{
    QString name;                                 // "dev", "staging", "prod"
    QList<QPair<QString, QString>> variables;     // order kept
    friend bool operator==(const Environment &, const Environment &) = default;
};

// A request with the folder path that leads to it, in document order.
struct CollectionEntry
{
    const CollectionItem *item = nullptr;
    QStringList folderPath; // names of the enclosing folders, outermost first
};

// A collection (schema in README.md, "Collection files").
struct Collection
{
    static constexpr int currentVersion = 2;
    QString name;
    QString description;
    QList<QPair<QString, QString>> variables; // apply in every environment, overridden by it
    QList<Environment> environments;
    QStringList origins;                      // page origins for requests without their own
    std::vector<CollectionItem> items;

    // Every request in document order; with a folder path ("a/b"), only those inside that folder.
    // Returns nullopt when the folder does not exist.
    std::optional<QList<CollectionEntry>> requests(const QString &folderPath = {}) const;
    const Environment *environment(const QString &name) const;
    // Gives every item without an id a fresh one (ids must be unique within the file).
    void assignMissingIds();
    int requestCount() const;

    friend bool operator==(const Collection &, const Collection &) = default;
};

} // namespace corscope
