#include "ui/explanationpanel.h"

#include "core/finding.h"
#include "core/fixsnippet.h"
#include "ui/cancellation.h"
#include "ui/inlinecode.h"
#include "ui/tone.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QEvent>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QScrollArea>
#include <QScrollBar>
#include <QStackedWidget>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace corscope {

namespace {
QString checkTitle(CheckId check)
{
    switch (check) {
    case CheckId::MissingAllowOrigin:
        return QStringLiteral("No Access-Control-Allow-Origin header");
    case CheckId::MultipleAllowOrigin:
        return QStringLiteral("More than one Access-Control-Allow-Origin value");
    case CheckId::InvalidAllowOrigin:
        return QStringLiteral("Access-Control-Allow-Origin is not a valid origin");
    case CheckId::AllowOriginMismatch:
        return QStringLiteral("Access-Control-Allow-Origin names another origin");
    case CheckId::WildcardOriginWithCredentials:
        return QStringLiteral("Wildcard origin (*) on a request with credentials");
    case CheckId::InvalidAllowCredentials:
        return QStringLiteral("Access-Control-Allow-Credentials is not \"true\"");
    case CheckId::PreflightInvalidStatus:
        return QStringLiteral("The preflight did not get a 2xx status");
    case CheckId::PreflightDisallowedRedirect:
        return QStringLiteral("The preflight was redirected");
    case CheckId::MethodDisallowed:
        return QStringLiteral("Method not allowed by the preflight");
    case CheckId::HeaderDisallowed:
        return QStringLiteral("Request header not allowed by the preflight");
    case CheckId::InvalidAllowMethods:
        return QStringLiteral("Access-Control-Allow-Methods cannot be parsed");
    case CheckId::InvalidAllowHeaders:
        return QStringLiteral("Access-Control-Allow-Headers cannot be parsed");
    case CheckId::RedirectContainsCredentials:
        return QStringLiteral("Redirect to a URL with credentials");
    case CheckId::NetworkError:
        return QStringLiteral("Network error");
    case CheckId::Other:
        break;
    }
    return QStringLiteral("Other");
}

QString responseText(const Finding &finding)
{
    QString which;
    switch (finding.stage) {
    case Stage::Preflight:
        which = QStringLiteral("The preflight (OPTIONS) response");
        break;
    case Stage::Actual:
        which = QStringLiteral("The actual response");
        break;
    case Stage::Redirect:
        which = QStringLiteral("A redirect response");
        break;
    }
    return finding.status > 0 ? which + u", status " + QString::number(finding.status) : which;
}

QWidget *section(const QString &title, QLayout *content, QWidget *parent)
{
    auto *widget = new QWidget(parent);
    auto *layout = new QVBoxLayout(widget);
    layout->setContentsMargins(0, 6, 0, 0);
    auto *label = new QLabel(title, widget);
    QFont font = label->font();
    font.setBold(true);
    label->setFont(font);
    layout->addWidget(label);
    layout->addLayout(content);
    return widget;
}

QLabel *valueLabel(const QString &objectName, QWidget *parent, Qt::TextFormat format = Qt::PlainText)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setTextFormat(format);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    // A word-wrapped label asks for the width of its longest word; one long URL or header value
    // would widen the whole panel (and squeeze its neighbours). The label takes the width it gets.
    QSizePolicy policy = label->sizePolicy();
    policy.setHorizontalPolicy(QSizePolicy::Ignored);
    label->setSizePolicy(policy);
    return label;
}

// A URL for a one-line context: long ones are shortened in the middle (the full text is in the
// tooltip), so the scheme, host and the end of the path stay readable.
QString shortUrl(const QString &url)
{
    constexpr int maximum = 120;
    if (url.size() <= maximum)
        return url;
    return url.left(maximum * 2 / 3) + u'…' + url.right(maximum / 3);
}

constexpr auto copyText = u"Copy";
constexpr auto copiedText = u"Copied ✓";
constexpr int copiedFeedbackMs = 1500;

// Says "Copied ✓" on the button for a moment, so a click that changed nothing visible is seen.
void showCopied(QToolButton *button)
{
    button->setText(QString::fromUtf16(copiedText));
    QTimer::singleShot(copiedFeedbackMs, button, [button] { button->setText(QString::fromUtf16(copyText)); });
}

