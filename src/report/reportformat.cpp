#include "report/reportformat.h"

#include <QDateTime>

namespace corscope::reportformat {

QString milliseconds(double ms)
{
    if (ms < 0)
        return QStringLiteral("—");
    return QString::number(ms, 'f', ms < 100 ? 1 : 0) + u" ms";
}

QString statusLine(int status, const QString &statusText)
{
    if (status <= 0)
        return QStringLiteral("no response");
    return statusText.isEmpty() ? QString::number(status) : QString::number(status) + u' ' + statusText;
}

QString dateTime(const QDateTime &when)
{
    return when.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm")) + u" UTC";
}

QString preflightSummary(bool needed, bool fromCache, bool crossOrigin)
{
    if (!crossOrigin)
        return QStringLiteral("not needed (same origin)");
    if (!needed)
        return QStringLiteral("not needed (a simple request)");
    return fromCache ? QStringLiteral("needed, answered from the preflight cache") : QStringLiteral("needed, sent");
}

QString hopKindTitle(const QString &kind)
{
    return kind == u"preflight" ? QStringLiteral("Preflight") : QStringLiteral("Request");
}

} // namespace corscope::reportformat
