#include "store/collectionfile.h"
#include "ui/collectionmodel.h"

#include <QAbstractItemModelTester>
#include <QMimeData>
#include <QSet>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>
#include <functional>
#include <memory>

using namespace corscope;

// The collection tree: structure, every undoable edit, drag and drop by mime data, save/reload.
class TestCollectionModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void theTreeShowsFoldersAndRequestsInFileOrder();
    void renamingInlineIsUndoable();
    void anEmptyNameIsRefused();
    void duplicatingCopiesTheSubtreeWithFreshIds();
    void deletingAndUndoingRestoresTheItemWhereItWas();
    void movingDownWithinAFolder();
    void movingIntoAFolderAndBack();
    void aFolderCannotMoveIntoItself();
    void dragAndDropMovesTheItemById();
    void dropOntoARequestPlacesItAfter();
    void theUnsavedMarkerFollowsTheUndoStack();
    void importsMergeEnvironmentsAndAreUndoable();
    void saveAndReloadGiveTheSameCollection();

private:
    static Collection sample();
    QStringList names(const QModelIndex &parent = {}) const;

    std::unique_ptr<CollectionModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

void TestCollectionModel::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

Collection TestCollectionModel::sample()
{
    Collection collection;
    collection.name = QStringLiteral("API");
    collection.origins = {QStringLiteral("http://localhost:3000")};
    collection.environments
        = {{QStringLiteral("dev"), {{QStringLiteral("api"), QStringLiteral("http://127.0.0.1:1")}}}};
    auto request = [](const QString &id, const QString &name, const QString &method) {
        CollectionItem item;
        item.id = id;
        item.name = name;
        item.request.method = method;
        item.request.url = u"{{api}}/" + name;
        return item;
    };
    CollectionItem folder;
    folder.kind = CollectionItem::Kind::Folder;
    folder.id = QStringLiteral("f1");
    folder.name = QStringLiteral("users");
    folder.children = {request(QStringLiteral("u1"), QStringLiteral("list"), QStringLiteral("GET")),
        request(QStringLiteral("u2"), QStringLiteral("create"), QStringLiteral("POST")),
        request(QStringLiteral("u3"), QStringLiteral("remove"), QStringLiteral("DELETE"))};
    collection.items = {request(QStringLiteral("r1"), QStringLiteral("health"), QStringLiteral("GET")),
        folder, request(QStringLiteral("r2"), QStringLiteral("login"), QStringLiteral("POST"))};
    return collection;
}

