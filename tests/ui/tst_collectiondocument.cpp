#include "store/collectionfile.h"
#include "ui/collectiondocument.h"
#include "ui/collectionmodel.h"
#include "ui/importjob.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QSet>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUndoStack>
#include <memory>
#include <sys/stat.h>

using namespace corscope;

// The collection document without any window: file open/save/save as, recent files, imports and the
// working state, each driven through the document's own API and signals.
class TestCollectionDocument : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void openEditSaveAsAndReopen();
    void theModifiedStateFollowsEditsUndoAndSave();
    void anEditMadeWhileSavingKeepsTheDocumentModified();
    void aFailedSaveKeepsTheDocumentModified();
    void onlyTheNewestOpenFills();
    void aBrokenFileIsRefusedAndTheTreeKept();
    void aBigHarImportsInTheBackgroundWhileTheEventLoopTurns();
    void aCancelledImportAddsNothing();
    void pastedCurlTextIsImported();
    void theWorkingStateIsSavedAndRestored();
    void anEditBeforeTheRestoreEndsWinsOverTheWorkingState();
    void theWorkingStateKeepsNoSecretValues();
    void keepSecretsKeepsThemInTheWorkingState();
    void secretValuesComeBackFromTheUsersFile();
    void aRestoreNamesTheRequestsThatLostSecretValues();
    void anUnreadableWorkingStateIsMovedAsideNotDeleted_data();
    void anUnreadableWorkingStateIsMovedAsideNotDeleted();

private:
    QString writeCollection(const QString &name) const;
    QString writeCollectionWithSecrets(const QString &name) const;
    QByteArray writtenWorkingState();
    bool restore(QString *status = nullptr);
    void createDocument();
    // The document's file operations run on its file thread: these start one and wait for its end.
    bool open(const QString &path, QString *error = nullptr);
    bool saveAs(const QString &path, QString *error = nullptr);

    QTemporaryDir m_dir;
    std::unique_ptr<CollectionDocument> m_document;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

void TestCollectionDocument::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
}

void TestCollectionDocument::init()
{
    QFile::remove(CollectionDocument::workingStatePath());
    QSettings().remove(QStringLiteral("collections"));
    QSettings().remove(QStringLiteral("privacy"));
    createDocument();
}

