#pragma once

#include "store/requestinput.h"

#include <QList>
#include <QString>

#include <optional>

namespace corscope {

// One saved request of a collection.
struct CollectionRequest
{
    QString name;
    RequestInput input;
    int delayMs = 0;                // wait this long before sending (shows preflight-cache expiry)
    std::optional<QString> expect;  // "allowed", "blocked" or "network-error"
};

// A collection file, version 1 (schema in README.md, "Collection files").
struct Collection
{
    static constexpr int currentVersion = 1;
    QString name;
    QList<CollectionRequest> requests;
};

// Reads a collection from JSON bytes. Unknown keys are ignored; a newer version, a wrong format tag
// or a malformed entry is refused with *error set to a sentence that names the entry.
std::optional<Collection> parseCollection(const QByteArray &json, QString *error);

} // namespace corscope
