#pragma once

#include "net/configurabletransport.h"

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
class QnamTransport final : public ConfigurableTransport
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(QnamTransport)

public:
    static constexpr int defaultHeaderlessGraceMs = 300;

    explicit QnamTransport(QObject *parent = nullptr);
    ~QnamTransport() override;

    PendingTransfer *send(const HttpRequest &request) override;

    // How long a reply whose status line arrived with zero header fields may take to finish before
    // it is treated as Qt's "more than 100 header fields" failure (see QnamPendingTransfer).
    void setHeaderlessGraceMs(int ms) { m_headerlessGraceMs = ms; }
    int headerlessGraceMs() const { return m_headerlessGraceMs; }

    // What Qt 6.4 on Debian 12 sends when the request has no Accept-Encoding (checked by a test).
    static QByteArray qtAcceptEncoding();

    // Drops idle keep-alive connections so the next hop opens a new one.
    void clearConnectionCache();

private:
    QNetworkAccessManager *m_manager;
    int m_headerlessGraceMs = defaultHeaderlessGraceMs;
};

} // namespace corscope
