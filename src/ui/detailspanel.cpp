#include "ui/detailspanel.h"

#include "ui/bodyformat.h"
#include "ui/headerlistmodel.h"
#include "ui/tone.h"

#include <QComboBox>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QStackedWidget>
#include <QStyle>
#include <QStyledItemDelegate>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>
#include <algorithm>

namespace corscope {

namespace {
// Tints CORS header rows with the highlight colour of the view's own palette.
class CorsHighlightDelegate final : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        if (index.data(HeaderListModel::IsCorsHeaderRole).toBool())
            option->backgroundBrush = blend(
                option->palette.color(QPalette::Base), option->palette.color(QPalette::Highlight), 0.16);
    }
};

// Header names are read, not skimmed: the name column fits the longest name in the list, up to
// three fifths of the view so a pathological name does not hide every value, but always wide enough
// for the CORS names (Access-Control-Allow-Credentials is the longest). Values take the rest and are
// elided in the middle, whole in the tooltip; the view never scrolls sideways.
void fitNameColumn(QTableView *view, const HeaderList &headers)
{
    QFont bold = view->font();
    bold.setBold(true);
    const QFontMetrics metrics(bold);
    const QStyle *style = view->style();
    // What QStyledItemDelegate keeps around the text, plus the grid line.
    const int padding = 2 * (style->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, view) + 1) + 4;
    const int cap = std::max(metrics.horizontalAdvance(QStringLiteral("Access-Control-Allow-Credentials")),
        view->viewport()->width() * 3 / 5 - padding);
    int width = metrics.horizontalAdvance(QStringLiteral("Content-Type"));
    for (const HeaderField &field : headers.fields())
        width = std::max(width, std::min(cap, metrics.horizontalAdvance(QString::fromLatin1(field.name))));
    view->setColumnWidth(HeaderListModel::NameColumn, width + padding);
}

// A URL for the one-line summary: long ones are shortened in the middle (the tooltip has it all).
QString shortUrl(const QString &url)
{
    constexpr int maximum = 100;
    if (url.size() <= maximum)
        return url;
    return url.left(maximum * 2 / 3) + u'…' + url.right(maximum / 3);
}

QTableView *headerTable(const QString &objectName, HeaderListModel *model, QWidget *parent)
{
    auto *view = new QTableView(parent);
    view->setObjectName(objectName);
    view->setModel(model);
    view->setItemDelegate(new CorsHighlightDelegate(view));
    view->verticalHeader()->hide();
    view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    view->horizontalHeader()->setStretchLastSection(true);
    view->horizontalHeader()->setSectionResizeMode(HeaderListModel::NameColumn, QHeaderView::Interactive);
    view->setTextElideMode(Qt::ElideMiddle);
    view->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setWordWrap(false);
    view->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    view->setToolTip(QStringLiteral("Exactly as on the wire, in order. CORS headers are highlighted."));
    fitNameColumn(view, {});
    return view;
}
} // namespace

