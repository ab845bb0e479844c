#pragma once

#include "net/resolvemap.h"
#include "net/transport.h"

#include <QByteArray>

class QNetworkAccessManager;

namespace corscope {

// A Transport on QNetworkAccessManager: one hop per send(), asynchronous, with no redirect
// following (a 3xx is a response), no cookie jar, no proxy, no HTTP cache, HTTP/1.1 only (so the
// recorded request is what goes on the wire), TLS errors reported (never ignored), a body cap and
// timeouts on every request. See QnamPendingTransfer for how a reply becomes a HopOutcome.
//
// Headers added to every request, in this wire order (each only when the request lacks it):
//   Host (always computed from the logical URL; a Host in the request is replaced),
//   Connection: keep-alive, Content-Length (when there is a body, and "0" for an empty POST/PUT as
//   Chromium sends; a Content-Length in the request is replaced), the request's own headers,
//   User-Agent: corscope/<version>, Accept-Language: en-US,en;q=0.9, and last the Accept-Encoding Qt
//   adds itself (qtAcceptEncoding()). Qt only decodes gzip/deflate/br/zstd bodies when it chose
//   Accept-Encoding, so we leave that header to Qt unless the request sets one (then the body is
//   kept as the server encoded it).
class QnamTransport final : public Transport
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(QnamTransport)

public:
    static constexpr int defaultIdleTimeoutMs = 15000;
    static constexpr int defaultTotalTimeoutMs = 60000;
    static constexpr qint64 defaultBodyCap = 4 * 1024 * 1024;
    static constexpr int defaultHeaderlessGraceMs = 300;

    explicit QnamTransport(QObject *parent = nullptr);
    ~QnamTransport() override;

    PendingTransfer *send(const HttpRequest &request) override;

    // No byte in either direction for this long ends the hop (0 disables).
    void setIdleTimeoutMs(int ms) { m_idleTimeoutMs = ms; }
    int idleTimeoutMs() const { return m_idleTimeoutMs; }
    // The whole hop may take at most this long, so a server dripping one byte at a time cannot hold
    // it forever (0 disables).
    void setTotalTimeoutMs(int ms) { m_totalTimeoutMs = ms; }
    int totalTimeoutMs() const { return m_totalTimeoutMs; }
    // Response bodies beyond this are not read: the transfer is aborted and the body marked truncated.
    void setBodyCap(qint64 bytes) { m_bodyCap = bytes; }
    qint64 bodyCap() const { return m_bodyCap; }
    // How long a reply whose status line arrived with zero header fields may take to finish before
    // it is treated as Qt's "more than 100 header fields" failure (see QnamPendingTransfer).
    void setHeaderlessGraceMs(int ms) { m_headerlessGraceMs = ms; }
    int headerlessGraceMs() const { return m_headerlessGraceMs; }

    void setResolveMap(const ResolveMap &map) { m_resolveMap = map; }
    const ResolveMap &resolveMap() const { return m_resolveMap; }

    void setUserAgent(const QByteArray &userAgent) { m_userAgent = userAgent; }
    QByteArray userAgent() const { return m_userAgent; }
    static QByteArray defaultUserAgent();
    static QByteArray defaultAcceptLanguage();
    // What Qt 6.4 on Debian 12 sends when the request has no Accept-Encoding (checked by a test).
    static QByteArray qtAcceptEncoding();

    // Drops idle keep-alive connections so the next hop opens a new one.
    void clearConnectionCache();

private:
    QNetworkAccessManager *m_manager;
    ResolveMap m_resolveMap;
    QByteArray m_userAgent;
    int m_idleTimeoutMs = defaultIdleTimeoutMs;
    int m_totalTimeoutMs = defaultTotalTimeoutMs;
    qint64 m_bodyCap = defaultBodyCap;
    int m_headerlessGraceMs = defaultHeaderlessGraceMs;
};

} // namespace corscope
