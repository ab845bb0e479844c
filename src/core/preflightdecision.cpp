#include "core/preflightdecision.h"

#include "core/httpsyntax.h"

#include <QString>

#include <algorithm>
#include <cstring>

namespace corscope {

namespace {

constexpr qsizetype safelistedValueLimit = 128;
constexpr qsizetype safelistedTotalLimit = 1024;

QString quoted(const QByteArray &name, const QByteArray &value)
{
    return u'`' + QString::fromLatin1(name) + u": " + QString::fromLatin1(value) + u'`';
}

// Fetch: a CORS-unsafe request-header byte.
bool isCorsUnsafeByte(unsigned char c)
{
    if (c < 0x20 && c != 0x09)
        return true;
    return c == 0x7f || (c != 0 && std::strchr("\"():<>?@[\\]{}", c) != nullptr);
}

bool hasCorsUnsafeByte(const QByteArray &value)
{
    return std::any_of(value.cbegin(), value.cend(), [](char c) { return isCorsUnsafeByte(uchar(c)); });
}

bool isLanguageByte(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == ' '
           || (c != 0 && std::strchr("*,-.;=", c) != nullptr);
}

bool isHttpWhitespace(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

// WHATWG "parse a MIME type", reduced to what the essence needs: parameters never make it fail.
std::optional<QByteArray> mimeEssence(const QByteArray &input)
{
    qsizetype begin = 0;
    qsizetype end = input.size();
    while (begin < end && isHttpWhitespace(input.at(begin)))
        ++begin;
    while (end > begin && isHttpWhitespace(input.at(end - 1)))
        --end;
    const QByteArray value = input.mid(begin, end - begin);
    const qsizetype slash = value.indexOf('/');
    if (slash < 0)
        return std::nullopt;
    const QByteArray type = value.left(slash);
    QByteArray subtype = value.mid(slash + 1);
    if (const qsizetype semicolon = subtype.indexOf(';'); semicolon >= 0)
        subtype.truncate(semicolon);
    while (!subtype.isEmpty() && isHttpWhitespace(subtype.back()))
        subtype.chop(1);
    if (!isToken(type) || !isToken(subtype))
        return std::nullopt;
    return type.toLower() + '/' + subtype.toLower();
}

// bytes=START-[END], START required, no whitespace, one range, START <= END.
bool isSimpleRange(const QByteArray &value)
{
    if (!value.startsWith("bytes="))
        return false;
    const QByteArray spec = value.mid(6);
    const qsizetype dash = spec.indexOf('-');
    if (dash <= 0)
        return false;
    const QByteArray start = spec.left(dash);
    const QByteArray end = spec.mid(dash + 1);
    auto allDigits = [](const QByteArray &text) {
        return std::all_of(text.cbegin(), text.cend(), [](char c) { return c >= '0' && c <= '9'; });
    };
    if (!allDigits(start) || !allDigits(end))
        return false;
    if (end.isEmpty())
        return true;
    bool startOk = false;
    bool endOk = false;
    const qulonglong first = start.toULongLong(&startOk);
    const qulonglong last = end.toULongLong(&endOk);
    return startOk && endOk && first <= last;
}

bool isNumber(const QByteArray &value)
{
    bool ok = false;
    value.toDouble(&ok);
    return ok;
}

enum class Violation { None, Name, TooLong, UnsafeByte, ContentType, Range, ClientHint };

bool is(QByteArrayView name, QByteArrayView literal)
{
    return HeaderList::namesEqual(name, literal);
}

// Whether (name, value) is a CORS-safelisted request-header, and if not, why. Allocation-free:
// it runs for every header of every request.
Violation safelistViolation(const QByteArray &name, const QByteArray &value, const BrowserProfile &profile)
{
    const bool knownName = is(name, "accept") || is(name, "accept-language") || is(name, "content-language")
                           || is(name, "content-type") || is(name, "range");
    const bool clientHint = profile.safelistsClientHints
                            && (is(name, "dpr") || is(name, "save-data") || is(name, "viewport-width")
                                || is(name, "device-memory") || is(name, "width") || is(name, "rtt")
                                || is(name, "downlink") || is(name, "ect") || is(name, "intervention"));
    if (!knownName && !clientHint)
        return Violation::Name;
    if (value.size() > safelistedValueLimit)
        return Violation::TooLong;
    if (is(name, "accept"))
        return hasCorsUnsafeByte(value) ? Violation::UnsafeByte : Violation::None;
    if (is(name, "accept-language") || is(name, "content-language"))
        return std::all_of(value.cbegin(), value.cend(), isLanguageByte) ? Violation::None : Violation::UnsafeByte;
    if (is(name, "content-type")) {
        if (hasCorsUnsafeByte(value))
            return Violation::UnsafeByte;
        const auto essence = mimeEssence(value);
        const bool safelisted = essence == "application/x-www-form-urlencoded" || essence == "multipart/form-data"
                                || essence == "text/plain";
        return safelisted ? Violation::None : Violation::ContentType;
    }
    if (is(name, "range"))
        return isSimpleRange(value) ? Violation::None : Violation::Range;
    // Chromium's legacy client hints, each with its own value rule.
    bool ok = true;
    if (is(name, "save-data"))
        ok = value == "on";
    else if (is(name, "ect"))
        ok = value == "slow-2g" || value == "2g" || value == "3g" || value == "4g";
    else if (is(name, "intervention"))
        ok = !hasCorsUnsafeByte(value);
    else
        ok = isNumber(value);
    return ok ? Violation::None : Violation::ClientHint;
}

QString describeViolation(Violation violation, const QByteArray &name, const QByteArray &value)
{
    switch (violation) {
    case Violation::None:
        break;
    case Violation::Name:
        return u'`' + QString::fromLatin1(name) + u"` is not a CORS-safelisted request header.";
    case Violation::TooLong:
        return u"The value of `" + QString::fromLatin1(name) + u"` is " + QString::number(value.size())
               + u" bytes long; CORS-safelisted values are at most 128 bytes.";
    case Violation::UnsafeByte:
        return quoted(name, value) + u" contains a character that CORS-safelisted values may not contain.";
    case Violation::ContentType:
        return quoted(name, value)
               + u" is not CORS-safelisted: only application/x-www-form-urlencoded, multipart/form-data "
                 u"and text/plain are.";
    case Violation::Range:
        return quoted(name, value) + u" is not a simple range such as bytes=0- or bytes=0-99.";
    case Violation::ClientHint:
        return quoted(name, value) + u" is not a valid client-hint value.";
    }
    return {};
}

bool isForbiddenMethodValue(const QByteArray &value)
{
    const QByteArray upper = trimWhitespace(value).toUpper();
    return upper == "CONNECT" || upper == "TRACE" || upper == "TRACK";
}

} // namespace

QByteArray normalizeMethod(const QByteArray &method)
{
    const QByteArray upper = method.toUpper();
    for (const char *known : {"DELETE", "GET", "HEAD", "OPTIONS", "POST", "PUT"}) {
        if (upper == known)
            return upper;
    }
    return method;
}

bool isSafelistedMethod(const QByteArray &normalizedMethod)
{
    return normalizedMethod == "GET" || normalizedMethod == "HEAD" || normalizedMethod == "POST";
}

bool isForbiddenMethod(const QByteArray &method)
{
    return isForbiddenMethodValue(method);
}

bool isForbiddenRequestHeader(const QByteArray &name, const QByteArray &value, const BrowserProfile &profile)
{
    static constexpr QByteArrayView forbidden[] = {
        "accept-charset", "accept-encoding", "access-control-request-headers", "access-control-request-method",
        "connection", "content-length", "cookie", "cookie2", "date", "dnt", "expect", "host", "keep-alive",
        "origin", "referer", "set-cookie", "te", "trailer", "transfer-encoding", "upgrade", "via"};
    for (QByteArrayView entry : forbidden) {
        if (is(name, entry))
            return true;
    }
    auto hasPrefix = [&name](QByteArrayView prefix) {
        return name.size() >= prefix.size() && is(QByteArrayView(name).first(prefix.size()), prefix);
    };
    if (hasPrefix("proxy-") || hasPrefix("sec-"))
        return true;
    if (is(name, "user-agent"))
        return profile.userAgentIsForbidden;
    if (is(name, "x-http-method") || is(name, "x-http-method-override") || is(name, "x-method-override")) {
        const QList<QByteArray> methods = value.split(',');
        return std::any_of(methods.cbegin(), methods.cend(), isForbiddenMethodValue);
    }
    return false;
}

bool isSafelistedRequestHeader(const QByteArray &name, const QByteArray &value, const BrowserProfile &profile)
{
    return safelistViolation(name, value, profile) == Violation::None;
}

PreflightDecision decidePreflight(const QByteArray &method, const HeaderList &headers,
                                  const BrowserProfile &profile)
{
    PreflightDecision decision;
    if (!isSafelistedMethod(method)) {
        decision.methodIsUnsafe = true;
        decision.reasons.append(u'`' + QString::fromLatin1(method)
                                + u"` is not a CORS-safelisted method (only GET, HEAD and POST are).");
    }
    QList<QByteArray> unsafeNames;
    QList<QByteArray> potentiallyUnsafe;
    qsizetype safelistedBytes = 0;
    for (const HeaderField &field : headers) {
        if (isForbiddenRequestHeader(field.name, field.value, profile))
            continue;
        if (const Violation violation = safelistViolation(field.name, field.value, profile);
            violation != Violation::None) {
            unsafeNames.append(field.name.toLower());
            decision.reasons.append(describeViolation(violation, field.name, field.value));
        } else {
            potentiallyUnsafe.append(field.name.toLower());
            safelistedBytes += field.value.size();
        }
    }
    if (safelistedBytes > safelistedTotalLimit) {
        unsafeNames += potentiallyUnsafe;
        decision.reasons.append(QStringLiteral("The CORS-safelisted headers add up to %1 bytes; more than 1024 "
                                               "bytes in total need a preflight.")
                                    .arg(safelistedBytes));
    }
    std::sort(unsafeNames.begin(), unsafeNames.end());
    unsafeNames.erase(std::unique(unsafeNames.begin(), unsafeNames.end()), unsafeNames.end());
    decision.unsafeHeaderNames = unsafeNames;
    decision.needed = decision.methodIsUnsafe || !unsafeNames.isEmpty();
    return decision;
}

} // namespace corscope
