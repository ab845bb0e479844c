#include "core/requestvalidation.h"

namespace corscope {
// STUB: being implemented.
QList<InputError> validateFetchRequest(const FetchRequest &, const BrowserProfile &) { return {}; }
} // namespace corscope
