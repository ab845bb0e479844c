#include "store/collectionfile.h"
#include "ui/collectiondock.h"
#include "ui/collectionmodel.h"
#include "ui/originlisteditor.h"
#include "ui/requestsettingsdialog.h"
#include "ui/requestsettingseditor.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTest>
#include <QToolButton>
#include <QTreeView>
#include <QUndoStack>
#include <memory>

using namespace corscope;

// "Request Settings…": the fields of a saved request the composer does not edit, changed in the
// dialog by object name, applied as one undo step, and written by the collection file writer.
class TestRequestSettingsDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init();
    void cleanup();
    void theDialogShowsTheSavedValues();
    void everyFieldIsAppliedSavedAndUndoneAsOneStep();
    void clearingTheOriginsFallsBackToTheCollections();
    void aBadOriginBlocksApplyAndSaysWhy();
    void aRequestDeletedMeanwhileCannotBeApplied();
    void anUnknownValueFromAHandEditedFileIsKept();
    void theModelEditsRefuseFoldersAndNoChange();
    void aFolderShowsItsNameAndDescriptionOnly();
    void theTreeContextMenuOpensTheDialog();

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
    static void choose(QComboBox *combo, const QString &value)
    {
        const int row = combo->findData(value);
        QVERIFY2(row >= 0, qPrintable(value));
        combo->setCurrentIndex(row);
    }
    QAbstractItemModel *origins() const { return child<QListView>(QStringLiteral("originsView"))->model(); }
    void click(const QString &button) const
    {
        QTest::mouseClick(child<QAbstractButton>(button), Qt::LeftButton);
    }
    void closeOriginEditor() const
    {
        if (auto *editor = child<QListView>(QStringLiteral("originsView"))->findChild<QLineEdit *>())
            QTest::keyClick(editor, Qt::Key_Escape);
    }
    std::optional<Collection> saved() const
    {
        QString error;
        auto collection = parseCollection(serializeCollection(m_model->collection()), &error);
        if (!collection)
            qWarning("%s", qPrintable(error));
        return collection;
    }

    std::unique_ptr<CollectionModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
    std::unique_ptr<RequestSettingsDialog> m_dialog;
};

Collection TestRequestSettingsDialog::sample()
{
    Collection collection;
    collection.name = QStringLiteral("API");
    collection.origins = {QStringLiteral("http://localhost:3000")};
    CollectionItem request;
    request.id = QStringLiteral("r1");
    request.name = QStringLiteral("list users");
    request.description = QStringLiteral("The public list");
    request.request.method = QStringLiteral("PUT");
    request.request.url = QStringLiteral("https://api.example.com/users");
    request.request.origins = {QStringLiteral("https://app.example.com")};
    request.request.headers = {{QStringLiteral("X-Trace"), QStringLiteral("1")}};
    request.request.body = QStringLiteral("{}");
    request.request.expect = QStringLiteral("allowed");
    CollectionItem folder;
    folder.kind = CollectionItem::Kind::Folder;
    folder.id = QStringLiteral("f1");
    folder.name = QStringLiteral("admin");
    collection.items = {request, folder};
    return collection;
}

void TestRequestSettingsDialog::init()
{
    m_model = std::make_unique<CollectionModel>();
    m_tester = std::make_unique<QAbstractItemModelTester>(
        m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_model->setCollection(sample());
    m_dialog = std::make_unique<RequestSettingsDialog>(m_model.get(), QStringLiteral("r1"));
    m_dialog->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_dialog.get()));
}

void TestRequestSettingsDialog::cleanup()
{
    m_dialog.reset();
    m_tester.reset();
    m_model.reset();
}