void TestCollectionDocument::createDocument()
{
    m_tester.reset();
    m_document = std::make_unique<CollectionDocument>();
    m_tester = std::make_unique<QAbstractItemModelTester>(
        m_document->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
}

void TestCollectionDocument::cleanup()
{
    m_tester.reset();
    m_document.reset();
}

QString TestCollectionDocument::writeCollection(const QString &name) const
{
    Collection collection;
    collection.name = QStringLiteral("API");
    collection.origins = {QStringLiteral("http://localhost:3000"), QStringLiteral("https://app.example.com")};
    collection.environments
        = {{QStringLiteral("dev"), {{QStringLiteral("api"), QStringLiteral("http://127.0.0.1:8080")}}},
            {QStringLiteral("prod"), {{QStringLiteral("api"), QStringLiteral("https://api.example.com")}}}};
    CollectionItem ok;
    ok.id = QStringLiteral("ok1");
    ok.name = QStringLiteral("works everywhere");
    ok.request.url = QStringLiteral("{{api}}/ok");
    ok.request.headers = {{QStringLiteral("X-Trace"), QStringLiteral("1")}};
    CollectionItem local;
    local.id = QStringLiteral("lo1");
    local.name = QStringLiteral("works on localhost");
    local.request.url = QStringLiteral("{{api}}/local-only");
    CollectionItem folder;
    folder.kind = CollectionItem::Kind::Folder;
    folder.id = QStringLiteral("fo1");
    folder.name = QStringLiteral("items");
    folder.children = {local};
    collection.items = {ok, folder};
    const QString path = m_dir.filePath(name);
    QString error;
    if (!saveCollection(collection, path, &error))
        qFatal("%s", qPrintable(error));
    return path;
}

bool TestCollectionDocument::open(const QString &path, QString *error)
{
    QSignalSpy opened(m_document.get(), &CollectionDocument::fileOpened);
    m_document->openFile(path);
    if (!opened.wait(10000))
        qFatal("no fileOpened for %s", qPrintable(path));
    if (error)
        *error = opened.last().at(2).toString();
    return opened.last().at(1).toBool();
}

bool TestCollectionDocument::saveAs(const QString &path, QString *error)
{
    QSignalSpy saved(m_document.get(), &CollectionDocument::fileSaved);
    m_document->saveAs(path);
    if (!saved.wait(10000))
        qFatal("no fileSaved for %s", qPrintable(path));
    if (error)
        *error = saved.last().at(2).toString();
    return saved.last().at(1).toBool();
}

void TestCollectionDocument::openEditSaveAsAndReopen()
{
    const QString path = writeCollection(QStringLiteral("open.json"));
    QSignalSpy recent(m_document.get(), &CollectionDocument::recentFilesChanged);
    QString error;
    QVERIFY2(open(path, &error), qPrintable(error));
    QCOMPARE(m_document->model()->rowCount(), 2);
    QVERIFY(!m_document->isModified());
    QCOMPARE(m_document->documentName(), QStringLiteral("open.json"));
    QCOMPARE(m_document->recentFiles().value(0), QFileInfo(path).absoluteFilePath());
    QCOMPARE(recent.size(), 1);

    CollectionModel *model = m_document->model();
    QVERIFY(model->setData(model->indexOfId(QStringLiteral("ok1")), QStringLiteral("renamed")));
    model->duplicateItem(model->indexOfId(QStringLiteral("fo1")));
    QVERIFY(model->removeItem(model->indexOfId(QStringLiteral("lo1"))));
    QVERIFY(m_document->isModified());

    const QString copy = m_dir.filePath(QStringLiteral("copy.json"));
    QVERIFY2(saveAs(copy, &error), qPrintable(error));
    QVERIFY(!m_document->isModified());
    QCOMPARE(m_document->filePath(), QFileInfo(copy).absoluteFilePath());
    QCOMPARE(m_document->recentFiles().mid(0, 2),
        (QStringList{QFileInfo(copy).absoluteFilePath(), QFileInfo(path).absoluteFilePath()}));
    const Collection saved = model->collection();

    QVERIFY(open(path));
    QCOMPARE(model->indexOfId(QStringLiteral("ok1")).data().toString(), QStringLiteral("works everywhere"));
    QVERIFY(open(copy));
    QCOMPARE(model->collection(), saved);
    QCOMPARE(model->rowCount(), 3);
}

void TestCollectionDocument::theModifiedStateFollowsEditsUndoAndSave()
{
    QVERIFY(open(writeCollection(QStringLiteral("marker.json"))));
    QSignalSpy changed(m_document.get(), &CollectionDocument::documentChanged);
    CollectionModel *model = m_document->model();
    model->renameItem(model->indexOfId(QStringLiteral("ok1")), QStringLiteral("x"));
    QVERIFY(m_document->isModified());
    QCOMPARE(changed.size(), 1);
    model->undoStack()->undo();
    QVERIFY(!m_document->isModified());
    QCOMPARE(changed.size(), 2);
    model->undoStack()->redo();
    QSignalSpy saved(m_document.get(), &CollectionDocument::fileSaved);
    QVERIFY(m_document->save());
    QVERIFY(saved.wait(10000));
    QVERIFY(!m_document->isModified());

    m_document->newCollection();
    QVERIFY(!m_document->save()); // no file to save to: the caller asks for one
    QCOMPARE(m_document->documentName(), QStringLiteral("Untitled collection"));
}

void TestCollectionDocument::anEditMadeWhileSavingKeepsTheDocumentModified()
{
    QVERIFY(open(writeCollection(QStringLiteral("busy.json"))));
    CollectionModel *model = m_document->model();
    model->renameItem(model->indexOfId(QStringLiteral("ok1")), QStringLiteral("saved name"));
    QSignalSpy saved(m_document.get(), &CollectionDocument::fileSaved);
    m_document->saveAs(m_document->filePath());
    // The file thread writes what the tree held when Save was asked; this edit comes after.
    model->renameItem(model->indexOfId(QStringLiteral("ok1")), QStringLiteral("edited during the save"));
    QVERIFY(saved.wait(10000));
    QVERIFY(saved.first().at(1).toBool());
    QVERIFY(m_document->isModified());
    QString error;
    QCOMPARE(
        loadCollection(m_document->filePath(), &error)->items.front().name, QStringLiteral("saved name"));
}

void TestCollectionDocument::aFailedSaveKeepsTheDocumentModified()
{
    QVERIFY(open(writeCollection(QStringLiteral("keep.json"))));
    const QString before = m_document->filePath();
    m_document->model()->renameItem(
        m_document->model()->indexOfId(QStringLiteral("ok1")), QStringLiteral("unsaved"));
    QString error;
    QVERIFY(!saveAs(m_dir.filePath(QStringLiteral("no-such-folder/keep.json")), &error));
    QVERIFY2(error.contains(u"no-such-folder"), qPrintable(error));
    QVERIFY(m_document->isModified());
    QCOMPARE(m_document->filePath(), before);
    QCOMPARE(
        m_document->model()->indexOfId(QStringLiteral("ok1")).data().toString(), QStringLiteral("unsaved"));
}

void TestCollectionDocument::onlyTheNewestOpenFills()
{
    const QString first = writeCollection(QStringLiteral("first.json"));
    QFile::copy(first, m_dir.filePath(QStringLiteral("second.json")));
    QSignalSpy opened(m_document.get(), &CollectionDocument::fileOpened);
    m_document->openFile(first);
    m_document->openFile(m_dir.filePath(QStringLiteral("second.json")));
    // One file thread: the first open's answer is queued before the second's, and dropped.
    QTRY_COMPARE(opened.size(), 1);
    QVERIFY(opened.first().first().toString().endsWith(u"second.json"));
    QVERIFY(m_document->filePath().endsWith(u"second.json"));
    m_document->waitForFileThread();
    QCoreApplication::processEvents(); // deliver anything still queued: nothing more may arrive
    QCOMPARE(opened.size(), 1);
}

void TestCollectionDocument::aBrokenFileIsRefusedAndTheTreeKept()
{
    QVERIFY(open(writeCollection(QStringLiteral("good.json"))));
    const QString broken = m_dir.filePath(QStringLiteral("broken.json"));
    QFile file(broken);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(R"({"format": "corscope-collection", "version": 99, "items": []})");
    file.close();
    QString error;
    QVERIFY(!open(broken, &error));
    QVERIFY(!error.isEmpty());
    QCOMPARE(m_document->model()->rowCount(), 2);
    QVERIFY(m_document->filePath().endsWith(u"good.json"));
}

void TestCollectionDocument::aBigHarImportsInTheBackgroundWhileTheEventLoopTurns()
{
    // About 5 MB: 2,000 recorded fetches with 2 KB bodies, every fourth one preflighted.
    const QString path = m_dir.filePath(QStringLiteral("big.har"));
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(
            R"({"log":{"version":"1.2","creator":{"name":"WebInspector","version":"537.36"},"entries":[)");
        const QByteArray pad(2400, 'x');
        for (int i = 0; i < 2000; ++i) {
            const QByteArray url = "https://api.example.com/items/" + QByteArray::number(i);
            QByteArray entry;
            if (i % 4 == 0) {
                entry
                    += R"({"startedDateTime":"2025-05-01T10:00:00.000Z","time":3,"request":{"method":"OPTIONS","url":")"
                    + url
                    + R"(","httpVersion":"http/2.0","headers":[{"name":"origin","value":"http://localhost:3000"},{"name":"access-control-request-method","value":"PUT"}],"queryString":[],"cookies":[],"headersSize":-1,"bodySize":0},"response":{"status":204,"statusText":"","httpVersion":"http/2.0","headers":[{"name":"access-control-allow-origin","value":"http://localhost:3000"},{"name":"access-control-allow-methods","value":"PUT"}],"cookies":[],"content":{"size":0,"mimeType":"x-unknown"},"redirectURL":"","headersSize":-1,"bodySize":0},"cache":{},"timings":{"send":0,"wait":2,"receive":1}},)";
            }
            entry += R"({"startedDateTime":"2025-05-01T10:00:00.000Z","time":5,"request":{"method":")"
                + QByteArray(i % 4 == 0 ? "PUT" : "GET") + R"(","url":")" + url
                + R"(","httpVersion":"http/2.0","headers":[{"name":"origin","value":"http://localhost:3000"}],"queryString":[],"cookies":[],"headersSize":-1,"bodySize":0},"response":{"status":200,"statusText":"","httpVersion":"http/2.0","headers":[{"name":"access-control-allow-origin","value":"http://localhost:3000"}],"cookies":[],"content":{"size":2400,"mimeType":"application/json","text":"{\"d\":\")"
                + pad
                + R"(\"}"},"redirectURL":"","headersSize":-1,"bodySize":2400},"cache":{},"timings":{"send":0,"wait":4,"receive":1}})";
            file.write((i ? "," : "") + entry);
        }
        file.write("]}}");
        QVERIFY(file.size() > 5'000'000);
    }

    // The event loop keeps turning: a timer must keep firing all through the import.
    int ticks = 0;
    QTimer ticker;
    ticker.setInterval(5);
    connect(&ticker, &QTimer::timeout, this, [&] { ++ticks; });
    ticker.start();

    QSignalSpy started(m_document.get(), &CollectionDocument::importStarted);
    QSignalSpy progress(m_document.get(), &CollectionDocument::importProgress);
    QSignalSpy done(m_document.get(), &CollectionDocument::importFinished);
    ImportJob *job = m_document->importFile(path);
    QVERIFY(job);
    QCOMPARE(started.size(), 1);
    QVERIFY(m_document->isImporting());
    QVERIFY(done.wait(60000));
    ticker.stop();
    QCOMPARE(done.first().first().toBool(), true);
    QVERIFY(!m_document->isImporting());
    QCOMPARE(m_document->model()->rowCount(), 2000);
    QVERIFY2(ticks >= 2, "the event loop did not turn during the import");

    QVERIFY2(progress.count() >= 4, qPrintable(QString::number(progress.count())));
    int previous = -1;
    for (const QList<QVariant> &signal : std::as_const(progress)) {
        QVERIFY(signal.first().toInt() >= previous);
        previous = signal.first().toInt();
    }
    QCOMPARE(previous, 100);
    // The bar also moves while the HAR is parsed, not only once the file has been read.
    QSet<int> whileParsing;
    for (const QList<QVariant> &signal : std::as_const(progress)) {
        if (signal.at(1).toString().startsWith(u"Importing ") && signal.first().toInt() < 100)
            whileParsing.insert(signal.first().toInt());
    }
    QVERIFY2(whileParsing.size() >= 10, qPrintable(QString::number(whileParsing.size())));

    // One undo step removes the whole import.
    m_document->model()->undoStack()->undo();
    QCOMPARE(m_document->model()->rowCount(), 0);
}

