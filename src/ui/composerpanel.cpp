#include "ui/composerpanel.h"

#include "core/origin.h"
#include "core/preflightdecision.h"
#include "ui/composerstate.h"
#include "ui/fetchoptionchoices.h"
#include "ui/headereditmodel.h"
#include "ui/headernamedelegate.h"
#include "ui/headertableview.h"
#include "ui/headervaluedelegate.h"
#include "ui/inlinecode.h"
#include "ui/secretsatrest.h"
#include "ui/tone.h"

#include <QComboBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableView>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace corscope {

namespace {
constexpr int maxRecentOrigins = 12;

QLabel *sectionLabel(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    QFont font = label->font();
    font.setBold(true);
    label->setFont(font);
    return label;
}

} // namespace

ComposerPanel::ComposerPanel(QWidget *parent)
    : QWidget(parent)
    , m_method(new QComboBox(this))
    , m_url(new QLineEdit(this))
    , m_origin(new QComboBox(this))
    , m_credentials(new QComboBox(this))
    , m_redirect(new QComboBox(this))
    , m_browser(new QComboBox(this))
    , m_headers(new HeaderEditModel(this))
    , m_headerView(new HeaderTableView(this))
    , m_body(new QPlainTextEdit(this))
    , m_bodyNote(new QLabel(this))
    , m_secretsNote(new QLabel(this))
    , m_preflight(new QLabel(this))
    , m_problems(new QLabel(this))
    , m_send(new QPushButton(QStringLiteral("Send"), this))
    , m_cancel(new QPushButton(QStringLiteral("Cancel"), this))
    , m_previewTimer(new QTimer(this))
{
    setObjectName(QStringLiteral("composerPanel"));

    m_method->setObjectName(QStringLiteral("methodCombo"));
    m_method->setEditable(true);
    m_method->setInsertPolicy(QComboBox::NoInsert);
    m_method->addItems(
        {QStringLiteral("GET"), QStringLiteral("POST"), QStringLiteral("PUT"), QStringLiteral("PATCH"),
            QStringLiteral("DELETE"), QStringLiteral("HEAD"), QStringLiteral("OPTIONS")});
    m_method->setToolTip(QStringLiteral("The method passed to fetch(); type any other method name"));
    m_method->setMinimumContentsLength(8);
    m_method->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);

    m_url->setObjectName(QStringLiteral("urlEdit"));
    m_url->setPlaceholderText(QStringLiteral("https://api.example.com/items"));
    m_url->setToolTip(QStringLiteral("The URL the page fetches (Ctrl+L)"));
    m_url->setClearButtonEnabled(true);

    m_origin->setObjectName(QStringLiteral("originCombo"));
    m_origin->setEditable(true);
    m_origin->setInsertPolicy(QComboBox::NoInsert);
    m_origin->lineEdit()->setPlaceholderText(QStringLiteral("http://localhost:3000"));
    m_origin->setToolTip(
        QStringLiteral("The origin of the page that runs fetch(), e.g. http://localhost:3000"));

    m_credentials->setObjectName(QStringLiteral("credentialsCombo"));
    addCredentialsChoices(m_credentials);

    m_redirect->setObjectName(QStringLiteral("redirectCombo"));
    addRedirectChoices(m_redirect);

    m_browser->setObjectName(QStringLiteral("browserCombo"));
    addBrowserChoices(m_browser);

    m_headerView->setObjectName(QStringLiteral("headersView"));
    m_headerView->setModel(m_headers);
    m_headerView->setItemDelegateForColumn(HeaderEditModel::NameColumn, new HeaderNameDelegate(m_headerView));
    m_headerView->setItemDelegateForColumn(HeaderEditModel::ValueColumn, new HeaderValueDelegate(m_headerView));
    m_headerView->verticalHeader()->hide();
    m_headerView->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_headerView->horizontalHeader()->setSectionResizeMode(
        HeaderEditModel::EnabledColumn, QHeaderView::ResizeToContents);
    m_headerView->horizontalHeader()->setSectionResizeMode(
        HeaderEditModel::NameColumn, QHeaderView::Interactive);
    m_headerView->horizontalHeader()->setStretchLastSection(true);
    m_headerView->setColumnWidth(HeaderEditModel::NameColumn, 150);
    m_headerView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_headerView->setEditTriggers(QAbstractItemView::AllEditTriggers);
    m_headerView->setToolTip(
        QStringLiteral("Headers the script sets. Double-click or type to edit; uncheck to disable a row"));
    m_headerView->setMinimumHeight(110);

    auto *addHeader = new QToolButton(this);
    addHeader->setObjectName(QStringLiteral("addHeaderButton"));
    addHeader->setText(QStringLiteral("+ Add"));
    addHeader->setToolTip(QStringLiteral("Add a header row"));
    auto *removeHeader = new QToolButton(this);
    removeHeader->setObjectName(QStringLiteral("removeHeaderButton"));
    removeHeader->setText(QStringLiteral("− Remove"));
    removeHeader->setToolTip(QStringLiteral("Remove the selected header rows"));

    m_body->setObjectName(QStringLiteral("bodyEdit"));
    m_body->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_body->setPlaceholderText(QStringLiteral("Request body (none for GET and HEAD)"));
    m_body->setTabChangesFocus(true);
    m_body->setMinimumHeight(60);
    auto *pretty = new QToolButton(this);
    pretty->setObjectName(QStringLiteral("prettyJsonButton"));
    pretty->setText(QStringLiteral("Pretty-print JSON"));
    pretty->setToolTip(QStringLiteral("Re-indent the body as JSON"));
    m_bodyNote->setObjectName(QStringLiteral("bodyNote"));
    m_bodyNote->setWordWrap(true);
    m_bodyNote->hide();

    m_secretsNote->setObjectName(QStringLiteral("secretsNote"));
    m_secretsNote->setWordWrap(true);
    m_secretsNote->setTextFormat(Qt::PlainText);
    m_secretsNote->setMargin(6);
    m_secretsNote->setAutoFillBackground(true);
    QPalette secretsPalette = m_secretsNote->palette();
    secretsPalette.setColor(QPalette::Window, toneBackground(palette(), Tone::Warning));
    m_secretsNote->setPalette(secretsPalette);
    m_secretsNote->setToolTip(QStringLiteral(
        "Secret values (Authorization, cookies, tokens, passwords) are not written to disk unless "
        "you choose to keep them."));
    m_secretsNote->hide();

    m_preflight->setObjectName(QStringLiteral("preflightLabel"));
    m_preflight->setWordWrap(true);
    // Rich text: reasons name headers and values as `code` (ui/inlinecode.h), never raw backticks.
    m_preflight->setTextFormat(Qt::RichText);
    m_preflight->setFrameShape(QFrame::StyledPanel);
    m_preflight->setMargin(6);
    m_preflight->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_preflight->setToolTip(QStringLiteral("Decided before sending, from the method and headers you wrote"));

    m_problems->setObjectName(QStringLiteral("problemsLabel"));
    m_problems->setWordWrap(true);
    m_problems->setTextFormat(Qt::RichText);
    m_problems->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QPalette problemPalette = m_problems->palette();
    problemPalette.setColor(QPalette::WindowText, toneColor(palette(), Tone::Failure));
    m_problems->setPalette(problemPalette);
    m_problems->hide();

    // Out of the header table, Tab reaches the table's own buttons before the body.
    setTabOrder(m_browser, m_headerView);
    setTabOrder(m_headerView, addHeader);
    setTabOrder(addHeader, removeHeader);
    setTabOrder(removeHeader, m_body);

    m_send->setObjectName(QStringLiteral("sendButton"));
    m_send->setDefault(true);
    m_send->setToolTip(QStringLiteral("Send the request as fetch() would (Ctrl+Enter)"));
    m_cancel->setObjectName(QStringLiteral("cancelButton"));
    m_cancel->setToolTip(QStringLiteral("Stop the exchange in flight (Esc)"));
    m_cancel->setEnabled(false);

    // Rows that hold a layout get a QLabel with a buddy so their mnemonic works.
    auto *credentialsRow = new QWidget(this);
    auto *options = new QHBoxLayout(credentialsRow);
    options->setContentsMargins(0, 0, 0, 0);
    auto *redirectLabel = new QLabel(QStringLiteral("Re&direct"), credentialsRow);
    redirectLabel->setBuddy(m_redirect);
    options->addWidget(m_credentials, 1);
    options->addWidget(redirectLabel);
    options->addWidget(m_redirect);
    auto *credentialsLabel = new QLabel(QStringLiteral("&Credentials"), this);
    credentialsLabel->setBuddy(m_credentials);

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(QStringLiteral("&Method"), m_method);
    form->addRow(QStringLiteral("&URL"), m_url);
    form->addRow(QStringLiteral("&From page"), m_origin);
    form->addRow(credentialsLabel, credentialsRow);
    form->addRow(QStringLiteral("&Browser"), m_browser);

    auto *headerBar = new QHBoxLayout;
    headerBar->addWidget(sectionLabel(QStringLiteral("Headers"), this));
    headerBar->addStretch(1);
    headerBar->addWidget(addHeader);
    headerBar->addWidget(removeHeader);

    auto *bodyBar = new QHBoxLayout;
    bodyBar->addWidget(sectionLabel(QStringLiteral("Body"), this));
    bodyBar->addStretch(1);
    bodyBar->addWidget(pretty);

    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_cancel);
    buttons->addWidget(m_send);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_secretsNote);
    layout->addLayout(headerBar);
    layout->addWidget(m_headerView, 2);
    layout->addLayout(bodyBar);
    layout->addWidget(m_body, 1);
    layout->addWidget(m_bodyNote);
    layout->addWidget(sectionLabel(QStringLiteral("Preflight"), this));
    layout->addWidget(m_preflight);
    layout->addWidget(m_problems);
    layout->addLayout(buttons);

    m_previewTimer->setSingleShot(true);
    m_previewTimer->setInterval(120);
    connect(m_previewTimer, &QTimer::timeout, this, &ComposerPanel::updatePreview);

    connect(m_method, &QComboBox::currentTextChanged, this, &ComposerPanel::schedulePreview);
    connect(m_url, &QLineEdit::textChanged, this, &ComposerPanel::schedulePreview);
    connect(m_origin, &QComboBox::currentTextChanged, this, &ComposerPanel::schedulePreview);
    connect(m_credentials, &QComboBox::currentIndexChanged, this, &ComposerPanel::schedulePreview);
    connect(m_redirect, &QComboBox::currentIndexChanged, this, &ComposerPanel::schedulePreview);
    connect(m_browser, &QComboBox::currentIndexChanged, this, [this] {
        if (auto profile = BrowserProfile::fromName(m_browser->currentData().toString()))
            m_headers->setProfile(*profile);
        schedulePreview();
    });
    connect(m_body, &QPlainTextEdit::textChanged, this, &ComposerPanel::schedulePreview);
    connect(m_headers, &QAbstractItemModel::dataChanged, this, &ComposerPanel::schedulePreview);
    connect(m_headers, &QAbstractItemModel::rowsInserted, this, &ComposerPanel::schedulePreview);
    connect(m_headers, &QAbstractItemModel::rowsRemoved, this, &ComposerPanel::schedulePreview);
    connect(m_headers, &QAbstractItemModel::modelReset, this, &ComposerPanel::schedulePreview);
    connect(addHeader, &QToolButton::clicked, this, &ComposerPanel::addHeaderRow);
    connect(removeHeader, &QToolButton::clicked, this, &ComposerPanel::removeSelectedHeaderRows);
    connect(pretty, &QToolButton::clicked, this, &ComposerPanel::prettyPrintBody);
    connect(m_url, &QLineEdit::returnPressed, this, &ComposerPanel::sendRequested);
    connect(m_send, &QPushButton::clicked, this, &ComposerPanel::sendRequested);
    connect(m_cancel, &QPushButton::clicked, this, &ComposerPanel::cancelRequested);

    updatePreview();
}

