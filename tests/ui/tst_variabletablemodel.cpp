#include "ui/variabletablemodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <memory>

using namespace corscope;

// The name/value table of the environment editor: masking of secret-looking values, the reveal
// toggle, name problems as they are typed, rows added and removed.
class TestVariableTableModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init();
    void cleanup();
    void secretLooking_data();
    void secretLooking();
    void secretValuesAreMaskedUntilRevealed();
    void editingShowsTheRealValue();
    void nameProblems_data();
    void nameProblems();
    void removingADuplicateClearsTheOthersProblem();
    void rowsAreAddedAndRemoved();

private:
    std::unique_ptr<VariableTableModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

void TestVariableTableModel::init()
{
    m_model = std::make_unique<VariableTableModel>();
    m_tester = std::make_unique<QAbstractItemModelTester>(
        m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_model->setVariables({{QStringLiteral("api"), QStringLiteral("http://127.0.0.1:8080")},
        {QStringLiteral("apiToken"), QStringLiteral("s3cr3t-value")}});
}

void TestVariableTableModel::cleanup()
{
    m_tester.reset();
    m_model.reset();
}

void TestVariableTableModel::secretLooking_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("value");
    QTest::addColumn<bool>("secret");
    QTest::newRow("a base URL is shown") << "api"
                                         << "http://127.0.0.1:8080" << false;
    QTest::newRow("a name with token is hidden") << "apiToken"
                                                 << "abc" << true;
    QTest::newRow("a password is hidden") << "db_password"
                                          << "hunter2" << true;
    QTest::newRow("a bare key is hidden") << "key"
                                          << "k-123" << true;
    QTest::newRow("a bearer value under any name is hidden") << "auth_header"
                                                             << "Bearer abc.def" << true;
    QTest::newRow("a JWT under any name is hidden") << "user"
                                                    << "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.sig" << true;
    QTest::newRow("an env placeholder is not a secret") << "apiToken"
                                                        << "{{env:API_TOKEN}}" << false;
    QTest::newRow("a monkey is not a key") << "monkey"
                                           << "banana" << false;
}

void TestVariableTableModel::secretLooking()
{
    QFETCH(QString, name);
    QFETCH(QString, value);
    QFETCH(bool, secret);
    QCOMPARE(VariableTableModel::isSecretLooking(name, value), secret);
}

void TestVariableTableModel::secretValuesAreMaskedUntilRevealed()
{
    const QModelIndex plain = m_model->index(0, VariableTableModel::ValueColumn);
    const QModelIndex secret = m_model->index(1, VariableTableModel::ValueColumn);
    QCOMPARE(plain.data().toString(), QStringLiteral("http://127.0.0.1:8080"));
    QVERIFY(!secret.data().toString().contains(u"s3cr3t"));
    QVERIFY(!secret.data(Qt::ToolTipRole).toString().contains(u"s3cr3t"));
    QVERIFY(secret.data(VariableTableModel::IsSecretRole).toBool());

    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
    m_model->setSecretsRevealed(true);
    QCOMPARE(changed.count(), 1); // the secret row only
    QCOMPARE(changed.first().at(0).toModelIndex(), secret);
    QCOMPARE(secret.data().toString(), QStringLiteral("s3cr3t-value"));
    m_model->setSecretsRevealed(false);
    QVERIFY(!secret.data().toString().contains(u"s3cr3t"));
}

void TestVariableTableModel::editingShowsTheRealValue()
{
    const QModelIndex secret = m_model->index(1, VariableTableModel::ValueColumn);
    QCOMPARE(secret.data(Qt::EditRole).toString(), QStringLiteral("s3cr3t-value"));
    // Renaming the variable to a harmless name unmasks its value: the name decides.
    QVERIFY(m_model->setData(m_model->index(1, VariableTableModel::NameColumn), QStringLiteral("  region ")));
    QCOMPARE(m_model->variables().at(1).first, QStringLiteral("region"));
    QCOMPARE(secret.data().toString(), QStringLiteral("s3cr3t-value"));
}

void TestVariableTableModel::nameProblems_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("problem");
    QTest::newRow("an empty name") << ""
                                   << "A variable needs a name.";
    QTest::newRow("a name used twice") << "api"
                                       << "“api” is defined twice.";
    QTest::newRow("braces cannot be written inside a placeholder")
        << "a}}b"
        << "“a}}b” cannot be written inside {{…}}.";
    QTest::newRow("env: reads the process environment")
        << "env:HOME"
        << "“env:HOME” is taken: {{env:NAME}} reads the process environment.";
    QTest::newRow("a fresh name is fine") << "region"
                                          << "";
}

void TestVariableTableModel::nameProblems()
{
    QFETCH(QString, name);
    QFETCH(QString, problem);
    const int row = m_model->appendVariable(name, QStringLiteral("x"));
    QCOMPARE(row, 2);
    QCOMPARE(m_model->index(row, 0).data(VariableTableModel::ProblemRole).toString(), problem);
    QCOMPARE(VariableTableModel::problems(m_model->variables()).isEmpty(), problem.isEmpty());
}

void TestVariableTableModel::removingADuplicateClearsTheOthersProblem()
{
    m_model->appendVariable(QStringLiteral("api"), QStringLiteral("http://other"));
    const QModelIndex first = m_model->index(0, VariableTableModel::NameColumn);
    QVERIFY(!first.data(VariableTableModel::ProblemRole).toString().isEmpty());
    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
    QVERIFY(m_model->removeRows(2, 1));
    QVERIFY(first.data(VariableTableModel::ProblemRole).toString().isEmpty());
    QCOMPARE(changed.count(), 1); // row 0's problem went away; row 1 did not change
}

void TestVariableTableModel::rowsAreAddedAndRemoved()
{
    QVERIFY(m_model->insertRows(0, 2));
    QCOMPARE(m_model->rowCount(), 4);
    QVERIFY(!m_model->insertRows(9, 1));
    QVERIFY(m_model->removeRows(0, 2));
    QVERIFY(!m_model->removeRows(1, 5));
    QCOMPARE(m_model->variables().size(), 2);
    QCOMPARE(m_model->variables().at(0).first, QStringLiteral("api"));
}

QTEST_MAIN(TestVariableTableModel)
#include "tst_variabletablemodel.moc"
