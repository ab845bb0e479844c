// The composer's request kept between runs: the JSON round trip with and without secrets, and a
// restored composer that asks for the secrets it did not get back.
#include "report/redactor.h"
#include "ui/composerpanel.h"
#include "ui/composerstate.h"
#include "ui/headereditmodel.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSettings>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>

using namespace corscope;

class TestComposerState : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void everyFieldComesBackWhenSecretsAreKept();
    void secretsAreMaskedByDefault_data();
    void secretsAreMaskedByDefault();
    void somethingElseIsNotAState_data();
    void somethingElseIsNotAState();
    void aRestoredComposerAsksForTheSecretsItLost();
    void aLoadedRequestIsNotRestored();
    void theValueEditorOfALostSecretSaysWhatToEnter();

private:
    static ComposerState plantedState();
};

void TestComposerState::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QSettings().remove(SecretsAtRest::settingsKey());
}

ComposerState TestComposerState::plantedState()
{
    ComposerState state;
    state.input.method = QStringLiteral("PATCH");
    state.input.url = QStringLiteral("https://api.example.com/items?access_token=SECRET-URL-TOKEN&page=2");
    state.input.origin = QStringLiteral("http://localhost:3000");
    state.input.credentials = QStringLiteral("include");
    state.input.redirect = QStringLiteral("manual");
    state.input.browser = QStringLiteral("firefox");
    state.input.body = R"({"user":"ann","password":"SECRET-PASSWORD"})";
    state.headers = {{QStringLiteral("Authorization"), QStringLiteral("Bearer SECRET-BEARER"), true},
        {QStringLiteral("X-Trace-Id"), QStringLiteral("7"), true},
        {QStringLiteral("Cookie"), QStringLiteral("sid=SECRET-COOKIE"), false},
        {QStringLiteral("X-Api-Key"), QStringLiteral("SECRET-API-KEY"), true}};
    return state;
}

void TestComposerState::everyFieldComesBackWhenSecretsAreKept()
{
    const ComposerState planted = plantedState();
    const auto back = ComposerState::fromJson(planted.toJson(Secrets::Kept));
    QVERIFY(back);
    QCOMPARE(back->input.method, planted.input.method);
    QCOMPARE(back->input.url, planted.input.url);
    QCOMPARE(back->input.origin, planted.input.origin);
    QCOMPARE(back->input.credentials, planted.input.credentials);
    QCOMPARE(back->input.redirect, planted.input.redirect);
    QCOMPARE(back->input.browser, planted.input.browser);
    QCOMPARE(back->input.body, planted.input.body);
    QCOMPARE(back->headers, planted.headers); // the unchecked Cookie row too
}

void TestComposerState::secretsAreMaskedByDefault_data()
{
    QTest::addColumn<QString>("secret");
    QTest::newRow("a bearer token") << QStringLiteral("SECRET-BEARER");
    QTest::newRow("a cookie, even in an unchecked row") << QStringLiteral("SECRET-COOKIE");
    QTest::newRow("an API key header") << QStringLiteral("SECRET-API-KEY");
    QTest::newRow("an access_token in the URL") << QStringLiteral("SECRET-URL-TOKEN");
    QTest::newRow("a password in a JSON body") << QStringLiteral("SECRET-PASSWORD");
}

void TestComposerState::secretsAreMaskedByDefault()
{
    QFETCH(QString, secret);
    const QByteArray json = plantedState().toJson(Secrets::Masked);
    QVERIFY2(!json.contains(secret.toUtf8()), json.constData());
    // What is not secret stays, so the request is recognisable.
    QVERIFY(json.contains("X-Trace-Id"));
    QVERIFY(json.contains("page=2"));
    QVERIFY(json.contains("ann"));
    const auto back = ComposerState::fromJson(json);
    QVERIFY(back);
    QCOMPARE(back->headers.at(0).value, u"Bearer " + Redactor::mask());
    QCOMPARE(back->headers.at(1).value, QStringLiteral("7"));
}

void TestComposerState::somethingElseIsNotAState_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::newRow("nothing saved yet") << QByteArray();
    QTest::newRow("not JSON") << QByteArray("GET https://a.test");
    QTest::newRow("a format from the future") << QByteArray(R"({"version":99,"url":"https://a.test"})");
    QTest::newRow("an array") << QByteArray("[1,2]");
}

void TestComposerState::somethingElseIsNotAState()
{
    QFETCH(QByteArray, json);
    QVERIFY(!ComposerState::fromJson(json));
    ComposerPanel panel;
    panel.setInput(plantedState().input);
    const RequestInput before = panel.input();
    QVERIFY(!panel.restoreState(json));
    QVERIFY(!panel.isRestored());
    QCOMPARE(panel.input().url, before.url);
}

