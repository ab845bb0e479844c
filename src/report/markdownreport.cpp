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

// Free text with the inline code the engine writes in its sentences: each span becomes a Markdown code
// span, the rest is escaped. Escaping the backticks instead would show them raw (GitHub shows \`).
QString textWithCode(const QString &text, bool inTable = false)
{
    QString out;
    for (const TextPiece &piece : inlineCodePieces(text))
        out += piece.isCode ? MarkdownReport::code(piece.text, inTable) : escapeText(piece.text);
    return out;
}

QString oneLine(const QString &text)
{
    QString line = text;
    line.replace(u'\n', u' ');
    line.replace(u'\r', u' ');
    return line;
}

QString headerBlock(const QString &firstLine, const HeaderList &headers)
{
    return firstLine + u'\n' + headerLines(headers);
}

QString pathOf(const QUrl &url)
{
    const QString path = url.isValid() ? QString::fromUtf8(url.toEncoded(QUrl::RemoveScheme | QUrl::RemoveAuthority
                                                                          | QUrl::RemoveFragment))
                                       : QString();
    return path.isEmpty() ? QStringLiteral("/") : path;
}

QString body(const QString &text, qint64 bytes)
{
    QString shown = text.left(bodyLimit);
    if (text.size() > bodyLimit || bytes > text.toUtf8().size())
        shown += QStringLiteral("\n… (truncated, %1 bytes in all)").arg(std::max<qint64>(bytes, text.size()));
    return shown;
}

