#pragma once

#include "core/browserprofile.h"
#include "core/fetchrequest.h"

#include <QString>
#include <QStringList>

namespace corscope {

// A bash script of curl commands that reproduces what the browser sends for this request: the
// preflight (when one is needed) with Origin and Access-Control-Request-*, then the actual request
// with the headers fetch() sends. Values are single-quoted for bash.
QString curlCommandsFor(const FetchRequest &request, const BrowserProfile &profile);

class VariableResolver;
struct SavedRequest;
// The same for a saved request, its {{variables}} resolved, once per page origin (`origins`, else
// the request's own). Forbidden headers are left out, as the browser leaves them out. Every problem
// (an unresolved variable, bad input) is added to *problems; the commands that could be built are
// returned all the same.
QString curlCommandsFor(const SavedRequest &request, const VariableResolver &resolver, const QStringList &origins,
                        QStringList *problems);

} // namespace corscope
