#pragma once

#include "store/importedrequest.h"

#include <QJsonObject>

#include <optional>

namespace corscope {

// Postman collection v2.1 (and v2.0): folders, requests (method, URL, headers, raw and urlencoded
// bodies, bearer/basic auth), collection variables (Postman's {{var}} syntax is ours too).
// A Postman environment file becomes an environment.
std::optional<ImportResult> importPostman(const QJsonObject &root, QString *error);

} // namespace corscope