void TestRequestSettingsDialog::theDialogShowsTheSavedValues()
{
    QCOMPARE(child<QLabel>(QStringLiteral("settingsSummaryLabel"))->text(),
        QStringLiteral("PUT https://api.example.com/users"));
    QCOMPARE(child<QLineEdit>(QStringLiteral("settingsNameEdit"))->text(), QStringLiteral("list users"));
    QCOMPARE(origins()->rowCount(), 1);
    QCOMPARE(origins()->index(0, 0).data().toString(), QStringLiteral("https://app.example.com"));
    QCOMPARE(child<QComboBox>(QStringLiteral("settingsExpectCombo"))->currentData().toString(),
        QStringLiteral("allowed"));
    QCOMPARE(child<QComboBox>(QStringLiteral("settingsCredentialsCombo"))->currentData().toString(),
        QStringLiteral("same-origin"));
    QCOMPARE(child<QComboBox>(QStringLiteral("settingsRedirectCombo"))->currentData().toString(),
        QStringLiteral("follow"));
    QCOMPARE(child<QComboBox>(QStringLiteral("settingsBrowserCombo"))->currentData().toString(),
        QStringLiteral("chromium"));
    QCOMPARE(child<QPlainTextEdit>(QStringLiteral("settingsDescriptionEdit"))->toPlainText(),
        QStringLiteral("The public list"));
    // Nothing changed yet: Apply has nothing to do, and the editor gives the request back as it was.
    QVERIFY(!child<QPushButton>(QStringLiteral("settingsApplyButton"))->isEnabled());
    QCOMPARE(m_dialog->editor()->request(), sample().items.front().request);
}

void TestRequestSettingsDialog::everyFieldIsAppliedSavedAndUndoneAsOneStep()
{
    click(QStringLiteral("addOriginButton"));
    closeOriginEditor();
    QCOMPARE(origins()->rowCount(), 2);
    QVERIFY(origins()->setData(origins()->index(1, 0), QStringLiteral("http://evil.example")));
    click(QStringLiteral("addOriginButton"));
    closeOriginEditor();
    QVERIFY(origins()->setData(origins()->index(2, 0), QStringLiteral("null")));
    // The first origin moves to the end; then the middle one (evil) goes.
    child<QListView>(QStringLiteral("originsView"))->setCurrentIndex(origins()->index(0, 0));
    click(QStringLiteral("moveOriginDownButton"));
    click(QStringLiteral("moveOriginDownButton"));
    QCOMPARE(origins()->index(2, 0).data().toString(), QStringLiteral("https://app.example.com"));
    child<QListView>(QStringLiteral("originsView"))->setCurrentIndex(origins()->index(0, 0));
    click(QStringLiteral("removeOriginButton"));
    choose(child<QComboBox>(QStringLiteral("settingsExpectCombo")), QStringLiteral("blocked"));
    choose(child<QComboBox>(QStringLiteral("settingsCredentialsCombo")), QStringLiteral("include"));
    choose(child<QComboBox>(QStringLiteral("settingsRedirectCombo")), QStringLiteral("manual"));
    choose(child<QComboBox>(QStringLiteral("settingsBrowserCombo")), QStringLiteral("firefox"));
    child<QSpinBox>(QStringLiteral("settingsDelaySpin"))->setValue(1500);
    child<QPlainTextEdit>(QStringLiteral("settingsDescriptionEdit"))
        ->setPlainText(QStringLiteral("Only the app may read it"));
    auto *name = child<QLineEdit>(QStringLiteral("settingsNameEdit"));
    name->clear();
    QTest::keyClicks(name, QStringLiteral("list users with cookies"));
    QVERIFY(child<QPushButton>(QStringLiteral("settingsApplyButton"))->isEnabled());
    click(QStringLiteral("settingsApplyButton"));
    QCOMPARE(m_model->undoStack()->count(), 1);
    QVERIFY(!child<QPushButton>(QStringLiteral("settingsApplyButton"))->isEnabled());

    const QByteArray json = serializeCollection(m_model->collection());
    for (const char *line : {"\"expect\": \"blocked\"", "\"credentials\": \"include\"",
             "\"redirect\": \"manual\"", "\"browser\": \"firefox\"", "\"delayMs\": 1500",
             "\"name\": \"list users with cookies\"", "\"description\": \"Only the app may read it\""})
        QVERIFY2(json.contains(line), line);
    const auto reread = saved();
    QVERIFY(reread);
    const CollectionItem &item = reread->items.front();
    QCOMPARE(item.request.origins,
        (QStringList{QStringLiteral("null"), QStringLiteral("https://app.example.com")}));
    QCOMPARE(item.request.expect, std::optional<QString>(QStringLiteral("blocked")));
    QCOMPARE(item.request.credentials, QStringLiteral("include"));
    QCOMPARE(item.request.redirect, QStringLiteral("manual"));
    QCOMPARE(item.request.browser, QStringLiteral("firefox"));
    QCOMPARE(item.request.delayMs, 1500);
    // The composer's fields are left as they were.
    QCOMPARE(item.request.method, QStringLiteral("PUT"));
    QCOMPARE(item.request.headers, sample().items.front().request.headers);
    QCOMPARE(item.request.body, std::optional<QString>(QStringLiteral("{}")));
    QCOMPARE(m_model->indexOfId(QStringLiteral("r1")).data().toString(),
        QStringLiteral("list users with cookies"));

    m_model->undoStack()->undo();
    QCOMPARE(m_model->collection(), sample());
    QVERIFY(!m_model->isModified());
    m_model->undoStack()->redo();
    QCOMPARE(m_model->collection().items.front().request.browser, QStringLiteral("firefox"));
}