ComposerPanel::~ComposerPanel() = default;

RequestInput ComposerPanel::input() const
{
    RequestInput input;
    input.method = m_method->currentText().trimmed();
    input.url = m_url->text().trimmed();
    input.origin = m_origin->currentText().trimmed();
    input.credentials = m_credentials->currentData().toString();
    input.redirect = m_redirect->currentData().toString();
    input.browser = m_browser->currentData().toString();
    input.headerLines = m_headers->enabledHeaderLines();
    input.body = m_body->toPlainText().toUtf8();
    return input;
}

void ComposerPanel::setInput(const RequestInput &input)
{
    ComposerState state;
    state.input = input;
    for (const QString &line : input.headerLines) {
        const qsizetype colon = line.indexOf(u':');
        if (colon < 0)
            state.headers.append({line, QString(), true});
        else
            state.headers.append({line.left(colon).trimmed(), line.mid(colon + 1).trimmed(), true});
    }
    applyState(state);
    m_restored = false;
}

QByteArray ComposerPanel::saveState() const
{
    ComposerState state;
    state.input = input();
    state.input.headerLines.clear();
    state.headers = m_headers->entries();
    return state.toJson(SecretsAtRest::policy());
}

bool ComposerPanel::restoreState(const QByteArray &saved)
{
    const auto state = ComposerState::fromJson(saved);
    if (!state)
        return false;
    applyState(*state);
    m_restored = true;
    return true;
}

