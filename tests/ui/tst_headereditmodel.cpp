#include "ui/composerpanel.h"
#include "ui/headereditmodel.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QComboBox>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>
#include <QToolButton>

using namespace corscope;

class TestHeaderEditModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void rowsAreCheckedAsTheyAreTyped_data();
    void rowsAreCheckedAsTheyAreTyped();
    void aProblemRowIsMarkedWithIconTooltipAndColour();
    void disabledRowsAreNotSentNorChecked();
    void addingAndRemovingRows();
    void forbiddenHeadersFollowTheBrowserProfile();
    void tabMovesFromNameToValueToTheNextRow();
    void tabPastAnEmptyLastRowLeavesTheTableButNotForTheBody();

private:
    HeaderEditModel *m_model = nullptr;
    QAbstractItemModelTester *m_tester = nullptr;
};

void TestHeaderEditModel::init()
{
    m_model = new HeaderEditModel(this);
    m_tester
        = new QAbstractItemModelTester(m_model, QAbstractItemModelTester::FailureReportingMode::QtTest, this);
}

void TestHeaderEditModel::cleanup()
{
    delete m_tester;
    delete m_model;
}

void TestHeaderEditModel::rowsAreCheckedAsTheyAreTyped_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("problemContains"); // empty: no problem
    QTest::newRow("an ordinary custom header is fine")
        << QStringLiteral("X-Trace-Id") << QStringLiteral("42") << QString();
    QTest::newRow("Content-Type is fine")
        << QStringLiteral("Content-Type") << QStringLiteral("application/json") << QString();
    QTest::newRow("a name with a space is not a valid header name")
        << QStringLiteral("X Trace") << QStringLiteral("1") << QStringLiteral("not a valid header name");
    QTest::newRow("a name with a colon is not a valid header name")
        << QStringLiteral("X-Trace:") << QStringLiteral("1") << QStringLiteral("not a valid header name");
    QTest::newRow("a value with CR LF would inject header lines")
        << QStringLiteral("X-Trace-Id") << QStringLiteral("1\r\nX-Evil: 1") << QStringLiteral("line break");
    QTest::newRow("a value with a lone LF is refused too")
        << QStringLiteral("X-Trace-Id") << QStringLiteral("1\n2") << QStringLiteral("line break");
    QTest::newRow("Cookie is a forbidden request header")
        << QStringLiteral("Cookie") << QStringLiteral("a=1") << QStringLiteral("forbidden request header");
    QTest::newRow("Host is a forbidden request header") << QStringLiteral(
        "host") << QStringLiteral("evil.test") << QStringLiteral("forbidden request header");
    QTest::newRow("a value without a name is flagged")
        << QString() << QStringLiteral("1") << QStringLiteral("no name");
}

void TestHeaderEditModel::rowsAreCheckedAsTheyAreTyped()
{
    QFETCH(QString, name);
    QFETCH(QString, value);
    QFETCH(QString, problemContains);
    const int row = m_model->appendEntry();
    QSignalSpy changed(m_model, &QAbstractItemModel::dataChanged);
    QVERIFY(m_model->setData(m_model->index(row, HeaderEditModel::NameColumn), name));
    QVERIFY(m_model->setData(m_model->index(row, HeaderEditModel::ValueColumn), value));
    QVERIFY(changed.count() >= 1);
    const QString problem = m_model->problemAt(row);
    if (problemContains.isEmpty()) {
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        QCOMPARE(m_model->problems().size(), 0);
    } else {
        QVERIFY2(problem.contains(problemContains), qPrintable(problem));
        QCOMPARE(m_model->problems(), QStringList{problem});
    }
}