void TestRequestSettingsDialog::clearingTheOriginsFallsBackToTheCollections()
{
    auto *note = child<QLabel>(QStringLiteral("originsNote"));
    QVERIFY(!note->isVisible());
    child<QListView>(QStringLiteral("originsView"))->setCurrentIndex(origins()->index(0, 0));
    click(QStringLiteral("removeOriginButton"));
    QCOMPARE(origins()->rowCount(), 0);
    QVERIFY(note->isVisible());
    QVERIFY2(note->text().contains(u"http://localhost:3000"), qPrintable(note->text()));
    choose(child<QComboBox>(QStringLiteral("settingsExpectCombo")), QString());
    click(QStringLiteral("settingsOkButton"));
    QVERIFY(!m_dialog->isVisible());
    const QByteArray json = serializeCollection(m_model->collection());
    QVERIFY2(!json.contains("\"expect\""), json.constData());
    const auto reread = saved();
    QVERIFY(reread);
    QVERIFY(reread->items.front().request.origins.isEmpty());
    QVERIFY(!reread->items.front().request.expect);
}

void TestRequestSettingsDialog::aBadOriginBlocksApplyAndSaysWhy()
{
    QVERIFY(origins()->setData(origins()->index(0, 0), QStringLiteral("https://app.example.com/path")));
    auto *note = child<QLabel>(QStringLiteral("originsNote"));
    QVERIFY(note->isVisible());
    QVERIFY2(note->text().contains(u"has a path, query or fragment"), qPrintable(note->text()));
    QVERIFY(!child<QPushButton>(QStringLiteral("settingsApplyButton"))->isEnabled());
    QVERIFY(!child<QPushButton>(QStringLiteral("settingsOkButton"))->isEnabled());
    QVERIFY(!m_dialog->apply());
    // A {{variable}} is resolved per environment later, so it is not refused here.
    QVERIFY(origins()->setData(origins()->index(0, 0), QStringLiteral("{{appOrigin}}")));
    QVERIFY(!note->isVisible());
    QVERIFY(m_dialog->apply());
    QCOMPARE(
        m_model->collection().items.front().request.origins, QStringList{QStringLiteral("{{appOrigin}}")});
}

void TestRequestSettingsDialog::aRequestDeletedMeanwhileCannotBeApplied()
{
    choose(child<QComboBox>(QStringLiteral("settingsBrowserCombo")), QStringLiteral("safari"));
    QVERIFY(m_model->removeItem(m_model->indexOfId(QStringLiteral("r1"))));
    auto *problems = child<QLabel>(QStringLiteral("settingsProblemsLabel"));
    QVERIFY(problems->isVisible());
    QVERIFY(!child<QPushButton>(QStringLiteral("settingsApplyButton"))->isEnabled());
    QVERIFY(!m_dialog->apply());
    m_model->undoStack()->undo(); // it is back: the dialog follows it by id
    QVERIFY(!problems->isVisible());
    QVERIFY(m_dialog->apply());
    QCOMPARE(m_model->collection().items.front().request.browser, QStringLiteral("safari"));
}

void TestRequestSettingsDialog::anUnknownValueFromAHandEditedFileIsKept()
{
    Collection collection = sample();
    collection.items.front().request.credentials = QStringLiteral("sometimes");
    m_model->setCollection(collection);
    RequestSettingsDialog dialog(m_model.get(), QStringLiteral("r1"));
    auto *credentials = dialog.findChild<QComboBox *>(QStringLiteral("settingsCredentialsCombo"));
    QCOMPARE(credentials->currentText(), QStringLiteral("sometimes"));
    QCOMPARE(dialog.editor()->request(), collection.items.front().request);
}

