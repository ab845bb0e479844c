#pragma once

#include <QDateTime>
#include <QString>

namespace corscope {

// Small text helpers shared by the renderers, so that every format says the same thing the same way.
namespace reportformat {

QString milliseconds(double ms);             // "12.3 ms", "—" when unknown
QString statusLine(int status, const QString &statusText); // "204 No Content"
QString dateTime(const QDateTime &when); // "2025-05-04 13:02 UTC"
QString preflightSummary(bool needed, bool fromCache, bool crossOrigin);
QString hopKindTitle(const QString &kind);   // "Preflight", "Request"

} // namespace reportformat

} // namespace corscope