void ComposerPanel::applyState(const ComposerState &state)
{
    const RequestInput &input = state.input;
    m_method->setCurrentText(input.method);
    m_url->setText(input.url);
    m_origin->setCurrentText(input.origin);
    auto select = [](QComboBox *combo, const QString &value) {
        const int index = combo->findData(value);
        if (index >= 0)
            combo->setCurrentIndex(index);
    };
    select(m_credentials, input.credentials);
    select(m_redirect, input.redirect);
    select(m_browser, input.browser);
    QList<HeaderEditModel::Entry> entries = state.headers;
    for (HeaderEditModel::Entry &entry : entries) {
        // "Bearer ••••••" would be sent as it is: the row is emptied and asks for the value.
        if (SecretsAtRest::lostSecret(entry.value)) {
            entry.value.clear();
            entry.secretLost = true;
        }
    }
    m_headers->setEntries(entries);
    m_body->setPlainText(QString::fromUtf8(input.body));
    updatePreview();
}

std::optional<BuiltRequest> ComposerPanel::buildRequest(QStringList *errors)
{
    QStringList problems;
    auto built = corscope::buildRequest(input(), &problems);
    const QStringList lost = lostSecretProblems();
    if (!lost.isEmpty()) {
        problems += lost;
        built.reset();
    }
    problems.removeDuplicates();
    m_problems->setText(
        problems.isEmpty() ? QString() : htmlWithInlineCode(u"• " + problems.join(QStringLiteral("\n• "))));
    m_problems->setVisible(!problems.isEmpty());
    if (errors)
        *errors = problems;
    return built;
}

