#include "ui/reportdialog.h"

#include "report/markdownreport.h"
#include "report/pngreport.h"
#include "report/reportwriter.h"
#include "ui/reportclipboard.h"
#include "ui/tone.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontDatabase>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QSettings>
#include <QShowEvent>
#include <QSplitter>
#include <QTimer>
#include <QVBoxLayout>

namespace corscope {

namespace {
constexpr int previewWidth = 600; // logical pixels: half the report's width, legible enough to check
}

ReportDialog::ReportDialog(const QJsonValue &source, const QString &subject, QWidget *parent)
    : QDialog(parent)
    , m_source(source)
    , m_subject(new QLabel(this))
    , m_imageLabel(new QLabel(this))
    , m_markdown(new QPlainTextEdit(this))
    , m_showSecrets(new QCheckBox(QStringLiteral("Show secrets (turn redaction off)"), this))
    , m_secretsWarning(new QLabel(this))
    , m_patterns(new QPlainTextEdit(this))
    , m_patternError(new QLabel(this))
    , m_result(new QLabel(this))
    , m_copy(new QPushButton(QStringLiteral("&Copy report"), this))
    , m_save(new QPushButton(QStringLiteral("&Save report…"), this))
    , m_refreshTimer(new QTimer(this))
{
    m_writerPool.setMaxThreadCount(1);
    setObjectName(QStringLiteral("reportDialog"));
    setWindowTitle(QStringLiteral("Report preview — what will be shared"));
    m_subject->setObjectName(QStringLiteral("reportSubject"));
    m_subject->setText(subject);
    m_subject->setWordWrap(true);

    m_imageLabel->setObjectName(QStringLiteral("reportImage"));
    m_imageLabel->setAlignment(Qt::AlignTop | Qt::AlignHCenter);
    auto *imageScroll = new QScrollArea(this);
    imageScroll->setWidget(m_imageLabel);
    imageScroll->setWidgetResizable(true);
    imageScroll->setMinimumWidth(previewWidth + 24);
    m_markdown->setObjectName(QStringLiteral("reportMarkdown"));
    m_markdown->setReadOnly(true);
    m_markdown->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_markdown->setLineWrapMode(QPlainTextEdit::NoWrap);
    auto *split = new QSplitter(Qt::Horizontal, this);
    auto *imageBox = new QGroupBox(QStringLiteral("Image (PNG)"), split);
    (new QVBoxLayout(imageBox))->addWidget(imageScroll);
    auto *textBox = new QGroupBox(QStringLiteral("Text (Markdown)"), split);
    (new QVBoxLayout(textBox))->addWidget(m_markdown);
    split->addWidget(imageBox);
    split->addWidget(textBox);
    split->setStretchFactor(0, 0);
    split->setStretchFactor(1, 1);
    split->setSizes({previewWidth + 60, 560});

    m_showSecrets->setObjectName(QStringLiteral("showSecretsCheck"));
    m_showSecrets->setToolTip(
        QStringLiteral("Off: Authorization, cookies, API keys, tokens in URLs and bodies, and your "
                       "patterns are masked in every format"));
    m_secretsWarning->setObjectName(QStringLiteral("secretsWarning"));
    m_secretsWarning->setText(
        QStringLiteral("Redaction is OFF: tokens, cookies and keys are shared as they are."));
    QPalette warning = m_secretsWarning->palette();
    warning.setColor(QPalette::WindowText, toneColor(palette(), Tone::Failure));
    m_secretsWarning->setPalette(warning);
    m_secretsWarning->hide();
    m_patterns->setObjectName(QStringLiteral("redactPatternsEdit"));
    m_patterns->setPlaceholderText(
        QStringLiteral("Also mask (one regular expression per line), e.g. tenant-[0-9a-f]{8}"));
    m_patterns->setFixedHeight(m_patterns->fontMetrics().lineSpacing() * 3 + 12);
    m_patterns->setTabChangesFocus(true);
    m_patterns->setPlainText(QSettings().value(patternsSettingsKey()).toStringList().join(u'\n'));
    m_patternError->setObjectName(QStringLiteral("patternError"));
    m_patternError->setPalette(warning);
    m_patternError->hide();
    m_result->setObjectName(QStringLiteral("reportResult"));

    auto *redaction = new QGroupBox(QStringLiteral("Redaction"), this);
    auto *redactionLayout = new QVBoxLayout(redaction);
    auto *secretsRow = new QHBoxLayout;
    secretsRow->addWidget(m_showSecrets);
    secretsRow->addWidget(m_secretsWarning, 1);
    redactionLayout->addLayout(secretsRow);
    auto *patternsLabel = new QLabel(
        QStringLiteral("Also &mask (one regular expression per line; with groups, only the groups):"),
        redaction);
    patternsLabel->setBuddy(m_patterns);
    redactionLayout->addWidget(patternsLabel);
    redactionLayout->addWidget(m_patterns);
    redactionLayout->addWidget(m_patternError);

    m_copy->setObjectName(QStringLiteral("copyReportButton"));
    m_copy->setToolTip(QStringLiteral("Put the Markdown and the PNG on the clipboard together"));
    m_save->setObjectName(QStringLiteral("saveReportButton"));
    m_save->setToolTip(QStringLiteral("PNG, Markdown, self-contained HTML or HAR"));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_copy, QDialogButtonBox::ActionRole);
    buttons->addButton(m_save, QDialogButtonBox::ActionRole);
    m_copy->setDefault(true);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_subject);
    layout->addWidget(split, 1);
    layout->addWidget(redaction);
    auto *bottom = new QHBoxLayout;
    bottom->addWidget(m_result, 1);
    bottom->addWidget(buttons);
    layout->addLayout(bottom);
    resize(1240, 800);

    m_refreshTimer->setSingleShot(true);
    m_refreshTimer->setInterval(300);
    connect(m_refreshTimer, &QTimer::timeout, this, &ReportDialog::refresh);
    connect(m_showSecrets, &QCheckBox::toggled, this, &ReportDialog::refresh);
    connect(m_patterns, &QPlainTextEdit::textChanged, m_refreshTimer, qOverload<>(&QTimer::start));
    connect(m_copy, &QPushButton::clicked, this, &ReportDialog::copyToClipboard);
    connect(m_save, &QPushButton::clicked, this, &ReportDialog::saveWithDialog);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    refresh();
}