void TestCollectionDocument::aCancelledImportAddsNothing()
{
    // A named pipe: the worker waits in open() until this test opens the other end, so the cancel comes
    // before the import could have finished.
    const QString path = m_dir.filePath(QStringLiteral("cancelled.txt"));
    QCOMPARE(::mkfifo(QFile::encodeName(path).constData(), 0600), 0);
    QSignalSpy done(m_document.get(), &CollectionDocument::importFinished);
    QSignalSpy status(m_document.get(), &CollectionDocument::statusMessage);
    m_document->importFile(path);
    m_document->cancelImports();
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly)); // lets the worker's open() return
    file.close();
    QVERIFY(done.wait(10000));
    QCOMPARE(done.first().first().toBool(), false);
    QCOMPARE(m_document->model()->rowCount(), 0);
    QCOMPARE(status.last().first().toString(), QStringLiteral("Import of cancelled.txt cancelled."));
}

void TestCollectionDocument::pastedCurlTextIsImported()
{
    QString error;
    QCOMPARE(m_document->importText(
                 QStringLiteral(
                     "curl 'https://api.example.com/v1/items' -X PUT -H 'origin: http://localhost:3000'"),
                 &error),
        1);
    const auto item = m_document->model()->itemAt(m_document->model()->index(0, 0));
    QCOMPARE(item->request.method, QStringLiteral("PUT"));
    QCOMPARE(m_document->importText(QStringLiteral("not a command"), &error), 0);
    QVERIFY(!error.isEmpty());
}

