#include "core/exchangejson.h"
#include "net/qnamtransport.h"
#include "report/pngreport.h"
#include "ui/exchangesession.h"
#include "ui/explanationpanel.h"
#include "ui/mainwindow.h"
#include "ui/reportactions.h"
#include "ui/reportclipboard.h"
#include "ui/reportdialog.h"
#include "uitestdata.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QSignalSpy>
#include <QTest>
#include <memory>

using namespace corscope;
using namespace corscope::testdata;

namespace {
const QString token = QStringLiteral("planted-S3CRET-token-0042");
const QString tenant = QStringLiteral("tenant-777123");
const QString queryToken = QStringLiteral("qtok-99887766");

// A blocked PUT whose request carries a bearer token and an access_token in its URL (the PNG paints
// URLs, not headers), and a tenant id only a user pattern masks.
ExchangeRecordPtr secretExchange()
{
    const QString url = u"http://127.0.0.1:8080/v1/" + tenant + u"/items?access_token=" + queryToken;
    Hop preflight = hop(HopKind::Preflight, "OPTIONS", url, 200, 0, 12, false);
    Hop actual = hop(HopKind::Actual, "PUT", url, 200, 14, 20, true);
    actual.request.headers.append("Authorization", "Bearer " + token.toUtf8());
    auto record = std::make_shared<ExchangeRecord>(*exchange(7, Verdict::Blocked, {preflight}));
    record->request.method = "PUT";
    record->request.url = QUrl(url);
    record->request.headers
        = {{"Authorization", "Bearer " + token.toUtf8()}, {"Content-Type", "application/json"}};
    Finding failure;
    failure.stage = Stage::Preflight;
    failure.check = CheckId::MissingAllowOrigin;
    failure.consoleMessage = QStringLiteral("Access to fetch has been blocked by CORS policy.");
    record->result.failure = failure;
    Q_UNUSED(actual);
    return record;
}

QString allText(const ReportDialog &dialog)
{
    return dialog.markdown() + u'\n' + PngReport::paintedText(*dialog.reportData()).join(u'\n');
}
} // namespace

// The report preview: what is shown is what is shared, redaction on unless explicitly turned off.
class TestReportDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void redactionIsOnByDefaultInThePreviewAndOnTheClipboard();
    void showingSecretsIsAnExplicitChoiceThatDoesNotLast();
    void userPatternsAreMasked();
    void theClipboardCarriesTextAndImageTogether();
    void savingWritesEveryFormatRedacted_data();
    void savingWritesEveryFormatRedacted();
    void aSaveThatCannotBeWrittenSaysWhy();
    void theWindowCopiesTheShownExchange();
    void screenshotOfTheDialog();

private:
    QTemporaryDir m_dir;
};

void TestReportDialog::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
}

void TestReportDialog::init()
{
    QSettings().remove(ReportDialog::patternsSettingsKey());
}

void TestReportDialog::redactionIsOnByDefaultInThePreviewAndOnTheClipboard()
{
    const ExchangeRecordPtr record = secretExchange();
    ReportDialog dialog(
        exchangeToJson(record->request, record->profile, record->result), QStringLiteral("test"));
    dialog.show();
    QVERIFY(!dialog.showSecretsBox()->isChecked());
    QVERIFY(dialog.isRedacting());
    QVERIFY(dialog.reportData().has_value());
    QVERIFY(dialog.markdown().contains(u"Authorization"));
    QVERIFY2(!allText(dialog).contains(token), "the token is in the preview");
    QVERIFY2(!allText(dialog).contains(queryToken), "the query token is in the preview");
    QVERIFY(!dialog.image().isNull());

    dialog.copyToClipboard();
    const QMimeData *mime = QGuiApplication::clipboard()->mimeData();
    QVERIFY(mime->hasFormat(QStringLiteral("text/markdown")));
    QVERIFY(!QString::fromUtf8(mime->data(QStringLiteral("text/markdown"))).contains(token));
    QVERIFY(!mime->text().contains(token));
    QCOMPARE(QString::fromUtf8(mime->data(QStringLiteral("text/markdown"))), dialog.markdown());
}

void TestReportDialog::showingSecretsIsAnExplicitChoiceThatDoesNotLast()
{
    const ExchangeRecordPtr record = secretExchange();
    ReportDialog dialog(
        exchangeToJson(record->request, record->profile, record->result), QStringLiteral("test"));
    dialog.show();
    dialog.showSecretsBox()->click();
    QVERIFY(!dialog.isRedacting());
    QVERIFY(dialog.markdown().contains(token));
    QVERIFY(PngReport::paintedText(*dialog.reportData()).join(u'\n').contains(queryToken));
    dialog.copyToClipboard();
    QVERIFY(QString::fromUtf8(QGuiApplication::clipboard()->mimeData()->data(QStringLiteral("text/markdown")))
                .contains(token));

    // Opened again: redacted again.
    dialog.hide();
    dialog.show();
    QVERIFY(!dialog.showSecretsBox()->isChecked());
    QVERIFY(!dialog.markdown().contains(token));
    ReportDialog another(
        exchangeToJson(record->request, record->profile, record->result), QStringLiteral("test"));
    QVERIFY(another.isRedacting());
}

