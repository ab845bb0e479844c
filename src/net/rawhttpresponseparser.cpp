#include "net/rawhttpresponseparser.h"

#include "net/wirecheck.h"

#include <QList>
#include <QVarLengthArray>

#include <cstring>

namespace corscope {

namespace {

constexpr qsizetype maxChunkLineBytes = 16 * 1024; // Chromium's HttpChunkedDecoder::kMaxLineBufLen

bool isLws(char c)
{
    return c == ' ' || c == '\t';
}

QByteArrayView trimLws(QByteArrayView text)
{
    while (!text.isEmpty() && isLws(text.front()))
        text = text.sliced(1);
    while (!text.isEmpty() && isLws(text.back()))
        text.chop(1);
    return text;
}

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

// The comma-separated values of every field with this name, trimmed, empty ones skipped (Chromium's
// EnumerateHeader for coalescing headers).
QList<QByteArray> listValues(const QList<HeaderField> &fields, QByteArrayView name)
{
    QList<QByteArray> values;
    for (const HeaderField &field : fields) {
        if (!HeaderList::namesEqual(field.name, name))
            continue;
        for (const QByteArray &part : field.value.split(',')) {
            const QByteArrayView trimmed = trimLws(part);
            if (!trimmed.isEmpty())
                values << trimmed.toByteArray();
        }
    }
    return values;
}

bool hasToken(const QList<HeaderField> &fields, QByteArrayView name, QByteArrayView token)
{
    const QList<QByteArray> values = listValues(fields, name);
    return std::any_of(values.cbegin(), values.cend(),
        [&](const QByteArray &value) { return HeaderList::namesEqual(value, token); });
}

// True when two fields of this name have different values (compared whole or, for coalescing
// headers, value by value).
bool multipleDifferent(const QList<HeaderField> &fields, QByteArrayView name, bool splitOnComma)
{
    QList<QByteArray> values;
    if (splitOnComma) {
        values = listValues(fields, name);
    } else {
        for (const HeaderField &field : fields) {
            if (HeaderList::namesEqual(field.name, name))
                values << field.value;
        }
    }
    return std::any_of(values.cbegin(), values.cend(), [&](const QByteArray &v) { return v != values.first(); });
}

// Chromium's GetContentLength: the first value, digits only, else -1.
qint64 parseContentLength(const QList<QByteArray> &values)
{
    if (values.isEmpty())
        return -1;
    const QByteArray &text = values.first();
    if (text.isEmpty() || text.size() > 18 || !std::all_of(text.cbegin(), text.cend(), isDigit))
        return -1;
    return text.toLongLong();
}

} // namespace

RawHttpResponseParser::RawHttpResponseParser(bool isHeadRequest, qint64 bodyCap)
    : m_isHead(isHeadRequest)
    , m_bodyCap(bodyCap)
{ }

void RawHttpResponseParser::fail(const char *code, const QString &detail)
{
    m_state = State::Failed;
    m_error = QString::fromLatin1(code);
    m_errorDetail = detail;
    m_haveHeaders = false;
    m_response = HttpResponse{};
}

RawHttpResponseParser::State RawHttpResponseParser::feed(QByteArrayView bytes)
{
    m_totalBytes += bytes.size();
    while (!bytes.isEmpty()) {
        switch (m_state) {
        case State::Head:
            parseHeadBytes(bytes);
            break;
        case State::Body:
            parseBodyBytes(bytes);
            break;
        case State::Done:
            m_extraBytes += bytes.size();
            return m_state;
        case State::Failed:
            return m_state;
        }
    }
    return m_state;
}

bool RawHttpResponseParser::checkStatusPrefix()
{
    static constexpr char prefix[] = "HTTP/";
    const qsizetype n = std::min<qsizetype>(m_head.size(), 5);
    if (qstrnicmp(m_head.constData(), n, prefix, n) == 0)
        return true;
    fail("net::ERR_INVALID_HTTP_RESPONSE",
        QStringLiteral("The server answered with bytes that are not an HTTP/1.x status line."));
    return false;
}

void RawHttpResponseParser::parseHeadBytes(QByteArrayView &bytes)
{
    const qsizetype oldSize = m_head.size();
    m_head.append(bytes);
    if (oldSize < 5 && !checkStatusPrefix())
        return;
    // Find the empty line that ends the head: "\n\n" or "\n\r\n".
    qsizetype end = -1;
    qsizetype i = std::max<qsizetype>(m_scanFrom, 0);
    const char *data = m_head.constData();
    while (i < m_head.size()) {
        const void *hit = std::memchr(data + i, '\n', size_t(m_head.size() - i));
        if (!hit)
            break;
        const qsizetype at = static_cast<const char *>(hit) - data;
        if ((at >= 1 && data[at - 1] == '\n') || (at >= 2 && data[at - 1] == '\r' && data[at - 2] == '\n')) {
            end = at + 1;
            break;
        }
        i = at + 1;
    }
    if (end < 0) {
        m_scanFrom = m_head.size();
        bytes = {};
        if (m_head.size() > maxHeadBytes)
            fail("net::ERR_RESPONSE_HEADERS_TOO_BIG",
                QStringLiteral("The response headers are larger than 256 KiB, the most Chromium reads."));
        return;
    }
    if (end > maxHeadBytes) {
        fail("net::ERR_RESPONSE_HEADERS_TOO_BIG",
            QStringLiteral("The response headers are larger than 256 KiB, the most Chromium reads."));
        return;
    }
    const qsizetype extra = m_head.size() - end;
    bytes = bytes.last(extra);
    const bool ok = parseHead(QByteArrayView(m_head.constData(), end), false);
    m_head.clear();
    m_scanFrom = 0;
    if (!ok)
        return;
    if (m_response.status >= 100 && m_response.status < 200) {
        ++m_informational; // 100 Continue, 103 Early Hints ...: the real response follows
        m_response = HttpResponse{};
        return;
    }
    m_haveHeaders = true;
    startBody();
}

bool RawHttpResponseParser::parseHead(QByteArrayView head, bool truncated)
{
    if (head.contains('\0')) {
        fail("net::ERR_INVALID_HTTP_RESPONSE", QStringLiteral("The response headers contain a NUL byte."));
        return false;
    }
    // Most heads have a few dozen lines: one allocation for the views, one for the fields.
    QVarLengthArray<QByteArrayView, 48> lines;
    qsizetype start = 0;
    while (start < head.size()) {
        qsizetype nl = head.indexOf('\n', start);
        const bool complete = nl >= 0;
        if (!complete)
            nl = head.size();
        QByteArrayView line = head.sliced(start, nl - start);
        if (line.endsWith('\r'))
            line.chop(1);
        lines.append(line);
        start = nl + 1;
    }
    if (!truncated)
        lines.removeLast(); // the empty line
    if (lines.isEmpty()) {
        fail("net::ERR_INVALID_HTTP_RESPONSE", QStringLiteral("The response has no status line."));
        return false;
    }

    // "HTTP/1.x NNN reason"
    const QByteArrayView status = lines.first();
    const auto invalidStatus = [&] {
        fail("net::ERR_INVALID_HTTP_RESPONSE",
            QStringLiteral("The status line '%1' is not 'HTTP/1.x <3-digit status> <reason>'.")
                .arg(QString::fromLatin1(status.first(std::min<qsizetype>(status.size(), 200)))));
        return false;
    };
    if (status.size() < 12 || qstrnicmp(status.data(), 5, "HTTP/", 5) != 0 || status.at(5) != '1'
        || status.at(6) != '.' || !isDigit(status.at(7)) || !isLws(status.at(8)))
        return invalidStatus();
    qsizetype pos = 8;
    while (pos < status.size() && isLws(status.at(pos)))
        ++pos;
    if (pos + 3 > status.size() || !isDigit(status.at(pos)) || !isDigit(status.at(pos + 1))
        || !isDigit(status.at(pos + 2)) || status.at(pos) == '0')
        return invalidStatus();
    if (pos + 3 < status.size() && !isLws(status.at(pos + 3)))
        return invalidStatus();
    m_minor = status.at(7) - '0';
    m_response.status = status.sliced(pos, 3).toInt();
    m_response.reasonPhrase = trimLws(status.sliced(pos + 3)).toByteArray();

    QList<HeaderField> fields;
    fields.reserve(lines.size() - 1);
    bool previousContinuable = false;
    for (qsizetype n = 1; n < lines.size(); ++n) {
        const QByteArrayView line = lines.at(n);
        if (!line.isEmpty() && isLws(line.front()) && previousContinuable) {
            // obs-fold: Chromium joins the line to the previous field with one space.
            const QByteArrayView more = trimLws(line);
            if (!more.isEmpty()) {
                QByteArray &value = fields.last().value;
                value = value.isEmpty() ? more.toByteArray() : value + ' ' + more.toByteArray();
            }
            continue;
        }
        const qsizetype colon = line.indexOf(':');
        const QByteArray name = colon < 0 ? QByteArray() : trimLws(line.first(colon)).toByteArray();
        if (colon < 0 || !isHttpToken(name)) {
            previousContinuable = false; // skipped, as Chromium's HeadersIterator does
            continue;
        }
        fields.append({name, trimLws(line.sliced(colon + 1)).toByteArray()});
        previousContinuable = true;
    }

    const bool chunked = m_minor >= 1 && hasToken(fields, "transfer-encoding", "chunked");
    if (!chunked && multipleDifferent(fields, "content-length", true)) {
        fail("net::ERR_RESPONSE_HEADERS_MULTIPLE_CONTENT_LENGTH",
            QStringLiteral("The response has several different Content-Length values."));
        return false;
    }
    if (multipleDifferent(fields, "content-disposition", false)) {
        fail("net::ERR_RESPONSE_HEADERS_MULTIPLE_CONTENT_DISPOSITION",
            QStringLiteral("The response has several different Content-Disposition headers."));
        return false;
    }
    if (multipleDifferent(fields, "location", false)) {
        fail("net::ERR_RESPONSE_HEADERS_MULTIPLE_LOCATION",
            QStringLiteral("The response has several different Location headers."));
        return false;
    }
    m_response.headers.reserve(m_response.headers.size() + fields.size());
    for (HeaderField &field : fields)
        m_response.headers.append(field.name, field.value);
    return true;
}

void RawHttpResponseParser::startBody()
{
    const int status = m_response.status;
    const QList<HeaderField> &fields = m_response.headers.fields();
    if (m_isHead || status == 204 || status == 304) {
        m_bodyMode = BodyMode::None;
    } else if (m_minor >= 1 && hasToken(fields, "transfer-encoding", "chunked")) {
        m_bodyMode = BodyMode::Chunked;
        m_chunkState = ChunkState::Size;
    } else if (const qint64 length = parseContentLength(listValues(fields, "content-length")); length >= 0) {
        m_bodyMode = BodyMode::Length;
        m_remaining = length;
    } else {
        m_bodyMode = BodyMode::UntilClose;
    }
    m_state = State::Body;
    if (m_bodyMode == BodyMode::None || (m_bodyMode == BodyMode::Length && m_remaining == 0))
        complete();
}

void RawHttpResponseParser::complete()
{
    m_state = State::Done;
}

void RawHttpResponseParser::appendBody(QByteArrayView bytes)
{
    QByteArray &body = m_response.body;
    const qint64 room = m_bodyCap - body.size();
    if (bytes.size() > room) {
        body.append(bytes.first(std::max<qint64>(room, 0)));
        m_capReached = true;
        m_response.bodyTruncated = true;
        complete();
        return;
    }
    body.append(bytes);
}

void RawHttpResponseParser::parseBodyBytes(QByteArrayView &bytes)
{
    switch (m_bodyMode) {
    case BodyMode::None:
        complete();
        return;
    case BodyMode::UntilClose:
        appendBody(bytes);
        if (m_state == State::Done)
            m_extraBytes = 0; // cut by the cap: the rest is unread body, not extra
        bytes = {};
        return;
    case BodyMode::Length: {
        const qsizetype take = qsizetype(std::min<qint64>(m_remaining, bytes.size()));
        m_remaining -= take;
        appendBody(bytes.first(take));
        bytes = bytes.sliced(take);
        if (m_state == State::Done) { // cap
            bytes = {};
            return;
        }
        if (m_remaining == 0)
            complete();
        return;
    }
    case BodyMode::Chunked:
        parseChunked(bytes);
        return;
    }
}

void RawHttpResponseParser::parseChunked(QByteArrayView &bytes)
{
    const auto invalid = [&](const QString &why) {
        m_incomplete = QStringLiteral("The chunked body is malformed (%1; Chromium reports "
                                      "net::ERR_INVALID_CHUNKED_ENCODING) after %2 body bytes.")
                           .arg(why)
                           .arg(m_response.body.size());
        m_response.bodyTruncated = true;
        complete();
        bytes = {};
    };
    while (!bytes.isEmpty() && m_state == State::Body) {
        if (m_chunkState == ChunkState::Data) {
            const qsizetype take = qsizetype(std::min<qint64>(m_remaining, bytes.size()));
            m_remaining -= take;
            appendBody(bytes.first(take));
            bytes = bytes.sliced(take);
            if (m_state == State::Done) {
                bytes = {};
                return;
            }
            if (m_remaining == 0)
                m_chunkState = ChunkState::DataEnd;
            continue;
        }
        // A line: chunk size, the CRLF after data, or a trailer line.
        const qsizetype nl = bytes.indexOf('\n');
        if (nl < 0) {
            m_line.append(bytes);
            bytes = {};
            if (m_line.size() > maxChunkLineBytes)
                invalid(QStringLiteral("a chunk line longer than 16 KiB"));
            return;
        }
        m_line.append(bytes.first(nl));
        bytes = bytes.sliced(nl + 1);
        QByteArrayView line = m_line;
        if (line.endsWith('\r'))
            line.chop(1);
        switch (m_chunkState) {
        case ChunkState::Size: {
            const qsizetype semicolon = line.indexOf(';');
            if (semicolon >= 0)
                line = line.first(semicolon); // chunk extensions are ignored
            while (!line.isEmpty() && isLws(line.back()))
                line.chop(1);
            const bool hex = !line.isEmpty() && line.size() <= 15
                && std::all_of(line.begin(), line.end(), [](char c) {
                       return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
                   });
            if (!hex) {
                invalid(QStringLiteral("the chunk size '%1' is not a hexadecimal number")
                            .arg(QString::fromLatin1(line.first(std::min<qsizetype>(line.size(), 40)))));
                return;
            }
            m_remaining = line.toLongLong(nullptr, 16);
            m_chunkState = m_remaining == 0 ? ChunkState::Trailer : ChunkState::Data;
            break;
        }
        case ChunkState::DataEnd:
            if (!line.isEmpty()) {
                invalid(QStringLiteral("a chunk is longer than its size"));
                return;
            }
            m_chunkState = ChunkState::Size;
            break;
        case ChunkState::Trailer:
            if (line.isEmpty())
                complete(); // trailer fields are read and ignored
            break;
        case ChunkState::Data:
            break;
        }
        m_line.clear();
    }
    if (m_state == State::Done && !bytes.isEmpty()) {
        m_extraBytes += bytes.size();
        bytes = {};
    }
}

RawHttpResponseParser::State RawHttpResponseParser::finishAtEof()
{
    if (m_state == State::Head) {
        if (m_head.isEmpty()) {
            fail("net::ERR_EMPTY_RESPONSE", QStringLiteral("The server closed the connection without sending any data."));
            return m_state;
        }
        // Chromium parses a head cut short on http:// as well as it can (no body follows).
        if (!parseHead(m_head, true))
            return m_state;
        m_head.clear();
        if (m_response.status < 200) {
            fail("net::ERR_EMPTY_RESPONSE", QStringLiteral("The server closed the connection after an informational response."));
            return m_state;
        }
        m_haveHeaders = true;
        m_incomplete = QStringLiteral("The server closed the connection before the end of the headers; "
                                      "the headers that arrived are kept, as Chromium does for http://.");
        complete();
        return m_state;
    }
    if (m_state != State::Body)
        return m_state;
    switch (m_bodyMode) {
    case BodyMode::None:
    case BodyMode::UntilClose:
        break;
    case BodyMode::Length:
        m_response.bodyTruncated = true;
        m_incomplete = QStringLiteral("The body is incomplete: the server closed the connection after %1 of "
                                      "the %2 bytes Content-Length announced (Chromium: "
                                      "net::ERR_CONTENT_LENGTH_MISMATCH).")
                           .arg(m_response.body.size())
                           .arg(m_response.body.size() + m_remaining);
        break;
    case BodyMode::Chunked:
        m_response.bodyTruncated = true;
        m_incomplete = QStringLiteral("The body is incomplete: the server closed the connection before the "
                                      "last chunk, after %1 body bytes (Chromium: "
                                      "net::ERR_INCOMPLETE_CHUNKED_ENCODING).")
                           .arg(m_response.body.size());
        break;
    }
    complete();
    return m_state;
}

bool RawHttpResponseParser::announcedKeepAlive() const
{
    return hasToken(m_response.headers.fields(), "connection", "keep-alive");
}

bool RawHttpResponseParser::connectionReusable() const
{
    if (m_state != State::Done || !m_incomplete.isEmpty() || m_capReached || m_extraBytes > 0
        || m_bodyMode == BodyMode::UntilClose)
        return false;
    const QList<HeaderField> &fields = m_response.headers.fields();
    if (m_minor == 0)
        return hasToken(fields, "connection", "keep-alive") || hasToken(fields, "proxy-connection", "keep-alive");
    return !hasToken(fields, "connection", "close") && !hasToken(fields, "proxy-connection", "close");
}

} // namespace corscope
