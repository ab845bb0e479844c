#pragma once

#include "core/httpmessage.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

namespace corscope {

// Incremental, byte-exact parser for one HTTP/1.x response as Chromium's HttpStreamParser reads it.
// No sockets: feed() it bytes as they arrive, call finishAtEof() when the peer closed.
//
// - Status line: "HTTP/1.<d> <3 digits>[ <reason>]" (HTTP/ case-insensitive). Anything else is
//   net::ERR_INVALID_HTTP_RESPONSE, detected as soon as the first bytes cannot start "HTTP/"
//   (Chromium only accepts HTTP/0.9-style bodies on default ports; corscope never does).
// - Lines end in LF or CRLF. Header fields stay separate, in order, with their original case;
//   values are trimmed of SP/HT, empty values are kept. Lines without a colon or whose name is not
//   a token are skipped (Chromium's HeadersIterator). An obs-fold line (starting with SP/HT) is
//   joined to the previous field with one space, as Chromium's AssembleRawHeaders does. A NUL in the
//   head is net::ERR_INVALID_HTTP_RESPONSE.
// - The head (status line to the empty line) may be at most maxHeadBytes (256 KiB, Chromium's
//   kMaxHeaderBufSize), else net::ERR_RESPONSE_HEADERS_TOO_BIG; any number of fields fits within.
// - 1xx heads are skipped (counted in informationalCount()); the next head is the response.
// - Duplicate Content-Length (when not chunked), Location or Content-Disposition fields with
//   different values fail like Chromium: net::ERR_RESPONSE_HEADERS_MULTIPLE_CONTENT_LENGTH /
//   _MULTIPLE_LOCATION / _MULTIPLE_CONTENT_DISPOSITION.
// - Body: none for HEAD, 204 and 304; chunked when Transfer-Encoding lists "chunked" on HTTP/1.1
//   (extensions and trailers ignored; a malformed chunk ends the body with a note); else by a valid
//   Content-Length; else until the connection closes.
// - At most bodyCap decoded body bytes are kept; one more byte sets bodyCapReached() and stops.
class RawHttpResponseParser
{
public:
    static constexpr qsizetype maxHeadBytes = 256 * 1024;

    enum class State { Head, Body, Done, Failed };

    RawHttpResponseParser(bool isHeadRequest, qint64 bodyCap);

    // Consumes bytes. Returns the new state. Bytes after a complete response are counted in
    // extraBytes() (the connection cannot be reused then).
    State feed(QByteArrayView bytes);
    // The peer closed the connection (FIN). Ends a close-delimited body; a response cut short
    // keeps what arrived (see incompleteDetail()); a head cut short is parsed as far as it goes
    // when its status line is complete (Chromium does this for http://), else it fails.
    State finishAtEof();

    State state() const { return m_state; }
    bool sawAnyByte() const { return m_totalBytes > 0; }
    bool hasHeaders() const { return m_haveHeaders; }
    const HttpResponse &response() const { return m_response; }
    HttpResponse takeResponse() { return std::move(m_response); }
    int informationalCount() const { return m_informational; }
    int httpMinorVersion() const { return m_minor; }

    // Failed: the Chromium error code and a sentence.
    QString error() const { return m_error; }
    QString errorDetail() const { return m_errorDetail; }
    // Done but the body (or head) is not all there: why, for networkErrorDetail.
    QString incompleteDetail() const { return m_incomplete; }
    bool bodyCapReached() const { return m_capReached; }
    qint64 extraBytes() const { return m_extraBytes; }
    // Done, complete, framed by length or chunks, nothing extra, and the server allows reuse.
    bool connectionReusable() const;
    // The response said "Connection: keep-alive" explicitly (the server means to keep it open).
    bool announcedKeepAlive() const;

private:
    enum class BodyMode { None, Length, Chunked, UntilClose };
    enum class ChunkState { Size, Data, DataEnd, Trailer };

    void fail(const char *code, const QString &detail);
    void parseHeadBytes(QByteArrayView &bytes);
    bool parseHead(QByteArrayView head, bool truncated);
    bool checkStatusPrefix();
    void startBody();
    void parseBodyBytes(QByteArrayView &bytes);
    void parseChunked(QByteArrayView &bytes);
    void appendBody(QByteArrayView bytes);
    void complete();

    bool m_isHead;
    qint64 m_bodyCap;
    State m_state = State::Head;
    QByteArray m_head;
    qsizetype m_scanFrom = 0; // where to continue looking for the end of the head
    HttpResponse m_response;
    bool m_haveHeaders = false;
    int m_minor = 1;
    int m_informational = 0;
    qint64 m_totalBytes = 0;

    BodyMode m_bodyMode = BodyMode::None;
    qint64 m_remaining = 0; // Length: body bytes still due; Chunked: bytes left in this chunk
    ChunkState m_chunkState = ChunkState::Size;
    QByteArray m_line; // partial chunk-size or trailer line
    bool m_capReached = false;
    qint64 m_extraBytes = 0;

    QString m_error;
    QString m_errorDetail;
    QString m_incomplete;
};

} // namespace corscope