void TestHeaderEditModel::aProblemRowIsMarkedWithIconTooltipAndColour()
{
    m_model->setEntries({{QStringLiteral("X-Ok"), QStringLiteral("1"), true},
        {QStringLiteral("X-Bad"), QStringLiteral("a\rb"), true}});
    const QModelIndex good = m_model->index(0, HeaderEditModel::NameColumn);
    const QModelIndex bad = m_model->index(1, HeaderEditModel::NameColumn);
    QVERIFY(good.data(Qt::DecorationRole).isNull());
    QVERIFY(!bad.data(Qt::DecorationRole).isNull());
    QVERIFY(bad.data(Qt::ToolTipRole).toString().contains(QStringLiteral("line break")));
    QVERIFY(bad.data(Qt::ForegroundRole).isValid());
    QVERIFY(!good.data(Qt::ForegroundRole).isValid());
    // The CR is shown, not swallowed.
    QCOMPARE(m_model->index(1, HeaderEditModel::ValueColumn).data().toString(), QStringLiteral("a\\rb"));
    QCOMPARE(m_model->index(1, HeaderEditModel::ValueColumn).data(Qt::EditRole).toString(),
        QStringLiteral("a\rb"));
}

void TestHeaderEditModel::disabledRowsAreNotSentNorChecked()
{
    m_model->setEntries({{QStringLiteral("X-Trace-Id"), QStringLiteral("1"), true},
        {QStringLiteral("Cookie"), QStringLiteral("a=1"), true}});
    QCOMPARE(m_model->problems().size(), 1);
    QVERIFY(m_model->setData(
        m_model->index(1, HeaderEditModel::EnabledColumn), Qt::Unchecked, Qt::CheckStateRole));
    QCOMPARE(m_model->problems().size(), 0);
    QCOMPARE(m_model->enabledHeaderLines(), QStringList{QStringLiteral("X-Trace-Id: 1")});
    QCOMPARE(m_model->index(1, HeaderEditModel::EnabledColumn).data(Qt::CheckStateRole).toInt(),
        int(Qt::Unchecked));
}

void TestHeaderEditModel::addingAndRemovingRows()
{
    QCOMPARE(m_model->appendEntry({QStringLiteral("A"), QStringLiteral("1"), true}), 0);
    QCOMPARE(m_model->appendEntry({QStringLiteral("B"), QStringLiteral("2"), true}), 1);
    QVERIFY(m_model->insertRows(1, 1));
    QCOMPARE(m_model->rowCount(), 3);
    QVERIFY(m_model->removeRows(0, 2));
    QCOMPARE(m_model->enabledHeaderLines(), QStringList{QStringLiteral("B: 2")});
    QVERIFY(!m_model->removeRows(3, 1));
}

void TestHeaderEditModel::forbiddenHeadersFollowTheBrowserProfile()
{
    m_model->setEntries({{QStringLiteral("User-Agent"), QStringLiteral("bot"), true}});
    const BrowserProfile chromium = BrowserProfile::chromium();
    m_model->setProfile(chromium);
    QCOMPARE(m_model->problems().isEmpty(), !chromium.userAgentIsForbidden);
    const BrowserProfile firefox = BrowserProfile::firefox();
    m_model->setProfile(firefox);
    QCOMPARE(m_model->problems().isEmpty(), !firefox.userAgentIsForbidden);
    QVERIFY(chromium.userAgentIsForbidden != firefox.userAgentIsForbidden);
}

namespace {
// The composer shown and active, so that focus and key events behave as on a desktop.
struct ShownComposer
{
    ComposerPanel panel;
    QTableView *view = nullptr;
    HeaderEditModel *model = nullptr;

    bool show()
    {
        view = panel.findChild<QTableView *>(QStringLiteral("headersView"));
        model = panel.headerModel();
        panel.show();
        panel.activateWindow();
        return view && QTest::qWaitForWindowActive(&panel);
    }
    // The line edit open on index, if it has the focus.
    QLineEdit *editorOn(int row, int column) const
    {
        auto *editor = qobject_cast<QLineEdit *>(QApplication::focusWidget());
        if (!editor || view->currentIndex() != model->index(row, column) || !view->isAncestorOf(editor))
            return nullptr;
        return editor;
    }
};

QWidget *focused()
{
    return QApplication::focusWidget();
}
} // namespace