QPlainTextEdit *codeBox(const QString &objectName, QWidget *parent)
{
    auto *box = new QPlainTextEdit(parent);
    box->setObjectName(objectName);
    box->setReadOnly(true);
    box->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    box->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    box->setTabChangesFocus(true);
    return box;
}

QToolButton *copyButton(const QString &objectName, const QString &toolTip, QWidget *parent)
{
    auto *button = new QToolButton(parent);
    button->setObjectName(objectName);
    button->setText(QString::fromUtf16(copyText));
    button->setToolTip(toolTip);
    return button;
}
} // namespace

ExplanationPanel::ExplanationPanel(QWidget *parent)
    : QWidget(parent)
    , m_pages(new QStackedWidget(this))
{
    setObjectName(QStringLiteral("explanationPanel"));

    auto *empty
        = new QLabel(QStringLiteral("<p style='font-size:large'><b>Nothing sent yet</b></p>"
                                    "<p>Fill in the request on the left and press <b>Ctrl+Enter</b>,<br>"
                                    "or pick a failing request from the <b>Examples</b> menu.</p>"
                                    "<p>The verdict, the failing check and the fix appear here.</p>"),
            m_pages);
    empty->setObjectName(QStringLiteral("explanationEmptyState"));
    empty->setAlignment(Qt::AlignCenter);
    empty->setWordWrap(true);
    m_pages->addWidget(empty);

    m_scroll = new QScrollArea(m_pages);
    m_scroll->setObjectName(QStringLiteral("explanationScroll"));
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);
    // Everything wraps; a horizontal scroll bar would hide the end of every sentence.
    m_scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    auto *content = new QWidget(m_scroll);
    auto *layout = new QVBoxLayout(content);
    m_scroll->setWidget(content);
    m_pages->addWidget(m_scroll);

    m_banner = new QLabel(content);
    m_banner->setObjectName(QStringLiteral("verdictBanner"));
    m_banner->setAutoFillBackground(true);
    m_banner->setMargin(10);
    m_banner->setWordWrap(true);
    QFont bannerFont = m_banner->font();
    bannerFont.setBold(true);
    bannerFont.setPointSizeF(bannerFont.pointSizeF() * 1.5);
    m_banner->setFont(bannerFont);
    m_subtitle = valueLabel(QStringLiteral("verdictSubtitle"), content);
    m_subtitle->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_explanation = valueLabel(QStringLiteral("explanationLabel"), content, Qt::RichText);
    QFont explanationFont = m_explanation->font();
    explanationFont.setPointSizeF(explanationFont.pointSizeF() * 1.1);
    m_explanation->setFont(explanationFont);

    m_checkForm = new QFormLayout;
    auto *checkForm = m_checkForm;
    checkForm->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_checkName = valueLabel(QStringLiteral("checkNameLabel"), content);
    m_checkResponse = valueLabel(QStringLiteral("checkResponseLabel"), content);
    m_checkHeader = valueLabel(QStringLiteral("checkHeaderLabel"), content);
    m_checkSeen = valueLabel(QStringLiteral("checkSeenLabel"), content, Qt::RichText);
    m_checkNeeded = valueLabel(QStringLiteral("checkNeededLabel"), content, Qt::RichText);
    const QFont fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    m_checkHeader->setFont(fixed);
    m_checkSeen->setFont(fixed);
    m_checkNeeded->setFont(fixed);
    checkForm->addRow(QStringLiteral("Check"), m_checkName);
    checkForm->addRow(QStringLiteral("On"), m_checkResponse);
    checkForm->addRow(QStringLiteral("Header"), m_checkHeader);
    checkForm->addRow(QStringLiteral("Server sent"), m_checkSeen);
    checkForm->addRow(QStringLiteral("Browser needs"), m_checkNeeded);
    m_checkSection = section(QStringLiteral("What failed"), checkForm, content);

    m_console = codeBox(QStringLiteral("consoleMessage"), content);
    m_console->setMaximumHeight(fontMetrics().lineSpacing() * 6);
    m_copyConsole = copyButton(
        QStringLiteral("copyConsoleButton"), QStringLiteral("Copy the console message"), content);
    auto *consoleRow = new QHBoxLayout;
    consoleRow->addWidget(m_console, 1);
    consoleRow->addWidget(m_copyConsole, 0, Qt::AlignTop);
    m_consoleSection = section(QStringLiteral("Console"), consoleRow, content);
    m_consoleTitle = m_consoleSection->findChild<QLabel *>();

    m_fixLine = valueLabel(QStringLiteral("fixLabel"), content, Qt::RichText);
    m_stack = new QComboBox(content);
    m_stack->setObjectName(QStringLiteral("stackCombo"));
    m_stack->setToolTip(QStringLiteral("Your server stack: the fix is written for it"));
    m_fixSnippet = codeBox(QStringLiteral("fixSnippet"), content);
    m_fixSnippet->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_fixSnippet->setMaximumHeight(fontMetrics().lineSpacing() * 12);
    m_copyFix = copyButton(QStringLiteral("copyFixButton"), QStringLiteral("Copy the fix"), content);
    auto *stackRow = new QHBoxLayout;
    stackRow->addWidget(new QLabel(QStringLiteral("Server stack"), content));
    stackRow->addWidget(m_stack, 1);
    stackRow->addWidget(m_copyFix);
    auto *fixLayout = new QVBoxLayout;
    fixLayout->addWidget(m_fixLine);
    fixLayout->addLayout(stackRow);
    fixLayout->addWidget(m_fixSnippet);
    m_fixSection = section(QStringLiteral("How to fix the server"), fixLayout, content);

    m_preflight = valueLabel(QStringLiteral("preflightReasonsLabel"), content, Qt::RichText);
    auto *preflightLayout = new QVBoxLayout;
    preflightLayout->addWidget(m_preflight);
    m_preflightSection = section(QStringLiteral("Preflight"), preflightLayout, content);

    m_warnings = valueLabel(QStringLiteral("warningsLabel"), content, Qt::RichText);
    auto *warningLayout = new QVBoxLayout;
    warningLayout->addWidget(m_warnings);
    m_warningSection = section(QStringLiteral("Warnings"), warningLayout, content);

    m_readable = valueLabel(QStringLiteral("readableHeadersLabel"), content);
    auto *readableLayout = new QVBoxLayout;
    readableLayout->addWidget(m_readable);
    QWidget *readableSection
        = section(QStringLiteral("What your JavaScript can read"), readableLayout, content);

    layout->addWidget(m_banner);
    layout->addWidget(m_subtitle);
    layout->addWidget(m_explanation);
    layout->addWidget(m_checkSection);
    // The fix comes before the console message: at 1280×800 the verdict, the failing check and the
    // start of the fix fit without scrolling; the console text repeats what the check says.
    layout->addWidget(m_fixSection);
    layout->addWidget(m_consoleSection);
    layout->addWidget(m_preflightSection);
    layout->addWidget(m_warningSection);
    layout->addWidget(readableSection);
    layout->addStretch(1);

    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(m_pages);

    connect(m_copyConsole, &QToolButton::clicked, this, [this] {
        QApplication::clipboard()->setText(m_console->toPlainText());
        showCopied(m_copyConsole);
    });
    connect(m_copyFix, &QToolButton::clicked, this, [this] {
        QApplication::clipboard()->setText(m_fixSnippet->toPlainText().isEmpty() || m_fixSnippet->isHidden()
                ? m_fixPlain
                : m_fixSnippet->toPlainText());
        showCopied(m_copyFix);
    });
    connect(m_stack, &QComboBox::currentIndexChanged, this, &ExplanationPanel::updateFix);

    setFixGenerator(defaultStacks(), defaultFixGenerator());
}

