#include "cli/textsummary.h"

#include "cli/terminaltext.h"

#include <QStringList>

namespace corscope {

namespace {
class Painter
{
public:
    explicit Painter(TextStyle style)
        : m_colored(style == TextStyle::Colored)
    {
    }
    QString red(const QString &text) const { return wrap(QStringLiteral("1;31"), text); }
    QString green(const QString &text) const { return wrap(QStringLiteral("1;32"), text); }
    QString yellow(const QString &text) const { return wrap(QStringLiteral("33"), text); }
    QString bold(const QString &text) const { return wrap(QStringLiteral("1"), text); }
    QString dim(const QString &text) const { return wrap(QStringLiteral("2"), text); }

private:
    QString wrap(const QString &code, const QString &text) const
    {
        return m_colored ? u"\x1b[" + code + u'm' + text + u"\x1b[0m" : text;
    }
    bool m_colored;
};

// Every piece of text from outside (the server's headers and messages, the request as given) goes
// through this before our own colours and line breaks are put around it.
QString outside(QStringView text)
{
    return escapeControlCharacters(text);
}

QString outside(const QByteArray &bytes)
{
    return escapeControlCharacters(QString::fromLatin1(bytes));
}

QString milliseconds(double value)
{
    return value < 0 ? QString() : QString::number(value, 'f', 1) + u" ms";
}

QString hopLine(const Hop &hop, const Painter &paint)
{
    QString status;
    if (hop.response)
        status = QString::number(hop.response->status);
    else
        status = hop.networkError.isEmpty() ? QStringLiteral("—") : outside(hop.networkError);
    const QString kind = hop.kind == HopKind::Preflight ? QStringLiteral("preflight") : QStringLiteral("request  ");
    const QString mark = hop.passed ? paint.green(QStringLiteral("✓")) : paint.red(QStringLiteral("✗"));
    QString line = u"  " + mark + u' ' + kind + u"  " + outside(hop.request.method) + u' '
                   + outside(hop.request.url.toEncoded()) + u"  → " + status;
    if (hop.isRedirect())
        line += u" → " + outside(hop.response->headers.combinedValue("location").value_or(QByteArray()));
    const QString time = milliseconds(hop.timings.totalMs);
    if (!time.isEmpty())
        line += u"  " + paint.dim(time);
    return line;
}
} // namespace

QString textSummary(const FetchRequest &request, const BrowserProfile &profile, const ExchangeResult &result,
                    TextStyle style)
{
    const Painter paint(style);
    QStringList lines;
    QString verdict;
    switch (result.verdict) {
    case Verdict::Allowed:
        verdict = paint.green(QStringLiteral("ALLOWED"));
        break;
    case Verdict::Blocked:
        verdict = paint.red(QStringLiteral("BLOCKED"));
        break;
    case Verdict::NetworkError:
        verdict = paint.red(QStringLiteral("NETWORK ERROR"));
        break;
    }
    lines.append(verdict + u"  " + outside(request.method) + u' ' + outside(request.url.toEncoded()) + u"  from "
                 + outside(request.origin.serialize()));
    lines.append(paint.dim(profile.displayName + u", credentials: " + credentialsModeName(request.credentials)
                           + (result.crossOrigin ? QStringLiteral(", cross-origin") : QStringLiteral(", same-origin"))));
    if (result.preflightNeeded) {
        lines.append(QString());
        lines.append(result.preflightFromCache ? QStringLiteral("Preflight needed, answered from the preflight cache:")
                                               : QStringLiteral("Preflight needed:"));
        for (const PreflightReason &reason : result.preflightReasons)
            lines.append(u"  - " + outside(reason.text()));
    }
    lines.append(QString());
    for (const Hop &hop : result.hops)
        lines.append(hopLine(hop, paint));

    if (const auto &failure = result.failure) {
        lines.append(QString());
        const QString where = stageName(failure->stage) + u" / " + checkIdName(failure->check);
        lines.append(paint.bold(QStringLiteral("Failed check: ")) + where);
        if (!failure->header.isEmpty())
            lines.append(u"  header: " + outside(failure->header));
        if (!failure->seen.isEmpty())
            lines.append(u"  seen:   " + outside(failure->seen));
        if (!failure->needed.isEmpty())
            lines.append(u"  needed: " + outside(failure->needed));
        lines.append(QString());
        lines.append(paint.bold(QStringLiteral("Console (") + profile.displayName + u"):"));
        for (const QString &line : failure->consoleMessage.split(u'\n'))
            lines.append(u"  " + paint.red(outside(line)));
        lines.append(QString());
        lines.append(paint.bold(QStringLiteral("Why: ")) + outside(failure->explanation));
        if (!failure->fix.isEmpty())
            lines.append(paint.bold(QStringLiteral("Fix: ")) + outside(failure->fix));
    } else if (result.verdict == Verdict::Allowed) {
        lines.append(QString());
        QStringList names;
        for (const QByteArray &name : result.readableHeaders)
            names.append(outside(name));
        lines.append(u"JavaScript can read: " + (names.isEmpty() ? QStringLiteral("(no headers)") : names.join(u", ")));
    }
    if (!result.warnings.isEmpty()) {
        lines.append(QString());
        for (const Warning &warning : result.warnings)
            lines.append(paint.yellow(u"! " + outside(warning.check) + u": ") + outside(warning.message));
    }
    return lines.join(u'\n') + u'\n';
}

} // namespace corscope
