#pragma once

#include "store/harfile.h"
#include "store/importedrequest.h"

#include <optional>

namespace corscope {

enum class ImportFormat { Curl, Har, Postman, Collection, Unknown };
QString importFormatName(ImportFormat format);

// Looks at the bytes: a JSON object with "log" is HAR, with "info"/"item" or a Postman variable
// scope is Postman, with "format": "corscope-collection" is a collection; text starting with a
// curl command is cURL.
ImportFormat detectImportFormat(const QByteArray &data);

// Detects the format and imports; *error is a sentence naming the format and the problem.
// progress follows the parse of a HAR (the big format); other formats are quick and report nothing.
std::optional<ImportResult> importData(const QByteArray &data, QString *error, ImportFormat *detected = nullptr,
                                       const ParseProgress &progress = {});

// Adds the items, variables and environments of `from` to `into` (same-named environments merged,
// `from` winning) and gives new items fresh ids when they clash.
void mergeCollection(Collection *into, const Collection &from);

} // namespace corscope
