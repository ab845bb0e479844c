#pragma once

#include "core/browserprofile.h"
#include "core/fetchrequest.h"
#include "core/headerlist.h"

namespace corscope {

// The headers fetch() actually sends for the script's headers: forbidden ones dropped (the browser
// does that silently), repeated names combined into one field ("a, b"), and the
// `Content-Type: text/plain;charset=UTF-8` that fetch() adds to a string body without one.
HeaderList scriptHeadersAsSent(const FetchRequest &request, const BrowserProfile &profile);

} // namespace corscope
