#include "store/collectionfile.h"
#include "store/variables.h"
#include "ui/collectiondock.h"
#include "ui/collectionmodel.h"
#include "ui/environmenteditordialog.h"
#include "ui/environmentlistmodel.h"
#include "ui/variabletablemodel.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>
#include <QToolButton>
#include <QUndoStack>
#include <memory>

using namespace corscope;

// "Edit Environments…": the list of environments, the variable table, Apply/OK through the
// collection model's undo stack, the saved file, and {{variables}} resolving with the new values.
class TestEnvironmentEditorDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init();
    void cleanup();
    void theListModelRefusesBadRenamesAndKeepsTheCollectionRow();
    void addingAnEnvironmentWithVariablesIsSavedAndResolves();
    void editingAValueResolvesWithTheNewValueAndUndoRestores();
    void renamingAndRemovingRoundTripThroughTheFile();
    void collectionVariablesApplyInEveryEnvironment();
    void aDuplicateNameBlocksApply();
    void secretValuesAreMaskedWithARevealToggle();
    void theDockOpensTheEditorBesideTheEnvironmentCombo();

private:
    static Collection sample();
    template <typename T>
    T *child(const QString &name) const
    {
        T *found = m_dialog->findChild<T *>(name);
        if (!found)
            qFatal("no child %s", qPrintable(name));
        return found;
    }
    QAbstractItemModel *variables() const
    {
        return child<QTableView>(QStringLiteral("variablesView"))->model();
    }
    QAbstractItemModel *environments() const
    {
        return child<QListView>(QStringLiteral("environmentsView"))->model();
    }
    // The new row's name editor opens on "Add"; a test that sets the data directly closes it first,
    // or the editor would write its own text back later.
    void closeVariableEditor() const
    {
        if (auto *editor = child<QTableView>(QStringLiteral("variablesView"))->findChild<QLineEdit *>())
            QTest::keyClick(editor, Qt::Key_Escape);
    }
    void click(const QString &button) const
    {
        QTest::mouseClick(child<QAbstractButton>(button), Qt::LeftButton);
    }
    // Resolves text with an environment of the model's current collection.
    QString resolved(const QString &text, const QString &environment) const;

    std::unique_ptr<CollectionModel> m_model;
    std::unique_ptr<EnvironmentEditorDialog> m_dialog;
    std::unique_ptr<QAbstractItemModelTester> m_listTester;
    std::unique_ptr<QAbstractItemModelTester> m_tableTester;
};

Collection TestEnvironmentEditorDialog::sample()
{
    Collection collection;
    collection.name = QStringLiteral("API");
    collection.variables = {{QStringLiteral("version"), QStringLiteral("v1")}};
    collection.environments
        = {{QStringLiteral("dev"), {{QStringLiteral("api"), QStringLiteral("http://127.0.0.1:1")}}},
            {QStringLiteral("prod"), {{QStringLiteral("api"), QStringLiteral("https://api.example.com")}}}};
    CollectionItem item;
    item.id = QStringLiteral("r1");
    item.name = QStringLiteral("users");
    item.request.url = QStringLiteral("{{api}}/{{version}}/users");
    item.request.origins = {QStringLiteral("http://localhost:3000")};
    collection.items.push_back(item);
    return collection;
}

void TestEnvironmentEditorDialog::init()
{
    m_model = std::make_unique<CollectionModel>();
    m_model->setCollection(sample());
    m_dialog = std::make_unique<EnvironmentEditorDialog>(m_model.get());
    // The dialog fills its models in its constructor; the testers watch every later change.
    m_listTester = std::make_unique<QAbstractItemModelTester>(
        m_dialog->environmentModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_tableTester = std::make_unique<QAbstractItemModelTester>(
        m_dialog->variableModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_dialog->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_dialog.get()));
}

void TestEnvironmentEditorDialog::cleanup()
{
    m_tableTester.reset();
    m_listTester.reset();
    m_dialog.reset();
    m_model.reset();
}

QString TestEnvironmentEditorDialog::resolved(const QString &text, const QString &environment) const
{
    const Collection collection = m_model->collection();
    QStringList problems;
    const QString out
        = VariableResolver(collection, collection.environment(environment)).resolve(text, &problems);
    return problems.isEmpty() ? out : problems.join(u'\n');
}

void TestEnvironmentEditorDialog::theListModelRefusesBadRenamesAndKeepsTheCollectionRow()
{
    EnvironmentListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setContents(sample().environments, sample().variables);
    QCOMPARE(model.rowCount(), 3);
    QVERIFY(!(model.index(0).flags() & Qt::ItemIsEditable));
    QVERIFY(!model.removeRows(0, 1));
    QVERIFY(!model.setData(model.index(1), QStringLiteral("prod")));
    QVERIFY(!model.setData(model.index(1), QStringLiteral("  ")));
    QVERIFY(model.setData(model.index(1), QStringLiteral(" local ")));
    QCOMPARE(model.environments().first().name, QStringLiteral("local"));
    QCOMPARE(model.addEnvironment(QStringLiteral("prod")), 3);
    QCOMPARE(model.environments().last().name, QStringLiteral("prod 2"));
    QCOMPARE(model.rowOf(QStringLiteral("prod 2")), 3);
    QVERIFY(model.removeRows(1, 2));
    QCOMPARE(model.environments().size(), 1);
}

