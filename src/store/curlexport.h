#pragma once

#include "core/curlcommands.h"

#include <QString>
#include <QStringList>

namespace corscope {

class VariableResolver;
struct SavedRequest;
// core's curlCommandsFor(FetchRequest, BrowserProfile) for a saved request, its {{variables}} resolved,
// once per page origin (`origins`, else the request's own). Forbidden headers are left out, as the
// browser leaves them out. Every problem (an unresolved variable, bad input) is added to *problems; the
// commands that could be built are returned all the same.
QString curlCommandsFor(const SavedRequest &request, const VariableResolver &resolver, const QStringList &origins,
                        QStringList *problems);

} // namespace corscope
