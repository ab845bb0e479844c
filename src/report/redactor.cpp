#include "report/redactor.h"

#include "report/knownsecrets.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QUrl>

#include <algorithm>
#include <functional>

namespace corscope {

namespace {

// Values shorter than this, or plain short words, are masked where they are but not hunted elsewhere:
// masking every "true" or "1" in a report would make it unreadable.
bool worthHunting(const QString &value)
{
    if (value.size() < 6 || value == Redactor::mask())
        return false;
    const bool plainWord = std::all_of(value.cbegin(), value.cend(), [](QChar c) { return c.isLetter(); });
    return !plainWord || value.size() >= 12;
}

bool containsAny(QStringView lower, std::initializer_list<QStringView> parts)
{
    return std::any_of(parts.begin(), parts.end(), [lower](QStringView part) { return lower.contains(part); });
}

bool isOneOf(QStringView lower, std::initializer_list<QStringView> names)
{
    return std::find(names.begin(), names.end(), lower) != names.end();
}

const QRegularExpression &urlInText()
{
    static const QRegularExpression re(QStringLiteral(R"((?:https?|wss?)://[^\s'"<>`]+)"),
                                       QRegularExpression::CaseInsensitiveOption);
    return re;
}

const QRegularExpression &bearerInText()
{
    static const QRegularExpression re(QStringLiteral(R"(\b(bearer)(\s+)([A-Za-z0-9._~+/=-]+))"),
                                       QRegularExpression::CaseInsensitiveOption);
    return re;
}

// Every rule below must stay linear in the length of the text: reports are made of what servers send,
// and a server can send a megabyte of one header. The two ways a pattern turns quadratic here are a
// match attempt at every position of a long run that scans to the end of the run each time, and a
// scan that fails and then backtracks over what it consumed. So attempts start only where a run
// starts (a lookbehind), runs are consumed possessively (*+, ++) when the next token cannot be part of
// them anyway, and checks that need to look inside a run are atomic lookaheads. tst_redactor feeds
// 1 MB values of each shape through them; bench_redaction prints the time per size.

bool isJwtCharacter(QChar c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9') || c == u'_'
           || c == u'-';
}

// \w of a regular expression without Unicode properties.
bool isWordCharacter(QChar c)
{
    return isJwtCharacter(c) && c != u'-';
}

// A part of a text to be masked.
struct Span
{
    qsizetype start = 0;
    qsizetype length = 0;
};

// Where JWTs are: "eyJ" at a word start, 4 or more more characters, a dot, 4 or more, a dot, the
// signature (possibly empty); what `\beyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*` matches.
// Written out because as a pattern, every "eyJ" start in a long run ("eyJ-eyJ-eyJ-...") scanned to the
// end of the run again; here a failed start skips the rest of its run, where every start fails alike.
QList<Span> jwtSpans(const QString &text)
{
    const qsizetype size = text.size();
    const auto runEnd = [&text, size](qsizetype from) {
        while (from < size && isJwtCharacter(text.at(from)))
            ++from;
        return from;
    };
    QList<Span> spans;
    qsizetype at = 0;
    while (at + 3 <= size) {
        const bool starts = text.at(at) == u'e' && text.at(at + 1) == u'y' && text.at(at + 2) == u'J'
                            && (at == 0 || !isWordCharacter(text.at(at - 1)));
        if (!starts) {
            ++at;
            continue;
        }
        const qsizetype header = runEnd(at + 3);
        if (header - (at + 3) >= 4 && header < size && text.at(header) == u'.') {
            const qsizetype payload = runEnd(header + 1);
            if (payload - (header + 1) >= 4 && payload < size && text.at(payload) == u'.') {
                const qsizetype end = runEnd(payload + 1);
                spans.append({at, end - at});
                at = end;
                continue;
            }
        }
        at = qMax(header, at + 1);
    }
    return spans;
}

// "name": "value", name=value, name: value, for secret-looking names; group 3, 4 or 5 is the value.
// The name is a whole run of name characters whose last dot-separated part contains the secret word
// (the lookbehind keeps attempts to where a run starts; the possessive runs never re-scan).
const QRegularExpression &secretPairInText()
{
    static const QRegularExpression re(
        QStringLiteral(R"re((["']?)(?<![A-Za-z0-9_.-])((?:[A-Za-z0-9_-]*+\.)*+)re"
                       R"re((?=[A-Za-z0-9_-]*?(?:token|secret|api[-_]?key|passw(?:or)?d|signature|session[-_]?id)))re"
                       R"re([A-Za-z0-9_-]*+))re"
                       R"re(\1\s*+[:=]\s*+(?:"((?:[^"\\]|\\.)*+)"|'([^']*+)'|([^"'\s&,;{}<>\[\]]++)))re"),
        QRegularExpression::CaseInsensitiveOption);
    return re;
}

// Replaces spans (in order, not overlapping) by the mask, in one pass over the text.
QString maskSpans(const QString &input, const QList<Span> &spans, const std::function<void(const QString &)> &record)
{
    if (spans.isEmpty())
        return input;
    QString output;
    output.reserve(input.size());
    qsizetype copied = 0;
    for (const Span &span : spans) {
        const QStringView part = QStringView(input).mid(span.start, span.length);
        output += QStringView(input).mid(copied, span.start - copied);
        if (part == Redactor::mask()) {
            output += part;
        } else {
            record(part.toString());
            output += Redactor::mask();
        }
        copied = span.start + span.length;
    }
    output += QStringView(input).mid(copied);
    return output;
}

// Masks the given capture groups of every match (of one match, the groups that took part).
QString maskGroups(const QString &input, const QRegularExpression &re, std::initializer_list<int> groups,
                   const std::function<void(const QString &)> &record)
{
    QList<Span> spans;
    for (auto it = re.globalMatch(input); it.hasNext();) {
        const QRegularExpressionMatch match = it.next();
        qsizetype end = spans.isEmpty() ? 0 : spans.last().start + spans.last().length;
        for (int group : groups) {
            // Groups of one match in their order in the text; a group inside an earlier one is skipped.
            if (match.capturedStart(group) < end || match.capturedLength(group) == 0)
                continue;
            spans.append({match.capturedStart(group), match.capturedLength(group)});
            end = match.capturedEnd(group);
        }
    }
    return maskSpans(input, spans, record);
}

QString decoded(const QString &component)
{
    QString plus = component;
    plus.replace(u'+', u' ');
    return QUrl::fromPercentEncoding(plus.toUtf8());
}

} // namespace

void Redactor::Found::add(const QString &value)
{
    // A set beside the list: a body with thousands of secret fields must not compare each with all.
    if (worthHunting(value) && !seen.contains(value)) {
        seen.insert(value);
        values.append(value);
    }
    const QString plain = decoded(value);
    if (plain != value && worthHunting(plain) && !seen.contains(plain)) {
        seen.insert(plain);
        values.append(plain);
    }
}

QString Redactor::mask()
{
    return QStringLiteral(u"\u2022\u2022\u2022\u2022\u2022\u2022");
}

void Redactor::addPattern(const QRegularExpression &pattern)
{
    m_patterns.append(pattern);
}

bool Redactor::isSecretHeader(QStringView name)
{
    const QString lower = name.trimmed().toString().toLower();
    if (lower.startsWith(u"access-control-"))
        return false;
    if (isOneOf(lower, {u"authorization", u"proxy-authorization", u"cookie", u"set-cookie", u"x-api-key",
                        u"api-key", u"apikey", u"x-auth-token", u"x-access-token", u"x-csrf-token",
                        u"x-xsrf-token", u"x-csrftoken", u"x-amz-security-token", u"x-amz-credential",
                        u"x-goog-api-key", u"x-auth", u"x-session-id", u"x-refresh-token"}))
        return true;
    return containsAny(lower, {u"token", u"secret", u"api-key", u"apikey", u"api_key", u"password", u"passwd",
                               u"signature", u"session"});
}

bool Redactor::isSecretParameter(QStringView name)
{
    const QString lower = name.trimmed().toString().toLower();
    if (isOneOf(lower, {u"token", u"access_token", u"id_token", u"refresh_token", u"api_key", u"apikey",
                        u"api-key", u"key", u"secret", u"client_secret", u"password", u"passwd", u"pwd", u"pass",
                        u"sig", u"signature", u"auth", u"code", u"jwt", u"session", u"sessionid", u"sid",
                        u"assertion", u"otp", u"x-amz-signature", u"x-amz-credential", u"x-amz-security-token",
                        u"x-goog-signature", u"x-goog-credential"}))
        return true;
    return containsAny(lower, {u"token", u"secret", u"password", u"passwd", u"signature", u"apikey", u"api_key",
                               u"api-key"});
}

bool Redactor::isSecretField(QStringView name)
{
    const QString lower = name.trimmed().toString().toLower();
    if (isOneOf(lower, {u"key", u"auth", u"sig", u"jwt", u"otp", u"pin", u"pwd", u"authorization", u"cookie"}))
        return true;
    return containsAny(lower, {u"token", u"secret", u"password", u"passwd", u"signature", u"apikey", u"api_key",
                               u"api-key", u"privatekey", u"private_key", u"sessionid", u"session_id"});
}

QString Redactor::headerValue(QStringView name, const QString &value, Found &found) const
{
    const QString lower = name.trimmed().toString().toLower();
    if (value.isEmpty())
        return value;
    if (lower == u"authorization" || lower == u"proxy-authorization") {
        static const QRegularExpression scheme(QStringLiteral(R"(^\s*([A-Za-z][A-Za-z0-9_-]*)(\s+)(\S.*)$)"));
        const QRegularExpressionMatch match = scheme.match(value);
        if (match.hasMatch()) {
            found.add(match.captured(3).trimmed());
            return match.captured(1) + match.captured(2) + mask();
        }
        found.add(value.trimmed());
        return mask();
    }
    if (lower == u"cookie" || lower == u"set-cookie") {
        // Cookie: every pair; Set-Cookie: the first pair only, the attributes (Path, Expires...) stay.
        QStringList parts = value.split(u';');
        for (qsizetype i = 0; i < parts.size(); ++i) {
            if (lower == u"set-cookie" && i > 0)
                break;
            const QString part = parts.at(i);
            const qsizetype equals = part.indexOf(u'=');
            if (equals < 0) {
                if (!part.trimmed().isEmpty()) {
                    found.add(part.trimmed());
                    parts[i] = (part.startsWith(u' ') ? QStringLiteral(" ") : QString()) + mask();
                }
                continue;
            }
            const QString cookieValue = part.mid(equals + 1).trimmed();
            if (cookieValue.isEmpty())
                continue;
            found.add(cookieValue);
            parts[i] = part.left(equals + 1) + mask();
        }
        return parts.join(u';');
    }
    if (isSecretHeader(lower)) {
        found.add(value.trimmed());
        return mask();
    }
    if (lower == u"location" || lower == u"content-location" || lower == u"referer")
        return url(value, found);
    return value;
}

QString Redactor::url(const QString &text, Found &found) const
{
    QString rest = text;
    QString fragment;
    const qsizetype hash = rest.indexOf(u'#');
    if (hash >= 0) {
        fragment = rest.mid(hash + 1);
        rest.truncate(hash);
    }
    QString query;
    bool hasQuery = false;
    const qsizetype question = rest.indexOf(u'?');
    if (question >= 0) {
        query = rest.mid(question + 1);
        rest.truncate(question);
        hasQuery = true;
    }
    // user:password@ in the authority.
    static const QRegularExpression userInfo(QStringLiteral(R"(^([A-Za-z][A-Za-z0-9+.-]*://)([^/@]*)@)"));
    const QRegularExpressionMatch match = userInfo.match(rest);
    if (match.hasMatch() && !match.captured(2).isEmpty()) {
        const QString info = match.captured(2);
        const qsizetype colon = info.indexOf(u':');
        QString masked;
        if (colon >= 0) {
            found.add(info.mid(colon + 1));
            masked = info.left(colon + 1) + mask();
        } else {
            found.add(info);
            masked = mask();
        }
        rest.replace(match.capturedStart(2), match.capturedLength(2), masked);
    }
    QString result = rest;
    if (hasQuery)
        result += u'?' + parameters(query, found);
    if (hash >= 0)
        result += u'#' + (fragment.contains(u'=') ? parameters(fragment, found) : fragment);
    return result;
}

QString Redactor::parameters(const QString &query, Found &found) const
{
    QStringList pairs = query.split(u'&');
    for (QString &pair : pairs) {
        const qsizetype equals = pair.indexOf(u'=');
        if (equals <= 0)
            continue;
        const QString value = pair.mid(equals + 1);
        if (value.isEmpty() || value == mask() || !isSecretParameter(decoded(pair.left(equals))))
            continue;
        found.add(value);
        pair = pair.left(equals + 1) + mask();
    }
    return pairs.join(u'&');
}

QString Redactor::body(const QString &text, Found &found) const
{
    const QString trimmed = text.trimmed();
    if (trimmed.startsWith(u'{') || trimmed.startsWith(u'[')) {
        // Nested values under a secret key ("password": {...}) are found through the parsed document and
        // masked by the last walk; scalar values are masked in place so the body keeps its formatting.
        const QJsonDocument document = QJsonDocument::fromJson(text.toUtf8());
        std::function<void(const QJsonValue &, bool)> collect = [&](const QJsonValue &value, bool secret) {
            if (value.isObject()) {
                const QJsonObject object = value.toObject();
                for (auto it = object.begin(); it != object.end(); ++it)
                    collect(it.value(), secret || isSecretField(it.key()));
            } else if (value.isArray()) {
                for (const QJsonValue &item : value.toArray())
                    collect(item, secret);
            } else if (secret && value.isString()) {
                found.add(value.toString());
            } else if (secret && value.isDouble()) {
                found.add(QString::number(value.toDouble(), 'g', 17));
            }
        };
        if (!document.isNull())
            collect(document.isObject() ? QJsonValue(document.object()) : QJsonValue(document.array()), false);
        return text; // the text walk masks "key": "value" pairs in place
    }
    if (!trimmed.contains(u'\n') && !trimmed.contains(u' ') && trimmed.contains(u'='))
        return parameters(text, found);
    return text;
}

QString Redactor::text(const QString &input, Found &found) const
{
    const auto record = [&found](const QString &value) { found.add(value); };
    // URLs first: their query parameters follow the query rules, not the free-text ones. Built in one
    // pass: replacing in place moves the rest of the text once per URL.
    QString output;
    qsizetype copied = 0;
    for (auto it = urlInText().globalMatch(input); it.hasNext();) {
        const QRegularExpressionMatch match = it.next();
        output += QStringView(input).mid(copied, match.capturedStart() - copied);
        output += url(match.captured(), found);
        copied = match.capturedEnd();
    }
    output += QStringView(input).mid(copied);
    output = maskGroups(output, bearerInText(), {3}, record);
    output = maskSpans(output, jwtSpans(output), record);
    output = maskGroups(output, secretPairInText(), {3, 4, 5}, record);
    for (const QRegularExpression &pattern : m_patterns) {
        if (!pattern.isValid())
            continue;
        QList<int> groups;
        for (int group = 1; group <= pattern.captureCount(); ++group)
            groups.append(group);
        if (groups.isEmpty()) {
            output = maskGroups(output, pattern, {0}, record);
        } else {
            for (int group : groups)
                output = maskGroups(output, pattern, {group}, record);
        }
    }
    return output;
}

QJsonValue Redactor::structuredWalk(const QJsonValue &value, QStringView key, Found &found) const
{
    if (value.isObject()) {
        QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it)
            it.value() = structuredWalk(it.value(), it.key(), found);
        return object;
    }
    if (value.isArray()) {
        QJsonArray array = value.toArray();
        const bool headerPairs = key == u"headers";
        for (qsizetype i = 0; i < array.size(); ++i) {
            const QJsonArray pair = array.at(i).toArray();
            if (headerPairs && pair.size() == 2 && pair.at(0).isString() && pair.at(1).isString()) {
                array[i] = QJsonArray{pair.at(0),
                                      headerValue(pair.at(0).toString(), pair.at(1).toString(), found)};
            } else {
                array[i] = structuredWalk(array.at(i), QStringView(), found);
            }
        }
        return array;
    }
    if (value.isString()) {
        if (key == u"url" || key == u"location" || key == u"referer")
            return url(value.toString(), found);
        if (key == u"body")
            return body(value.toString(), found);
    }
    return value;
}

QJsonValue Redactor::textWalk(const QJsonValue &value, Found &found) const
{
    if (value.isObject()) {
        QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it)
            it.value() = textWalk(it.value(), found);
        return object;
    }
    if (value.isArray()) {
        QJsonArray array = value.toArray();
        for (qsizetype i = 0; i < array.size(); ++i)
            array[i] = textWalk(array.at(i), found);
        return array;
    }
    if (value.isString())
        return text(value.toString(), found);
    return value;
}

QJsonValue Redactor::knownValuesWalk(const QJsonValue &value, const KnownSecrets &known) const
{
    if (value.isObject()) {
        QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it)
            it.value() = knownValuesWalk(it.value(), known);
        return object;
    }
    if (value.isArray()) {
        QJsonArray array = value.toArray();
        for (qsizetype i = 0; i < array.size(); ++i)
            array[i] = knownValuesWalk(array.at(i), known);
        return array;
    }
    if (value.isString())
        return known.maskIn(value.toString(), mask());
    return value;
}

QJsonValue Redactor::redact(const QJsonValue &value) const
{
    Found found;
    QJsonValue result = structuredWalk(value, QStringView(), found);
    result = textWalk(result, found);
    const KnownSecrets known(found.values);
    return known.isEmpty() ? result : knownValuesWalk(result, known);
}

QString Redactor::redactHeaderValue(QStringView name, const QString &value) const
{
    Found found;
    return text(headerValue(name, value, found), found);
}

QString Redactor::redactUrl(const QString &input) const
{
    Found found;
    return text(url(input, found), found);
}

QString Redactor::redactBody(const QString &input) const
{
    Found found;
    const QString output = text(body(input, found), found);
    return KnownSecrets(found.values).maskIn(output, mask());
}

QString Redactor::redactText(const QString &input) const
{
    Found found;
    return text(input, found);
}

} // namespace corscope
