#include "core/browserprofile.h"
#include "core/fetchrequest.h"
#include "core/requestvalidation.h"

#include <QTest>

using namespace corscope;

Q_DECLARE_METATYPE(corscope::HeaderList)

namespace {
BrowserProfile profileNamed(const QString &name)
{
    return BrowserProfile::fromName(name).value_or(BrowserProfile::chromium());
}
} // namespace

class tst_RequestValidation : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void validate_data();
    void validate();
};

void tst_RequestValidation::validate_data()
{
    QTest::addColumn<QString>("profile");
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QUrl>("url");
    QTest::addColumn<HeaderList>("headers");
    QTest::addColumn<QString>("errorField"); // empty: the request is valid

    const QString chromium = QStringLiteral("chromium");
    const QUrl api(QStringLiteral("http://api.test:8000/x"));
    const QByteArray get = QByteArrayLiteral("GET");
    const QString header = QStringLiteral("header");
    const QString method = QStringLiteral("method");
    const QString urlField = QStringLiteral("url");

    QTest::newRow("a plain GET is valid") << chromium << get << api << HeaderList{} << QString();
    QTest::newRow("a PUT with custom headers is valid")
        << chromium << QByteArrayLiteral("PUT") << api
        << HeaderList{{"X-Trace", "1"}, {"Content-Type", "application/json"}, {"Authorization", "Bearer t"}}
        << QString();
    QTest::newRow("a lowercase patch is valid") << chromium << QByteArrayLiteral("patch") << api << HeaderList{}
                                                << QString();
    QTest::newRow("an https URL with a query is valid") << chromium << get
                                                       << QUrl(QStringLiteral("https://api.test/x?y=1&z=%20"))
                                                       << HeaderList{} << QString();
    QTest::newRow("a custom header with an empty value is valid") << chromium << get << api
                                                                 << HeaderList{{"X-Empty", ""}} << QString();
    QTest::newRow("a header value with a tab inside is valid") << chromium << get << api
                                                              << HeaderList{{"X-Tab", "a\tb"}} << QString();
    QTest::newRow("User-Agent set by script is fine in firefox")
        << QStringLiteral("firefox") << get << api << HeaderList{{"User-Agent", "bot/1"}} << QString();

    QTest::newRow("a CR in a header value is an error") << chromium << get << api
                                                        << HeaderList{{"X-Test", "a\rb"}} << header;
    QTest::newRow("an LF in a header value is an error")
        << chromium << get << api << HeaderList{{"X-Test", "a\nInjected: yes"}} << header;
    QTest::newRow("CRLF in a header value is an error")
        << chromium << get << api << HeaderList{{"X-Test", "a\r\nInjected: yes"}} << header;
    QTest::newRow("a NUL in a header value is an error")
        << chromium << get << api << HeaderList{{"X-Test", QByteArray("a\0b", 3)}} << header;
    QTest::newRow("a space in a header name is an error") << chromium << get << api
                                                          << HeaderList{{"X Test", "1"}} << header;
    QTest::newRow("a colon in a header name is an error") << chromium << get << api
                                                          << HeaderList{{"X:Test", "1"}} << header;
    QTest::newRow("a quote in a header name is an error") << chromium << get << api
                                                          << HeaderList{{"X\"Test", "1"}} << header;
    QTest::newRow("a slash in a header name is an error") << chromium << get << api
                                                          << HeaderList{{"X/Test", "1"}} << header;
    QTest::newRow("an empty header name is an error") << chromium << get << api << HeaderList{{"", "1"}}
                                                      << header;
    QTest::newRow("a non-ASCII header name is an error") << chromium << get << api
                                                         << HeaderList{{"X-\xc3\xa9", "1"}} << header;
    QTest::newRow("Cookie set by script is an error") << chromium << get << api << HeaderList{{"Cookie", "a=b"}}
                                                      << header;
    QTest::newRow("Host set by script is an error") << chromium << get << api << HeaderList{{"Host", "evil.test"}}
                                                    << header;
    QTest::newRow("Origin set by script is an error")
        << chromium << get << api << HeaderList{{"origin", "http://evil.test"}} << header;
    QTest::newRow("a Sec- header set by script is an error") << chromium << get << api
                                                             << HeaderList{{"Sec-Foo", "1"}} << header;
    QTest::newRow("a Proxy- header set by script is an error") << chromium << get << api
                                                               << HeaderList{{"Proxy-Bar", "1"}} << header;
    QTest::newRow("User-Agent set by script is an error in chromium")
        << chromium << get << api << HeaderList{{"User-Agent", "bot/1"}} << header;
    QTest::newRow("X-HTTP-Method-Override with TRACE is an error")
        << chromium << QByteArrayLiteral("POST") << api << HeaderList{{"X-HTTP-Method-Override", "TRACE"}} << header;
    QTest::newRow("CONNECT is a forbidden method") << chromium << QByteArrayLiteral("CONNECT") << api << HeaderList{}
                                                   << method;
    QTest::newRow("trace is a forbidden method") << chromium << QByteArrayLiteral("trace") << api << HeaderList{}
                                                 << method;
    QTest::newRow("Track is a forbidden method") << chromium << QByteArrayLiteral("Track") << api << HeaderList{}
                                                 << method;
    QTest::newRow("a method with a space is an error") << chromium << QByteArrayLiteral("GE T") << api
                                                       << HeaderList{} << method;
    QTest::newRow("a method with a quote is an error") << chromium << QByteArrayLiteral("PU\"T") << api
                                                       << HeaderList{} << method;
    QTest::newRow("a method with CRLF is an error") << chromium << QByteArrayLiteral("GET\r\nX: y") << api
                                                    << HeaderList{} << method;
    QTest::newRow("an empty method is an error") << chromium << QByteArray() << api << HeaderList{} << method;
    QTest::newRow("a malformed URL is an error") << chromium << get << QUrl(QStringLiteral("http://[::1/x"))
                                                 << HeaderList{} << urlField;
    QTest::newRow("an empty URL is an error") << chromium << get << QUrl() << HeaderList{} << urlField;
    QTest::newRow("a relative URL is an error") << chromium << get << QUrl(QStringLiteral("/x")) << HeaderList{}
                                                << urlField;
    QTest::newRow("an ftp URL is an error") << chromium << get << QUrl(QStringLiteral("ftp://api.test/x"))
                                            << HeaderList{} << urlField;
    QTest::newRow("a file URL is an error") << chromium << get << QUrl(QStringLiteral("file:///etc/passwd"))
                                            << HeaderList{} << urlField;
    QTest::newRow("a data URL is an error") << chromium << get << QUrl(QStringLiteral("data:,hello"))
                                            << HeaderList{} << urlField;
}

void tst_RequestValidation::validate()
{
    QFETCH(QString, profile);
    QFETCH(QByteArray, method);
    QFETCH(QUrl, url);
    QFETCH(HeaderList, headers);
    QFETCH(QString, errorField);

    FetchRequest request;
    request.method = method;
    request.url = url;
    request.headers = headers;
    request.origin = Origin::fromUrl(QUrl(QStringLiteral("http://app.test:3000")));

    const QList<InputError> errors = validateFetchRequest(request, profileNamed(profile));
    if (errorField.isEmpty()) {
        QStringList messages;
        for (const InputError &error : errors)
            messages.append(error.field + u": " + error.message);
        QVERIFY2(errors.isEmpty(), qPrintable(messages.join(u" | ")));
        return;
    }
    QVERIFY(!errors.isEmpty());
    bool fieldFound = false;
    for (const InputError &error : errors) {
        QVERIFY(!error.message.trimmed().isEmpty());
        fieldFound = fieldFound || error.field == errorField;
    }
    QVERIFY2(fieldFound, qPrintable(u"no error for the field " + errorField + u"; first: " + errors.first().field));
}

QTEST_GUILESS_MAIN(tst_RequestValidation)
#include "tst_requestvalidation.moc"