void TestCollectionDocument::theWorkingStateIsSavedAndRestored()
{
    const QString path = writeCollection(QStringLiteral("working.json"));
    QVERIFY(open(path));
    m_document->model()->renameItem(
        m_document->model()->indexOfId(QStringLiteral("ok1")), QStringLiteral("not saved yet"));
    // The autosave runs by itself a moment after the change.
    QTRY_VERIFY_WITH_TIMEOUT(QFileInfo::exists(CollectionDocument::workingStatePath()), 5000);
    m_document->waitForFileThread();
    QString error;
    QCOMPARE(loadCollection(CollectionDocument::workingStatePath(), &error)->items.front().name,
        QStringLiteral("not saved yet"));

    createDocument(); // as if the application quit without saving
    QSignalSpy restored(m_document.get(), &CollectionDocument::workingStateRestored);
    QVERIFY(m_document->restoreWorkingState());
    QVERIFY(restored.wait(10000));
    QCOMPARE(restored.first().first().toBool(), true);
    QCOMPARE(m_document->model()->indexOfId(QStringLiteral("ok1")).data().toString(),
        QStringLiteral("not saved yet"));
    QVERIFY(m_document->isModified());
    QCOMPARE(m_document->filePath(), QFileInfo(path).absoluteFilePath());
    // The file itself was never touched.
    QCOMPARE(loadCollection(path, &error)->items.front().name, QStringLiteral("works everywhere"));
}