QStringList ComposerPanel::recentOrigins() const
{
    QStringList origins;
    for (int i = 0; i < m_origin->count(); ++i)
        origins.append(m_origin->itemText(i));
    return origins;
}

void ComposerPanel::setRecentOrigins(const QStringList &origins)
{
    const QString current = m_origin->currentText();
    m_origin->clear();
    m_origin->addItems(origins.mid(0, maxRecentOrigins));
    m_origin->setCurrentText(current);
}

void ComposerPanel::rememberOrigin(const QString &origin)
{
    if (origin.isEmpty())
        return;
    QStringList origins = recentOrigins();
    origins.removeAll(origin);
    origins.prepend(origin);
    setRecentOrigins(origins);
    m_origin->setCurrentText(origin);
}

void ComposerPanel::setBusy(bool busy)
{
    m_send->setText(busy ? QStringLiteral("Sending…") : QStringLiteral("Send"));
    m_cancel->setEnabled(busy);
}

QStringList ComposerPanel::lostSecretProblems() const
{
    QStringList problems;
    for (const QString &name : m_headers->lostSecretNames())
        problems.append(u"The value of " + name
            + u" is a secret that was not kept on disk: enter it again, or uncheck the row.");
    if (SecretsAtRest::lostSecret(m_url->text()))
        problems.append(QStringLiteral(
            "The URL holds •••••• where a secret was not kept on disk: enter the secret again."));
    if (SecretsAtRest::lostSecret(m_body->toPlainText()))
        problems.append(QStringLiteral(
            "The body holds •••••• where a secret was not kept on disk: enter the secret again."));
    return problems;
}

