#include "report/markdownreport.h"

#include "report/reportformat.h"

#include <QRegularExpression>

namespace corscope {

namespace {

using namespace reportformat;

constexpr qsizetype bodyLimit = 2000;

int longestBacktickRun(const QString &text)
{
    int longest = 0;
    int run = 0;
    for (QChar c : text) {
        run = c == u'`' ? run + 1 : 0;
        longest = std::max(longest, run);
    }
    return longest;
}

QString escapeText(const QString &text)
{
    // Enough for the places we put free text: no HTML, no accidental emphasis or table break.
    QString escaped;
    for (QChar c : text) {
        if (c == u'<' || c == u'>' || c == u'*' || c == u'_' || c == u'|' || c == u'[' || c == u']' || c == u'\\'
            || c == u'`')
            escaped += u'\\';
        escaped += c;
    }
    return escaped;
}

QString oneLine(const QString &text)
{
    QString line = text;
    line.replace(u'\n', u' ');
    line.replace(u'\r', u' ');
    return line;
}

QString headerBlock(const QString &firstLine, const ReportHeaders &headers)
{
    QString text = firstLine + u'\n';
    for (const auto &[name, value] : headers)
        text += name + u": " + value + u'\n';
    return text;
}

QString pathOf(const QString &url)
{
    const QUrl parsed = QUrl::fromEncoded(url.toUtf8());
    const QString path = parsed.isValid() ? QString::fromUtf8(parsed.toEncoded(QUrl::RemoveScheme | QUrl::RemoveAuthority
                                                                               | QUrl::RemoveFragment))
                                          : QString();
    return path.isEmpty() ? QStringLiteral("/") : path;
}

QString body(const QString &text, qsizetype bytes)
{
    QString shown = text.left(bodyLimit);
    if (text.size() > bodyLimit || bytes > text.toUtf8().size())
        shown += QStringLiteral("\n… (truncated, %1 bytes in all)").arg(qint64(std::max<double>(bytes, text.size())));
    return shown;
}

void renderExchange(QString &md, const ReportExchange &e, const QString &h, const QDateTime &)
{
    // h is the heading prefix of this exchange's sections ("##" alone, "###" in a batch).
    md += u"> **" + e.verdictTitle() + u"** by " + escapeText(e.browser);
    if (e.failure)
        md += u" at the " + e.failure->stage + u": " + MarkdownReport::code(e.failure->check)
              + (e.failure->header.isEmpty() ? QString() : u" (" + MarkdownReport::code(e.failure->header) + u')');
    else if (e.verdict == u"allowed")
        md += QStringLiteral(": the page can read the response");
    md += u"\n\n";

    md += QStringLiteral("| | |\n|---|---|\n");
    md += u"| Request | " + MarkdownReport::code(e.requestLine(), true) + u" |\n";
    md += u"| Page origin | " + MarkdownReport::code(e.origin, true) + u" |\n";
    md += u"| Credentials | " + MarkdownReport::code(e.credentials, true) + u" |\n";
    md += u"| Redirect mode | " + MarkdownReport::code(e.redirectMode, true) + u" |\n";
    md += u"| Browser | " + escapeText(e.browser) + u" |\n";
    md += u"| Preflight | " + preflightSummary(e.preflightNeeded, e.preflightFromCache, e.crossOrigin) + u" |\n";
    if (!e.expect.isEmpty())
        md += u"| Expected | " + e.expect + (e.asExpected.value_or(true) ? QString() : QStringLiteral(" (not met)"))
              + u" |\n";
    md += u'\n';
    for (const QString &reason : e.preflightReasons)
        md += u"- Preflight because: " + escapeText(oneLine(reason)) + u'\n';
    if (!e.preflightReasons.isEmpty())
        md += u'\n';
    if (!e.headers.isEmpty() || !e.body.isEmpty()) {
        md += QStringLiteral("The request as the script made it:\n\n");
        QString script = u"fetch " + e.requestLine() + u'\n';
        for (const auto &[name, value] : e.headers)
            script += name + u": " + value + u'\n';
        if (!e.body.isEmpty())
            script += u'\n' + body(e.body, 0) + u'\n';
        md += MarkdownReport::fence(script, QStringLiteral("http"));
    }

    if (e.failure) {
        const ReportFailure &f = *e.failure;
        md += h + u" What failed\n\n";
        md += u"Check " + MarkdownReport::code(f.check) + u" at the " + f.stage
              + (f.status > 0 ? u" (HTTP " + QString::number(f.status) + u')' : QString())
              + (f.header.isEmpty() ? QString() : u", header " + MarkdownReport::code(f.header)) + u".\n\n";
        md += QStringLiteral("| | |\n|---|---|\n");
        md += u"| Server sent | " + MarkdownReport::code(oneLine(f.seen), true) + u" |\n";
        md += u"| Browser needed | " + escapeText(oneLine(f.needed)) + u" |\n\n";
        if (!f.explanation.isEmpty())
            md += escapeText(f.explanation) + u"\n\n";
        if (!f.message.isEmpty())
            md += u"Console (" + escapeText(e.browser) + u"):\n\n" + MarkdownReport::fence(f.message, QStringLiteral("text"));
        md += h + u" Fix\n\n";
        if (!f.fix.isEmpty())
            md += escapeText(f.fix) + u"\n\n";
        if (!e.fixSnippet.isEmpty())
            md += u"Server fix, " + escapeText(e.fixStack) + u":\n\n" + MarkdownReport::fence(e.fixSnippet);
    }

    if (!e.warnings.isEmpty()) {
        md += h + u" Warnings\n\n";
        for (const ReportWarning &w : e.warnings)
            md += u"- " + MarkdownReport::code(w.check) + u": " + escapeText(oneLine(w.message)) + u'\n';
        md += u'\n';
    }

    md += h + u" Timeline\n\n";
    if (e.hops.isEmpty()) {
        md += QStringLiteral("Nothing was sent.\n\n");
    } else {
        md += QStringLiteral("| # | Step | Request | Status | Start | Duration | Browser checks |\n"
                             "|---|---|---|---|---|---|---|\n");
        for (qsizetype i = 0; i < e.hops.size(); ++i) {
            const ReportHop &hop = e.hops.at(i);
            const QString status = hop.networkError.isEmpty() ? statusLine(hop.status, hop.statusText)
                                                              : hop.networkError;
            md += u"| " + QString::number(i + 1) + u" | " + hopKindTitle(hop.kind)
                  + (hop.redirect ? QStringLiteral(" (redirect)") : QString()) + u" | "
                  + MarkdownReport::code(hop.method + u' ' + hop.url, true) + u" | " + escapeText(status) + u" | "
                  + milliseconds(hop.startMs) + u" | " + milliseconds(hop.totalMs) + u" | "
                  + (hop.passed ? QStringLiteral("passed") : QStringLiteral("**failed**")) + u" |\n";
        }
        md += u'\n';
    }

    for (qsizetype i = 0; i < e.hops.size(); ++i) {
        const ReportHop &hop = e.hops.at(i);
        md += h + u"# " + QString::number(i + 1) + u". " + hopKindTitle(hop.kind) + u": " + escapeText(hop.method)
              + u' ' + escapeText(hop.url) + u"\n\n";
        md += QStringLiteral("Request headers:\n\n")
              + MarkdownReport::fence(headerBlock(hop.method + u' ' + pathOf(hop.url) + u" HTTP/1.1", hop.requestHeaders),
                                      QStringLiteral("http"));
        if (!hop.requestBody.isEmpty())
            md += QStringLiteral("Request body:\n\n") + MarkdownReport::fence(body(hop.requestBody, 0));
        if (hop.hasResponse) {
            md += u"Response headers (" + milliseconds(hop.totalMs) + u"):\n\n"
                  + MarkdownReport::fence(headerBlock(u"HTTP/1.1 " + statusLine(hop.status, hop.statusText),
                                                      hop.responseHeaders),
                                          QStringLiteral("http"));
            if (!hop.responseBody.isEmpty())
                md += QStringLiteral("Response body:\n\n")
                      + MarkdownReport::fence(body(hop.responseBody, qsizetype(hop.responseBodyBytes)));
        } else if (!hop.networkError.isEmpty()) {
            md += u"No response: " + MarkdownReport::code(hop.networkError)
                  + (hop.networkErrorDetail.isEmpty() ? QString() : u" — " + escapeText(hop.networkErrorDetail))
                  + u"\n\n";
        }
        if (hop.connectMs >= 0 || hop.waitMs >= 0 || hop.downloadMs >= 0)
            md += u"Timings: connect " + milliseconds(hop.connectMs) + u", waiting " + milliseconds(hop.waitMs)
                  + u", download " + milliseconds(hop.downloadMs) + u", total " + milliseconds(hop.totalMs) + u"\n\n";
    }

    md += h + u" Reproduce with curl\n\n" + MarkdownReport::fence(e.curl, QStringLiteral("bash"));
}

} // namespace

QString MarkdownReport::code(const QString &text, bool inTable)
{
    QString content = oneLine(text);
    if (inTable)
        content.replace(u'|', QStringLiteral("\\|"));
    const QString ticks(longestBacktickRun(content) + 1, u'`');
    const bool pad = content.startsWith(u'`') || content.endsWith(u'`');
    return ticks + (pad ? QStringLiteral(" ") : QString()) + content + (pad ? QStringLiteral(" ") : QString()) + ticks;
}

QString MarkdownReport::fence(const QString &text, const QString &language)
{
    const QString ticks(std::max(3, longestBacktickRun(text) + 1), u'`');
    return ticks + language + u'\n' + text + (text.endsWith(u'\n') ? QString() : QStringLiteral("\n")) + ticks
           + u"\n\n";
}

QString MarkdownReport::render(const ReportData &data)
{
    QString md;
    if (data.batch) {
        md += u"# CORS report: " + QString::number(data.exchanges.size()) + u" requests — "
              + QString::number(data.countVerdict(QStringLiteral("blocked"))) + u" blocked, "
              + QString::number(data.countVerdict(QStringLiteral("allowed"))) + u" allowed";
        const int errors = data.countVerdict(QStringLiteral("network-error"));
        if (errors > 0)
            md += u", " + QString::number(errors) + u" network error" + (errors > 1 ? u"s" : u"");
        md += QStringLiteral("\n\n| # | Name | Request | Verdict | Failed check | Expected |\n"
                             "|---|---|---|---|---|---|\n");
        for (qsizetype i = 0; i < data.exchanges.size(); ++i) {
            const ReportExchange &e = data.exchanges.at(i);
            md += u"| " + QString::number(i + 1) + u" | " + escapeText(e.name) + u" | "
                  + code(e.requestLine(), true) + u" | " + e.verdictTitle() + u" | "
                  + (e.failure ? code(e.failureSummary(), true) : QString()) + u" | "
                  + (e.expect.isEmpty() ? QString()
                                        : e.expect + (e.asExpected.value_or(true) ? QString() : QStringLiteral(" ✗")))
                  + u" |\n";
        }
        md += u'\n';
        for (qsizetype i = 0; i < data.exchanges.size(); ++i) {
            const ReportExchange &e = data.exchanges.at(i);
            md += u"## " + QString::number(i + 1) + u". " + (e.name.isEmpty() ? QString() : escapeText(e.name) + u" — ")
                  + escapeText(e.requestLine()) + u" — " + e.verdictTitle() + u"\n\n";
            renderExchange(md, e, QStringLiteral("###"), data.options.generatedAt);
        }
    } else {
        const ReportExchange &e = data.exchanges.first();
        md += u"# CORS report: " + escapeText(e.requestLine()) + u" — " + e.verdictTitle() + u"\n\n";
        renderExchange(md, e, QStringLiteral("##"), data.options.generatedAt);
    }
    md += u"---\n\nGenerated by corscope " + data.options.version + u" on " + dateTime(data.options.generatedAt)
          + u" · "
          + (data.options.redact ? QStringLiteral("secrets redacted") : QStringLiteral("**not redacted**: may contain secrets"))
          + u'\n';
    return md;
}

} // namespace corscope