void TestCollectionDocument::anEditBeforeTheRestoreEndsWinsOverTheWorkingState()
{
    QVERIFY(open(writeCollection(QStringLiteral("race.json"))));
    m_document->writeWorkingState();
    m_document->waitForFileThread();
    createDocument();
    QSignalSpy restored(m_document.get(), &CollectionDocument::workingStateRestored);
    QVERIFY(m_document->restoreWorkingState());
    m_document->importText(QStringLiteral("curl 'https://api.example.com/first-edit'"));
    QVERIFY(restored.wait(10000));
    QCOMPARE(restored.first().first().toBool(), false);
    QCOMPARE(m_document->model()->rowCount(), 1);
}

// Every secret value planted here has "planted" in it, so that a grep finds any that leaked.
QString TestCollectionDocument::writeCollectionWithSecrets(const QString &name) const
{
    Collection collection;
    collection.name = QStringLiteral("Secrets");
    collection.origins = {QStringLiteral("http://localhost:3000")};
    collection.variables = {{QStringLiteral("apiToken"), QStringLiteral("planted-variable")},
        {QStringLiteral("api"), QStringLiteral("https://api.example.com")}};
    collection.environments
        = {{QStringLiteral("dev"), {{QStringLiteral("password"), QStringLiteral("planted-env")}}}};
    CollectionItem login;
    login.id = QStringLiteral("login");
    login.name = QStringLiteral("Login");
    login.request.method = QStringLiteral("POST");
    login.request.url = QStringLiteral(
        "https://user:planted-userinfo@api.example.com/login?access_token=planted-query&page=2");
    login.request.headers = {{QStringLiteral("Authorization"), QStringLiteral("Bearer planted-bearer")},
        {QStringLiteral("Cookie"), QStringLiteral("sid=planted-cookie")},
        {QStringLiteral("X-Api-Key"), QStringLiteral("planted-apikey")},
        {QStringLiteral("Content-Type"), QStringLiteral("application/json")}};
    login.request.body = QStringLiteral("{\n  \"user\": \"ann\",\n  \"password\": \"planted-json\"\n}");
    CollectionItem form;
    form.id = QStringLiteral("form");
    form.name = QStringLiteral("Form");
    form.request.method = QStringLiteral("POST");
    form.request.url = QStringLiteral("{{api}}/form?client_secret=planted-templated-url&q={{apiToken}}");
    form.request.headers
        = {{QStringLiteral("Content-Type"), QStringLiteral("application/x-www-form-urlencoded")},
            {QStringLiteral("X-Auth-Token"), QStringLiteral("{{apiToken}}")}};
    form.request.body = QStringLiteral("user=ann&token=planted-form&next=%2Fhome");
    CollectionItem plain;
    plain.id = QStringLiteral("plain");
    plain.name = QStringLiteral("Plain");
    plain.request.url = QStringLiteral("https://api.example.com/items?page=1");
    plain.request.headers = {{QStringLiteral("Accept"), QStringLiteral("application/json")}};
    collection.items = {login, form, plain};
    const QString path = m_dir.filePath(name);
    QString error;
    if (!saveCollection(collection, path, &error))
        qFatal("%s", qPrintable(error));
    return path;
}