// The tracker drops what a write still running would deliver; the pool then waits for the write.
ReportDialog::~ReportDialog() = default;

void ReportDialog::showEvent(QShowEvent *event)
{
    // Every opening starts redacted, whatever was chosen the last time.
    if (!event->spontaneous() && m_showSecrets->isChecked())
        m_showSecrets->setChecked(false);
    QDialog::showEvent(event);
}

void ReportDialog::setStack(std::optional<ServerStack> stack)
{
    m_stack = stack;
    refresh();
}

bool ReportDialog::isRedacting() const
{
    return !m_showSecrets->isChecked();
}

ReportOptions ReportDialog::options() const
{
    ReportOptions options;
    options.stack = m_stack;
    options.redact = isRedacting();
    for (const QString &line : m_patterns->toPlainText().split(u'\n', Qt::SkipEmptyParts)) {
        const QRegularExpression pattern(line.trimmed());
        if (!line.trimmed().isEmpty() && pattern.isValid())
            options.redactPatterns.append(pattern);
    }
    return options;
}

QString ReportDialog::markdown() const
{
    return m_markdown->toPlainText();
}

QString ReportDialog::errorText() const
{
    return m_result->text();
}

void ReportDialog::refresh()
{
    m_refreshTimer->stop();
    QStringList badPatterns;
    QStringList patterns;
    for (const QString &line : m_patterns->toPlainText().split(u'\n', Qt::SkipEmptyParts)) {
        if (line.trimmed().isEmpty())
            continue;
        patterns.append(line.trimmed());
        const QRegularExpression pattern(line.trimmed());
        if (!pattern.isValid())
            badPatterns.append(u"“" + line.trimmed() + u"”: " + pattern.errorString());
    }
    QSettings().setValue(patternsSettingsKey(), patterns);
    m_patternError->setText(u"Not a regular expression, ignored: " + badPatterns.join(QStringLiteral("; ")));
    m_patternError->setVisible(!badPatterns.isEmpty());
    m_secretsWarning->setVisible(!isRedacting());

    QString error;
    m_data = ReportData::fromValue(m_source, options(), &error);
    if (!m_data) {
        m_image = QImage();
        m_imageLabel->clear();
        m_markdown->clear();
        m_result->setText(u"Nothing to report: " + error);
        m_copy->setEnabled(false);
        m_save->setEnabled(false);
        return;
    }
    m_copy->setEnabled(true);
    m_save->setEnabled(true);
    m_result->clear();
    m_markdown->setPlainText(MarkdownReport::render(*m_data));
    m_image = PngReport::render(*m_data);
    const qreal ratio = devicePixelRatioF();
    QPixmap pixmap
        = QPixmap::fromImage(m_image.scaledToWidth(int(previewWidth * ratio), Qt::SmoothTransformation));
    pixmap.setDevicePixelRatio(ratio);
    m_imageLabel->setPixmap(pixmap);
}

