#include "store/harreader.h"

#include <QStringList>

#include <array>
#include <cmath>
#include <limits>

namespace corscope {

namespace {
constexpr int maxDepth = 200; // QJsonDocument allows deeper; beyond this we let it decide

// 0: a byte that can be skipped inside a string; 1: needs a look ('"', '\\', control, non-ASCII)
constexpr std::array<unsigned char, 256> stringByteClass = [] {
    std::array<unsigned char, 256> table{};
    for (int c = 0; c < 256; ++c)
        table[c] = (c < 0x20 || c == '"' || c == '\\' || c >= 0x80) ? 1 : 0;
    return table;
}();

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

struct StringToken
{
    const char *begin = nullptr;
    const char *end = nullptr;
    bool escaped = false;

    QByteArrayView raw() const { return QByteArrayView(begin, end - begin); }
};

// A JSON tokenizer over [p, end). Every failure (syntax error, or something we do not want to
// interpret ourselves) clears `ok`; the reader then answers Unsure.
class Tokenizer
{
public:
    Tokenizer(const char *begin, const char *end)
        : p(begin)
        , m_end(end)
    {
    }

    const char *p;
    bool ok = true;

    bool fail()
    {
        ok = false;
        return false;
    }
    bool atEnd()
    {
        skipSpace();
        return p == m_end;
    }
    void skipSpace()
    {
        while (p < m_end && (*p == ' ' || *p == '\n' || *p == '\r' || *p == '\t'))
            ++p;
    }
    char peek()
    {
        skipSpace();
        return p < m_end ? *p : '\0';
    }
    bool consume(char c)
    {
        skipSpace();
        if (p < m_end && *p == c) {
            ++p;
            return true;
        }
        return false;
    }

    // p at '"'. Validates escapes and UTF-8 (strictly: no overlong forms, surrogates, code points
    // above U+10FFFF or noncharacters; no raw control characters).
    bool scanString(StringToken *token)
    {
        if (p >= m_end || *p != '"')
            return fail();
        ++p;
        token->begin = p;
        token->escaped = false;
        for (;;) {
            while (p < m_end && stringByteClass[static_cast<unsigned char>(*p)] == 0)
                ++p;
            if (p >= m_end)
                return fail();
            const auto c = static_cast<unsigned char>(*p);
            if (c == '"') {
                token->end = p;
                ++p;
                return true;
            }
            if (c == '\\') {
                token->escaped = true;
                if (m_end - p < 2)
                    return fail();
                const char e = p[1];
                if (e == 'u') {
                    if (m_end - p < 6)
                        return fail();
                    for (int i = 2; i < 6; ++i) {
                        if (hexValue(p[i]) < 0)
                            return fail();
                    }
                    p += 6;
                } else if (e == '"' || e == '\\' || e == '/' || e == 'b' || e == 'f' || e == 'n' || e == 'r' || e == 't') {
                    p += 2;
                } else {
                    return fail();
                }
                continue;
            }
            if (c < 0x80)
                return fail(); // a raw control character
            if (!skipUtf8Sequence())
                return fail();
        }
    }

    bool skipValue(int depth)
    {
        if (depth > maxDepth)
            return fail();
        switch (peek()) {
        case '{':
            ++p;
            if (consume('}'))
                return true;
            do {
                StringToken key;
                skipSpace();
                if (!scanString(&key) || !consume(':') || !skipValue(depth + 1))
                    return fail();
            } while (consume(','));
            return consume('}') || fail();
        case '[':
            ++p;
            if (consume(']'))
                return true;
            do {
                if (!skipValue(depth + 1))
                    return fail();
            } while (consume(','));
            return consume(']') || fail();
        case '"': {
            StringToken token;
            return scanString(&token);
        }
        case 't':
            return literal("true");
        case 'f':
            return literal("false");
        case 'n':
            return literal("null");
        default: {
            double ignored = 0;
            bool integral = false;
            return number(&ignored, &integral);
        }
        }
    }