// Makes the document modified (so the working state holds it) and returns the file written.
QByteArray TestCollectionDocument::writtenWorkingState()
{
    CollectionModel *model = m_document->model();
    model->renameItem(model->indexOfId(QStringLiteral("plain")), QStringLiteral("Plain, renamed"));
    m_document->writeWorkingState();
    m_document->waitForFileThread();
    QFile file(CollectionDocument::workingStatePath());
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

bool TestCollectionDocument::restore(QString *status)
{
    createDocument();
    QSignalSpy restored(m_document.get(), &CollectionDocument::workingStateRestored);
    QSignalSpy messages(m_document.get(), &CollectionDocument::statusMessage);
    if (!m_document->restoreWorkingState())
        return false;
    if (!restored.wait(10000))
        qFatal("no workingStateRestored");
    if (status) {
        status->clear();
        for (const QList<QVariant> &message : std::as_const(messages))
            *status += message.first().toString() + u'\n';
    }
    return restored.first().first().toBool();
}

void TestCollectionDocument::theWorkingStateKeepsNoSecretValues()
{
    const QString path = writeCollectionWithSecrets(QStringLiteral("secrets.json"));
    QVERIFY(open(path));
    const QByteArray written = writtenWorkingState();
    QVERIFY(written.contains("Plain, renamed"));
    QVERIFY2(!written.contains("planted"), written.constData());
    // The shape stays, so a restored request shows what it needs.
    QVERIFY2(written.contains("Bearer \xe2\x80\xa2\xe2\x80\xa2\xe2\x80\xa2"), written.constData());
    QVERIFY(written.contains("access_token=\xe2\x80\xa2"));
    QVERIFY(written.contains("page=2"));
    QVERIFY(written.contains(
        "user=ann&token=\xe2\x80\xa2\xe2\x80\xa2\xe2\x80\xa2\xe2\x80\xa2\xe2\x80\xa2\xe2\x80\xa2&next=%"
        "2Fhome"));
    // References to variables hold no secret and are kept as written.
    QString error;
    const auto parsed = parseCollection(written, &error);
    QVERIFY2(parsed, qPrintable(error));
    const CollectionItem &form = parsed->items.at(1);
    QCOMPARE(form.request.headers.at(1).second, QStringLiteral("{{apiToken}}"));
    QCOMPARE(form.request.url, QStringLiteral("{{api}}/form?client_secret=••••••&q={{apiToken}}"));
    QCOMPARE(parsed->items.at(0).request.url,
        QStringLiteral("https://user:••••••@api.example.com/login?access_token=••••••&page=2"));

    // A file the user saves is their document: it keeps what they wrote.
    QVERIFY(saveAs(m_dir.filePath(QStringLiteral("saved-by-user.json"))));
    QFile saved(m_dir.filePath(QStringLiteral("saved-by-user.json")));
    QVERIFY(saved.open(QIODevice::ReadOnly));
    const QByteArray userFile = saved.readAll();
    for (const char *secret :
        {"planted-bearer", "planted-cookie", "planted-apikey", "planted-json", "planted-form",
            "planted-query", "planted-userinfo", "planted-variable", "planted-env", "planted-templated-url"})
        QVERIFY2(userFile.contains(secret), secret);
}

void TestCollectionDocument::keepSecretsKeepsThemInTheWorkingState()
{
    QSettings().setValue(QStringLiteral("privacy/keepSecrets"), true);
    QVERIFY(open(writeCollectionWithSecrets(QStringLiteral("kept.json"))));
    const QByteArray written = writtenWorkingState();
    QVERIFY(written.contains("planted-bearer"));
    QVERIFY(written.contains("planted-json"));
}

void TestCollectionDocument::secretValuesComeBackFromTheUsersFile()
{
    const QString path = writeCollectionWithSecrets(QStringLiteral("refill.json"));
    QVERIFY(open(path));
    const QByteArray written = writtenWorkingState();
    QVERIFY(!written.contains("planted"));
    const Collection before = m_document->model()->collection();

    QString status;
    QVERIFY(restore(&status));
    QCOMPARE(m_document->model()->collection(), before);
    QVERIFY2(!status.contains(u"secret"), qPrintable(status));
    QVERIFY(m_document->itemsMissingSecrets().isEmpty());
    QVERIFY(m_document->isModified());
}

void TestCollectionDocument::aRestoreNamesTheRequestsThatLostSecretValues()
{
    const QString path = writeCollectionWithSecrets(QStringLiteral("gone.json"));
    QVERIFY(open(path));
    QVERIFY(!writtenWorkingState().contains("planted"));
    QVERIFY(QFile::remove(path)); // the user's file with the values is gone

    QString status;
    QVERIFY(restore(&status));
    QVERIFY2(status.contains(u"2 requests need their secret values again: “Login” (Authorization, Cookie, "
                             u"X-Api-Key, URL, body), “Form” (URL, body)."),
        qPrintable(status));
    QVERIFY2(status.contains(u"apiToken, dev/password"), qPrintable(status));
    QCOMPARE(
        m_document->itemsMissingSecrets(), (QStringList{QStringLiteral("login"), QStringLiteral("form")}));
    QVERIFY(m_document->isModified());
    // Everything else came back.
    const auto plain = m_document->model()->itemAt(m_document->model()->indexOfId(QStringLiteral("plain")));
    QCOMPARE(plain->name, QStringLiteral("Plain, renamed"));
    QCOMPARE(plain->request.url, QStringLiteral("https://api.example.com/items?page=1"));
}

void TestCollectionDocument::anUnreadableWorkingStateIsMovedAsideNotDeleted_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::newRow("a working state cut short by a crash")
        << QByteArray(R"({"format": "corscope-collection", "version": 2, "items": [)");
    QTest::newRow("a working state written by a newer corscope")
        << QByteArray(R"({"format": "corscope-collection", "version": 99, "items": []})");
}

