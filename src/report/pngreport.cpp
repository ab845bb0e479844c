#include "report/pngreport.h"

#include "report/reportformat.h"
#include "report/textcapturedevice.h"

#include <QBuffer>
#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>

namespace corscope {

namespace {

using namespace reportformat;

constexpr qreal margin = 40;
constexpr qreal contentWidth = PngReport::logicalWidth - 2 * margin;
constexpr int snippetLineLimit = 22;

namespace color {
const QColor text(0x1f, 0x23, 0x28);
const QColor muted(0x57, 0x60, 0x6a);
const QColor border(0xd0, 0xd7, 0xde);
const QColor panel(0xf6, 0xf8, 0xfa);
const QColor red(0xcf, 0x22, 0x2e);
const QColor redDark(0x82, 0x07, 0x1e);
const QColor redBackground(0xff, 0xeb, 0xe9);
const QColor redBorder(0xff, 0x81, 0x82);
const QColor green(0x1a, 0x7f, 0x37);
const QColor greenDark(0x11, 0x63, 0x29);
const QColor greenBackground(0xda, 0xfb, 0xe1);
const QColor greenBorder(0x4a, 0xc2, 0x6b);
const QColor amber(0x9a, 0x67, 0x00);
const QColor amberBackground(0xff, 0xf8, 0xc5);
const QColor amberBorder(0xd4, 0xa7, 0x2c);
const QColor blue(0x09, 0x69, 0xda);
const QColor track(0xea, 0xee, 0xf2);
} // namespace color

struct Tone
{
    QColor strong;
    QColor background;
    QColor border;
};

Tone verdictTone(Verdict verdict)
{
    if (verdict == Verdict::Allowed)
        return {color::greenDark, color::greenBackground, color::greenBorder};
    if (verdict == Verdict::Blocked)
        return {color::redDark, color::redBackground, color::redBorder};
    return {color::amber, color::amberBackground, color::amberBorder};
}

Tone statusTone(const Hop &hop)
{
    if (!hop.networkError.isEmpty() || !hop.response || hop.response->status >= 400)
        return {color::redDark, color::redBackground, color::redBorder};
    if (hop.response->status >= 300)
        return {color::amber, color::amberBackground, color::amberBorder};
    return {color::greenDark, color::greenBackground, color::greenBorder};
}

QFont makeFont(qreal pixels, bool bold = false, bool mono = false)
{
    QFont font(mono ? QStringLiteral("DejaVu Sans Mono") : QStringLiteral("DejaVu Sans"));
    font.setStyleHint(mono ? QFont::Monospace : QFont::SansSerif);
    font.setPixelSize(int(pixels));
    font.setBold(bold);
    font.setKerning(true);
    return font;
}

// Painting and measuring share one code path: with no painter, every draw call only advances.
class Canvas
{
public:
    Canvas(QPainter *painter, QPaintDevice *device)
        : m_painter(painter)
        , m_device(device)
    {
    }

    qreal y = margin;

    qreal height(const QFont &font, qreal width, int flags, const QString &text) const
    {
        if (text.isEmpty())
            return QFontMetricsF(font, m_device).height();
        return QFontMetricsF(font, m_device).boundingRect(QRectF(0, 0, width, 1e6), flags, text).height();
    }
    qreal width(const QFont &font, const QString &text) const
    {
        return QFontMetricsF(font, m_device).horizontalAdvance(text);
    }
    QString elided(const QFont &font, const QString &text, qreal width) const
    {
        return QFontMetricsF(font, m_device).elidedText(text, Qt::ElideRight, width);
    }

