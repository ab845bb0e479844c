#include "core/preflightdecision.h"

#include "core/httpsyntax.h"

#include <QString>

#include <algorithm>
#include <cstring>

namespace corscope {

namespace {

constexpr qsizetype safelistedValueLimit = 128;
constexpr qsizetype safelistedTotalLimit = 1024;

// Fetch: a CORS-unsafe request-header byte, and the bytes of a safelisted language value. Tables:
// they run for every byte of every safelisted header value.
struct ByteClasses
{
    bool corsUnsafe[256] = {};
    bool language[256] = {};
};

constexpr ByteClasses byteClasses = [] {
    ByteClasses classes;
    for (int b = 0; b < 0x20; ++b)
        classes.corsUnsafe[b] = b != 0x09;
    classes.corsUnsafe[0x7f] = true;
    for (const char *p = "\"():<>?@[\\]{}"; *p; ++p)
        classes.corsUnsafe[static_cast<unsigned char>(*p)] = true;
    for (int b = '0'; b <= '9'; ++b)
        classes.language[b] = true;
    for (int b = 'a'; b <= 'z'; ++b)
        classes.language[b] = classes.language[b - 'a' + 'A'] = true;
    for (const char *p = " *,-.;="; *p; ++p)
        classes.language[static_cast<unsigned char>(*p)] = true;
    return classes;
}();

bool hasCorsUnsafeByte(const QByteArray &value)
{
    return std::any_of(value.cbegin(), value.cend(),
                       [](char c) { return byteClasses.corsUnsafe[static_cast<unsigned char>(c)]; });
}

bool isLanguageByte(char c)
{
    return byteClasses.language[static_cast<unsigned char>(c)];
}

bool isHttpWhitespace(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

// WHATWG "parse a MIME type" reduced to what the safelist needs (parameters never make it fail):
// whether the essence is application/x-www-form-urlencoded, multipart/form-data or text/plain.
bool hasSafelistedEssence(QByteArrayView input)
{
    qsizetype begin = 0;
    qsizetype end = input.size();
    while (begin < end && isHttpWhitespace(input.at(begin)))
        ++begin;
    while (end > begin && isHttpWhitespace(input.at(end - 1)))
        --end;
    const QByteArrayView value = input.sliced(begin, end - begin);
    const qsizetype slash = value.indexOf('/');
    if (slash < 0)
        return false;
    const QByteArrayView type = value.first(slash);
    QByteArrayView subtype = value.sliced(slash + 1);
    if (const qsizetype semicolon = subtype.indexOf(';'); semicolon >= 0)
        subtype.truncate(semicolon);
    while (!subtype.isEmpty() && isHttpWhitespace(subtype.back()))
        subtype.chop(1);
    if (!isToken(type) || !isToken(subtype))
        return false;
    auto is = [&](QByteArrayView t, QByteArrayView sub) {
        return HeaderList::namesEqual(type, t) && HeaderList::namesEqual(subtype, sub);
    };
    return is("application", "x-www-form-urlencoded") || is("multipart", "form-data") || is("text", "plain");
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

enum class SafelistedName { None, Accept, Language, ContentType, Range, SaveData, Ect, Intervention, NumericHint };

SafelistedName classifyName(QByteArrayView name, const BrowserProfile &profile)
{
    static constexpr struct
    {
        QByteArrayView name;
        SafelistedName kind;
        bool clientHint; // Chromium's legacy client hints
    } names[] = {
        {"accept", SafelistedName::Accept, false},
        {"accept-language", SafelistedName::Language, false},
        {"content-language", SafelistedName::Language, false},
        {"content-type", SafelistedName::ContentType, false},
        {"range", SafelistedName::Range, false},
        {"dpr", SafelistedName::NumericHint, true},
        {"save-data", SafelistedName::SaveData, true},
        {"viewport-width", SafelistedName::NumericHint, true},
        {"device-memory", SafelistedName::NumericHint, true},
        {"width", SafelistedName::NumericHint, true},
        {"rtt", SafelistedName::NumericHint, true},
        {"downlink", SafelistedName::NumericHint, true},
        {"ect", SafelistedName::Ect, true},
        {"intervention", SafelistedName::Intervention, true},
    };
    for (const auto &entry : names) {
        if (is(name, entry.name))
            return entry.clientHint && !profile.safelistsClientHints ? SafelistedName::None : entry.kind;
    }
    return SafelistedName::None;
}

// Whether (name, value) is a CORS-safelisted request-header, and if not, why. Allocation-free:
// it runs for every header of every request.
Violation safelistViolation(const QByteArray &name, const QByteArray &value, const BrowserProfile &profile)
{
    const SafelistedName kind = classifyName(name, profile);
    if (kind == SafelistedName::None)
        return Violation::Name;
    if (value.size() > safelistedValueLimit)
        return Violation::TooLong;
    switch (kind) {
    case SafelistedName::None:
        break;
    case SafelistedName::Accept:
        return hasCorsUnsafeByte(value) ? Violation::UnsafeByte : Violation::None;
    case SafelistedName::Language:
        return std::all_of(value.cbegin(), value.cend(), isLanguageByte) ? Violation::None : Violation::UnsafeByte;
    case SafelistedName::ContentType:
        if (hasCorsUnsafeByte(value))
            return Violation::UnsafeByte;
        return hasSafelistedEssence(value) ? Violation::None : Violation::ContentType;
    case SafelistedName::Range:
        return isSimpleRange(value) ? Violation::None : Violation::Range;
    case SafelistedName::SaveData:
        return value == "on" ? Violation::None : Violation::ClientHint;
    case SafelistedName::Ect: {
        const bool ok = value == "slow-2g" || value == "2g" || value == "3g" || value == "4g";
        return ok ? Violation::None : Violation::ClientHint;
    }
    case SafelistedName::Intervention:
        return hasCorsUnsafeByte(value) ? Violation::ClientHint : Violation::None;
    case SafelistedName::NumericHint:
        return isNumber(value) ? Violation::None : Violation::ClientHint;
    }
    return Violation::Name;
}

PreflightReason::Kind reasonKind(Violation violation)
{
    switch (violation) {
    case Violation::None:
    case Violation::Name:
        break;
    case Violation::TooLong:
        return PreflightReason::Kind::ValueTooLong;
    case Violation::UnsafeByte:
        return PreflightReason::Kind::UnsafeByte;
    case Violation::ContentType:
        return PreflightReason::Kind::ContentType;
    case Violation::Range:
        return PreflightReason::Kind::Range;
    case Violation::ClientHint:
        return PreflightReason::Kind::ClientHint;
    }
    return PreflightReason::Kind::UnsafeHeaderName;
}

bool isForbiddenMethodValue(const QByteArray &value)
{
    const QByteArray upper = trimWhitespace(value).toUpper();
    return upper == "CONNECT" || upper == "TRACE" || upper == "TRACK";
}

} // namespace

QByteArray normalizeMethod(const QByteArray &method)
{
    static const QByteArray known[] = {QByteArrayLiteral("DELETE"), QByteArrayLiteral("GET"),
                                       QByteArrayLiteral("HEAD"),   QByteArrayLiteral("OPTIONS"),
                                       QByteArrayLiteral("POST"),   QByteArrayLiteral("PUT")};
    for (const QByteArray &upper : known) {
        if (HeaderList::namesEqual(method, upper)) // ASCII case-insensitive, as the standard's byte-uppercase
            return method == upper ? method : upper;
    }
    return method;
}

bool isSafelistedMethod(const QByteArray &normalizedMethod)
{
    const QByteArrayView m = normalizedMethod;
    return m == QByteArrayView("GET") || m == QByteArrayView("HEAD") || m == QByteArrayView("POST");
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
    // Bit n is set when some entry above is n bytes long: most names skip the loop.
    static constexpr quint32 entryLengths = [] {
        quint32 bits = 0;
        for (QByteArrayView entry : forbidden)
            bits |= 1u << entry.size();
        return bits;
    }();
    if (name.size() < 32 && (entryLengths & (1u << name.size()))) {
        for (QByteArrayView entry : forbidden) {
            if (is(name, entry))
                return true;
        }
    }
    auto hasPrefix = [&name](QByteArrayView prefix) {
        return name.size() >= prefix.size() && is(QByteArrayView(name).first(prefix.size()), prefix);
    };
    const char first = name.isEmpty() ? '\0' : char(name.front() | 0x20);
    if ((first == 'p' && hasPrefix("proxy-")) || (first == 's' && hasPrefix("sec-")))
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
    decision.reasons.reserve(headers.size() + 1);
    if (!isSafelistedMethod(method)) {
        decision.methodIsUnsafe = true;
        decision.reasons.append({PreflightReason::Kind::UnsafeMethod, method, {}, 0, {}});
    }
    qsizetype safelistedBytes = 0;
    for (const HeaderField &field : headers) {
        if (isForbiddenRequestHeader(field.name, field.value, profile))
            continue;
        if (const Violation violation = safelistViolation(field.name, field.value, profile);
            violation != Violation::None) {
            decision.unsafeHeaderNames.append(HeaderList::lowercaseName(field.name));
            decision.reasons.append({reasonKind(violation), field.name, field.value, 0, {}});
        } else {
            safelistedBytes += field.value.size();
        }
    }
    if (safelistedBytes > safelistedTotalLimit) {
        // Rare: every safelisted header joins the preflight too. A second pass beats collecting them all.
        for (const HeaderField &field : headers) {
            if (!isForbiddenRequestHeader(field.name, field.value, profile)
                && safelistViolation(field.name, field.value, profile) == Violation::None) {
                decision.unsafeHeaderNames.append(HeaderList::lowercaseName(field.name));
            }
        }
        decision.reasons.append({PreflightReason::Kind::TotalTooLong, {}, {}, safelistedBytes, {}});
    }
    QList<QByteArray> &names = decision.unsafeHeaderNames;
    std::sort(names.begin(), names.end());
    names.erase(std::unique(names.begin(), names.end()), names.end());
    decision.needed = decision.methodIsUnsafe || !names.isEmpty();
    return decision;
}

} // namespace corscope
