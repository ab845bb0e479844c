#pragma once

#include "store/harfile.h"
#include "store/importedrequest.h"

#include <optional>

namespace corscope {

// Every request of a HAR 1.2 log becomes a collection item, in order. Preflights (OPTIONS with
// Access-Control-Request-Method) are paired with their actual request instead of becoming items;
// a preflight whose actual request never went out becomes the request it was asking for.
// Redirect follow-ups are part of the request that redirected.
ImportResult importHar(const HarLog &har);
std::optional<ImportResult> importHar(const QByteArray &json, QString *error, const ParseProgress &progress = {});

} // namespace corscope
