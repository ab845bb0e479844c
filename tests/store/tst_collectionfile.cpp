// Collection files: v2 round trips, the v1 upgrade, refusals, variables and {{env:}} secrets,
// atomic saves under SIGKILL.
#include "store/collectionfile.h"
#include "store/variables.h"

#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace corscope;
using namespace Qt::StringLiterals;

namespace {
Collection sample()
{
    Collection c;
    c.name = u"Shop API"_s;
    c.description = u"CORS regression tests"_s;
    c.variables = {{u"api"_s, u"http://api.test:8080"_s}, {u"origin"_s, u"http://localhost:3000"_s}};
    c.environments = {Environment{u"dev"_s, {{u"api"_s, u"http://localhost:8080"_s}}},
                      Environment{u"prod"_s, {{u"api"_s, u"https://api.example.com"_s}, {u"origin"_s, u"https://app.example.com"_s}}}};
    c.origins = {u"{{origin}}"_s};
    CollectionItem folder;
    folder.kind = CollectionItem::Kind::Folder;
    folder.id = u"f1"_s;
    folder.name = u"auth"_s;
    CollectionItem login;
    login.id = u"r1"_s;
    login.name = u"Login \"quoted\"\n"_s;
    login.description = u"tabs\tand unicode é ✓"_s;
    login.request.method = u"POST"_s;
    login.request.url = u"{{api}}/login"_s;
    login.request.headers = {{u"Authorization"_s, u"Bearer {{env:API_TOKEN}}"_s}, {u"X-A"_s, u"1"_s}, {u"X-A"_s, u"2"_s}};
    login.request.body = u"{\"user\":\"demo\"}"_s;
    login.request.credentials = u"include"_s;
    login.request.expect = u"allowed"_s;
    login.request.delayMs = 250;
    CollectionItem nested;
    nested.kind = CollectionItem::Kind::Folder;
    nested.id = u"f2"_s;
    nested.name = u"admin"_s;
    CollectionItem del;
    del.id = u"r2"_s;
    del.name = u"Delete"_s;
    del.request.method = u"DELETE"_s;
    del.request.url = u"{{api}}/users/1"_s;
    del.request.origins = {u"http://localhost:3000"_s, u"https://app.example.com"_s};
    del.request.body = QString(); // explicit empty body
    del.request.browser = u"firefox"_s;
    del.request.redirect = u"manual"_s;
    del.request.expect = u"blocked"_s;
    nested.children.push_back(del);
    folder.children.push_back(login);
    folder.children.push_back(nested);
    c.items.push_back(folder);
    CollectionItem plain;
    plain.id = u"r3"_s;
    plain.name = u"Health"_s;
    plain.request.url = u"{{api}}/health"_s;
    c.items.push_back(plain);
    return c;
}
} // namespace

class tst_CollectionFile final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void roundTripKeepsEverything();
    void writerIsDiffFriendly();
    void versionOneIsUpgradedInMemory();
    void refusals_data();
    void refusals();
    void refusedFileIsLeftUntouched();
    void variablesResolvePerEnvironment();
    void envSecretIsReadAtRunTimeAndNeverSaved();
    void unknownVariableIsReported();
    void folderSelection();
    void killDuringSavesLeavesOldOrNew();
};

void tst_CollectionFile::roundTripKeepsEverything()
{
    const Collection original = sample();
    const QByteArray text = serializeCollection(original);
    QString error;
    const auto parsed = parseCollection(text, &error);
    QVERIFY2(parsed, qPrintable(error));
    QVERIFY(*parsed == original);
    QCOMPARE(serializeCollection(*parsed), text);
}

void tst_CollectionFile::writerIsDiffFriendly()
{
    const QByteArray text = serializeCollection(sample());
    QVERIFY(text.endsWith("}\n"));
    QVERIFY(text.startsWith("{\n  \"format\": \"corscope-collection\",\n  \"version\": 2,\n  \"name\": \"Shop API\",\n"));
    // One header per line, keys in a fixed order, two-space indent, no tabs.
    QVERIFY(text.contains("\n            [\"Authorization\", \"Bearer {{env:API_TOKEN}}\"],\n"));
    QVERIFY(!text.contains('\t'));
    const qsizetype id = text.indexOf("\"id\": \"r1\"");
    const qsizetype name = text.indexOf("\"name\": \"Login", id);
    const qsizetype method = text.indexOf("\"method\": \"POST\"", name);
    const qsizetype url = text.indexOf("\"url\": \"{{api}}/login\"", method);
    const qsizetype expect = text.indexOf("\"expect\": \"allowed\"", url);
    QVERIFY(id > 0 && name > id && method > name && url > method && expect > url);
    // Defaults are left out: no "credentials" line for the same-origin request.
    const qsizetype health = text.indexOf("\"name\": \"Health\"");
    QVERIFY(health > 0);
    QVERIFY(!text.mid(health).contains("credentials"));
    // Changing one request changes only its lines.
    Collection changed = sample();
    changed.items[1].request.url = u"{{api}}/healthz"_s;
    const QList<QByteArray> before = text.split('\n');
    const QList<QByteArray> after = serializeCollection(changed).split('\n');
    QCOMPARE(before.size(), after.size());
    int differing = 0;
    for (qsizetype i = 0; i < before.size(); ++i)
        differing += before.at(i) != after.at(i);
    QCOMPARE(differing, 1);
}