ExplanationPanel::~ExplanationPanel() = default;

QList<FixStack> ExplanationPanel::defaultStacks()
{
    QList<FixStack> stacks;
    for (ServerStack stack : allServerStacks())
        stacks.append({serverStackName(stack), serverStackDisplayName(stack)});
    return stacks;
}

FixSnippetFunction ExplanationPanel::defaultFixGenerator()
{
    return [](const QString &stackId, const ExchangeRecord &exchange) {
        const auto stack = serverStackFromName(stackId);
        if (!stack)
            return QString();
        return fixSnippet(
            *stack, corsRequirements(exchange.request, exchange.profile), exchange.result.failure);
    };
}

QString ExplanationPanel::stack() const
{
    return m_stack->currentData().toString();
}

void ExplanationPanel::setStack(const QString &stackId)
{
    const int index = m_stack->findData(stackId);
    if (index >= 0)
        m_stack->setCurrentIndex(index);
}

QString ExplanationPanel::fixText() const
{
    return m_exchange ? m_fixSnippet->toPlainText() : QString();
}

void ExplanationPanel::setFixGenerator(const QList<FixStack> &stacks, FixSnippetFunction generator)
{
    m_fixGenerator = std::move(generator);
    const QString current = m_stack->currentData().toString();
    const QSignalBlocker blocker(m_stack);
    m_stack->clear();
    for (const FixStack &stack : stacks)
        m_stack->addItem(stack.displayName, stack.id);
    const int index = m_stack->findData(current);
    m_stack->setCurrentIndex(index >= 0 ? index : 0);
    m_stack->setEnabled(bool(m_fixGenerator));
    updateFix();
}

