#include "ui/requestsettingseditor.h"

#include "core/browserprofile.h"
#include "core/corsenums.h"
#include "ui/fetchoptionchoices.h"
#include "ui/originlisteditor.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSpinBox>

namespace corscope {

namespace {
} // namespace

RequestSettingsEditor::RequestSettingsEditor(QWidget *parent)
    : QWidget(parent)
    , m_form(new QFormLayout(this))
    , m_summary(new QLabel(this))
    , m_name(new QLineEdit(this))
    , m_origins(new OriginListEditor(this))
    , m_expect(new QComboBox(this))
    , m_credentials(new QComboBox(this))
    , m_redirect(new QComboBox(this))
    , m_browser(new QComboBox(this))
    , m_delay(new QSpinBox(this))
    , m_description(new QPlainTextEdit(this))
{
    setObjectName(QStringLiteral("requestSettingsEditor"));
    m_summary->setObjectName(QStringLiteral("settingsSummaryLabel"));
    m_summary->setTextFormat(Qt::PlainText);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_summary->setWordWrap(true);
    m_name->setObjectName(QStringLiteral("settingsNameEdit"));

    // The empty value writes no "expect" key: the run's default expectation applies.
    m_expect->setObjectName(QStringLiteral("settingsExpectCombo"));
    addChoice(m_expect, QStringLiteral("(none)"), QString(),
        QStringLiteral("No expectation of its own: a collection run applies its default"));
    addChoice(m_expect, QStringLiteral("allowed"), QStringLiteral("allowed"),
        QStringLiteral("A run fails when the browser would block the response"));
    addChoice(m_expect, QStringLiteral("blocked"), QStringLiteral("blocked"),
        QStringLiteral("A run fails when the browser would let the page read the response"));
    addChoice(m_expect, QStringLiteral("network-error"), QStringLiteral("network-error"),
        QStringLiteral("A run fails unless the request ends in a network error"));
    m_expect->setToolTip(QStringLiteral("The verdict a collection run expects (it fails CI otherwise)"));

    m_credentials->setObjectName(QStringLiteral("settingsCredentialsCombo"));
    addCredentialsChoices(m_credentials);

    m_redirect->setObjectName(QStringLiteral("settingsRedirectCombo"));
    addRedirectChoices(m_redirect);

    m_browser->setObjectName(QStringLiteral("settingsBrowserCombo"));
    addBrowserChoices(m_browser);

    m_delay->setObjectName(QStringLiteral("settingsDelaySpin"));
    m_delay->setRange(0, 3600000); // the file format's limit: one hour
    m_delay->setSingleStep(100);
    m_delay->setSuffix(QStringLiteral(" ms"));
    m_delay->setToolTip(
        QStringLiteral("Wait before sending in a collection run (lets a preflight's Max-Age expire)"));

    m_description->setObjectName(QStringLiteral("settingsDescriptionEdit"));
    m_description->setTabChangesFocus(true);
    m_description->setPlaceholderText(QStringLiteral("What this request checks, for the next reader"));

    QFormLayout *form = m_form;
    form->setContentsMargins(0, 0, 0, 0);
    form->addRow(m_summary);
    form->addRow(QStringLiteral("&Name"), m_name);
    form->addRow(QStringLiteral("Page &origins"), m_origins);
    form->addRow(QStringLiteral("E&xpected verdict"), m_expect);
    form->addRow(QStringLiteral("&Credentials"), m_credentials);
    form->addRow(QStringLiteral("&Redirect"), m_redirect);
    form->addRow(QStringLiteral("&Browser"), m_browser);
    form->addRow(QStringLiteral("&Delay"), m_delay);
    form->addRow(QStringLiteral("D&escription"), m_description);

    connect(m_name, &QLineEdit::textChanged, this, &RequestSettingsEditor::changed);
    connect(m_origins, &OriginListEditor::originsChanged, this, &RequestSettingsEditor::changed);
    for (QComboBox *combo : {m_expect, m_credentials, m_redirect, m_browser})
        connect(combo, &QComboBox::currentIndexChanged, this, &RequestSettingsEditor::changed);
    connect(m_delay, &QSpinBox::valueChanged, this, &RequestSettingsEditor::changed);
    connect(m_description, &QPlainTextEdit::textChanged, this, &RequestSettingsEditor::changed);
    setCollectionOrigins({});
}

RequestSettingsEditor::~RequestSettingsEditor() = default;

void RequestSettingsEditor::select(QComboBox *combo, const QString &value)
{
    int row = combo->findData(value);
    if (row < 0) {
        // A value this version does not offer (a hand-edited file): shown as it is, kept as it is.
        combo->addItem(value, value);
        row = combo->count() - 1;
    }
    combo->setCurrentIndex(row);
}

void RequestSettingsEditor::setItem(const CollectionItem &item)
{
    m_folder = item.isFolder();
    for (QWidget *requestOnly :
        std::initializer_list<QWidget *>{m_origins, m_expect, m_credentials, m_redirect, m_browser, m_delay})
        m_form->setRowVisible(requestOnly, !m_folder);
    m_request = item.request;
    m_summary->setText(
        m_folder ? QStringLiteral("Folder") : QString(item.request.method + u' ' + item.request.url));
    m_summary->setToolTip(m_summary->text());
    m_name->setText(item.name);
    m_origins->setOrigins(item.request.origins);
    select(m_expect, item.request.expect.value_or(QString()));
    select(m_credentials, item.request.credentials);
    select(m_redirect, item.request.redirect);
    select(m_browser, item.request.browser);
    m_delay->setValue(item.request.delayMs);
    m_description->setPlainText(item.description);
}

void RequestSettingsEditor::setCollectionOrigins(const QStringList &origins)
{
    m_origins->setEmptyText(origins.isEmpty()
            ? QStringLiteral(
                "No page origin: add one, or the composer asks for it when the request is opened.")
            : QString(u"None of its own: the collection's origins are used ("
                + origins.join(QStringLiteral(", ")) + u")."));
}

QString RequestSettingsEditor::name() const
{
    return m_name->text().trimmed();
}

QString RequestSettingsEditor::description() const
{
    return m_description->toPlainText();
}

SavedRequest RequestSettingsEditor::request() const
{
    SavedRequest request = m_request;
    request.origins = m_origins->origins();
    const QString expect = m_expect->currentData().toString();
    request.expect = expect.isEmpty() ? std::nullopt : std::optional<QString>(expect);
    request.credentials = m_credentials->currentData().toString();
    request.redirect = m_redirect->currentData().toString();
    request.browser = m_browser->currentData().toString();
    request.delayMs = m_delay->value();
    return request;
}

QStringList RequestSettingsEditor::problems() const
{
    QStringList out = m_folder ? QStringList() : m_origins->problems();
    if (name().isEmpty())
        out.prepend(m_folder ? QStringLiteral("The folder needs a name.")
                             : QStringLiteral("The request needs a name."));
    return out;
}

} // namespace corscope
