#pragma once

#include "store/collection.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace corscope {

// Reads a collection from JSON bytes: version 2, or version 1 (upgraded in memory: "defaults" merged
// into every request, "origin" becomes "origins"). Unknown keys are ignored; a newer version, a
// wrong format tag or a malformed entry is refused with *error set to a sentence naming the entry.
std::optional<Collection> parseCollection(const QByteArray &json, QString *error);

// The diff-friendly text of a collection, always the current version: fixed key order, 2-space
// indent, one object per request, one line per header, default values left out, trailing newline.
// Placeholders such as {{env:API_TOKEN}} are written as they are (never resolved).
QByteArray serializeCollection(const Collection &collection);

// Reads a file; *error names the file and the problem. The file is never modified.
std::optional<Collection> loadCollection(const QString &path, QString *error);

// Writes atomically (QSaveFile): the file on disk is the old or the new version, never a mix.
bool saveCollection(const Collection &collection, const QString &path, QString *error);

} // namespace corscope
