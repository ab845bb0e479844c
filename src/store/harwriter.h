#pragma once

#include "core/exchange.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>

namespace corscope {

class CollectionRunner;

// HAR 1.2 for runs (small on purpose: the report branch has its own HAR export for bug reports;
// the two are to be unified). One entry per hop, preflights included, in the order they happened.
QJsonObject hopToHarEntry(const Hop &hop, const QDateTime &exchangeStart);
QByteArray runToHar(const CollectionRunner &runner);

} // namespace corscope