void ExplanationPanel::clear()
{
    m_exchange.reset();
    m_pages->setCurrentIndex(0);
}

void ExplanationPanel::setExchange(const ExchangeRecordPtr &exchange)
{
    if (!exchange) {
        clear();
        return;
    }
    m_exchange = exchange;
    const ExchangeRecord &record = *exchange;
    const ExchangeResult &result = record.result;
    const bool cancelled = wasCancelledByUser(record);
    // A cancel is no finding about the server: no failing check, no console message, no fix.
    const std::optional<Finding> failure = cancelled ? std::nullopt : result.failure;

    updateBanner();
    const QString url = QString::fromUtf8(record.request.url.toEncoded());
    m_subtitle->setText(QString::fromLatin1(record.request.method) + u' ' + shortUrl(url) + u"\nfrom page "
        + QString::fromLatin1(record.request.origin.serialize()) + u" · " + record.profile.displayName
        + u" · credentials: " + credentialsModeName(record.request.credentials)
        + (record.recordedIn.isEmpty() ? QString() : QString(u'\n' + record.recordedIn)));
    m_subtitle->setToolTip(url);

    auto orDash = [](const QString &text) { return text.isEmpty() ? QStringLiteral("—") : text; };
    if (cancelled) {
        m_explanationPlain = QStringLiteral(
            "You cancelled this request (Esc) before its response arrived, so there is no verdict: "
            "nothing is known about the server's CORS headers. Send it again to see them.");
    } else if (failure) {
        m_explanationPlain = failure->explanation;
        m_checkName->setText(checkTitle(failure->check));
        m_checkResponse->setText(responseText(*failure));
        m_checkHeader->setText(orDash(QString::fromLatin1(failure->header)));
        m_checkSeen->setText(htmlWithInlineCode(orDash(failure->seen)));
        m_checkNeeded->setText(htmlWithInlineCode(orDash(failure->needed)));
        // Rows with nothing to say take no room: the fix should start above the fold.
        m_checkForm->setRowVisible(m_checkHeader, !failure->header.isEmpty());
        m_checkForm->setRowVisible(m_checkSeen, !failure->seen.isEmpty());
        m_checkForm->setRowVisible(m_checkNeeded, !failure->needed.isEmpty());
        m_console->setPlainText(failure->consoleMessage);
        m_consoleTitle->setText(u"Console message (" + record.profile.displayName + u')');
    } else if (result.verdict == Verdict::Allowed) {
        m_explanationPlain = result.crossOrigin
            ? QStringLiteral("The browser lets your JavaScript read this response: every CORS check passed.")
            : QStringLiteral("Same-origin request: the browser applies no CORS checks.");
    } else {
        m_explanationPlain = QStringLiteral("The request failed.");
    }
    m_explanation->setText(htmlWithInlineCode(m_explanationPlain));
    m_checkSection->setVisible(failure.has_value() && failure->check != CheckId::NetworkError);
    m_consoleSection->setVisible(failure.has_value() && !failure->consoleMessage.isEmpty());
    m_fixSection->setVisible(failure.has_value() && !failure->fix.isEmpty());

    if (result.preflightNeeded) {
        QString text = result.preflightFromCache
            ? QStringLiteral("Needed, and answered from the browser's preflight cache (no OPTIONS sent):")
            : QStringLiteral("The browser sent OPTIONS first, because:");
        for (const PreflightReason &reason : result.preflightReasons)
            text += u"\n• " + reason.text();
        m_preflight->setText(htmlWithInlineCode(text));
    } else {
        m_preflight->setText(result.crossOrigin ? QStringLiteral("Not needed: a simple request.")
                                                : QStringLiteral("Not needed: same-origin request."));
    }

    QStringList warnings;
    for (const Warning &warning : result.warnings)
        warnings.append(u"• " + warning.message);
    m_warnings->setText(htmlWithInlineCode(warnings.join(u'\n')));
    m_warningSection->setVisible(!warnings.isEmpty() && !cancelled);

    if (cancelled) {
        m_readable->setText(QStringLiteral("Nothing: fetch() rejects with an AbortError when the page "
                                           "cancels a request."));
    } else if (result.verdict != Verdict::Allowed) {
        m_readable->setText(
            QStringLiteral("Nothing: fetch() rejects with \"TypeError: Failed to fetch\" and the "
                           "response is hidden from your code."));
    } else if (result.readableHeaders.isEmpty()) {
        m_readable->setText(QStringLiteral("The body and status, but no response headers."));
    } else {
        QStringList names;
        for (const QByteArray &name : result.readableHeaders)
            names.append(QString::fromLatin1(name));
        m_readable->setText(u"The body, the status and these headers: " + names.join(QStringLiteral(", "))
            + u". Anything else needs Access-Control-Expose-Headers.");
    }

    updateFix();
    m_pages->setCurrentIndex(1);
    // A new result is read from its verdict, wherever the previous one was scrolled to.
    m_scroll->verticalScrollBar()->setValue(0);
    Q_EMIT exchangeShown(record.id);
}

