#include "core/consolemessage.h"

namespace corscope {

namespace {

QString latin1(const QByteArray &bytes)
{
    return QString::fromLatin1(bytes);
}

// Chromium escapes hints that are not printable ASCII as \uXXXX.
QString chromiumHint(const QByteArray &hint)
{
    QString result;
    for (char c : hint) {
        const auto byte = uchar(c);
        if (byte < 0x20 || byte >= 0x7f)
            result += QStringLiteral("\\u%1").arg(int(byte), 4, 16, QLatin1Char('0'));
        else
            result += QChar::fromLatin1(c);
    }
    return result;
}

QString chromiumDetail(const CheckFailure &failure, const MessageContext &context)
{
    const QString hint = chromiumHint(failure.hint);
    const QString validValueHint = QStringLiteral(" Have the server send the header with a valid value.");
    switch (failure.check) {
    case CheckId::MissingAllowOrigin:
        return QStringLiteral("No 'Access-Control-Allow-Origin' header is present on the requested resource.");
    case CheckId::MultipleAllowOrigin:
        return u"The 'Access-Control-Allow-Origin' header contains multiple values '" + hint
               + u"', but only one is allowed." + validValueHint;
    case CheckId::InvalidAllowOrigin:
        return u"The 'Access-Control-Allow-Origin' header contains the invalid value '" + hint + u"'."
               + validValueHint;
    case CheckId::AllowOriginMismatch:
        return u"The 'Access-Control-Allow-Origin' header has a value '" + hint
               + u"' that is not equal to the supplied origin." + validValueHint;
    case CheckId::WildcardOriginWithCredentials:
        return QStringLiteral("The value of the 'Access-Control-Allow-Origin' header in the response must not be "
                              "the wildcard '*' when the request's credentials mode is 'include'.");
    case CheckId::InvalidAllowCredentials:
        return u"The value of the 'Access-Control-Allow-Credentials' header in the response is '" + hint
               + u"' which must be 'true' when the request's credentials mode is 'include'.";
    case CheckId::PreflightInvalidStatus:
        return QStringLiteral("It does not have HTTP ok status.");
    case CheckId::PreflightDisallowedRedirect:
        return QStringLiteral("Redirect is not allowed for a preflight request.");
    case CheckId::InvalidAllowMethods:
        return QStringLiteral(
            "Cannot parse Access-Control-Allow-Methods response header field in preflight response.");
    case CheckId::InvalidAllowHeaders:
        return QStringLiteral(
            "Cannot parse Access-Control-Allow-Headers response header field in preflight response.");
    case CheckId::MethodDisallowed:
        return u"Method " + hint + u" is not allowed by Access-Control-Allow-Methods in preflight response.";
    case CheckId::HeaderDisallowed:
        return u"Request header field " + hint
               + u" is not allowed by Access-Control-Allow-Headers in preflight response.";
    case CheckId::RedirectContainsCredentials:
        return QStringLiteral("Redirect location '' contains a username and password, which is disallowed for "
                              "cross-origin requests.");
    case CheckId::NetworkError:
    case CheckId::Other:
        break;
    }
    Q_UNUSED(context);
    return hint;
}

bool hasPreflightPrefix(CheckId check)
{
    switch (check) {
    case CheckId::MissingAllowOrigin:
    case CheckId::MultipleAllowOrigin:
    case CheckId::InvalidAllowOrigin:
    case CheckId::AllowOriginMismatch:
    case CheckId::WildcardOriginWithCredentials:
    case CheckId::InvalidAllowCredentials:
    case CheckId::PreflightInvalidStatus:
    case CheckId::PreflightDisallowedRedirect:
        return true;
    default:
        return false;
    }
}

QString chromiumMessage(const CheckFailure &failure, const MessageContext &context)
{
    if (failure.check == CheckId::NetworkError)
        return u"Failed to load resource: " + context.networkError;
    QString message = u"Access to fetch at '" + browserUrlString(context.currentUrl) + u'\'';
    if (browserUrlString(context.initialUrl) != browserUrlString(context.currentUrl))
        message += u" (redirected from '" + browserUrlString(context.initialUrl) + u"')";
    message += u" from origin '" + latin1(context.initiatorOrigin) + u"' has been blocked by CORS policy: ";
    if (context.stage == Stage::Preflight && hasPreflightPrefix(failure.check))
        message += QStringLiteral("Response to preflight request doesn't pass access control check: ");
    return message + chromiumDetail(failure, context);
}

QString firefoxMessage(const CheckFailure &failure, const MessageContext &context)
{
    const QString url = browserUrlString(context.currentUrl);
    const QString status = QString::number(context.status);
    QString reason;
    bool quoteUrl = false;
    switch (failure.check) {
    case CheckId::MissingAllowOrigin:
        reason = u"CORS header \u2018Access-Control-Allow-Origin\u2019 missing). Status code: " + status + u'.';
        break;
    case CheckId::MultipleAllowOrigin:
        reason = QStringLiteral("Multiple CORS header \u2018Access-Control-Allow-Origin\u2019 not allowed).");
        break;
    case CheckId::InvalidAllowOrigin:
    case CheckId::AllowOriginMismatch:
        reason = u"CORS header \u2018Access-Control-Allow-Origin\u2019 does not match \u2018" + latin1(failure.hint)
                 + u"\u2019).";
        break;
    case CheckId::WildcardOriginWithCredentials:
        reason = QStringLiteral(
            "Credential is not supported if the CORS header \u2018Access-Control-Allow-Origin\u2019 is \u2018*\u2019).");
        quoteUrl = true;
        break;
    case CheckId::InvalidAllowCredentials:
        reason = QStringLiteral("expected \u2018true\u2019 in CORS header \u2018Access-Control-Allow-Credentials\u2019).");
        break;
    case CheckId::PreflightInvalidStatus:
        reason = u"CORS preflight response did not succeed). Status code: " + status + u'.';
        break;
    case CheckId::PreflightDisallowedRedirect:
        reason = QStringLiteral("CORS request external redirect not allowed).");
        break;
    case CheckId::InvalidAllowMethods:
        reason = u"invalid token \u2018" + latin1(failure.hint)
                 + u"\u2019 in CORS header \u2018Access-Control-Allow-Methods\u2019).";
        break;
    case CheckId::InvalidAllowHeaders:
        reason = u"invalid token \u2018" + latin1(failure.hint)
                 + u"\u2019 in CORS header \u2018Access-Control-Allow-Headers\u2019).";
        break;
    case CheckId::MethodDisallowed:
        reason = QStringLiteral("Did not find method in CORS header \u2018Access-Control-Allow-Methods\u2019).");
        break;
    case CheckId::HeaderDisallowed:
        reason = u"header \u2018" + latin1(failure.hint)
                 + u"\u2019 is not allowed according to header \u2018Access-Control-Allow-Headers\u2019 from CORS "
                   u"preflight response).";
        break;
    case CheckId::RedirectContainsCredentials:
    case CheckId::NetworkError:
    case CheckId::Other:
        reason = QStringLiteral("CORS request did not succeed). Status code: (null).");
        break;
    }
    const QString shownUrl = quoteUrl ? u"\u2018" + url + u"\u2019" : url;
    return u"Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at "
           + shownUrl + u". (Reason: " + reason;
}

QString safariMessage(const CheckFailure &failure, const MessageContext &context)
{
    const QString url = browserUrlString(context.currentUrl);
    const QString status = QString::number(context.status);
    const QString trailer = u"\nFetch API cannot load " + url + u" due to access control checks.";
    switch (failure.check) {
    case CheckId::MissingAllowOrigin:
    case CheckId::InvalidAllowOrigin:
    case CheckId::AllowOriginMismatch:
        return u"Origin " + latin1(context.initiatorOrigin)
               + u" is not allowed by Access-Control-Allow-Origin. Status code: " + status + trailer;
    case CheckId::MultipleAllowOrigin:
        return u"Access-Control-Allow-Origin cannot contain more than one origin." + trailer;
    case CheckId::WildcardOriginWithCredentials:
        return u"Cannot use wildcard in Access-Control-Allow-Origin when credentials flag is true." + trailer;
    case CheckId::InvalidAllowCredentials:
        return u"Credentials flag is true, but Access-Control-Allow-Credentials is not \"true\"." + trailer;
    case CheckId::PreflightInvalidStatus:
    case CheckId::PreflightDisallowedRedirect:
        return u"Preflight response is not successful. Status code: " + status + trailer;
    case CheckId::InvalidAllowMethods:
        return u"Header Access-Control-Allow-Methods has an invalid value: " + latin1(failure.hint) + trailer;
    case CheckId::InvalidAllowHeaders:
        return u"Header Access-Control-Allow-Headers has an invalid value: " + latin1(failure.hint) + trailer;
    case CheckId::MethodDisallowed:
        return u"Method " + latin1(failure.hint) + u" is not allowed by Access-Control-Allow-Methods." + trailer;
    case CheckId::HeaderDisallowed:
        return u"Request header field "
               + latin1(context.scriptHeaderName.isEmpty() ? failure.hint : context.scriptHeaderName)
               + u" is not allowed by Access-Control-Allow-Headers." + trailer;
    case CheckId::RedirectContainsCredentials:
        return u"Cross-origin redirection to " + url
               + u" denied by Cross-Origin Resource Sharing policy: redirection URL has credentials" + trailer;
    case CheckId::NetworkError:
    case CheckId::Other:
        break;
    }
    return u"Failed to load resource: " + context.networkError;
}

} // namespace

QString browserUrlString(const QUrl &url)
{
    QUrl shown = url.adjusted(QUrl::RemoveUserInfo);
    if (shown.path().isEmpty() && !shown.host().isEmpty())
        shown.setPath(QStringLiteral("/"));
    return shown.toString(QUrl::FullyEncoded);
}

QString consoleMessage(const BrowserProfile &profile, const CheckFailure &failure, const MessageContext &context)
{
    switch (profile.browser) {
    case Browser::Chromium:
        return chromiumMessage(failure, context);
    case Browser::Firefox:
        return firefoxMessage(failure, context);
    case Browser::Safari:
        return safariMessage(failure, context);
    }
    return {};
}

} // namespace corscope