void tst_CollectionFile::versionOneIsUpgradedInMemory()
{
    const QByteArray v1 = R"({"format": "corscope-collection", "version": 1, "name": "old",
        "defaults": {"origin": "http://localhost:3000", "headers": [["X-Default", "1"]], "body": "d"},
        "requests": [{"name": "a", "url": "http://api.test/a", "headers": [["X-Own", "2"]], "expect": "blocked"},
                     {"url": "http://api.test/b", "origin": "http://other.test", "body": "", "delayMs": 1.5}]})";
    QString error;
    const auto c = parseCollection(v1, &error);
    QVERIFY2(c, qPrintable(error));
    QCOMPARE(c->items.size(), size_t(2));
    const SavedRequest &a = c->items[0].request;
    QCOMPARE(a.origins, QStringList{u"http://localhost:3000"_s});
    QCOMPARE(a.headers.size(), 2);
    QCOMPARE(a.headers.at(0).first, u"X-Default"_s);
    QCOMPARE(a.headers.at(1).first, u"X-Own"_s);
    QCOMPARE(a.body, std::optional<QString>(u"d"_s));
    QCOMPARE(a.expect, std::optional<QString>(u"blocked"_s));
    const SavedRequest &b = c->items[1].request;
    QCOMPARE(c->items[1].name, u"request 2"_s);
    QCOMPARE(b.origins, QStringList{u"http://other.test"_s});
    QCOMPARE(b.body, std::optional<QString>(QString()));
    QCOMPARE(b.delayMs, 2);
    // Saved again it is version 2 and reads back the same.
    const QByteArray v2 = serializeCollection(*c);
    QVERIFY(v2.contains("\"version\": 2"));
    QVERIFY(*parseCollection(v2, &error) == *c);
}

void tst_CollectionFile::refusals_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("message");
    QTest::newRow("a newer version is refused, naming both versions")
        << QByteArray(R"({"format": "corscope-collection", "version": 3, "items": []})")
        << u"collection version 3, this corscope reads up to 2"_s;
    QTest::newRow("truncated JSON is refused with the byte offset")
        << QByteArray(R"({"format": "corscope-collection", "version": 2, "items": [{"name": "a", "url": "htt)")
        << u"not valid JSON"_s;
    QTest::newRow("a wrong format tag is refused") << QByteArray(R"({"format": "postman", "version": 2})")
                                                   << u"not a corscope collection"_s;
    QTest::newRow("a fractional version is refused")
        << QByteArray(R"({"format": "corscope-collection", "version": 1.5})") << u"positive integer"_s;
    QTest::newRow("a bad expect names the request")
        << QByteArray(R"({"format": "corscope-collection", "version": 2, "items": [{"name": "x", "url": "u", "expect": "ok"}]})")
        << u"in request 'x': \"expect\""_s;
    QTest::newRow("origins must be a list")
        << QByteArray(R"({"format": "corscope-collection", "version": 2, "items": [{"name": "x", "origins": "o"}]})")
        << u"\"origins\" must be a list"_s;
    QTest::newRow("a duplicated environment is refused")
        << QByteArray(R"({"format": "corscope-collection", "version": 2, "environments": [{"name": "a"}, {"name": "a"}]})")
        << u"defined twice"_s;
    QTest::newRow("a malformed entry inside a folder names the folder")
        << QByteArray(R"({"format": "corscope-collection", "version": 2, "items": [{"type": "folder", "name": "f", "items": [3]}]})")
        << u"f/item 1 is not an object"_s;
}

void tst_CollectionFile::refusals()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, message);
    QString error;
    QVERIFY(!parseCollection(json, &error));
    QVERIFY2(error.contains(message), qPrintable(error));
}

void tst_CollectionFile::refusedFileIsLeftUntouched()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"newer.json"_s);
    const QByteArray newer = R"({"format": "corscope-collection", "version": 9, "items": []})";
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(newer);
    file.close();
    QString error;
    QVERIFY(!loadCollection(path, &error));
    QVERIFY2(error.contains(path) && error.contains(u"newer"), qPrintable(error));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), newer);
}