void TestCollectionDocument::anUnreadableWorkingStateIsMovedAsideNotDeleted()
{
    QFETCH(QByteArray, content);
    const QString path = CollectionDocument::workingStatePath();
    QVERIFY(QDir().mkpath(QFileInfo(path).absolutePath()));
    QDir folder = QFileInfo(path).absoluteDir();
    for (const QString &old : folder.entryList({QStringLiteral("working-collection.json.corrupt-*")}))
        QVERIFY(folder.remove(old));
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(content);
    }

    createDocument();
    QSignalSpy warnings(m_document.get(), &CollectionDocument::warning);
    QSignalSpy restored(m_document.get(), &CollectionDocument::workingStateRestored);
    QVERIFY(m_document->restoreWorkingState());
    QVERIFY(restored.wait(10000));
    QCOMPARE(restored.first().first().toBool(), false);
    QCOMPARE(warnings.size(), 1);
    const QString warning = warnings.first().first().toString();
    QVERIFY2(warning.contains(u"moved aside to ") && warning.contains(u".corrupt-"), qPrintable(warning));

    // What a window does next on a first start: an untitled collection, autosaved.
    m_document->newCollection();
    m_document->writeWorkingState();
    m_document->waitForFileThread();
    const QStringList aside = folder.entryList({QStringLiteral("working-collection.json.corrupt-*")});
    QCOMPARE(aside.size(), 1);
    QVERIFY(warning.contains(aside.first()));
    QFile kept(folder.filePath(aside.first()));
    QVERIFY(kept.open(QIODevice::ReadOnly));
    QCOMPARE(kept.readAll(), content);
}

QTEST_GUILESS_MAIN(TestCollectionDocument)
#include "tst_collectiondocument.moc"