QString ComposerPanel::secretsNotice() const
{
    QStringList places;
    for (const QString &name : m_headers->lostSecretNames())
        places.append(u"the value of " + name);
    if (SecretsAtRest::lostSecret(m_url->text()))
        places.append(QStringLiteral("the secret in the URL"));
    if (SecretsAtRest::lostSecret(m_body->toPlainText()))
        places.append(QStringLiteral("the secret in the body"));
    if (places.isEmpty())
        return {};
    QString list = places.takeLast();
    if (!places.isEmpty())
        list = places.join(QStringLiteral(", ")) + u" and " + list;
    return u"Secrets are not kept on disk: enter " + list + u" again.";
}

void ComposerPanel::updateSecretsNote()
{
    const QString notice = secretsNotice();
    m_secretsNote->setText(notice);
    m_secretsNote->setVisible(!notice.isEmpty());
}

void ComposerPanel::schedulePreview()
{
    m_previewTimer->start();
    Q_EMIT inputChanged();
}

void ComposerPanel::updatePreview()
{
    m_previewTimer->stop();
    updateSecretsNote();
    const RequestInput typed = input();
    if (typed.url.isEmpty() || typed.origin.isEmpty()) {
        m_problems->hide();
        m_preflight->setText(
            QStringLiteral("Enter the URL to fetch and the origin of your page (for example "
                           "http://localhost:3000) to see whether the browser sends a preflight."));
        return;
    }
    QStringList problems;
    const auto built = buildRequest(&problems);
    if (!built) {
        m_preflight->setText(QStringLiteral("Fix the problems below to see whether a preflight is needed."));
        return;
    }
    const FetchRequest &request = built->request;
    if (Origin::fromUrl(request.url).isSameOrigin(request.origin)) {
        m_preflight->setText(QStringLiteral("Same-origin request: no CORS checks and no preflight."));
        return;
    }
    const PreflightDecision decision
        = decidePreflight(normalizeMethod(request.method), request.headers, built->profile);
    if (!decision.needed) {
        m_preflight->setText(
            QStringLiteral("No preflight: a simple request (safelisted method and headers). The "
                           "response still needs Access-Control-Allow-Origin."));
        return;
    }
    QString text = QStringLiteral("Preflight needed: the browser sends OPTIONS first, because");
    for (const PreflightReason &reason : decision.reasons)
        text += u"\n• " + reason.text();
    m_preflight->setText(htmlWithInlineCode(text));
}

void ComposerPanel::addHeaderRow()
{
    const int row = m_headers->appendEntry();
    const QModelIndex name = m_headers->index(row, HeaderEditModel::NameColumn);
    m_headerView->setFocus();
    m_headerView->setCurrentIndex(name); // opens the editor: CurrentChanged is an edit trigger
}

void ComposerPanel::removeSelectedHeaderRows()
{
    QList<int> rows;
    for (const QModelIndex &index : m_headerView->selectionModel()->selectedRows())
        rows.append(index.row());
    if (rows.isEmpty() && m_headerView->currentIndex().isValid())
        rows.append(m_headerView->currentIndex().row());
    std::sort(rows.begin(), rows.end(), std::greater<int>());
    for (int row : rows)
        m_headers->removeRows(row, 1);
}

void ComposerPanel::prettyPrintBody()
{
    QJsonParseError error;
    const QByteArray bytes = m_body->toPlainText().toUtf8();
    const QJsonDocument document = QJsonDocument::fromJson(bytes, &error);
    if (document.isNull()) {
        m_bodyNote->setText(u"The body is not JSON: " + error.errorString() + u" at character "
            + QString::number(error.offset) + u'.');
        m_bodyNote->show();
        return;
    }
    m_bodyNote->hide();
    m_body->setPlainText(QString::fromUtf8(document.toJson(QJsonDocument::Indented)).trimmed());
}

} // namespace corscope
