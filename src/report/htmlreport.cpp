#include "report/htmlreport.h"

#include "report/reportformat.h"

namespace corscope {

namespace {

using namespace reportformat;

QString esc(const QString &text)
{
    return text.toHtmlEscaped();
}

QString pre(const QString &text, const QString &cssClass = QStringLiteral("code"))
{
    return u"<pre class=\"" + cssClass + u"\">" + esc(text) + u"</pre>\n";
}

QString headerBlock(const QString &firstLine, const ReportHeaders &headers)
{
    QString text = firstLine + u'\n';
    for (const auto &[name, value] : headers)
        text += name + u": " + value + u'\n';
    return text;
}

QString verdictClass(const QString &verdict)
{
    return verdict == u"allowed" ? QStringLiteral("ok") : verdict == u"blocked" ? QStringLiteral("bad") : QStringLiteral("warn");
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
    html += u"<div class=\"banner " + verdictClass(e.verdict) + u"\">" + esc(e.verdictTitle()) + u" by "
            + esc(e.browser)
            + (e.failure ? u" at the " + esc(e.failure->stage) + u": <code>" + esc(e.failure->check) + u"</code>"
                               + (e.failure->header.isEmpty() ? QString() : u" (" + esc(e.failure->header) + u')')
                         : QString())
            + u"</div>\n<table>\n";
    auto row = [&html](const QString &name, const QString &valueHtml) {
        html += u"<tr><th>" + esc(name) + u"</th><td>" + valueHtml + u"</td></tr>\n";
    };
    row(QStringLiteral("Request"), u"<code>" + esc(e.requestLine()) + u"</code>");
    row(QStringLiteral("Page origin"), u"<code>" + esc(e.origin) + u"</code>");
    row(QStringLiteral("Credentials"), esc(e.credentials));
    row(QStringLiteral("Redirect mode"), esc(e.redirectMode));
    row(QStringLiteral("Browser"), esc(e.browser));
    row(QStringLiteral("Preflight"), esc(preflightSummary(e.preflightNeeded, e.preflightFromCache, e.crossOrigin)));
    if (!e.expect.isEmpty())
        row(QStringLiteral("Expected"), esc(e.expect) + (e.asExpected.value_or(true) ? QString() : QStringLiteral(" (not met)")));
    html += QStringLiteral("</table>\n");
    if (!e.preflightReasons.isEmpty()) {
        html += QStringLiteral("<ul>");
        for (const QString &reason : e.preflightReasons)
            html += u"<li>Preflight because: " + esc(reason) + u"</li>";
        html += QStringLiteral("</ul>\n");
    }
    if (!e.headers.isEmpty() || !e.body.isEmpty()) {
        QString script = u"fetch " + e.requestLine() + u'\n';
        for (const auto &[name, value] : e.headers)
            script += name + u": " + value + u'\n';
        if (!e.body.isEmpty())
            script += u'\n' + e.body.left(4000) + u'\n';
        html += u"<p>The request as the script made it:</p>\n" + pre(script);
    }
    if (e.failure) {
        const ReportFailure &f = *e.failure;
        html += u"<" + h2 + u">What failed</" + h2 + u">\n<p>Check <code>" + esc(f.check) + u"</code> at the "
                + esc(f.stage) + (f.status > 0 ? u" (HTTP " + QString::number(f.status) + u')' : QString())
                + (f.header.isEmpty() ? QString() : u", header <code>" + esc(f.header) + u"</code>") + u".</p>\n";
        html += u"<table><tr><th>Server sent</th><td class=\"seen\"><code>" + esc(f.seen)
                + u"</code></td></tr><tr><th>Browser needed</th><td class=\"needed\">" + esc(f.needed)
                + u"</td></tr></table>\n";
        if (!f.explanation.isEmpty())
            html += u"<p>" + esc(f.explanation) + u"</p>\n";
        if (!f.message.isEmpty())
            html += u"<p>Console (" + esc(e.browser) + u"):</p>\n" + pre(f.message, QStringLiteral("console"));
        html += u"<" + h2 + u">Fix</" + h2 + u">\n";
        if (!f.fix.isEmpty())
            html += u"<p>" + esc(f.fix) + u"</p>\n";
        if (!e.fixSnippet.isEmpty())
            html += u"<p>Server fix, " + esc(e.fixStack) + u":</p>\n" + pre(e.fixSnippet);
    }
    if (!e.warnings.isEmpty()) {
        html += u"<" + h2 + u">Warnings</" + h2 + u">\n<ul>";
        for (const ReportWarning &w : e.warnings)
            html += u"<li><code>" + esc(w.check) + u"</code>: " + esc(w.message) + u"</li>";
        html += QStringLiteral("</ul>\n");
    }
    html += u"<" + h2 + u">Timeline</" + h2 + u">\n";
    if (e.hops.isEmpty()) {
        html += QStringLiteral("<p>Nothing was sent.</p>\n");
    } else {
        html += QStringLiteral("<table><tr><th>#</th><th>Step</th><th>Request</th><th>Status</th><th>Start</th>"
                               "<th>Duration</th><th>Browser checks</th></tr>\n");
        for (qsizetype i = 0; i < e.hops.size(); ++i) {
            const ReportHop &hop = e.hops.at(i);
            html += u"<tr><td>" + QString::number(i + 1) + u"</td><td>" + hopKindTitle(hop.kind)
                    + (hop.redirect ? QStringLiteral(" (redirect)") : QString()) + u"</td><td><code>"
                    + esc(hop.method + u' ' + hop.url) + u"</code></td><td>"
                    + esc(hop.networkError.isEmpty() ? statusLine(hop.status, hop.statusText) : hop.networkError)
                    + u"</td><td>" + milliseconds(hop.startMs) + u"</td><td>" + milliseconds(hop.totalMs)
                    + u"</td><td class=\"" + (hop.passed ? u"passed\">passed" : u"failed\">failed")
                    + u"</td></tr>\n";
        }
        html += QStringLiteral("</table>\n");
    }
    for (qsizetype i = 0; i < e.hops.size(); ++i) {
        const ReportHop &hop = e.hops.at(i);
        html += u"<" + h3 + u">" + QString::number(i + 1) + u". " + hopKindTitle(hop.kind) + u": "
                + esc(hop.method + u' ' + hop.url) + u"</" + h3 + u">\n";
        html += pre(headerBlock(hop.method + u' ' + hop.url + u" HTTP/1.1", hop.requestHeaders));
        if (!hop.requestBody.isEmpty())
            html += pre(hop.requestBody.left(4000));
        if (hop.hasResponse) {
            html += pre(headerBlock(u"HTTP/1.1 " + statusLine(hop.status, hop.statusText), hop.responseHeaders));
            if (!hop.responseBody.isEmpty())
                html += pre(hop.responseBody.left(4000));
        } else if (!hop.networkError.isEmpty()) {
            html += u"<p>No response: <code>" + esc(hop.networkError) + u"</code> " + esc(hop.networkErrorDetail)
                    + u"</p>\n";
        }
        html += u"<p>Timings: connect " + milliseconds(hop.connectMs) + u", waiting " + milliseconds(hop.waitMs)
                + u", download " + milliseconds(hop.downloadMs) + u", total " + milliseconds(hop.totalMs) + u"</p>\n";
    }
    html += u"<" + h2 + u">Reproduce with curl</" + h2 + u">\n" + pre(e.curl);
}

} // namespace

QString HtmlReport::render(const ReportData &data, const QByteArray &png)
{
    QString title;
    if (data.batch) {
        title = u"CORS report: " + QString::number(data.exchanges.size()) + u" requests — "
                + QString::number(data.countVerdict(QStringLiteral("blocked"))) + u" blocked, "
                + QString::number(data.countVerdict(QStringLiteral("allowed"))) + u" allowed";
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
                    + u"</code></td><td class=\"" + (e.verdict == u"allowed" ? u"passed" : u"failed") + u"\">"
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