void tst_CollectionFile::variablesResolvePerEnvironment()
{
    const Collection c = sample();
    QStringList problems;
    const VariableResolver dev(c, c.environment(u"dev"_s), [](const QString &) { return std::optional<QString>(u"t"_s); });
    const QList<RequestInput> devInputs = dev.inputsFor(c.items[1].request, {}, &problems);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
    QCOMPARE(devInputs.size(), 1);
    QCOMPARE(devInputs.first().url, u"http://localhost:8080/health"_s);
    QCOMPARE(devInputs.first().origin, u"http://localhost:3000"_s); // collection variable
    const VariableResolver prod(c, c.environment(u"prod"_s), [](const QString &) { return std::optional<QString>(u"t"_s); });
    const QList<RequestInput> prodInputs = prod.inputsFor(c.items[1].request, {}, &problems);
    QCOMPARE(prodInputs.first().url, u"https://api.example.com/health"_s);
    QCOMPARE(prodInputs.first().origin, u"https://app.example.com"_s); // environment wins
    // --origin overrides every origin; a request's own origins make a matrix.
    QCOMPARE(prod.inputsFor(c.items[1].request, {u"http://a.test"_s, u"http://b.test"_s}, &problems).size(), 2);
    QCOMPARE(prod.inputsFor(c.items[0].children[1].children[0].request, {}, &problems).size(), 2);
}

void tst_CollectionFile::envSecretIsReadAtRunTimeAndNeverSaved()
{
    Collection c = sample();
    const QByteArray secret = "s3cr3t-value-from-the-environment";
    qputenv("CORSCOPE_TEST_TOKEN", secret);
    c.items[0].children[0].request.headers[0].second = u"Bearer {{env:CORSCOPE_TEST_TOKEN}}"_s;
    QStringList problems;
    const VariableResolver resolver(c, c.environment(u"dev"_s));
    const QList<RequestInput> inputs = resolver.inputsFor(c.items[0].children[0].request, {}, &problems);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
    QCOMPARE(inputs.first().headerLines.first(), u"Authorization: Bearer "_s + QString::fromLatin1(secret));
    QTemporaryDir dir;
    const QString path = dir.filePath(u"c.json"_s);
    QString error;
    QVERIFY2(saveCollection(c, path, &error), qPrintable(error));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray saved = file.readAll();
    QVERIFY(!saved.contains(secret));
    QVERIFY(saved.contains("{{env:CORSCOPE_TEST_TOKEN}}"));
    qunsetenv("CORSCOPE_TEST_TOKEN");
    problems.clear();
    resolver.inputsFor(c.items[0].children[0].request, {}, &problems);
    QVERIFY2(!problems.isEmpty() && problems.first().contains(u"CORSCOPE_TEST_TOKEN"), qPrintable(problems.join(u'\n')));
}

void tst_CollectionFile::unknownVariableIsReported()
{
    Collection c;
    QStringList problems;
    const VariableResolver resolver(c, nullptr);
    QCOMPARE(resolver.resolve(u"{{nope}}/x"_s, &problems), u"{{nope}}/x"_s);
    QCOMPARE(problems.size(), 1);
    QVERIFY(problems.first().contains(u"{{nope}}"));
    // Self-reference stops instead of looping forever.
    c.variables = {{u"a"_s, u"{{a}}x"_s}};
    const VariableResolver loop(c, nullptr);
    QVERIFY(loop.resolve(u"{{a}}"_s, &problems).endsWith(u"xxxxxxxx"_s));
}

void tst_CollectionFile::folderSelection()
{
    const Collection c = sample();
    QCOMPARE(c.requests()->size(), 3);
    const auto admin = c.requests(u"auth/admin"_s);
    QVERIFY(admin);
    QCOMPARE(admin->size(), 1);
    QCOMPARE(admin->first().folderPath, (QStringList{u"auth"_s, u"admin"_s}));
    QCOMPARE(c.requests(u"auth"_s)->size(), 2);
    QVERIFY(!c.requests(u"missing"_s));
}

void tst_CollectionFile::killDuringSavesLeavesOldOrNew()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"collection.json"_s);
    int sawOld = 0;
    int sawNew = 0;
    constexpr int rounds = 40;
    for (int round = 0; round < rounds; ++round) {
        QProcess helper;
        helper.start(QStringLiteral(SAVELOOP_BIN), {path, u"4000"_s});
        QVERIFY(helper.waitForStarted());
        QVERIFY(helper.waitForReadyRead(10000)); // the first save is complete
        QTest::qWait(int(QRandomGenerator::global()->bounded(1, 60)));
        helper.kill(); // SIGKILL
        QVERIFY(helper.waitForFinished());
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QString error;
        const auto c = parseCollection(file.readAll(), &error);
        QVERIFY2(c, qPrintable(u"round "_s + QString::number(round) + u": "_s + error));
        QCOMPARE(c->requestCount(), 4000);
        QVERIFY(c->name == u"old" || c->name == u"new");
        (c->name == u"old" ? sawOld : sawNew)++;
        QCOMPARE(c->items.back().name, u"request 3999 of "_s + c->name);
    }
    qInfo("killed %d times: old %d, new %d", rounds, sawOld, sawNew);
}

QTEST_GUILESS_MAIN(tst_CollectionFile)
#include "tst_collectionfile.moc"