void TestCollectionModel::init()
{
    m_model = std::make_unique<CollectionModel>();
    // Created before any data, so every later change is checked.
    m_tester = std::make_unique<QAbstractItemModelTester>(
        m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_model->setCollection(sample());
}

void TestCollectionModel::cleanup()
{
    m_tester.reset();
    m_model.reset();
}

QStringList TestCollectionModel::names(const QModelIndex &parent) const
{
    QStringList out;
    for (int row = 0; row < m_model->rowCount(parent); ++row)
        out.append(m_model->index(row, 0, parent).data().toString());
    return out;
}

void TestCollectionModel::theTreeShowsFoldersAndRequestsInFileOrder()
{
    QCOMPARE(
        names(), (QStringList{QStringLiteral("health"), QStringLiteral("users"), QStringLiteral("login")}));
    const QModelIndex users = m_model->indexOfId(QStringLiteral("f1"));
    QVERIFY(users.data(CollectionModel::IsFolderRole).toBool());
    QCOMPARE(names(users),
        (QStringList{QStringLiteral("list"), QStringLiteral("create"), QStringLiteral("remove")}));
    QCOMPARE(
        m_model->index(1, CollectionModel::MethodColumn, users).data().toString(), QStringLiteral("POST"));
    QCOMPARE(m_model->indexOfId(QStringLiteral("u2")).data(CollectionModel::FolderPathRole).toString(),
        QStringLiteral("users"));
    QVERIFY(m_model->indexOfId(QStringLiteral("u2")).flags() & Qt::ItemIsEditable);
    QVERIFY(!(m_model->indexOfId(QStringLiteral("u2")).flags() & Qt::ItemIsDropEnabled));
    QVERIFY(users.flags() & Qt::ItemIsDropEnabled);
    QVERIFY(!m_model->isModified());
}

void TestCollectionModel::renamingInlineIsUndoable()
{
    const QModelIndex login = m_model->indexOfId(QStringLiteral("r2"));
    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
    QVERIFY(m_model->setData(login, QStringLiteral("sign in")));
    QCOMPARE(changed.count(), 1);
    QCOMPARE(login.data().toString(), QStringLiteral("sign in"));
    QVERIFY(m_model->isModified());
    m_model->undoStack()->undo();
    QCOMPARE(login.data().toString(), QStringLiteral("login"));
    QVERIFY(!m_model->isModified());
    m_model->undoStack()->redo();
    QCOMPARE(m_model->collection().items.back().name, QStringLiteral("sign in"));
}

void TestCollectionModel::anEmptyNameIsRefused()
{
    QVERIFY(!m_model->setData(m_model->indexOfId(QStringLiteral("r2")), QStringLiteral("   ")));
    QCOMPARE(m_model->undoStack()->count(), 0);
}

void TestCollectionModel::duplicatingCopiesTheSubtreeWithFreshIds()
{
    const QModelIndex copy = m_model->duplicateItem(m_model->indexOfId(QStringLiteral("f1")));
    QVERIFY(copy.isValid());
    QCOMPARE(copy.row(), 2);
    QCOMPARE(copy.data().toString(), QStringLiteral("users (copy)"));
    QCOMPARE(names(copy), names(m_model->indexOfId(QStringLiteral("f1"))));
    QSet<QString> ids;
    std::function<void(const QModelIndex &)> gather = [&](const QModelIndex &parent) {
        for (int row = 0; row < m_model->rowCount(parent); ++row) {
            const QModelIndex child = m_model->index(row, 0, parent);
            QVERIFY2(!ids.contains(child.data(CollectionModel::IdRole).toString()), "ids stay unique");
            ids.insert(child.data(CollectionModel::IdRole).toString());
            gather(child);
        }
    };
    gather({});
    QCOMPARE(ids.size(), 10);
    m_model->undoStack()->undo();
    QCOMPARE(
        names(), (QStringList{QStringLiteral("health"), QStringLiteral("users"), QStringLiteral("login")}));
}

void TestCollectionModel::deletingAndUndoingRestoresTheItemWhereItWas()
{
    const Collection before = m_model->collection();
    QVERIFY(m_model->removeItem(m_model->indexOfId(QStringLiteral("u2"))));
    QCOMPARE(names(m_model->indexOfId(QStringLiteral("f1"))),
        (QStringList{QStringLiteral("list"), QStringLiteral("remove")}));
    QVERIFY(!m_model->indexOfId(QStringLiteral("u2")).isValid());
    QVERIFY(m_model->removeItem(m_model->indexOfId(QStringLiteral("f1"))));
    QCOMPARE(m_model->rowCount(), 2);
    m_model->undoStack()->undo();
    m_model->undoStack()->undo();
    QCOMPARE(m_model->collection(), before);
    QVERIFY(!m_model->isModified());
}

void TestCollectionModel::movingDownWithinAFolder()
{
    const QModelIndex users = m_model->indexOfId(QStringLiteral("f1"));
    // Row 3 in the folder as it is before the move: after "remove".
    QVERIFY(m_model->moveItem(m_model->indexOfId(QStringLiteral("u1")), users, 3));
    QCOMPARE(names(users),
        (QStringList{QStringLiteral("create"), QStringLiteral("remove"), QStringLiteral("list")}));
    m_model->undoStack()->undo();
    QCOMPARE(names(users),
        (QStringList{QStringLiteral("list"), QStringLiteral("create"), QStringLiteral("remove")}));
    QVERIFY(!m_model->moveItem(m_model->indexOfId(QStringLiteral("u1")), users, 1)); // already there
}

void TestCollectionModel::movingIntoAFolderAndBack()
{
    const Collection before = m_model->collection();
    const QModelIndex users = m_model->indexOfId(QStringLiteral("f1"));
    QVERIFY(m_model->moveItem(m_model->indexOfId(QStringLiteral("r1")), users, 0));
    QCOMPARE(names(), (QStringList{QStringLiteral("users"), QStringLiteral("login")}));
    QCOMPARE(m_model->indexOfId(QStringLiteral("r1")).data(CollectionModel::FolderPathRole).toString(),
        QStringLiteral("users"));
    QVERIFY(m_model->moveItem(m_model->indexOfId(QStringLiteral("u3")), {}, 2));
    QCOMPARE(
        names(), (QStringList{QStringLiteral("users"), QStringLiteral("login"), QStringLiteral("remove")}));
    m_model->undoStack()->undo();
    m_model->undoStack()->undo();
    QCOMPARE(m_model->collection(), before);
}

void TestCollectionModel::aFolderCannotMoveIntoItself()
{
    const QModelIndex users = m_model->indexOfId(QStringLiteral("f1"));
    const QModelIndex sub = m_model->addFolder(users, QStringLiteral("admin"));
    QVERIFY(sub.isValid());
    QVERIFY(!m_model->moveItem(users, sub, 0));
    QVERIFY(!m_model->moveItem(users, users, 0));
    std::unique_ptr<QMimeData> mime(m_model->mimeData({users}));
    QVERIFY(!m_model->canDropMimeData(mime.get(), Qt::MoveAction, 0, 0, sub));
}

void TestCollectionModel::dragAndDropMovesTheItemById()
{
    const QModelIndex login = m_model->indexOfId(QStringLiteral("r2"));
    std::unique_ptr<QMimeData> mime(m_model->mimeData({login, login.siblingAtColumn(1)}));
    QVERIFY(mime->hasFormat(CollectionModel::mimeType()));
    QCOMPARE(mime->data(CollectionModel::mimeType()), QByteArray("r2"));
    QVERIFY(m_model->dropMimeData(mime.get(), Qt::MoveAction, 0, 0, {}));
    QCOMPARE(
        names(), (QStringList{QStringLiteral("login"), QStringLiteral("health"), QStringLiteral("users")}));
    QCOMPARE(m_model->undoStack()->count(), 1);
    m_model->undoStack()->undo();
    QCOMPARE(
        names(), (QStringList{QStringLiteral("health"), QStringLiteral("users"), QStringLiteral("login")}));
    QVERIFY(!m_model->canDropMimeData(mime.get(), Qt::CopyAction, 0, 0, {}));
}

void TestCollectionModel::dropOntoARequestPlacesItAfter()
{
    std::unique_ptr<QMimeData> mime(m_model->mimeData({m_model->indexOfId(QStringLiteral("r1"))}));
    QVERIFY(
        m_model->dropMimeData(mime.get(), Qt::MoveAction, -1, -1, m_model->indexOfId(QStringLiteral("u2"))));
    QCOMPARE(names(m_model->indexOfId(QStringLiteral("f1"))),
        (QStringList{QStringLiteral("list"), QStringLiteral("create"), QStringLiteral("health"),
            QStringLiteral("remove")}));
}

void TestCollectionModel::theUnsavedMarkerFollowsTheUndoStack()
{
    QSignalSpy modified(m_model.get(), &CollectionModel::modifiedChanged);
    m_model->duplicateItem(m_model->indexOfId(QStringLiteral("r1")));
    QCOMPARE(modified.count(), 1);
    QCOMPARE(modified.last().first().toBool(), true);
    m_model->setSaved();
    QCOMPARE(modified.last().first().toBool(), false);
    m_model->undoStack()->undo(); // back before the save: unsaved again
    QVERIFY(m_model->isModified());
    m_model->undoStack()->redo();
    QVERIFY(!m_model->isModified());
    m_model->setModifiedWithoutHistory();
    QVERIFY(m_model->isModified());
    m_model->setCollection(sample());
    QVERIFY(!m_model->isModified());
}

void TestCollectionModel::importsMergeEnvironmentsAndAreUndoable()
{
    Collection imported;
    imported.environments
        = {{QStringLiteral("prod"), {{QStringLiteral("api"), QStringLiteral("https://api.example.com")}}}};
    CollectionItem clash;
    clash.id = QStringLiteral("r1"); // same id as an existing item: gets a fresh one
    clash.name = QStringLiteral("imported");
    clash.request.url = QStringLiteral("https://api.example.com/x");
    imported.items = {clash};
    QCOMPARE(m_model->addImported(imported, QStringLiteral("Import")), 1);
    QCOMPARE(m_model->rowCount(), 4);
    QVERIFY(m_model->index(3, 0).data(CollectionModel::IdRole).toString() != u"r1");
    QCOMPARE(m_model->properties().environments.size(), 2);
    m_model->undoStack()->undo();
    QCOMPARE(m_model->rowCount(), 3);
    QCOMPARE(m_model->properties().environments.size(), 1);
}

void TestCollectionModel::saveAndReloadGiveTheSameCollection()
{
    m_model->renameItem(m_model->indexOfId(QStringLiteral("u1")), QStringLiteral("list all"));
    m_model->moveItem(m_model->indexOfId(QStringLiteral("r2")), {}, 0);
    m_model->duplicateItem(m_model->indexOfId(QStringLiteral("f1")));
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("api.json"));
    QString error;
    QVERIFY2(saveCollection(m_model->collection(), path, &error), qPrintable(error));
    const auto loaded = loadCollection(path, &error);
    QVERIFY2(loaded, qPrintable(error));
    QCOMPARE(*loaded, m_model->collection());
    CollectionModel reloaded;
    QAbstractItemModelTester tester(&reloaded, QAbstractItemModelTester::FailureReportingMode::QtTest);
    reloaded.setCollection(*loaded);
    QCOMPARE(reloaded.collection(), m_model->collection());
    QCOMPARE(reloaded.index(0, 0).data().toString(), QStringLiteral("login"));
}

QTEST_MAIN(TestCollectionModel)
#include "tst_collectionmodel.moc"
