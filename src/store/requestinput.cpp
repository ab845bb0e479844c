#include "store/requestinput.h"

#include "core/requestvalidation.h"

namespace corscope {

namespace {
bool splitHeaderLine(const QString &line, QByteArray *name, QByteArray *value)
{
    const qsizetype colon = line.indexOf(u':');
    if (colon <= 0)
        return false;
    *name = line.left(colon).toUtf8();
    // fetch() normalizes values: leading and trailing spaces and tabs are not part of them.
    QString rest = line.mid(colon + 1);
    while (!rest.isEmpty() && (rest.front() == u' ' || rest.front() == u'\t'))
        rest.remove(0, 1);
    while (!rest.isEmpty() && (rest.back() == u' ' || rest.back() == u'\t'))
        rest.chop(1);
    *value = rest.toUtf8();
    return true;
}
} // namespace

std::optional<BuiltRequest> buildRequest(const RequestInput &input, QStringList *errors, ForbiddenHeaders forbidden)
{
    QStringList problems;
    BuiltRequest built;

    const auto profile = BrowserProfile::fromName(input.browser);
    if (!profile)
        problems.append(u"Unknown browser '" + input.browser + u"': use chromium, firefox or safari.");
    built.profile = profile.value_or(BrowserProfile::chromium());

    const QString typedUrl = input.url.trimmed();
    bool urlReported = false;
    if (typedUrl.isEmpty()) {
        problems.append(QStringLiteral("No URL given."));
        urlReported = true;
    } else {
        // Tolerant like the WHATWG URL parser behind fetch(): spaces and quotes get percent-encoded.
        built.request.url = QUrl(typedUrl, QUrl::TolerantMode);
        if (!built.request.url.isValid()) {
            // QUrl appends "; source was ..." diagnostics that only repeat the input.
            const QString reason = built.request.url.errorString().section(u';', 0, 0);
            problems.append(u"'" + typedUrl + u"' is not a valid absolute URL: " + reason + u'.');
            urlReported = true;
        }
    }

    if (input.origin.trimmed().isEmpty()) {
        problems.append(QStringLiteral("No page origin given: pass --origin, e.g. --origin http://localhost:3000."));
    } else {
        QString error;
        if (auto origin = Origin::parse(input.origin, &error))
            built.request.origin = *origin;
        else
            problems.append(error);
    }

    built.request.method = input.method.toUtf8();
    for (const QString &line : input.headerLines) {
        QByteArray name;
        QByteArray value;
        if (!splitHeaderLine(line, &name, &value)) {
            problems.append(u"'" + line + u"' is not a header; write it as 'Name: value'.");
            continue;
        }
        built.request.headers.append(name, value);
    }
    built.request.body = input.body;

    if (auto credentials = credentialsModeFromName(input.credentials))
        built.request.credentials = *credentials;
    else
        problems.append(u"Unknown credentials mode '" + input.credentials + u"': use omit, same-origin or include.");
    if (auto redirect = redirectModeFromName(input.redirect))
        built.request.redirect = *redirect;
    else
        problems.append(u"Unknown redirect mode '" + input.redirect + u"': use follow, error or manual.");

    for (const InputError &error : validateFetchRequest(built.request, built.profile)) {
        if (error.field == u"url" && urlReported)
            continue;
        if (error.droppedByBrowser && forbidden == ForbiddenHeaders::Drop)
            continue;
        problems.append(error.message);
    }
    if (!problems.isEmpty()) {
        if (errors)
            *errors += problems;
        return std::nullopt;
    }
    return built;
}

RequestInput inputFor(const FetchRequest &request, const BrowserProfile &profile)
{
    RequestInput input;
    input.url = QString::fromUtf8(request.url.toEncoded());
    input.origin = QString::fromLatin1(request.origin.serialize());
    input.method = QString::fromUtf8(request.method);
    for (const HeaderField &field : request.headers)
        input.headerLines.append(QString::fromUtf8(field.name) + u": " + QString::fromUtf8(field.value));
    input.body = request.body;
    input.credentials = credentialsModeName(request.credentials);
    input.redirect = redirectModeName(request.redirect);
    input.browser = browserName(profile.browser);
    return input;
}

} // namespace corscope