void TestHeaderEditModel::tabMovesFromNameToValueToTheNextRow()
{
    ShownComposer composer;
    QVERIFY(composer.show());
    auto *body = composer.panel.findChild<QPlainTextEdit *>(QStringLiteral("bodyEdit"));
    QVERIFY(body);
    QTest::mouseClick(
        composer.panel.findChild<QToolButton *>(QStringLiteral("addHeaderButton")), Qt::LeftButton);
    QTRY_VERIFY(composer.editorOn(0, HeaderEditModel::NameColumn));
    QCOMPARE(focused()->objectName(), QStringLiteral("headerNameEditor"));

    // Typing a full name opens the completer's popup: Tab must still move on.
    QTest::keyClicks(focused(), QStringLiteral("X-Trace-Id"));
    QTest::keyClick(focused(), Qt::Key_Tab);
    QTRY_VERIFY(composer.editorOn(0, HeaderEditModel::ValueColumn));
    QTest::keyClicks(focused(), QStringLiteral("42"));
    QTest::keyClick(focused(), Qt::Key_Tab);
    // The value was the last cell: a new empty row, its name being edited.
    QTRY_VERIFY(composer.editorOn(1, HeaderEditModel::NameColumn));
    QCOMPARE(composer.model->rowCount(), 2);
    QCOMPARE(composer.model->enabledHeaderLines(), QStringList{QStringLiteral("X-Trace-Id: 42")});
    QVERIFY(!body->hasFocus());

    QTest::keyClicks(focused(), QStringLiteral("Accept"));
    QTest::keyClick(focused(), Qt::Key_Tab);
    QTRY_VERIFY(composer.editorOn(1, HeaderEditModel::ValueColumn));
    QTest::keyClicks(focused(), QStringLiteral("text/plain"));

    // Shift+Tab goes back the same way, over the check box column.
    QTest::keyClick(focused(), Qt::Key_Backtab, Qt::ShiftModifier);
    QTRY_VERIFY(composer.editorOn(1, HeaderEditModel::NameColumn));
    QTest::keyClick(focused(), Qt::Key_Backtab, Qt::ShiftModifier);
    QTRY_VERIFY(composer.editorOn(0, HeaderEditModel::ValueColumn));
    QCOMPARE(qobject_cast<QLineEdit *>(focused())->text(), QStringLiteral("42"));
    QTest::keyClick(focused(), Qt::Key_Backtab, Qt::ShiftModifier);
    QTRY_VERIFY(composer.editorOn(0, HeaderEditModel::NameColumn));
    // Before the first name, Shift+Tab leaves the table backwards: to the browser choice.
    QTest::keyClick(focused(), Qt::Key_Backtab, Qt::ShiftModifier);
    QTRY_COMPARE(focused(), composer.panel.findChild<QComboBox *>(QStringLiteral("browserCombo")));
    QCOMPARE(composer.model->enabledHeaderLines(),
        (QStringList{QStringLiteral("X-Trace-Id: 42"), QStringLiteral("Accept: text/plain")}));
    QCOMPARE(composer.model->rowCount(), 2);
}

void TestHeaderEditModel::tabPastAnEmptyLastRowLeavesTheTableButNotForTheBody()
{
    ShownComposer composer;
    QVERIFY(composer.show());
    composer.model->setEntries({{QStringLiteral("X-Trace-Id"), QStringLiteral("1"), true}});
    QTest::mouseClick(
        composer.panel.findChild<QToolButton *>(QStringLiteral("addHeaderButton")), Qt::LeftButton);
    QTRY_VERIFY(composer.editorOn(1, HeaderEditModel::NameColumn));
    QTest::keyClick(focused(), Qt::Key_Tab);
    QTRY_VERIFY(composer.editorOn(1, HeaderEditModel::ValueColumn));
    // Tab through an empty row means the headers are done: no third row, and the focus goes to the
    // table's buttons, never into the body.
    QTest::keyClick(focused(), Qt::Key_Tab);
    QTRY_COMPARE(focused(), composer.panel.findChild<QToolButton *>(QStringLiteral("addHeaderButton")));
    QCOMPARE(composer.model->rowCount(), 2);
}

QTEST_MAIN(TestHeaderEditModel)
#include "tst_headereditmodel.moc"
