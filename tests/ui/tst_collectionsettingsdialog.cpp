#include "store/collectionfile.h"
#include "store/variables.h"
#include "ui/collectiondock.h"
#include "ui/collectionmodel.h"
#include "ui/collectionsettingsdialog.h"

#include <QAction>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QStandardPaths>
#include <QTest>
#include <QTreeView>
#include <QUndoStack>

using namespace corscope;

// "Collection Settings…": the collection's name, description and default page origins.
class TestCollectionSettingsDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void theDefaultOriginsAreSavedAndUsedByRequestsWithoutTheirOwn();
    void theTreeContextMenuOffersIt();

private:
    static Collection sample();
};

Collection TestCollectionSettingsDialog::sample()
{
    Collection collection;
    collection.name = QStringLiteral("API");
    collection.origins = {QStringLiteral("http://localhost:3000")};
    CollectionItem item;
    item.id = QStringLiteral("r1");
    item.name = QStringLiteral("users");
    item.request.url = QStringLiteral("https://api.example.com/users");
    collection.items.push_back(item);
    return collection;
}

void TestCollectionSettingsDialog::theDefaultOriginsAreSavedAndUsedByRequestsWithoutTheirOwn()
{
    CollectionModel model;
    model.setCollection(sample());
    CollectionSettingsDialog dialog(&model);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto *name = dialog.findChild<QLineEdit *>(QStringLiteral("collectionNameEdit"));
    QCOMPARE(name->text(), QStringLiteral("API"));
    name->setText(QStringLiteral("Public API"));
    auto *origins = dialog.findChild<QListView *>(QStringLiteral("originsView"))->model();
    QVERIFY(origins->setData(origins->index(0, 0), QStringLiteral("https://app.example.com")));
    QVERIFY(origins->insertRows(1, 1));
    QVERIFY(origins->setData(origins->index(1, 0), QStringLiteral("https://admin.example.com")));
    auto *apply = dialog.findChild<QPushButton *>(QStringLiteral("collectionApplyButton"));
    QVERIFY(apply->isEnabled());
    QTest::mouseClick(apply, Qt::LeftButton);
    QVERIFY(!apply->isEnabled());

    QString error;
    const auto reread = parseCollection(serializeCollection(model.collection()), &error);
    QVERIFY2(reread, qPrintable(error));
    QCOMPARE(reread->name, QStringLiteral("Public API"));
    QCOMPARE(reread->origins,
        (QStringList{
            QStringLiteral("https://app.example.com"), QStringLiteral("https://admin.example.com")}));
    QStringList problems;
    const auto inputs
        = VariableResolver(*reread, nullptr).inputsFor(reread->items.front().request, {}, &problems);
    QCOMPARE(inputs.size(), 2); // an origin matrix of two for the request without origins
    QCOMPARE(inputs.at(1).origin, QStringLiteral("https://admin.example.com"));

    model.undoStack()->undo();
    QCOMPARE(model.collection(), sample());
}

void TestCollectionSettingsDialog::theTreeContextMenuOffersIt()
{
    CollectionDock dock;
    auto *action = dock.findChild<QAction *>(QStringLiteral("collectionSettingsAction"));
    QVERIFY(action);
    QVERIFY(dock.view()->actions().contains(action));
    QVERIFY(action->isEnabled());
    dock.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dock));
    action->trigger();
    auto *dialog = dock.findChild<CollectionSettingsDialog *>();
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    dialog->reject();
    QTRY_VERIFY(!dock.findChild<CollectionSettingsDialog *>()); // deleted on close
}

QTEST_MAIN(TestCollectionSettingsDialog)
#include "tst_collectionsettingsdialog.moc"
