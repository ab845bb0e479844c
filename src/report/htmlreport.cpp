#include "report/htmlreport.h"

#include "report/reportformat.h"

namespace corscope {

namespace {

using namespace reportformat;

QString esc(const QString &text)
{
    return text.toHtmlEscaped();
}

// Free text with the engine's inline code: each span shown as <code>, never as raw backticks.
QString textWithCode(const QString &text)
{
    QString html;
    for (const TextPiece &piece : inlineCodePieces(text))
        html += piece.isCode ? QString(u"<code>" + esc(piece.text) + u"</code>") : esc(piece.text);
    return html;
}

QString pre(const QString &text, const QString &cssClass = QStringLiteral("code"))
{
    return u"<pre class=\"" + cssClass + u"\">" + esc(text) + u"</pre>\n";
}

QString headerBlock(const QString &firstLine, const HeaderList &headers)
{
    return firstLine + u'\n' + headerLines(headers);
}

QString verdictClass(Verdict verdict)
{
    return verdict == Verdict::Allowed ? QStringLiteral("ok")
           : verdict == Verdict::Blocked ? QStringLiteral("bad")
                                         : QStringLiteral("warn");
}

const char css[] = R"css(
body{font:15px/1.5 -apple-system,"Segoe UI","DejaVu Sans",Roboto,sans-serif;color:#1f2328;background:#fff;margin:0}
main{max-width:1100px;margin:0 auto;padding:24px}
h1{font-size:24px;margin:0 0 12px}h2{font-size:19px;margin:28px 0 8px;border-bottom:1px solid #d0d7de;padding-bottom:4px}
h3{font-size:16px;margin:20px 0 6px}
.banner{border-radius:8px;padding:12px 16px;font-weight:600;margin:8px 0 16px}
.banner.bad{background:#ffebe9;border:1px solid #ff8182;color:#82071e}.banner.ok{background:#dafbe1;border:1px solid #4ac26b;color:#116329}
.banner.warn{background:#fff8c5;border:1px solid #d4a72c;color:#7d4e00}
table{border-collapse:collapse;margin:8px 0 16px}td,th{border:1px solid #d0d7de;padding:4px 10px;text-align:left;vertical-align:top}
th{background:#f6f8fa}code,pre{font-family:"DejaVu Sans Mono",Menlo,Consolas,monospace;font-size:13px}
pre{background:#f6f8fa;border:1px solid #d0d7de;border-radius:6px;padding:10px;white-space:pre-wrap;word-break:break-all}
pre.console{background:#fff5f5;border-color:#ffb3b3;color:#82071e}
.seen{background:#ffebe9}.needed{background:#dafbe1}.failed{color:#cf222e;font-weight:600}.passed{color:#1a7f37}
.shot{max-width:100%;border:1px solid #d0d7de;border-radius:6px}footer{color:#57606a;font-size:13px;margin-top:32px}
)css";

void renderExchange(QString &html, const ReportExchange &e, const QString &h2, const QString &h3)
{
    const ExchangeResult &result = e.result;
    const QString browser = esc(e.profile.displayName);
    html += u"<div class=\"banner " + verdictClass(result.verdict) + u"\">" + esc(e.verdictTitle()) + u" by "
            + browser
            + (result.failure ? u" at the " + esc(stageName(result.failure->stage)) + u": <code>"
                                    + esc(checkIdName(result.failure->check)) + u"</code>"
                                    + (result.failure->header.isEmpty()
                                           ? QString()
                                           : u" (" + esc(text(result.failure->header)) + u')')
                              : QString())
            + u"</div>\n<table>\n";
    auto row = [&html](const QString &name, const QString &valueHtml) {
        html += u"<tr><th>" + esc(name) + u"</th><td>" + valueHtml + u"</td></tr>\n";
    };
    row(QStringLiteral("Request"), u"<code>" + esc(e.requestLine()) + u"</code>");
    row(QStringLiteral("Page origin"), u"<code>" + esc(text(e.request.origin.serialize())) + u"</code>");
    row(QStringLiteral("Credentials"), esc(credentialsModeName(e.request.credentials)));
    row(QStringLiteral("Redirect mode"), esc(redirectModeName(e.request.redirect)));
    row(QStringLiteral("Browser"), browser);
    row(QStringLiteral("Preflight"),
        esc(preflightSummary(result.preflightNeeded, result.preflightFromCache, result.crossOrigin)));
    if (!e.expect.isEmpty())
        row(QStringLiteral("Expected"), esc(e.expect) + (e.asExpected.value_or(true) ? QString() : QStringLiteral(" (not met)")));
    html += QStringLiteral("</table>\n");
    if (!result.preflightReasons.isEmpty()) {
        html += QStringLiteral("<ul>");
        for (const PreflightReason &reason : result.preflightReasons)
            html += u"<li>Preflight because: " + textWithCode(reason.text()) + u"</li>";
        html += QStringLiteral("</ul>\n");
    }
    if (!e.request.headers.isEmpty() || !e.request.body.isEmpty()) {
        QString script = u"fetch " + e.requestLine() + u'\n' + headerLines(e.request.headers);
        if (!e.request.body.isEmpty())
            script += u'\n' + text(e.request.body).left(4000) + u'\n';
        html += u"<p>The request as the script made it:</p>\n" + pre(script);
    }
    if (result.failure) {
        const Finding &f = *result.failure;
        html += u"<" + h2 + u">What failed</" + h2 + u">\n<p>Check <code>" + esc(checkIdName(f.check))
                + u"</code> at the " + esc(stageName(f.stage))
                + (f.status > 0 ? u" (HTTP " + QString::number(f.status) + u')' : QString())
                + (f.header.isEmpty() ? QString() : u", header <code>" + esc(text(f.header)) + u"</code>")
                + u".</p>\n";
        html += u"<table><tr><th>Server sent</th><td class=\"seen\"><code>" + esc(f.seen)
                + u"</code></td></tr><tr><th>Browser needed</th><td class=\"needed\">" + textWithCode(f.needed)
                + u"</td></tr></table>\n";
        if (!f.explanation.isEmpty())
            html += u"<p>" + textWithCode(f.explanation) + u"</p>\n";
        if (!f.consoleMessage.isEmpty())
            html += u"<p>Console (" + browser + u"):</p>\n" + pre(f.consoleMessage, QStringLiteral("console"));
        html += u"<" + h2 + u">Fix</" + h2 + u">\n";
        if (!f.fix.isEmpty())
            html += u"<p>" + textWithCode(f.fix) + u"</p>\n";
        if (!e.fixSnippet.isEmpty())
            html += u"<p>Server fix, " + esc(e.fixStack) + u":</p>\n" + pre(e.fixSnippet);
    }
    if (!result.warnings.isEmpty()) {
        html += u"<" + h2 + u">Warnings</" + h2 + u">\n<ul>";
        for (const Warning &w : result.warnings)
            html += u"<li><code>" + esc(w.check) + u"</code>: " + textWithCode(w.message) + u"</li>";
        html += QStringLiteral("</ul>\n");
    }
    html += u"<" + h2 + u">Timeline</" + h2 + u">\n";
    if (result.hops.isEmpty()) {
        html += QStringLiteral("<p>Nothing was sent.</p>\n");
    } else {
        html += QStringLiteral("<table><tr><th>#</th><th>Step</th><th>Request</th><th>Status</th><th>Start</th>"
                               "<th>Duration</th><th>Browser checks</th></tr>\n");
        for (qsizetype i = 0; i < result.hops.size(); ++i) {
            const Hop &hop = result.hops.at(i);
            html += u"<tr><td>" + QString::number(i + 1) + u"</td><td>" + hopKindTitle(hop.kind)
                    + (hop.isRedirect() ? QStringLiteral(" (redirect)") : QString()) + u"</td><td><code>"
                    + esc(requestLine(hop.request.method, hop.request.url)) + u"</code></td><td>"
                    + esc(hopStatus(hop)) + u"</td><td>" + milliseconds(hop.timings.startMs) + u"</td><td>"
                    + milliseconds(hop.timings.totalMs) + u"</td><td class=\""
                    + (hop.passed ? u"passed\">passed" : u"failed\">failed") + u"</td></tr>\n";
        }
        html += QStringLiteral("</table>\n");
    }
    for (qsizetype i = 0; i < result.hops.size(); ++i) {
        const Hop &hop = result.hops.at(i);
        const QString line = requestLine(hop.request.method, hop.request.url);
        html += u"<" + h3 + u">" + QString::number(i + 1) + u". " + hopKindTitle(hop.kind) + u": " + esc(line)
                + u"</" + h3 + u">\n";
        html += pre(headerBlock(line + u" HTTP/1.1", hop.request.headers));
        if (!hop.request.body.isEmpty())
            html += pre(text(hop.request.body).left(4000));
        if (hop.response) {
            html += pre(headerBlock(u"HTTP/1.1 " + responseStatus(*hop.response), hop.response->headers));
            if (!hop.response->body.isEmpty())
                html += pre(text(hop.response->body).left(4000));
        } else if (!hop.networkError.isEmpty()) {
            html += u"<p>No response: <code>" + esc(hop.networkError) + u"</code> " + esc(hop.networkErrorDetail)
                    + u"</p>\n";
        }
        const HopTimings &t = hop.timings;
        html += u"<p>Timings: connect " + milliseconds(t.connectMs) + u", waiting " + milliseconds(t.waitMs)
                + u", download " + milliseconds(t.downloadMs) + u", total " + milliseconds(t.totalMs) + u"</p>\n";
    }
    html += u"<" + h2 + u">Reproduce with curl</" + h2 + u">\n" + pre(e.curl);
}

} // namespace

QString HtmlReport::render(const ReportData &data, const QByteArray &png)
{
    QString title;
    if (data.batch) {
        title = u"CORS report: " + QString::number(data.exchanges.size()) + u" requests — "
                + QString::number(data.countVerdict(Verdict::Blocked)) + u" blocked, "
                + QString::number(data.countVerdict(Verdict::Allowed)) + u" allowed";
    } else {
        const ReportExchange &e = data.exchanges.first();
        title = u"CORS report: " + e.requestLine() + u" — " + e.verdictTitle();
    }
    QString html = u"<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + esc(title)
                   + u"</title>\n<style>" + QString::fromUtf8(css) + u"</style>\n</head>\n<body>\n<main>\n<h1>"
                   + esc(title) + u"</h1>\n";
    if (!png.isEmpty())
        html += u"<img class=\"shot\" alt=\"Report image\" src=\"data:image/png;base64,"
                + QString::fromLatin1(png.toBase64()) + u"\">\n";
    if (data.batch) {
        html += QStringLiteral("<table><tr><th>#</th><th>Name</th><th>Request</th><th>Verdict</th><th>Failed check</th>"
                               "<th>Expected</th></tr>\n");
        for (qsizetype i = 0; i < data.exchanges.size(); ++i) {
            const ReportExchange &e = data.exchanges.at(i);
            html += u"<tr><td><a href=\"#exchange-" + QString::number(i + 1) + u"\">" + QString::number(i + 1)
                    + u"</a></td><td>" + esc(e.name) + u"</td><td><code>" + esc(e.requestLine())
                    + u"</code></td><td class=\"" + (e.result.verdict == Verdict::Allowed ? u"passed" : u"failed") + u"\">"
                    + esc(e.verdictTitle()) + u"</td><td>" + esc(e.failureSummary()) + u"</td><td>" + esc(e.expect)
                    + (e.asExpected.value_or(true) ? QString() : QStringLiteral(" ✗")) + u"</td></tr>\n";
        }
        html += QStringLiteral("</table>\n");
        for (qsizetype i = 0; i < data.exchanges.size(); ++i) {
            const ReportExchange &e = data.exchanges.at(i);
            html += u"<section id=\"exchange-" + QString::number(i + 1) + u"\">\n<h2>" + QString::number(i + 1) + u". "
                    + esc((e.name.isEmpty() ? QString() : e.name + u" — ") + e.requestLine()) + u"</h2>\n";
            renderExchange(html, e, QStringLiteral("h3"), QStringLiteral("h4"));
            html += QStringLiteral("</section>\n");
        }
    } else {
        renderExchange(html, data.exchanges.first(), QStringLiteral("h2"), QStringLiteral("h3"));
    }
    html += u"<footer>Generated by corscope " + esc(data.options.version) + u" on "
            + esc(dateTime(data.options.generatedAt)) + u" · "
            + (data.options.redact ? QStringLiteral("secrets redacted") : QStringLiteral("<strong>not redacted</strong>: may contain secrets"))
            + u"</footer>\n</main>\n</body>\n</html>\n";
    return html;
}

} // namespace corscope
