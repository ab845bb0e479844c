#pragma once

#include "store/collection.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace corscope {

// What an import produced: a collection plus notes for people (headers left out, bodies skipped...).
struct ImportResult
{
    Collection collection;
    QStringList warnings;
};

// Headers the browser adds by itself (or that fetch() cannot set): a recorded or copied request
// carries them, the script did not write them, so imports leave them out.
bool isBrowserAddedHeader(QStringView name);

// The page origin of a recorded request: its Origin header, else the origin of its Referer.
// Empty when neither is usable.
QString pageOriginFrom(const QString &originHeader, const QString &referer);

// Fills a SavedRequest's headers from recorded ones, dropping browser-added headers (Cookie turns
// credentials to "include"). Returns the Origin/Referer-derived page origin.
QString adoptRecordedHeaders(const QList<QPair<QString, QString>> &recorded, SavedRequest *request);

} // namespace corscope