    void text(const QRectF &rect, const QFont &font, const QColor &pen, int flags, const QString &text)
    {
        if (!m_painter || text.isEmpty())
            return;
        m_painter->setFont(font);
        m_painter->setPen(pen);
        m_painter->drawText(rect, flags, text);
    }
    // Wrapped text at y across width; advances y.
    qreal paragraph(qreal x, qreal width, const QFont &font, const QColor &pen, const QString &text,
                    int wrap = Qt::TextWordWrap)
    {
        const int flags = Qt::AlignLeft | Qt::AlignTop | wrap;
        const qreal h = height(font, width, flags, text);
        this->text(QRectF(x, y, width, h), font, pen, flags, text);
        y += h;
        return h;
    }
    void box(const QRectF &rect, const QColor &fill, const QColor &border, qreal radius = 6)
    {
        if (!m_painter)
            return;
        m_painter->setPen(border.isValid() ? QPen(border, 1) : QPen(Qt::NoPen));
        m_painter->setBrush(fill);
        m_painter->drawRoundedRect(rect.adjusted(0.5, 0.5, -0.5, -0.5), radius, radius);
    }
    void line(qreal x1, qreal y1, qreal x2, qreal y2, const QColor &pen)
    {
        if (!m_painter)
            return;
        m_painter->setPen(QPen(pen, 1));
        m_painter->drawLine(QPointF(x1, y1), QPointF(x2, y2));
    }
    // A pill with centred text; returns its width.
    qreal pill(qreal x, qreal top, const QString &label, const QFont &font, const Tone &tone, qreal maxWidth = 1e6)
    {
        const QString shown = elided(font, label, maxWidth - 16);
        const qreal w = width(font, shown) + 16;
        const qreal h = QFontMetricsF(font, m_device).height() + 6;
        box(QRectF(x, top, w, h), tone.background, tone.border, h / 2);
        text(QRectF(x, top, w, h), font, tone.strong, Qt::AlignCenter, shown);
        return w;
    }
    void section(const QString &title)
    {
        y += 22;
        const QFont font = makeFont(12.5, true);
        const qreal h = height(font, contentWidth, Qt::AlignLeft, title);
        text(QRectF(margin, y, contentWidth, h), font, color::muted, Qt::AlignLeft | Qt::AlignVCenter, title);
        const qreal titleWidth = width(font, title);
        line(margin + titleWidth + 10, y + h / 2, margin + contentWidth, y + h / 2, color::border);
        y += h + 8;
    }

private:
    QPainter *m_painter;
    QPaintDevice *m_device;
};

QString plain(QString text)
{
    return text.remove(u'`');
}

// "PUT /items/1?x=2": the host is in the title and the summary already.
QString requestPath(const QByteArray &method, const QUrl &url)
{
    const QString full = urlText(url);
    const qsizetype scheme = full.indexOf(QStringLiteral("://"));
    const qsizetype slash = scheme < 0 ? -1 : full.indexOf(u'/', scheme + 3);
    const QString path = scheme < 0 ? full : slash < 0 ? QStringLiteral("/") : full.mid(slash);
    return text(method) + u' ' + path;
}

void header(Canvas &c, const ReportData &data)
{
    const QFont small = makeFont(13);
    const QString left = u"CORS report · corscope " + data.options.version + u" · " + dateTime(data.options.generatedAt);
    const qreal h = c.height(small, contentWidth, Qt::AlignLeft, left) + 6;
    c.text(QRectF(margin, c.y, contentWidth, h), small, color::muted, Qt::AlignLeft | Qt::AlignVCenter, left);
    const QString pill = data.options.redact ? QStringLiteral("Secrets redacted") : QStringLiteral("NOT REDACTED");
    const Tone tone = data.options.redact ? Tone{color::greenDark, color::greenBackground, color::greenBorder}
                                          : Tone{color::redDark, color::redBackground, color::redBorder};
    const QFont pillFont = makeFont(12, true);
    const qreal w = c.width(pillFont, pill) + 16;
    c.pill(margin + contentWidth - w, c.y, pill, pillFont, tone);
    c.y += h + 10;
}

void banner(Canvas &c, const ReportExchange &e)
{
    const ExchangeResult &result = e.result;
    const Tone tone = verdictTone(result.verdict);
    const QFont big = makeFont(26, true);
    const QFont medium = makeFont(17);
    const QFont detail = makeFont(16, false, true);
    const qreal pad = 16;
    const QString word = e.verdictTitle().toUpper();
    QString rest = u"  by " + e.profile.displayName;
    if (result.failure)
        rest += u" at the "
                + (result.failure->stage == Stage::Actual ? QStringLiteral("actual request")
                                                          : stageName(result.failure->stage))
                + (result.failure->status > 0 ? u" (HTTP " + QString::number(result.failure->status) + u')'
                                              : QString());
    else if (result.verdict == Verdict::Allowed)
        rest += QStringLiteral(" · the page can read the response");
    const QString second = result.failure ? checkIdName(result.failure->check)
                                                + (result.failure->header.isEmpty()
                                                       ? QString()
                                                       : u"  ·  " + text(result.failure->header))
                                          : QString();
    const qreal line1 = c.height(big, contentWidth, Qt::AlignLeft, word);
    const qreal line2 = second.isEmpty() ? 0 : c.height(detail, contentWidth - 2 * pad, Qt::TextWrapAnywhere, second) + 4;
    const QRectF rect(margin, c.y, contentWidth, line1 + line2 + 2 * pad);
    c.box(rect, tone.background, tone.border, 8);
    c.box(QRectF(margin, c.y, 8, rect.height()), tone.strong, QColor(), 4);
    const qreal wordWidth = c.width(big, word);
    c.text(QRectF(margin + pad + 6, c.y + pad, wordWidth + 4, line1), big, tone.strong, Qt::AlignLeft | Qt::AlignVCenter, word);
    c.text(QRectF(margin + pad + 6 + wordWidth, c.y + pad, contentWidth - wordWidth - 2 * pad, line1), medium, tone.strong,
           Qt::AlignLeft | Qt::AlignVCenter, rest);
    if (!second.isEmpty())
        c.text(QRectF(margin + pad + 6, c.y + pad + line1 + 4, contentWidth - 2 * pad, line2), detail, color::text,
               Qt::AlignLeft | Qt::AlignTop | Qt::TextWrapAnywhere, second);
    c.y += rect.height();
}

void summary(Canvas &c, const ReportExchange &e)
{
    c.y += 16;
    const QList<QPair<QString, QString>> cells{
        {QStringLiteral("PAGE ORIGIN"), text(e.request.origin.serialize())},
        {QStringLiteral("CREDENTIALS"), credentialsModeName(e.request.credentials)},
        {QStringLiteral("BROWSER"), e.profile.displayName},
        {QStringLiteral("PREFLIGHT"),
         preflightSummary(e.result.preflightNeeded, e.result.preflightFromCache, e.result.crossOrigin)},
    };
    const qreal widths[] = {300, 170, 190, contentWidth - 300 - 170 - 190};
    const QFont label = makeFont(11.5, true);
    const QFont value = makeFont(15);
    qreal x = margin;
    qreal tallest = 0;
    for (qsizetype i = 0; i < cells.size(); ++i) {
        const qreal w = widths[i] - 14;
        const qreal lh = c.height(label, w, Qt::AlignLeft, cells.at(i).first);
        const int flags = Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap;
        const qreal vh = c.height(value, w, flags, cells.at(i).second);
        c.text(QRectF(x, c.y, w, lh), label, color::muted, Qt::AlignLeft, cells.at(i).first);
        c.text(QRectF(x, c.y + lh + 2, w, vh), value, color::text, flags, cells.at(i).second);
        tallest = std::max(tallest, lh + 2 + vh);
        x += widths[i];
    }
    c.y += tallest;
    if (!e.result.preflightReasons.isEmpty()) {
        c.y += 6;
        c.paragraph(margin, contentWidth, makeFont(13.5), color::muted,
                    u"Preflight because: " + plain(preflightReasonTexts(e.result.preflightReasons).join(u' ')));
    }
}

void timeline(Canvas &c, const ReportExchange &e)
{
    c.section(QStringLiteral("TIMELINE"));
    const QList<Hop> &hops = e.result.hops;
    if (hops.isEmpty()) {
        c.paragraph(margin, contentWidth, makeFont(15), color::muted, QStringLiteral("Nothing was sent."));
        return;
    }
    double end = 0;
    for (const Hop &hop : hops)
        end = std::max(end, std::max(0.0, hop.timings.startMs) + std::max(0.0, hop.timings.totalMs));
    if (end <= 0)
        end = 1;
    const QFont badge = makeFont(11.5, true);
    const QFont mono = makeFont(14, false, true);
    const QFont status = makeFont(12.5, true);
    const QFont small = makeFont(13);
    const qreal rowHeight = 36;
    const qreal requestX = margin + 118;
    const qreal requestWidth = 430;
    const qreal statusX = requestX + requestWidth + 10;
    const qreal statusWidth = 150;
    const qreal barX = statusX + statusWidth + 14;
    const qreal durationWidth = 118;
    const qreal barWidth = margin + contentWidth - durationWidth - 10 - barX;
    for (const Hop &hop : hops) {
        const qreal top = c.y;
        const qreal middle = top + rowHeight / 2;
        const bool preflight = hop.kind == HopKind::Preflight;
        const QString kind = preflight          ? QStringLiteral("PREFLIGHT")
                             : hop.isRedirect() ? QStringLiteral("REDIRECT")
                                                : QStringLiteral("REQUEST");
        const Tone kindTone = preflight ? Tone{color::blue, QColor(0xdd, 0xf4, 0xff), QColor(0x54, 0xae, 0xff)}
                                        : Tone{color::text, color::panel, color::border};
        c.pill(margin, middle - 11, kind, badge, kindTone);
        c.text(QRectF(requestX, top, requestWidth, rowHeight), mono, color::text, Qt::AlignLeft | Qt::AlignVCenter,
               c.elided(mono, requestPath(hop.request.method, hop.request.url), requestWidth));
        c.pill(statusX, middle - 11, hopStatus(hop), status, statusTone(hop), statusWidth);
        c.box(QRectF(barX, middle - 5, barWidth, 10), color::track, QColor(), 5);
        if (hop.timings.totalMs >= 0) {
            const qreal x0 = barX + barWidth * std::max(0.0, hop.timings.startMs) / end;
            const qreal w = std::max<qreal>(4, barWidth * hop.timings.totalMs / end);
            c.box(QRectF(x0, middle - 5, std::min(w, barX + barWidth - x0), 10), hop.passed ? color::green : color::red,
                  QColor(), 5);
        }
        const QString duration = milliseconds(hop.timings.totalMs) + (hop.passed ? QString() : QStringLiteral("  ✗"));
        c.text(QRectF(margin + contentWidth - durationWidth, top, durationWidth, rowHeight), small,
               hop.passed ? color::text : color::red, Qt::AlignRight | Qt::AlignVCenter, duration);
        c.y += rowHeight;
        c.line(margin, c.y, margin + contentWidth, c.y, color::track);
    }
    c.text(QRectF(barX, c.y + 2, barWidth, 18), makeFont(11.5), color::muted, Qt::AlignLeft, QStringLiteral("0 ms"));
    c.text(QRectF(barX, c.y + 2, barWidth, 18), makeFont(11.5), color::muted, Qt::AlignRight, milliseconds(end));
    c.y += 20;
}

void failure(Canvas &c, const ReportExchange &e)
{
    if (!e.result.failure)
        return;
    const Finding &f = *e.result.failure;
    c.section(QStringLiteral("WHAT FAILED"));
    const QFont body = makeFont(15);
    const QFont label = makeFont(11.5, true);
    const QFont mono = makeFont(15, false, true);
    const qreal gap = 16;
    const qreal half = (contentWidth - gap) / 2;
    const qreal pad = 12;
    const int flags = Qt::AlignLeft | Qt::AlignTop | Qt::TextWrapAnywhere;
    const QString sentTitle = f.header.isEmpty() ? QStringLiteral("SERVER SENT") : u"SERVER SENT · " + text(f.header);
    const qreal labelHeight = c.height(label, half - 2 * pad, Qt::TextWrapAnywhere, sentTitle);
    const qreal seenHeight = c.height(mono, half - 2 * pad, flags, f.seen);
    const qreal neededHeight = c.height(makeFont(15), half - 2 * pad, Qt::AlignLeft | Qt::TextWordWrap, f.needed);
    const qreal boxHeight = labelHeight + 6 + std::max(seenHeight, neededHeight) + 2 * pad;
    c.box(QRectF(margin, c.y, half, boxHeight), color::redBackground, color::redBorder);
    c.text(QRectF(margin + pad, c.y + pad, half - 2 * pad, labelHeight), label, color::redDark, flags, sentTitle);
    c.text(QRectF(margin + pad, c.y + pad + labelHeight + 6, half - 2 * pad, seenHeight), mono, color::text, flags, f.seen);
    const qreal x2 = margin + half + gap;
    c.box(QRectF(x2, c.y, half, boxHeight), color::greenBackground, color::greenBorder);
    c.text(QRectF(x2 + pad, c.y + pad, half - 2 * pad, labelHeight), label, color::greenDark, flags,
           QStringLiteral("BROWSER NEEDED"));
    c.text(QRectF(x2 + pad, c.y + pad + labelHeight + 6, half - 2 * pad, neededHeight), makeFont(15), color::text,
           Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, plain(f.needed));
    c.y += boxHeight + 12;
    if (!f.explanation.isEmpty())
        c.paragraph(margin, contentWidth, body, color::text, plain(f.explanation));

    if (!f.consoleMessage.isEmpty()) {
        c.section(u"CONSOLE · " + e.profile.displayName.toUpper());
        const QFont console = makeFont(13.5, false, true);
        const qreal h = c.height(console, contentWidth - 2 * pad, Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, f.consoleMessage);
        c.box(QRectF(margin, c.y, contentWidth, h + 2 * pad), QColor(0xff, 0xf5, 0xf5), QColor(0xff, 0xb3, 0xb3));
        c.text(QRectF(margin + pad, c.y + pad, contentWidth - 2 * pad, h), console, color::redDark, Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, f.consoleMessage);
        c.y += h + 2 * pad;
    }
}

void warnings(Canvas &c, const ReportExchange &e)
{
    if (e.result.warnings.isEmpty())
        return;
    c.section(QStringLiteral("WARNINGS"));
    const QFont font = makeFont(14.5);
    for (const Warning &w : e.result.warnings) {
        c.text(QRectF(margin, c.y, 20, 22), makeFont(14.5, true), color::amber, Qt::AlignLeft | Qt::AlignTop,
               QStringLiteral("⚠"));
        c.paragraph(margin + 22, contentWidth - 22, font, color::text, plain(w.message));
        c.y += 4;
    }
}

void fix(Canvas &c, const ReportExchange &e)
{
    const std::optional<Finding> &failure = e.result.failure;
    if (!failure || (failure->fix.isEmpty() && e.fixSnippet.isEmpty()))
        return;
    c.section(QStringLiteral("FIX"));
    if (!failure->fix.isEmpty())
        c.paragraph(margin, contentWidth, makeFont(15.5, true), color::text, plain(failure->fix));
    if (e.fixSnippet.isEmpty())
        return;
    c.y += 8;
    c.paragraph(margin, contentWidth, makeFont(13.5), color::muted, u"Server fix, " + e.fixStack + u':');
    c.y += 4;
    QStringList lines = e.fixSnippet.split(u'\n');
    while (!lines.isEmpty() && lines.last().isEmpty())
        lines.removeLast();
    if (lines.size() > snippetLineLimit) {
        const qsizetype more = lines.size() - snippetLineLimit;
        lines = lines.mid(0, snippetLineLimit);
        lines.append(QStringLiteral("… %1 more lines in the Markdown or HTML report").arg(more));
    }
    const QFont mono = makeFont(13, false, true);
    const qreal pad = 12;
    const int flags = Qt::AlignLeft | Qt::AlignTop | Qt::TextWrapAnywhere;
    const QString text = lines.join(u'\n');
    const qreal h = c.height(mono, contentWidth - 2 * pad, flags, text);
    c.box(QRectF(margin, c.y, contentWidth, h + 2 * pad), color::panel, color::border);
    c.text(QRectF(margin + pad, c.y + pad, contentWidth - 2 * pad, h), mono, color::text, flags, text);
    c.y += h + 2 * pad;
}

void exchange(Canvas &c, const ReportExchange &e, bool withTitle)
{
    if (withTitle) {
        c.paragraph(margin, contentWidth, makeFont(22, true), color::text, e.requestLine(), Qt::TextWrapAnywhere);
        c.y += 12;
    }
    banner(c, e);
    summary(c, e);
    timeline(c, e);
    failure(c, e);
    warnings(c, e);
    fix(c, e);
}

// The exchanges of a batch the picture shows, in run order: the blocked ones first in choosing, then
// the allowed ones, at most `limit`. A ticket needs the failures; the other reports have everything.
QList<qsizetype> shownExchanges(const ReportData &data, qsizetype limit)
{
    QList<qsizetype> shown;
    for (const bool blocked : {true, false}) {
        for (qsizetype i = 0; i < data.exchanges.size() && shown.size() < limit; ++i) {
            if ((data.exchanges.at(i).result.verdict == Verdict::Blocked) == blocked)
                shown.append(i);
        }
    }
    std::sort(shown.begin(), shown.end());
    return shown;
}

void leftOutNote(Canvas &c, const QString &note)
{
    c.y += 6;
    c.paragraph(margin, contentWidth, makeFont(14), color::muted, note);
}

void batchSummary(Canvas &c, const ReportData &data)
{
    c.section(QStringLiteral("REQUESTS"));
    const QFont mono = makeFont(13.5, false, true);
    const QFont body = makeFont(14);
    const QFont pillFont = makeFont(12, true);
    const qreal rowHeight = 32;
    const QList<qsizetype> rows = shownExchanges(data, PngReport::maxSummaryRows);
    for (const qsizetype i : rows) {
        const ReportExchange &e = data.exchanges.at(i);
        const qreal top = c.y;
        c.text(QRectF(margin, top, 30, rowHeight), body, color::muted, Qt::AlignLeft | Qt::AlignVCenter,
               QString::number(i + 1));
        c.text(QRectF(margin + 32, top, 230, rowHeight), body, color::text, Qt::AlignLeft | Qt::AlignVCenter,
               c.elided(body, e.name, 220));
        c.text(QRectF(margin + 262, top, 420, rowHeight), mono, color::text, Qt::AlignLeft | Qt::AlignVCenter,
               c.elided(mono, requestPath(e.request.method, e.request.url), 410));
        const qreal w = c.pill(margin + 690, top + rowHeight / 2 - 11, e.verdictTitle(), pillFont,
                               verdictTone(e.result.verdict));
        c.text(QRectF(margin + 700 + w, top, contentWidth - 700 - w, rowHeight), body, color::text,
               Qt::AlignLeft | Qt::AlignVCenter, c.elided(body, e.failureSummary(), contentWidth - 710 - w));
        c.y += rowHeight;
        c.line(margin, c.y, margin + contentWidth, c.y, color::track);
    }
    if (const qsizetype more = data.exchanges.size() - rows.size(); more > 0)
        leftOutNote(c, QStringLiteral("… and %1 more requests, listed in the Markdown, HTML and HAR reports.").arg(more));
}

} // namespace

int PngReport::paint(QPainter *painter, QPaintDevice *device, const ReportData &data)
{
    Canvas c(painter, device);
    if (painter)
        painter->setRenderHint(QPainter::Antialiasing);
    header(c, data);
    if (data.batch) {
        c.paragraph(margin, contentWidth, makeFont(24, true), color::text,
                    QStringLiteral("%1 requests — %2 blocked, %3 allowed")
                        .arg(data.exchanges.size())
                        .arg(data.countVerdict(Verdict::Blocked))
                        .arg(data.countVerdict(Verdict::Allowed)));
        batchSummary(c, data);
        const QList<qsizetype> detailed = shownExchanges(data, maxDetailedExchanges);
        for (const qsizetype i : detailed) {
            const ReportExchange &e = data.exchanges.at(i);
            c.y += 30;
            c.line(margin, c.y - 14, margin + contentWidth, c.y - 14, color::border);
            c.paragraph(margin, contentWidth, makeFont(20, true), color::text,
                        QString::number(i + 1) + u". " + (e.name.isEmpty() ? QString() : e.name + u" — ") + e.requestLine(),
                        Qt::TextWrapAnywhere);
            c.y += 10;
            exchange(c, e, false);
        }
        if (const qsizetype more = data.exchanges.size() - detailed.size(); more > 0)
            leftOutNote(c, QStringLiteral("The details of %1 more requests are in the Markdown, HTML and HAR reports.").arg(more));
    } else {
        exchange(c, data.exchanges.first(), true);
    }
    c.y += 24;
    c.line(margin, c.y, margin + contentWidth, c.y, color::border);
    c.y += 8;
    c.paragraph(margin, contentWidth, makeFont(12.5), color::muted,
                QStringLiteral("Every request and response header, the bodies, the timings and a curl command that "
                               "reproduces the request are in the Markdown, HTML and HAR reports (corscope report)."));
    c.y += margin - 8;
    return int(std::ceil(c.y));
}

QImage PngReport::render(const ReportData &data, qreal devicePixelRatio)
{
    QImage probe(1, 1, QImage::Format_ARGB32_Premultiplied);
    probe.setDevicePixelRatio(devicePixelRatio);
    const int height = paint(nullptr, &probe, data);
    QImage image(int(logicalWidth * devicePixelRatio), int(height * devicePixelRatio), QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(devicePixelRatio);
    image.setDotsPerMeterX(3780); // 96 dpi
    image.setDotsPerMeterY(3780);
    image.fill(Qt::white);
    QPainter painter(&image);
    paint(&painter, &image, data);
    painter.end();
    return image;
}

QByteArray PngReport::renderPng(const ReportData &data)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    render(data).save(&buffer, "PNG");
    return bytes;
}

QStringList PngReport::paintedText(const ReportData &data)
{
    QImage probe(1, 1, QImage::Format_ARGB32_Premultiplied);
    const int height = paint(nullptr, &probe, data);
    TextCaptureDevice device(logicalWidth, height);
    QPainter painter(&device);
    paint(&painter, &device, data);
    painter.end();
    return device.texts();
}

} // namespace corscope