    // Strict JSON number grammar. *value is exact for integers of up to 18 digits.
    bool number(double *value, bool *integral)
    {
        const char *start = p;
        if (p < m_end && *p == '-')
            ++p;
        if (p >= m_end || *p < '0' || *p > '9')
            return fail();
        if (*p == '0') {
            ++p;
        } else {
            while (p < m_end && *p >= '0' && *p <= '9')
                ++p;
        }
        *integral = true;
        if (p < m_end && *p == '.') {
            ++p;
            *integral = false;
            if (p >= m_end || *p < '0' || *p > '9')
                return fail();
            while (p < m_end && *p >= '0' && *p <= '9')
                ++p;
        }
        if (p < m_end && (*p == 'e' || *p == 'E')) {
            ++p;
            *integral = false;
            if (p < m_end && (*p == '+' || *p == '-'))
                ++p;
            if (p >= m_end || *p < '0' || *p > '9')
                return fail();
            while (p < m_end && *p >= '0' && *p <= '9')
                ++p;
        }
        const QByteArrayView text(start, p - start);
        if (*integral && text.size() <= 18) {
            qint64 n = 0;
            for (const char c : text) {
                if (c != '-')
                    n = n * 10 + (c - '0');
            }
            *value = double(text.startsWith('-') ? -n : n);
            return true;
        }
        bool converted = false;
        *value = text.toByteArray().toDouble(&converted);
        if (!converted || !std::isfinite(*value))
            return fail(); // huge or odd: let QJsonDocument decide
        if (*integral) // more than 18 digits: QJsonDocument keeps it as a double, never an int
            *integral = false;
        return true;
    }

private:
    const char *m_end;

    bool literal(const char *word)
    {
        const qsizetype n = qsizetype(qstrlen(word));
        if (m_end - p < n || QByteArrayView(p, n) != QByteArrayView(word, n))
            return fail();
        p += n;
        return true;
    }