void ReportDialog::copyToClipboard()
{
    if (m_refreshTimer->isActive())
        refresh();
    if (!m_data)
        return;
    ReportClipboard::copy(*m_data);
    m_result->setText(isRedacting() ? QStringLiteral("Copied the report (text and image), secrets masked.")
                                    : QStringLiteral("Copied the report (text and image) WITH secrets."));
}

void ReportDialog::saveTo(const QString &path)
{
    if (m_refreshTimer->isActive())
        refresh();
    const bool redacted = isRedacting();
    if (!m_data)
        return finishSave(path, QStringLiteral("Nothing to report."), redacted);
    // Painting stays here (it is quick and needs the GUI's fonts); the disk write and its fsync do not.
    QString error;
    const QByteArray bytes = ReportWriter::renderForPath(*m_data, path, &error, &PngReport::renderPng);
    if (!error.isEmpty())
        return finishSave(path, error, redacted);
    m_result->setText(u"Saving " + QFileInfo(path).fileName() + u"…");
    m_save->setEnabled(false);
    m_writer.startJob([bytes, path](const JobControl &) { return ReportWriter::save(bytes, path); },
        [this, path, redacted](const QString &writeError) { finishSave(path, writeError, redacted); });
}

void ReportDialog::finishSave(const QString &path, const QString &error, bool redacted)
{
    m_save->setEnabled(true);
    if (error.isEmpty()) {
        m_result->setText(u"Saved " + QFileInfo(path).fileName()
            + (redacted ? QStringLiteral(" (secrets masked).") : QStringLiteral(" WITH secrets.")));
    } else {
        m_result->setText(u"Not saved: " + error);
    }
    Q_EMIT saved(path, error);
}

void ReportDialog::saveWithDialog()
{
    QString selected;
    const QStringList filters{QStringLiteral("PNG image (*.png)"), QStringLiteral("Markdown (*.md)"),
        QStringLiteral("HTML, one self-contained file (*.html)"), QStringLiteral("HAR 1.2 (*.har)")};
    const QStringList extensions{
        QStringLiteral(".png"), QStringLiteral(".md"), QStringLiteral(".html"), QStringLiteral(".har")};
    QString path = QFileDialog::getSaveFileName(this, QStringLiteral("Save report"),
        QDir::homePath() + u"/cors-report.png", filters.join(QStringLiteral(";;")), &selected);
    if (path.isEmpty())
        return;
    if (!ReportWriter::formatForPath(path))
        path += extensions.value(qMax(0, int(filters.indexOf(selected))));
    saveTo(path);
}

} // namespace corscope