void TestReportDialog::userPatternsAreMasked()
{
    const ExchangeRecordPtr record = secretExchange();
    {
        ReportDialog dialog(
            exchangeToJson(record->request, record->profile, record->result), QStringLiteral("test"));
        QVERIFY(dialog.markdown().contains(tenant));
        dialog.patternsEdit()->setPlainText(QStringLiteral("tenant-[0-9]+\n(unclosed"));
        dialog.refresh();
        QVERIFY(!allText(dialog).contains(tenant));
        QVERIFY(dialog.findChild<QWidget *>(QStringLiteral("patternError"))->isVisibleTo(&dialog));
    }
    // Remembered for the next report.
    ReportDialog next(
        exchangeToJson(record->request, record->profile, record->result), QStringLiteral("test"));
    QVERIFY(!next.markdown().contains(tenant));
}

void TestReportDialog::theClipboardCarriesTextAndImageTogether()
{
    const ExchangeRecordPtr record = secretExchange();
    ReportDialog dialog(
        exchangeToJson(record->request, record->profile, record->result), QStringLiteral("test"));
    dialog.copyToClipboard();
    const QMimeData *mime = QGuiApplication::clipboard()->mimeData();
    QVERIFY(mime->hasText());
    QVERIFY(mime->text().startsWith(u'#'));
    QVERIFY(mime->hasImage());
    const QByteArray png = mime->data(QStringLiteral("image/png"));
    QVERIFY(png.startsWith("\x89PNG"));
    const QImage image = QImage::fromData(png, "PNG");
    QCOMPARE(image.width(), int(PngReport::logicalWidth * PngReport::defaultDevicePixelRatio));
    QCOMPARE(image.size(), dialog.image().size());
}

void TestReportDialog::savingWritesEveryFormatRedacted_data()
{
    QTest::addColumn<QString>("name");
    QTest::newRow("Markdown") << QStringLiteral("report.md");
    QTest::newRow("self-contained HTML") << QStringLiteral("report.html");
    QTest::newRow("HAR of the exchange") << QStringLiteral("report.har");
    QTest::newRow("PNG") << QStringLiteral("report.png");
}

void TestReportDialog::savingWritesEveryFormatRedacted()
{
    QFETCH(QString, name);
    const ExchangeRecordPtr record = secretExchange();
    ReportDialog dialog(
        exchangeToJson(record->request, record->profile, record->result), QStringLiteral("test"));
    const QString path = m_dir.filePath(name);
    QSignalSpy saved(&dialog, &ReportDialog::saved);
    dialog.saveTo(path);
    QVERIFY(saved.wait(10000));
    QCOMPARE(saved.first().at(0).toString(), path);
    QCOMPARE(saved.first().at(1).toString(), QString());
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    QVERIFY(bytes.size() > 100);
    QVERIFY(!bytes.contains(token.toUtf8()));
    QVERIFY(!bytes.contains(queryToken.toUtf8()));
    if (name.endsWith(u".png"))
        QVERIFY(!QImage::fromData(bytes, "PNG").isNull());
    if (name.endsWith(u".html"))
        QVERIFY(bytes.contains("data:image/png;base64,"));
}

void TestReportDialog::aSaveThatCannotBeWrittenSaysWhy()
{
    const ExchangeRecordPtr record = secretExchange();
    ReportDialog dialog(
        exchangeToJson(record->request, record->profile, record->result), QStringLiteral("test"));
    QSignalSpy saved(&dialog, &ReportDialog::saved);
    // A folder that does not exist: found by the writer thread.
    const QString missing = m_dir.filePath(QStringLiteral("no-such-folder/report.md"));
    dialog.saveTo(missing);
    QVERIFY(saved.wait(10000));
    QVERIFY2(saved.last().at(1).toString().startsWith(u"cannot write " + missing),
        qPrintable(saved.last().at(1).toString()));
    QVERIFY(!QFileInfo::exists(missing));
    // An extension that names no format: refused before anything is written.
    dialog.saveTo(m_dir.filePath(QStringLiteral("report.docx")));
    QCOMPARE(saved.size(), 2);
    QVERIFY(saved.last().at(1).toString().contains(u".md, .html, .png or .har"));
}

void TestReportDialog::theWindowCopiesTheShownExchange()
{
    QnamTransport transport;
    ExchangeSession session(&transport);
    MainWindow window(&session);
    auto *actions = window.findChild<ReportActions *>();
    QVERIFY(actions);
    QVERIFY(actions->currentExchangeSource().isNull());
    QVERIFY(!actions->copyCurrentReport());
    window.explanation()->setExchange(secretExchange());
    QGuiApplication::clipboard()->clear();
    QVERIFY(actions->copyCurrentReport());
    const QMimeData *mime = QGuiApplication::clipboard()->mimeData();
    QVERIFY(mime->hasImage());
    QVERIFY(mime->data(QStringLiteral("text/markdown")).contains("PUT"));
    QVERIFY(!mime->data(QStringLiteral("text/markdown")).contains(token.toUtf8()));

    ReportDialog *dialog = actions->openPreview();
    QVERIFY(dialog);
    QVERIFY(dialog->isVisible());
    QVERIFY(dialog->isRedacting());
    dialog->close();
}

void TestReportDialog::screenshotOfTheDialog()
{
    const ExchangeRecordPtr record = secretExchange();
    ReportDialog dialog(exchangeToJson(record->request, record->profile, record->result),
        QStringLiteral("Exchange #7: PUT http://127.0.0.1:8080/v1/… from http://localhost:3000"));
    dialog.patternsEdit()->setPlainText(QStringLiteral("tenant-[0-9]+"));
    dialog.refresh();
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QDir().mkpath(QStringLiteral(CORSCOPE_SCREENSHOT_DIR));
    QVERIFY(dialog.grab().save(QStringLiteral(CORSCOPE_SCREENSHOT_DIR "/report-dialog.png")));
}

QTEST_MAIN(TestReportDialog)
#include "tst_reportdialog.moc"