void TestEnvironmentEditorDialog::addingAnEnvironmentWithVariablesIsSavedAndResolves()
{
    click(QStringLiteral("addEnvironmentButton"));
    QCOMPARE(environments()->rowCount(), 4);
    // The new row is being edited in place; type its name as a user would.
    auto *editor = child<QListView>(QStringLiteral("environmentsView"))->findChild<QLineEdit *>();
    QVERIFY2(editor, "the new environment's name is not being edited");
    editor->selectAll();
    QTest::keyClicks(editor, QStringLiteral("staging"));
    QTest::keyClick(editor, Qt::Key_Return);
    // The delegate commits with a queued call.
    QTRY_COMPARE(environments()->index(3, 0).data().toString(), QStringLiteral("staging"));
    QCOMPARE(m_dialog->selectedEnvironment(), QStringLiteral("staging"));
    QCOMPARE(variables()->rowCount(), 0);

    click(QStringLiteral("addVariableButton"));
    closeVariableEditor();
    QVERIFY(variables()->setData(variables()->index(0, 0), QStringLiteral("api")));
    QVERIFY(variables()->setData(variables()->index(0, 1), QStringLiteral("https://staging.example.com")));
    QVERIFY(child<QPushButton>(QStringLiteral("environmentApplyButton"))->isEnabled());
    click(QStringLiteral("environmentApplyButton"));

    QCOMPARE(m_model->properties().environments.size(), 3);
    QCOMPARE(resolved(QStringLiteral("{{api}}/{{version}}"), QStringLiteral("staging")),
        QStringLiteral("https://staging.example.com/v1"));
    const QByteArray saved = serializeCollection(m_model->collection());
    QVERIFY2(saved.contains("\"name\": \"staging\""), saved.constData());
    QString error;
    const auto reread = parseCollection(saved, &error);
    QVERIFY2(reread, qPrintable(error));
    QCOMPARE(reread->environments, m_model->properties().environments);
    QVERIFY(!child<QPushButton>(QStringLiteral("environmentApplyButton"))->isEnabled());

    m_model->undoStack()->undo();
    QCOMPARE(m_model->properties().environments, sample().environments);
}

void TestEnvironmentEditorDialog::editingAValueResolvesWithTheNewValueAndUndoRestores()
{
    m_dialog->selectEnvironment(QStringLiteral("dev"));
    QCOMPARE(variables()->index(0, 1).data().toString(), QStringLiteral("http://127.0.0.1:1"));
    QVERIFY(variables()->setData(variables()->index(0, 1), QStringLiteral("http://127.0.0.1:4807")));
    // Another environment and back: the edit is kept while the dialog is open.
    m_dialog->selectEnvironment(QStringLiteral("prod"));
    QCOMPARE(variables()->index(0, 1).data().toString(), QStringLiteral("https://api.example.com"));
    m_dialog->selectEnvironment(QStringLiteral("dev"));
    QCOMPARE(variables()->index(0, 1).data().toString(), QStringLiteral("http://127.0.0.1:4807"));
    QCOMPARE(
        resolved(QStringLiteral("{{api}}"), QStringLiteral("dev")), QStringLiteral("http://127.0.0.1:1"));

    click(QStringLiteral("environmentOkButton"));
    QVERIFY(!m_dialog->isVisible());
    QCOMPARE(
        resolved(QStringLiteral("{{api}}"), QStringLiteral("dev")), QStringLiteral("http://127.0.0.1:4807"));
    QCOMPARE(m_model->undoStack()->count(), 1);
    QVERIFY(m_model->isModified());
    m_model->undoStack()->undo();
    QCOMPARE(
        resolved(QStringLiteral("{{api}}"), QStringLiteral("dev")), QStringLiteral("http://127.0.0.1:1"));
    QVERIFY(!m_model->isModified());
    m_model->undoStack()->redo();
    QCOMPARE(
        resolved(QStringLiteral("{{api}}"), QStringLiteral("dev")), QStringLiteral("http://127.0.0.1:4807"));
}

void TestEnvironmentEditorDialog::renamingAndRemovingRoundTripThroughTheFile()
{
    QVERIFY(environments()->setData(environments()->index(1, 0), QStringLiteral("local")));
    m_dialog->selectEnvironment(QStringLiteral("prod"));
    click(QStringLiteral("removeEnvironmentButton"));
    QCOMPARE(environments()->rowCount(), 2);
    QVERIFY(m_dialog->apply());

    QString error;
    const auto reread = parseCollection(serializeCollection(m_model->collection()), &error);
    QVERIFY2(reread, qPrintable(error));
    QCOMPARE(reread->environments.size(), 1);
    QCOMPARE(reread->environments.first().name, QStringLiteral("local"));
    QCOMPARE(reread->environments.first().variables, sample().environments.first().variables);
    QVERIFY(!reread->environment(QStringLiteral("prod")));
    QCOMPARE(reread->items, m_model->collection().items); // the requests are untouched

    m_model->undoStack()->undo();
    QCOMPARE(m_model->properties().environments, sample().environments);
}