void renderExchange(QString &md, const ReportExchange &e, const QString &h)
{
    // h is the heading prefix of this exchange's sections ("##" alone, "###" in a batch).
    const ExchangeResult &result = e.result;
    const QString browser = escapeText(e.profile.displayName);
    md += u"> **" + e.verdictTitle() + u"** by " + browser;
    if (result.failure)
        md += u" at the " + stageName(result.failure->stage) + u": "
              + MarkdownReport::code(checkIdName(result.failure->check))
              + (result.failure->header.isEmpty() ? QString()
                                                  : u" (" + MarkdownReport::code(text(result.failure->header)) + u')');
    else if (result.verdict == Verdict::Allowed)
        md += QStringLiteral(": the page can read the response");
    md += u"\n\n";

    md += QStringLiteral("| | |\n|---|---|\n");
    md += u"| Request | " + MarkdownReport::code(e.requestLine(), true) + u" |\n";
    md += u"| Page origin | " + MarkdownReport::code(text(e.request.origin.serialize()), true) + u" |\n";
    md += u"| Credentials | " + MarkdownReport::code(credentialsModeName(e.request.credentials), true) + u" |\n";
    md += u"| Redirect mode | " + MarkdownReport::code(redirectModeName(e.request.redirect), true) + u" |\n";
    md += u"| Browser | " + browser + u" |\n";
    md += u"| Preflight | " + preflightSummary(result.preflightNeeded, result.preflightFromCache, result.crossOrigin)
          + u" |\n";
    if (!e.expect.isEmpty())
        md += u"| Expected | " + e.expect + (e.asExpected.value_or(true) ? QString() : QStringLiteral(" (not met)"))
              + u" |\n";
    md += u'\n';
    for (const PreflightReason &reason : result.preflightReasons)
        md += u"- Preflight because: " + textWithCode(oneLine(reason.text())) + u'\n';
    if (!result.preflightReasons.isEmpty())
        md += u'\n';
    if (!e.request.headers.isEmpty() || !e.request.body.isEmpty()) {
        md += QStringLiteral("The request as the script made it:\n\n");
        QString script = u"fetch " + e.requestLine() + u'\n' + headerLines(e.request.headers);
        if (!e.request.body.isEmpty())
            script += u'\n' + body(text(e.request.body), 0) + u'\n';
        md += MarkdownReport::fence(script, QStringLiteral("http"));
    }

    if (result.failure) {
        const Finding &f = *result.failure;
        md += h + u" What failed\n\n";
        md += u"Check " + MarkdownReport::code(checkIdName(f.check)) + u" at the " + stageName(f.stage)
              + (f.status > 0 ? u" (HTTP " + QString::number(f.status) + u')' : QString())
              + (f.header.isEmpty() ? QString() : u", header " + MarkdownReport::code(text(f.header))) + u".\n\n";
        md += QStringLiteral("| | |\n|---|---|\n");
        md += u"| Server sent | " + MarkdownReport::code(oneLine(f.seen), true) + u" |\n";
        md += u"| Browser needed | " + textWithCode(oneLine(f.needed), true) + u" |\n\n";
        if (!f.explanation.isEmpty())
            md += textWithCode(f.explanation) + u"\n\n";
        if (!f.consoleMessage.isEmpty())
            md += u"Console (" + browser + u"):\n\n" + MarkdownReport::fence(f.consoleMessage, QStringLiteral("text"));
        md += h + u" Fix\n\n";
        if (!f.fix.isEmpty())
            md += textWithCode(f.fix) + u"\n\n";
        if (!e.fixSnippet.isEmpty())
            md += u"Server fix, " + escapeText(e.fixStack) + u":\n\n" + MarkdownReport::fence(e.fixSnippet);
    }

    if (!result.warnings.isEmpty()) {
        md += h + u" Warnings\n\n";
        for (const Warning &w : result.warnings)
            md += u"- " + MarkdownReport::code(w.check) + u": " + textWithCode(oneLine(w.message)) + u'\n';
        md += u'\n';
    }

    md += h + u" Timeline\n\n";
    if (result.hops.isEmpty()) {
        md += QStringLiteral("Nothing was sent.\n\n");
    } else {
        md += QStringLiteral("| # | Step | Request | Status | Start | Duration | Browser checks |\n"
                             "|---|---|---|---|---|---|---|\n");
        for (qsizetype i = 0; i < result.hops.size(); ++i) {
            const Hop &hop = result.hops.at(i);
            md += u"| " + QString::number(i + 1) + u" | " + hopKindTitle(hop.kind)
                  + (hop.isRedirect() ? QStringLiteral(" (redirect)") : QString()) + u" | "
                  + MarkdownReport::code(requestLine(hop.request.method, hop.request.url), true) + u" | "
                  + escapeText(hopStatus(hop)) + u" | " + milliseconds(hop.timings.startMs) + u" | "
                  + milliseconds(hop.timings.totalMs) + u" | "
                  + (hop.passed ? QStringLiteral("passed") : QStringLiteral("**failed**")) + u" |\n";
        }
        md += u'\n';
    }

    for (qsizetype i = 0; i < result.hops.size(); ++i) {
        const Hop &hop = result.hops.at(i);
        md += h + u"# " + QString::number(i + 1) + u". " + hopKindTitle(hop.kind) + u": "
              + escapeText(text(hop.request.method)) + u' ' + escapeText(urlText(hop.request.url)) + u"\n\n";
        md += QStringLiteral("Request headers:\n\n")
              + MarkdownReport::fence(headerBlock(text(hop.request.method) + u' ' + pathOf(hop.request.url)
                                                      + u" HTTP/1.1",
                                                  hop.request.headers),
                                      QStringLiteral("http"));
        if (!hop.request.body.isEmpty())
            md += QStringLiteral("Request body:\n\n") + MarkdownReport::fence(body(text(hop.request.body), 0));
        if (hop.response) {
            md += u"Response headers (" + milliseconds(hop.timings.totalMs) + u"):\n\n"
                  + MarkdownReport::fence(headerBlock(u"HTTP/1.1 " + responseStatus(*hop.response), hop.response->headers),
                                          QStringLiteral("http"));
            if (!hop.response->body.isEmpty())
                md += QStringLiteral("Response body:\n\n")
                      + MarkdownReport::fence(body(text(hop.response->body), hop.response->bodySize()));
        } else if (!hop.networkError.isEmpty()) {
            md += u"No response: " + MarkdownReport::code(hop.networkError)
                  + (hop.networkErrorDetail.isEmpty() ? QString() : u" — " + escapeText(hop.networkErrorDetail))
                  + u"\n\n";
        }
        const HopTimings &t = hop.timings;
        if (t.connectMs >= 0 || t.waitMs >= 0 || t.downloadMs >= 0)
            md += u"Timings: connect " + milliseconds(t.connectMs) + u", waiting " + milliseconds(t.waitMs)
                  + u", download " + milliseconds(t.downloadMs) + u", total " + milliseconds(t.totalMs) + u"\n\n";
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
              + QString::number(data.countVerdict(Verdict::Blocked)) + u" blocked, "
              + QString::number(data.countVerdict(Verdict::Allowed)) + u" allowed";
        const int errors = data.countVerdict(Verdict::NetworkError);
        if (errors > 0)
            md += u", " + QString::number(errors) + u" network error" + (errors > 1 ? u"s" : u"");
        md += QStringLiteral("\n\n| # | Name | Request | Verdict | Failed check | Expected |\n"
                             "|---|---|---|---|---|---|\n");
        for (qsizetype i = 0; i < data.exchanges.size(); ++i) {
            const ReportExchange &e = data.exchanges.at(i);
            md += u"| " + QString::number(i + 1) + u" | " + escapeText(e.name) + u" | "
                  + code(e.requestLine(), true) + u" | " + e.verdictTitle() + u" | "
                  + (e.result.failure ? code(e.failureSummary(), true) : QString()) + u" | "
                  + (e.expect.isEmpty() ? QString()
                                        : e.expect + (e.asExpected.value_or(true) ? QString() : QStringLiteral(" ✗")))
                  + u" |\n";
        }
        md += u'\n';
        for (qsizetype i = 0; i < data.exchanges.size(); ++i) {
            const ReportExchange &e = data.exchanges.at(i);
            md += u"## " + QString::number(i + 1) + u". " + (e.name.isEmpty() ? QString() : escapeText(e.name) + u" — ")
                  + escapeText(e.requestLine()) + u" — " + e.verdictTitle() + u"\n\n";
            renderExchange(md, e, QStringLiteral("###"));
        }
    } else {
        const ReportExchange &e = data.exchanges.first();
        md += u"# CORS report: " + escapeText(e.requestLine()) + u" — " + e.verdictTitle() + u"\n\n";
        renderExchange(md, e, QStringLiteral("##"));
    }
    md += u"---\n\nGenerated by corscope " + data.options.version + u" on " + dateTime(data.options.generatedAt)
          + u" · "
          + (data.options.redact ? QStringLiteral("secrets redacted") : QStringLiteral("**not redacted**: may contain secrets"))
          + u'\n';
    return md;
}

} // namespace corscope