    bool skipUtf8Sequence()
    {
        const auto b0 = static_cast<unsigned char>(p[0]);
        int length = 0;
        char32_t cp = 0;
        if (b0 >= 0xC2 && b0 <= 0xDF) {
            length = 2;
            cp = b0 & 0x1F;
        } else if (b0 >= 0xE0 && b0 <= 0xEF) {
            length = 3;
            cp = b0 & 0x0F;
        } else if (b0 >= 0xF0 && b0 <= 0xF4) {
            length = 4;
            cp = b0 & 0x07;
        } else {
            return false;
        }
        if (m_end - p < length)
            return false;
        for (int i = 1; i < length; ++i) {
            const auto b = static_cast<unsigned char>(p[i]);
            if ((b & 0xC0) != 0x80)
                return false;
            cp = (cp << 6) | (b & 0x3F);
        }
        if ((length == 3 && cp < 0x800) || (length == 4 && (cp < 0x10000 || cp > 0x10FFFF)))
            return false; // overlong or out of range
        if (cp >= 0xD800 && cp <= 0xDFFF)
            return false; // surrogate
        if ((cp >= 0xFDD0 && cp <= 0xFDEF) || (cp & 0xFFFE) == 0xFFFE)
            return false; // noncharacter: not worth guessing how QJsonDocument takes it
        p += length;
        return true;
    }
};

void appendUtf8(QByteArray *out, char32_t cp)
{
    if (cp < 0x80) {
        out->append(char(cp));
    } else if (cp < 0x800) {
        out->append(char(0xC0 | (cp >> 6)));
        out->append(char(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
        out->append(char(0xE0 | (cp >> 12)));
        out->append(char(0x80 | ((cp >> 6) & 0x3F)));
        out->append(char(0x80 | (cp & 0x3F)));
    } else {
        out->append(char(0xF0 | (cp >> 18)));
        out->append(char(0x80 | ((cp >> 12) & 0x3F)));
        out->append(char(0x80 | ((cp >> 6) & 0x3F)));
        out->append(char(0x80 | (cp & 0x3F)));
    }
}

char32_t hex4(const char *at)
{
    return char32_t((hexValue(at[0]) << 12) | (hexValue(at[1]) << 8) | (hexValue(at[2]) << 4) | hexValue(at[3]));
}

// The UTF-8 bytes of a scanned string. False for an escaped lone surrogate (QString would keep it;
// we do not guess how it converts back).
bool decodeUtf8(const StringToken &token, QByteArray *out)
{
    if (!token.escaped) {
        *out = token.raw().toByteArray();
        return true;
    }
    out->clear();
    out->reserve(token.end - token.begin);
    for (const char *p = token.begin; p < token.end;) {
        if (*p != '\\') {
            const char *run = p;
            while (p < token.end && *p != '\\')
                ++p;
            out->append(run, p - run);
            continue;
        }
        const char e = p[1];
        p += 2;
        switch (e) {
        case 'b': out->append('\b'); break;
        case 'f': out->append('\f'); break;
        case 'n': out->append('\n'); break;
        case 'r': out->append('\r'); break;
        case 't': out->append('\t'); break;
        case 'u': {
            char32_t cp = hex4(p);
            p += 4;
            if (cp >= 0xDC00 && cp <= 0xDFFF)
                return false;
            if (cp >= 0xD800 && cp <= 0xDBFF) {
                if (token.end - p < 6 || p[0] != '\\' || p[1] != 'u')
                    return false;
                const char32_t low = hex4(p + 2);
                if (low < 0xDC00 || low > 0xDFFF)
                    return false;
                cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
                p += 6;
            }
            appendUtf8(out, cp);
            break;
        }
        default: out->append(e); break; // " \ /
        }
    }
    return true;
}

// Tracks the keys of one object we interpret, so that a duplicate (whose meaning we would have
// to guess) makes the reader unsure.
class SeenKeys
{
public:
    bool first(int bit)
    {
        const quint32 mask = 1u << bit;
        if (m_seen & mask)
            return false;
        m_seen |= mask;
        return true;
    }

private:
    quint32 m_seen = 0;
};

class Reader
{
public:
    Reader(QByteArrayView json, HarBodies bodies, const ParseProgress &progress)
        : t(json.data(), json.data() + json.size())
        , m_bodies(bodies)
        , m_begin(json.data())
        , m_size(json.size())
        , m_progress(progress)
        , m_progressStep(qMax<qint64>(1, json.size() / 200))
        , m_nextProgress(m_progressStep)
    {
    }

    HarReader::Result run();

private:
    Tokenizer t;
    HarBodies m_bodies;
    QString m_entryError;
    const char *m_begin;
    qint64 m_size;
    const ParseProgress &m_progress;
    qint64 m_progressStep;
    qint64 m_nextProgress;

    void reportProgress()
    {
        const qint64 position = t.p - m_begin;
        if (!m_progress || position < m_nextProgress)
            return;
        m_nextProgress = position + m_progressStep;
        m_progress(position, m_size);
    }

    // Reads a key (p at '"') and the ':' after it.
    bool key(QByteArray *scratch, QByteArrayView *name)
    {
        t.skipSpace();
        StringToken token;
        if (!t.scanString(&token))
            return false;
        if (token.escaped) {
            if (!decodeUtf8(token, scratch))
                return t.fail();
            *name = *scratch;
        } else {
            *name = token.raw();
        }
        return t.consume(':') || t.fail();
    }

    // Calls member(name) for each member of an object (p before '{'); member consumes the value.
    template<typename Member>
    bool object(Member &&member)
    {
        if (!t.consume('{'))
            return t.fail();
        if (t.consume('}'))
            return true;
        QByteArray scratch;
        do {
            QByteArrayView name;
            if (!key(&scratch, &name) || !member(name))
                return t.fail();
        } while (t.consume(','));
        return t.consume('}') || t.fail();
    }

    template<typename Element>
    bool array(Element &&element)
    {
        if (!t.consume('['))
            return t.fail();
        if (t.consume(']'))
            return true;
        int index = 0;
        do {
            if (!element(index++))
                return t.fail();
        } while (t.consume(','));
        return t.consume(']') || t.fail();
    }

    // QJsonValue::toString(): the text of a string, a null QString for anything else.
    bool stringValue(QString *out)
    {
        if (t.peek() != '"') {
            *out = QString();
            return t.skipValue(1);
        }
        StringToken token;
        if (!t.scanString(&token))
            return false;
        if (!token.escaped) {
            *out = QString::fromUtf8(token.raw());
            return true;
        }
        QByteArray bytes;
        if (!decodeUtf8(token, &bytes))
            return t.fail();
        *out = QString::fromUtf8(bytes);
        return true;
    }

    // QJsonValue::toInt(): integral numbers that fit an int, 0 for anything else.
    bool intValue(int *out)
    {
        const char c = t.peek();
        if (c != '-' && (c < '0' || c > '9')) {
            *out = 0;
            return t.skipValue(1);
        }
        double value = 0;
        bool integral = false;
        if (!t.number(&value, &integral))
            return false;
        const bool fits = value >= double(std::numeric_limits<int>::min())
            && value <= double(std::numeric_limits<int>::max()) && std::trunc(value) == value;
        *out = fits ? int(value) : 0;
        return true;
    }

    // QJsonValue::toDouble(fallback): a number's value, the fallback for anything else.
    bool doubleValue(double *out, double fallback)
    {
        const char c = t.peek();
        if (c != '-' && (c < '0' || c > '9')) {
            *out = fallback;
            return t.skipValue(1);
        }
        bool integral = false;
        return t.number(out, &integral);
    }

    // A HAR header list: *bad when it is present but not a list of objects with a string name.
    bool headers(QList<QPair<QString, QString>> *out, bool *bad)
    {
        if (t.peek() != '[') {
            *bad = true;
            return t.skipValue(1);
        }
        return array([&](int) {
            if (t.peek() != '{') {
                *bad = true;
                return t.skipValue(2);
            }
            QString name;
            QString value;
            bool nameIsString = false;
            SeenKeys seen;
            const bool parsed = object([&](QByteArrayView key) {
                if (key == "name") {
                    nameIsString = t.peek() == '"';
                    return seen.first(0) && stringValue(&name);
                }
                if (key == "value")
                    return seen.first(1) && stringValue(&value);
                return t.skipValue(3);
            });
            if (!nameIsString)
                *bad = true;
            out->append({name, value});
            return parsed;
        });
    }

    bool entry(int index, HarEntry *out);
    bool request(HarEntry *out, bool *valid, bool *headersBad);
    bool response(HarEntry *out, bool *headersBad, QString *responseError);
};

bool Reader::request(HarEntry *out, bool *valid, bool *headersBad)
{
    int members = 0;
    bool methodIsString = false;
    bool urlIsString = false;
    bool hasText = false;
    QString text;
    std::optional<QStringList> params;
    SeenKeys seen;
    const bool parsed = object([&](QByteArrayView key) {
        ++members;
        if (key == "method") {
            methodIsString = t.peek() == '"';
            return seen.first(0) && stringValue(&out->method);
        }
        if (key == "url") {
            urlIsString = t.peek() == '"';
            return seen.first(1) && stringValue(&out->url);
        }
        if (key == "headers")
            return seen.first(2) && headers(&out->requestHeaders, headersBad);
        if (key == "postData") {
            if (!seen.first(3))
                return false;
            if (t.peek() != '{')
                return t.skipValue(2);
            SeenKeys postSeen;
            return object([&](QByteArrayView postKey) {
                if (postKey == "text") {
                    hasText = true;
                    return postSeen.first(0) && stringValue(&text);
                }
                if (postKey == "params") {
                    if (!postSeen.first(1))
                        return false;
                    if (t.peek() != '[')
                        return t.skipValue(3);
                    params.emplace();
                    return array([&](int) {
                        QString name;
                        QString value;
                        if (t.peek() == '{') {
                            SeenKeys paramSeen;
                            if (!object([&](QByteArrayView paramKey) {
                                    if (paramKey == "name")
                                        return paramSeen.first(0) && stringValue(&name);
                                    if (paramKey == "value")
                                        return paramSeen.first(1) && stringValue(&value);
                                    return t.skipValue(5);
                                }))
                                return false;
                        } else if (!t.skipValue(4)) {
                            return false;
                        }
                        params->append(name + u'=' + value);
                        return true;
                    });
                }
                return t.skipValue(3);
            });
        }
        return t.skipValue(2);
    });
    *valid = members > 0 && methodIsString && urlIsString;
    if (hasText)
        out->requestBody = text;
    else if (params)
        out->requestBody = params->join(u'&');
    return parsed;
}

bool Reader::response(HarEntry *out, bool *headersBad, QString *responseError)
{
    SeenKeys seen;
    StringToken text;
    bool hasText = false;
    QString encoding;
    const bool parsed = object([&](QByteArrayView key) {
        if (key == "status")
            return seen.first(0) && intValue(&out->status);
        if (key == "statusText")
            return seen.first(1) && stringValue(&out->statusText);
        if (key == "headers")
            return seen.first(2) && headers(&out->responseHeaders, headersBad);
        if (key == "redirectURL")
            return seen.first(3) && stringValue(&out->redirectUrl);
        if (key == "_error") { // where DevTools writes it
            out->errorRecorded = true;
            return seen.first(5) && stringValue(responseError);
        }
        if (key == "content") {
            if (!seen.first(4))
                return false;
            if (t.peek() != '{')
                return t.skipValue(2);
            SeenKeys contentSeen;
            return object([&](QByteArrayView contentKey) {
                if (contentKey == "text") {
                    if (!contentSeen.first(0))
                        return false;
                    if (t.peek() != '"')
                        return t.skipValue(3);
                    hasText = true;
                    return t.scanString(&text); // the body: located, not copied
                }
                if (contentKey == "encoding")
                    return contentSeen.first(1) && stringValue(&encoding);
                return t.skipValue(3);
            });
        }
        return t.skipValue(2);
    });
    if (parsed && hasText && text.end > text.begin && m_bodies == HarBodies::Keep) {
        QByteArray bytes;
        if (!decodeUtf8(text, &bytes))
            return t.fail();
        if (encoding == u"base64") {
            bool ascii = true;
            for (const char c : std::as_const(bytes))
                ascii = ascii && static_cast<unsigned char>(c) < 0x80;
            out->responseBody = QByteArray::fromBase64(ascii ? bytes : QString::fromUtf8(bytes).toLatin1());
        } else {
            out->responseBody = std::move(bytes);
        }
    }
    return parsed;
}

bool Reader::entry(int index, HarEntry *out)
{
    out->index = index;
    const QString where = u"entry " + QString::number(index + 1);
    if (t.peek() != '{') {
        if (m_entryError.isEmpty())
            m_entryError = where + u": \"request\" with \"method\" and \"url\" is missing";
        return t.skipValue(2);
    }
    bool requestValid = false;
    bool requestHeadersBad = false;
    bool responseHeadersBad = false;
    QString responseError;
    SeenKeys seen;
    const bool parsed = object([&](QByteArrayView key) {
        if (key == "request") {
            if (!seen.first(0))
                return false;
            if (t.peek() != '{')
                return t.skipValue(2);
            return request(out, &requestValid, &requestHeadersBad);
        }
        if (key == "response") {
            if (!seen.first(1))
                return false;
            if (t.peek() != '{')
                return t.skipValue(2);
            return response(out, &responseHeadersBad, &responseError);
        }
        if (key == "startedDateTime")
            return seen.first(2) && stringValue(&out->startedDateTime);
        if (key == "_resourceType")
            return seen.first(3) && stringValue(&out->resourceType);
        if (key == "_error") {
            out->errorRecorded = true;
            return seen.first(4) && stringValue(&out->error);
        }
        if (key == "time")
            return seen.first(6) && doubleValue(&out->time, -1);
        if (key == "_initiator") {
            if (!seen.first(5))
                return false;
            if (t.peek() != '{')
                return t.skipValue(2);
            SeenKeys initiatorSeen;
            return object([&](QByteArrayView initiatorKey) {
                if (initiatorKey == "url")
                    return initiatorSeen.first(0) && stringValue(&out->initiatorUrl);
                return t.skipValue(3);
            });
        }
        return t.skipValue(2);
    });
    if (!parsed)
        return false;
    if (out->error.isEmpty())
        out->error = responseError;
    if (!m_entryError.isEmpty())
        return true;
    if (!requestValid)
        m_entryError = where + u": \"request\" with \"method\" and \"url\" is missing";
    else if (requestHeadersBad)
        m_entryError = where + u": request \"headers\" must be a list of {name, value}";
    else if (responseHeadersBad)
        m_entryError = where + u": response \"headers\" must be a list of {name, value}";
    return true;
}

HarReader::Result Reader::run()
{
    HarReader::Result result;
    if (t.peek() != '{')
        return result; // a BOM, an array, a scalar, nothing: QJsonDocument decides
    bool logIsObject = false;
    int logMembers = 0;
    bool entriesIsArray = false;
    SeenKeys seen;
    const bool parsed = object([&](QByteArrayView key) {
        if (key != "log")
            return t.skipValue(1);
        if (!seen.first(0))
            return false;
        if (t.peek() != '{')
            return t.skipValue(1);
        logIsObject = true;
        SeenKeys logSeen;
        return object([&](QByteArrayView logKey) {
            ++logMembers;
            if (logKey == "creator") {
                if (!logSeen.first(0))
                    return false;
                if (t.peek() != '{')
                    return t.skipValue(2);
                SeenKeys creatorSeen;
                return object([&](QByteArrayView creatorKey) {
                    if (creatorKey == "name")
                        return creatorSeen.first(0) && stringValue(&result.log.creator);
                    return t.skipValue(3);
                });
            }
            if (logKey == "entries") {
                if (!logSeen.first(1))
                    return false;
                if (t.peek() != '[')
                    return t.skipValue(2);
                entriesIsArray = true;
                return array([&](int index) {
                    HarEntry entry;
                    if (!this->entry(index, &entry))
                        return false;
                    if (m_entryError.isEmpty())
                        result.log.entries.append(std::move(entry));
                    reportProgress();
                    return true;
                });
            }
            return t.skipValue(2);
        });
    });
    if (!parsed || !t.ok || !t.atEnd())
        return HarReader::Result{}; // Unsure
    if (!logIsObject || logMembers == 0 || !entriesIsArray) {
        result.status = HarReader::Status::Refused;
        result.error = QStringLiteral("not a HAR file (no \"log\" object with \"entries\")");
    } else if (!m_entryError.isEmpty()) {
        result.status = HarReader::Status::Refused;
        result.error = m_entryError;
    } else {
        result.status = HarReader::Status::Parsed;
        return result;
    }
    result.log = HarLog();
    return result;
}
} // namespace

HarReader::Result HarReader::read(QByteArrayView json, HarBodies bodies, const ParseProgress &progress)
{
    return Reader(json, bodies, progress).run();
}

} // namespace corscope