void TestEnvironmentEditorDialog::collectionVariablesApplyInEveryEnvironment()
{
    m_dialog->selectEnvironment(QString());
    QCOMPARE(environments()->index(0, 0).data().toString(), QStringLiteral("All environments"));
    QVERIFY(!child<QToolButton>(QStringLiteral("removeEnvironmentButton"))->isEnabled());
    QCOMPARE(variables()->index(0, 0).data().toString(), QStringLiteral("version"));
    QVERIFY(variables()->setData(variables()->index(0, 1), QStringLiteral("v2")));
    QVERIFY(m_dialog->apply());
    QCOMPARE(resolved(QStringLiteral("{{version}}"), QStringLiteral("dev")), QStringLiteral("v2"));
    QCOMPARE(resolved(QStringLiteral("{{version}}"), QStringLiteral("prod")), QStringLiteral("v2"));
    QVERIFY(serializeCollection(m_model->collection()).contains("\"version\": \"v2\""));
}

void TestEnvironmentEditorDialog::aDuplicateNameBlocksApply()
{
    m_dialog->selectEnvironment(QStringLiteral("dev"));
    click(QStringLiteral("addVariableButton"));
    closeVariableEditor();
    QVERIFY(variables()->setData(variables()->index(1, 0), QStringLiteral("api")));
    const auto *problems = child<QLabel>(QStringLiteral("environmentProblemsLabel"));
    QVERIFY(problems->isVisible());
    QVERIFY2(problems->text().contains(u"dev: “api” is defined twice."), qPrintable(problems->text()));
    QVERIFY(!child<QPushButton>(QStringLiteral("environmentOkButton"))->isEnabled());
    QVERIFY(!m_dialog->apply());
    QCOMPARE(m_model->undoStack()->count(), 0);
    click(QStringLiteral("removeVariableButton"));
    QVERIFY(!problems->isVisible());
    QVERIFY(child<QPushButton>(QStringLiteral("environmentOkButton"))->isEnabled());
}

void TestEnvironmentEditorDialog::secretValuesAreMaskedWithARevealToggle()
{
    m_dialog->selectEnvironment(QStringLiteral("dev"));
    click(QStringLiteral("addVariableButton"));
    closeVariableEditor();
    QVERIFY(variables()->setData(variables()->index(1, 0), QStringLiteral("apiToken")));
    QVERIFY(variables()->setData(variables()->index(1, 1), QStringLiteral("tok-12345")));
    QVERIFY(!variables()->index(1, 1).data().toString().contains(u"tok-12345"));
    auto *reveal = child<QCheckBox>(QStringLiteral("revealValuesCheck"));
    QVERIFY(!reveal->isChecked());
    reveal->click();
    QCOMPARE(variables()->index(1, 1).data().toString(), QStringLiteral("tok-12345"));
    reveal->click();
    QVERIFY(!variables()->index(1, 1).data().toString().contains(u"tok-12345"));
    // Masked on screen only: the value itself is what gets applied.
    QVERIFY(m_dialog->apply());
    QCOMPARE(m_model->properties().environment(QStringLiteral("dev"))->variables.last().second,
        QStringLiteral("tok-12345"));
}

void TestEnvironmentEditorDialog::theDockOpensTheEditorBesideTheEnvironmentCombo()
{
    CollectionDock dock;
    dock.model()->setCollection(sample());
    dock.environmentCombo()->setCurrentIndex(dock.environmentCombo()->findText(QStringLiteral("prod")));
    auto *action = dock.findChild<QAction *>(QStringLiteral("editEnvironmentsAction"));
    QVERIFY(action);
    auto *button = dock.findChild<QToolButton *>(QStringLiteral("editEnvironmentsButton"));
    QVERIFY(button);
    QCOMPARE(button->defaultAction(), action);
    dock.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dock));
    QTest::mouseClick(button, Qt::LeftButton);
    auto *dialog = dock.findChild<EnvironmentEditorDialog *>();
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    QCOMPARE(dialog->selectedEnvironment(), QStringLiteral("prod")); // opens on the one in use

    // Renaming the environment in use keeps it in use under its new name.
    auto *list = dialog->findChild<QListView *>(QStringLiteral("environmentsView"));
    QVERIFY(list->model()->setData(list->model()->index(2, 0), QStringLiteral("production")));
    dialog->accept();
    QCOMPARE(dock.environmentCombo()->currentText(), QStringLiteral("production"));
    QCOMPARE(dock.currentEnvironment()->name, QStringLiteral("production"));
    QVERIFY(dock.isModified());
}

QTEST_MAIN(TestEnvironmentEditorDialog)
#include "tst_environmenteditordialog.moc"