void ExplanationPanel::updateBanner()
{
    if (!m_exchange)
        return;
    Tone tone = Tone::Success;
    QString text = QStringLiteral("✓  Allowed");
    if (wasCancelledByUser(*m_exchange)) {
        tone = Tone::Neutral;
        text = QStringLiteral("■  Cancelled by you");
    } else {
        switch (m_exchange->result.verdict) {
        case Verdict::Allowed:
            break;
        case Verdict::Blocked:
            tone = Tone::Failure;
            text = QStringLiteral("✗  Blocked by CORS");
            if (const auto &failure = m_exchange->result.failure)
                text += u" — " + checkTitle(failure->check);
            break;
        case Verdict::NetworkError:
            tone = Tone::Warning;
            text = QStringLiteral("⚠  Network error");
            if (const auto &failure = m_exchange->result.failure; failure && !failure->seen.isEmpty())
                text += u" — " + failure->seen;
            break;
        }
    }
    m_banner->setText(text);
    QPalette bannerPalette = palette();
    const QColor background = toneColor(palette(), tone);
    bannerPalette.setColor(QPalette::Window, background);
    bannerPalette.setColor(QPalette::WindowText, readableTextOn(background));
    m_banner->setPalette(bannerPalette);
}

void ExplanationPanel::updateFix()
{
    if (!m_exchange || !m_exchange->result.failure || wasCancelledByUser(*m_exchange)) {
        m_fixPlain.clear();
        m_fixLine->clear();
        m_fixSnippet->clear();
        return;
    }
    m_fixPlain = m_exchange->result.failure->fix;
    m_fixLine->setText(htmlWithInlineCode(m_fixPlain));
    const QString snippet
        = m_fixGenerator ? m_fixGenerator(m_stack->currentData().toString(), *m_exchange) : QString();
    m_fixSnippet->setPlainText(snippet);
    m_fixSnippet->setVisible(!snippet.isEmpty());
}

void ExplanationPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange)
        updateBanner();
    QWidget::changeEvent(event);
}

QString ExplanationPanel::verdictText() const
{
    return m_exchange ? m_banner->text() : QString();
}

QString ExplanationPanel::explanationText() const
{
    return m_exchange ? m_explanationPlain : QString();
}

QString ExplanationPanel::consoleText() const
{
    return m_exchange ? m_console->toPlainText() : QString();
}

} // namespace corscope