void TestRequestSettingsDialog::theModelEditsRefuseFoldersAndNoChange()
{
    const QModelIndex folder = m_model->indexOfId(QStringLiteral("f1"));
    const QModelIndex request = m_model->indexOfId(QStringLiteral("r1"));
    QVERIFY(!m_model->setRequest(folder, SavedRequest()));
    QVERIFY(!m_model->setRequest(request, sample().items.front().request));
    QVERIFY(!m_model->setDescription(request, QStringLiteral("The public list")));
    QVERIFY(!m_model->setProperties(m_model->properties(), QStringLiteral("nothing")));
    QCOMPARE(m_model->undoStack()->count(), 0);

    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
    SavedRequest edited = sample().items.front().request;
    edited.method = QStringLiteral("PATCH");
    QVERIFY(m_model->setRequest(request, edited));
    QCOMPARE(changed.count(), 1);
    QCOMPARE(
        request.siblingAtColumn(CollectionModel::MethodColumn).data().toString(), QStringLiteral("PATCH"));
    QVERIFY(m_model->setDescription(folder, QStringLiteral("Only for admins")));
    QCOMPARE(m_model->collection().items.back().description, QStringLiteral("Only for admins"));
    Collection properties = m_model->properties();
    properties.origins.append(QStringLiteral("https://other.example"));
    QVERIFY(m_model->setProperties(properties, QStringLiteral("Edit origins")));
    QCOMPARE(m_model->undoStack()->undoText(), QStringLiteral("Edit origins"));
    QCOMPARE(m_model->properties().origins.size(), 2);
    m_model->undoStack()->undo();
    m_model->undoStack()->undo();
    m_model->undoStack()->undo();
    QCOMPARE(m_model->collection(), sample());
}

void TestRequestSettingsDialog::aFolderShowsItsNameAndDescriptionOnly()
{
    RequestSettingsDialog dialog(m_model.get(), QStringLiteral("f1"));
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QVERIFY(dialog.editor()->isFolder());
    QCOMPARE(dialog.windowTitle(), QStringLiteral("Folder Settings — admin"));
    QVERIFY(!dialog.findChild<QComboBox *>(QStringLiteral("settingsBrowserCombo"))->isVisible());
    QVERIFY(!dialog.findChild<QListView *>(QStringLiteral("originsView"))->isVisible());
    auto *description = dialog.findChild<QPlainTextEdit *>(QStringLiteral("settingsDescriptionEdit"));
    QVERIFY(description->isVisible());
    description->setPlainText(QStringLiteral("Needs an admin session"));
    QVERIFY(dialog.apply());
    const auto reread = saved();
    QVERIFY(reread);
    QCOMPARE(reread->items.back().description, QStringLiteral("Needs an admin session"));
    QCOMPARE(reread->items.front(), sample().items.front()); // the request is untouched
    m_model->undoStack()->undo();
    QCOMPARE(m_model->collection(), sample());
}

void TestRequestSettingsDialog::theTreeContextMenuOpensTheDialog()
{
    CollectionDock dock;
    dock.model()->setCollection(sample());
    auto *action = dock.findChild<QAction *>(QStringLiteral("requestSettingsAction"));
    QVERIFY(action);
    QVERIFY(dock.view()->actions().contains(action)); // in the tree's context menu
    QVERIFY(!action->isEnabled()); // nothing current
    dock.view()->setCurrentIndex(dock.model()->indexOfId(QStringLiteral("f1")));
    QVERIFY(action->isEnabled());
    QCOMPARE(action->text(), QStringLiteral("Folder &Settings…"));
    dock.view()->setCurrentIndex(dock.model()->indexOfId(QStringLiteral("r1")));
    QCOMPARE(action->text(), QStringLiteral("Request &Settings…"));
    dock.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dock));
    action->trigger();
    auto *dialog = dock.findChild<RequestSettingsDialog *>();
    QVERIFY(dialog);
    QCOMPARE(dialog->itemId(), QStringLiteral("r1"));
    QTRY_VERIFY(dialog->isVisible());
    auto *browser = dialog->findChild<QComboBox *>(QStringLiteral("settingsBrowserCombo"));
    browser->setCurrentIndex(browser->findData(QStringLiteral("safari")));
    dialog->accept();
    QCOMPARE(dock.model()->collection().items.front().request.browser, QStringLiteral("safari"));
    QVERIFY(dock.isModified());
}

QTEST_MAIN(TestRequestSettingsDialog)
#include "tst_requestsettingsdialog.moc"
