#pragma once

#include "net/resolvemap.h"
#include "net/transport.h"

#include <QByteArray>

namespace corscope {

class QnamTransport;
class RawHttpTransport;

// The transport corscope uses by default: plain http:// goes through RawHttpTransport (byte-exact
// HTTP/1.1: every header line as sent, Chromium's error names, never a request sent twice) and
// https:// through QnamTransport (TLS with certificate checks). The mode can force one of them for
// every request (`--transport qnam|raw|auto`); under Mode::Raw an https:// URL is refused.
// Settings are forwarded to both transports.
class CompositeTransport final : public Transport
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CompositeTransport)

public:
    enum class Mode { Auto, Raw, Qnam };

    explicit CompositeTransport(QObject *parent = nullptr);
    ~CompositeTransport() override;

    PendingTransfer *send(const HttpRequest &request) override;

    void setMode(Mode mode) { m_mode = mode; }
    Mode mode() const { return m_mode; }
    // "auto", "raw", "qnam"; nullopt for anything else.
    static std::optional<Mode> modeFromName(const QString &name);

    void setIdleTimeoutMs(int ms);
    void setTotalTimeoutMs(int ms);
    void setBodyCap(qint64 bytes);
    void setResolveMap(const ResolveMap &map);
    void setUserAgent(const QByteArray &userAgent);
    void clearConnectionCache();

    RawHttpTransport *raw() const { return m_raw; }
    QnamTransport *qnam() const { return m_qnam; }

private:
    RawHttpTransport *m_raw;
    QnamTransport *m_qnam;
    Mode m_mode = Mode::Auto;
};

} // namespace corscope