DetailsPanel::DetailsPanel(QWidget *parent)
    : QWidget(parent)
    , m_pages(new QStackedWidget(this))
    , m_summary(new QLabel(this))
    , m_tabs(new QTabWidget(this))
    , m_requestHeaders(new HeaderListModel(this))
    , m_responseHeaders(new HeaderListModel(this))
    , m_requestView(headerTable(QStringLiteral("requestHeadersView"), m_requestHeaders, this))
    , m_responseView(headerTable(QStringLiteral("responseHeadersView"), m_responseHeaders, this))
    , m_bodyFormat(new QComboBox(this))
    , m_bodyNote(new QLabel(this))
    , m_body(new QPlainTextEdit(this))
{
    setObjectName(QStringLiteral("detailsPanel"));

    auto *empty
        = new QLabel(QStringLiteral("Select a row in the timeline to see its headers and body exactly as "
                                    "they were sent and received."),
            m_pages);
    empty->setObjectName(QStringLiteral("detailsEmptyState"));
    empty->setAlignment(Qt::AlignCenter);
    empty->setWordWrap(true);
    m_pages->addWidget(empty);

    m_summary->setObjectName(QStringLiteral("hopSummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    // One long URL must not widen the panel (a word-wrapped label asks for its longest word).
    QSizePolicy summaryPolicy = m_summary->sizePolicy();
    summaryPolicy.setHorizontalPolicy(QSizePolicy::Ignored);
    m_summary->setSizePolicy(summaryPolicy);

    m_tabs->setObjectName(QStringLiteral("detailsTabs"));
    m_tabs->addTab(m_responseView, QStringLiteral("Response"));
    m_tabs->addTab(m_requestView, QStringLiteral("Request"));

    m_bodyFormat->setObjectName(QStringLiteral("bodyFormatCombo"));
    m_bodyFormat->addItem(QStringLiteral("Text"), int(BodyFormat::Text));
    m_bodyFormat->addItem(QStringLiteral("JSON"), int(BodyFormat::Json));
    m_bodyFormat->addItem(QStringLiteral("Hex"), int(BodyFormat::Hex));
    m_bodyFormat->setToolTip(QStringLiteral("Show the body as text, indented JSON or a hex dump"));
    m_body->setObjectName(QStringLiteral("responseBodyView"));
    m_body->setReadOnly(true);
    m_body->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_body->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_bodyNote->setWordWrap(true);
    auto *bodyPage = new QWidget(this);
    auto *bodyBar = new QHBoxLayout;
    bodyBar->addWidget(new QLabel(QStringLiteral("Show as"), bodyPage));
    bodyBar->addWidget(m_bodyFormat);
    bodyBar->addWidget(m_bodyNote, 1);
    auto *bodyLayout = new QVBoxLayout(bodyPage);
    bodyLayout->setContentsMargins(0, 0, 0, 0);
    bodyLayout->addLayout(bodyBar);
    bodyLayout->addWidget(m_body, 1);
    m_tabs->addTab(bodyPage, QStringLiteral("Body"));

    auto *hopPage = new QWidget(m_pages);
    auto *hopLayout = new QVBoxLayout(hopPage);
    hopLayout->setContentsMargins(0, 0, 0, 0);
    hopLayout->addWidget(m_summary);
    hopLayout->addWidget(m_tabs, 1);
    m_summary->setParent(hopPage);
    m_tabs->setParent(hopPage);
    m_pages->addWidget(hopPage);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_pages);

    connect(m_bodyFormat, &QComboBox::currentIndexChanged, this, &DetailsPanel::updateBody);
}

DetailsPanel::~DetailsPanel() = default;

void DetailsPanel::clear()
{
    m_exchange.reset();
    m_hopIndex = -1;
    m_requestHeaders->setHeaders({});
    m_responseHeaders->setHeaders({});
    m_body->clear();
    m_pages->setCurrentIndex(0);
}

void DetailsPanel::setHop(const ExchangeRecordPtr &exchange, int hopIndex)
{
    if (!exchange || hopIndex < 0 || hopIndex >= exchange->result.hops.size()) {
        clear();
        return;
    }
    m_exchange = exchange;
    m_hopIndex = hopIndex;
    const Hop &hop = exchange->result.hops.at(hopIndex);
    const QString kind = hop.kind == HopKind::Preflight
        ? QStringLiteral("Preflight")
        : (hop.isRedirect() ? QStringLiteral("Redirect") : QStringLiteral("Request"));
    QString summary = u"<b>#" + QString::number(exchange->id) + u' ' + kind + u"</b> (hop "
        + QString::number(hopIndex + 1) + u" of " + QString::number(exchange->result.hops.size())
        + u") &nbsp; <code>" + QString::fromLatin1(hop.request.method).toHtmlEscaped() + u' '
        + shortUrl(QString::fromUtf8(hop.request.url.toEncoded())).toHtmlEscaped() + u"</code> → ";
    if (hop.response)
        summary += QString::number(hop.response->status) + u' '
            + QString::fromLatin1(hop.response->reasonPhrase).toHtmlEscaped();
    else
        summary
            += hop.networkError.toHtmlEscaped() + u" <i>" + hop.networkErrorDetail.toHtmlEscaped() + u"</i>";
    m_summary->setText(summary);
    m_summary->setToolTip(QString::fromUtf8(hop.request.url.toEncoded()));

    m_requestHeaders->setHeaders(hop.request.headers);
    m_responseHeaders->setHeaders(hop.response ? hop.response->headers : HeaderList());
    fitNameColumn(m_requestView, m_requestHeaders->headers());
    fitNameColumn(m_responseView, m_responseHeaders->headers());
    const QByteArray contentType = hop.response
        ? hop.response->headers.combinedValue("content-type").value_or(QByteArray())
        : QByteArray();
    const BodyFormat suggested
        = suggestedBodyFormat(hop.response ? hop.response->body : QByteArray(), contentType);
    const QSignalBlocker blocker(m_bodyFormat);
    m_bodyFormat->setCurrentIndex(m_bodyFormat->findData(int(suggested)));
    updateBody();
    m_pages->setCurrentIndex(1);
}

void DetailsPanel::updateBody()
{
    if (!m_exchange || m_hopIndex < 0)
        return;
    const Hop &hop = m_exchange->result.hops.at(m_hopIndex);
    if (!hop.response) {
        m_body->clear();
        m_bodyNote->setText(QStringLiteral("No response."));
        return;
    }
    if (hop.response->body.isEmpty()) {
        m_body->clear();
        m_bodyNote->setText(QStringLiteral("The response has no body."));
        return;
    }
    const FormattedBody formatted
        = formatBody(hop.response->body, BodyFormat(m_bodyFormat->currentData().toInt()));
    m_body->setPlainText(formatted.text);
    QString note = formatted.note;
    if (hop.response->bodyTruncated)
        note += (note.isEmpty() ? QString() : QStringLiteral(" "))
            + u"The body was cut off while receiving it.";
    m_bodyNote->setText(note);
}

QString DetailsPanel::bodyText() const
{
    return m_body->toPlainText();
}

} // namespace corscope
