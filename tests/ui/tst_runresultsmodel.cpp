// The origin matrix of a run: cells fill in as jobs finish, and the counts behind the run's summary
// line stay right when a cell gets a result twice.
#include "ui/runresultsmodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace corscope;
using namespace Qt::StringLiterals;

class TestRunResultsModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void cellsAndCountsFollowTheResults();
};

namespace {

RunJob job(const QString &id, const QString &origin, std::optional<QString> expect)
{
    RunJob result;
    result.itemId = id;
    result.name = u"request "_s + id;
    result.origin = origin;
    result.expect = std::move(expect);
    return result;
}

ExchangeResult resultWith(Verdict verdict)
{
    ExchangeResult result;
    result.verdict = verdict;
    return result;
}

} // namespace

void TestRunResultsModel::cellsAndCountsFollowTheResults()
{
    RunResultsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const QString local = u"http://localhost:3000"_s;
    const QString prod = u"https://app.example.com"_s;
    model.setJobs({job(u"a"_s, local, u"allowed"_s), job(u"a"_s, prod, u"allowed"_s), job(u"b"_s, local, std::nullopt),
                   job(u"b"_s, prod, u"blocked"_s)});
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.columnCount(), 3); // the request, then one column per origin
    QCOMPARE(model.origins(), (QStringList{local, prod}));

    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.setResult(0, resultWith(Verdict::Allowed));
    model.setResult(1, resultWith(Verdict::Blocked)); // works on localhost, breaks in production
    model.setResult(2, resultWith(Verdict::NetworkError));
    QCOMPARE(changed.size(), 3);
    QCOMPARE(changed.at(1).at(0).toModelIndex(), model.index(0, 2));
    QCOMPARE(model.index(0, 2).data(RunResultsModel::VerdictRole).toString(), u"blocked"_s);
    QCOMPARE(model.index(0, 2).data(RunResultsModel::AsExpectedRole).toBool(), false);
    QVERIFY(!model.index(1, 2).data(RunResultsModel::VerdictRole).toBool()); // not finished yet
    QCOMPARE(model.finishedCount(), 3);
    QCOMPARE(model.countVerdict(Verdict::Allowed), 1);
    QCOMPARE(model.countVerdict(Verdict::Blocked), 1);
    QCOMPARE(model.countVerdict(Verdict::NetworkError), 1);
    QCOMPARE(model.failedExpectations(), 1);

    // The production cell is run again and passes now: it is counted once, with its new verdict.
    model.setResult(1, resultWith(Verdict::Allowed));
    QCOMPARE(model.finishedCount(), 3);
    QCOMPARE(model.countVerdict(Verdict::Allowed), 2);
    QCOMPARE(model.countVerdict(Verdict::Blocked), 0);
    QCOMPARE(model.failedExpectations(), 0);

    model.setResult(3, resultWith(Verdict::Blocked));
    QCOMPARE(model.finishedCount(), 4);
    QCOMPARE(model.countVerdict(Verdict::Blocked), 1);
    QCOMPARE(model.failedExpectations(), 0);

    model.clear();
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.finishedCount(), 0);
    QCOMPARE(model.countVerdict(Verdict::Allowed), 0);
    QCOMPARE(model.failedExpectations(), 0);
}

QTEST_MAIN(TestRunResultsModel)
#include "tst_runresultsmodel.moc"
