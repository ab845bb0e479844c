#include "core/requestvalidation.h"

#include "core/httpsyntax.h"
#include "core/preflightdecision.h"

namespace corscope {

namespace {
QString printable(const QByteArray &bytes)
{
    QString text;
    for (char c : bytes) {
        if (c == '\r')
            text += u"\\r";
        else if (c == '\n')
            text += u"\\n";
        else if (c == '\0')
            text += u"\\0";
        else
            text += QChar::fromLatin1(c);
    }
    return text;
}
} // namespace

QList<InputError> validateFetchRequest(const FetchRequest &request, const BrowserProfile &profile)
{
    QList<InputError> errors;
    auto add = [&errors](const QString &field, const QString &message) { errors.append({field, message}); };

    const QUrl &url = request.url;
    const QString scheme = url.scheme().toLower();
    if (!url.isValid() || url.isRelative()) {
        add(QStringLiteral("url"), u"'" + url.toString() + u"' is not a valid absolute URL"
                                       + (url.errorString().isEmpty() ? QString() : u": " + url.errorString())
                                       + u'.');
    } else if (scheme != u"http" && scheme != u"https") {
        add(QStringLiteral("url"), u"'" + url.toString() + u"' is not an http or https URL.");
    } else if (url.host().isEmpty()) {
        add(QStringLiteral("url"), u"'" + url.toString() + u"' has no host.");
    } else if (!url.userInfo().isEmpty()) {
        add(QStringLiteral("url"), QStringLiteral("The URL contains a user name or password; fetch() throws "
                                                  "\"Request cannot be constructed from a URL that includes "
                                                  "credentials\"."));
    }

    if (!isToken(request.method)) {
        add(QStringLiteral("method"), u"'" + printable(request.method)
                                          + u"' is not a valid HTTP method (it must be a token, with no spaces "
                                            u"or separators).");
    } else if (isForbiddenMethod(request.method)) {
        add(QStringLiteral("method"), u"fetch() refuses the method " + QString::fromLatin1(request.method)
                                          + u": CONNECT, TRACE and TRACK are forbidden.");
    }

    for (const HeaderField &field : request.headers) {
        const QString name = printable(field.name);
        if (!isToken(field.name)) {
            add(QStringLiteral("header"), u"'" + name + u"' is not a valid header name (it must be a token, with "
                                              u"no spaces, colons or control characters).");
        } else if (containsLineBreakOrNul(field.value)) {
            add(QStringLiteral("header"), u"The value of " + name
                                              + u" contains a line break or NUL byte ('" + printable(field.value)
                                              + u"'); fetch() throws and it would inject header lines on the wire.");
        } else if (isForbiddenRequestHeader(field.name, field.value, profile)) {
            errors.append({QStringLiteral("header"),
                           name + u" is a forbidden request header: a page cannot set it, and " + profile.displayName
                               + u" silently drops it from the request. Remove it.",
                           true});
        }
    }

    if ((request.method.toUpper() == "GET" || request.method.toUpper() == "HEAD") && !request.body.isEmpty()) {
        add(QStringLiteral("body"), QStringLiteral("fetch() throws for a GET or HEAD request with a body."));
    }
    return errors;
}

} // namespace corscope