void TestComposerState::aRestoredComposerAsksForTheSecretsItLost()
{
    ComposerPanel first;
    const ComposerState planted = plantedState();
    first.setInput(planted.input);
    first.headerModel()->setEntries(planted.headers);
    QVERIFY(SecretsAtRest::policy() == Secrets::Masked);
    const QByteArray saved = first.saveState();

    ComposerPanel panel;
    QVERIFY(panel.restoreState(saved));
    QVERIFY(panel.isRestored());
    const RequestInput input = panel.input();
    QCOMPARE(input.method, QStringLiteral("PATCH"));
    QCOMPARE(input.origin, QStringLiteral("http://localhost:3000"));
    QCOMPARE(input.credentials, QStringLiteral("include"));
    QCOMPARE(input.redirect, QStringLiteral("manual"));
    QCOMPARE(input.browser, QStringLiteral("firefox"));
    QVERIFY(input.url.contains(u"page=2"));

    HeaderEditModel *headers = panel.headerModel();
    QCOMPARE(headers->rowCount(), 4);
    // The Authorization row is there, empty, highlighted, and says why.
    const QModelIndex value = headers->index(0, HeaderEditModel::ValueColumn);
    QCOMPARE(value.data(Qt::EditRole).toString(), QString());
    QCOMPARE(value.data().toString(), HeaderEditModel::lostSecretPlaceholder());
    QVERIFY(value.data(Qt::BackgroundRole).isValid());
    QVERIFY(value.data(Qt::ToolTipRole).toString().contains(QStringLiteral("not kept")));
    QVERIFY(!headers->index(1, HeaderEditModel::ValueColumn).data(Qt::BackgroundRole).isValid());
    QCOMPARE(headers->index(1, HeaderEditModel::ValueColumn).data().toString(), QStringLiteral("7"));
    QCOMPARE(headers->lostSecretNames(),
        (QStringList{QStringLiteral("Authorization"), QStringLiteral("X-Api-Key")}));
    QCOMPARE(headers->entries().at(2).enabled, false);

    // The panel and the status bar text name every place; nothing is sent until they are entered.
    const QString notice = panel.secretsNotice();
    for (const QString &place : {QStringLiteral("Authorization"), QStringLiteral("X-Api-Key"),
             QStringLiteral("URL"), QStringLiteral("body")})
        QVERIFY2(notice.contains(place), qPrintable(notice));
    auto *note = panel.findChild<QLabel *>(QStringLiteral("secretsNote"));
    QVERIFY(note);
    QCOMPARE(note->text(), notice);
    QVERIFY(!note->isHidden());
    QStringList problems;
    QVERIFY(!panel.buildRequest(&problems));
    QVERIFY2(problems.join(u' ').contains(QStringLiteral("Authorization")), qPrintable(problems.join(u'\n')));

    // Entering the values again (and unchecking the key) makes it a request again.
    QVERIFY(headers->setData(value, QStringLiteral("Bearer new")));
    QVERIFY(headers->setData(
        headers->index(3, HeaderEditModel::EnabledColumn), Qt::Unchecked, Qt::CheckStateRole));
    panel.findChild<QLineEdit *>(QStringLiteral("urlEdit"))
        ->setText(QStringLiteral("https://api.example.com/items"));
    panel.findChild<QPlainTextEdit *>(QStringLiteral("bodyEdit"))->setPlainText(QStringLiteral("{}"));
    QVERIFY(panel.secretsNotice().isEmpty());
    QVERIFY2(panel.buildRequest(&problems), qPrintable(problems.join(u'\n')));
    QTRY_VERIFY(note->isHidden());
}

void TestComposerState::aLoadedRequestIsNotRestored()
{
    ComposerPanel panel;
    QVERIFY(panel.restoreState(plantedState().toJson(Secrets::Kept)));
    QVERIFY(panel.isRestored());
    QVERIFY(panel.secretsNotice().isEmpty());
    RequestInput input;
    input.url = QStringLiteral("https://a.test/");
    input.origin = QStringLiteral("http://localhost:3000");
    panel.setInput(input);
    QVERIFY(!panel.isRestored());
}

void TestComposerState::theValueEditorOfALostSecretSaysWhatToEnter()
{
    ComposerPanel panel;
    QVERIFY(panel.restoreState(plantedState().toJson(Secrets::Masked)));
    panel.show();
    panel.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&panel));
    auto *view = panel.findChild<QTableView *>(QStringLiteral("headersView"));
    QVERIFY(view);
    view->setFocus();
    view->setCurrentIndex(panel.headerModel()->index(0, HeaderEditModel::ValueColumn));
    QLineEdit *editor = nullptr;
    QTRY_VERIFY((editor = view->findChild<QLineEdit *>(QStringLiteral("headerValueEditor"))));
    QCOMPARE(editor->text(), QString());
    QCOMPARE(editor->placeholderText(), HeaderEditModel::lostSecretPlaceholder());
    // A row that kept its value has no such hint.
    view->setCurrentIndex(panel.headerModel()->index(1, HeaderEditModel::ValueColumn));
    QTRY_VERIFY((editor = view->findChild<QLineEdit *>(QStringLiteral("headerValueEditor")))
        && editor->text() == QStringLiteral("7"));
    QCOMPARE(editor->placeholderText(), QString());
}

QTEST_MAIN(TestComposerState)
#include "tst_composerstate.moc"
