#pragma once

#include "store/collectionfile.h"

#include <QString>
#include <optional>

namespace corscope {

// The lab's demo requests (resources/demo-collection.json, compiled in as :/corscope/...), with
// the lab's default port in their URLs replaced by the port the lab really listens on.
std::optional<Collection> demoCollection(quint16 labPort, QString *error);
// Replaces "//localhost:<fromPort>" and "//127.0.0.1:<fromPort>" by the same host on toPort.
Collection withLabPort(Collection collection, quint16 fromPort, quint16 toPort);
// The first request expected to fail (what a first start shows), or -1.
int firstFailingRequest(const Collection &collection);

} // namespace corscope
