#pragma once

#include "net/hoplimits.h"
#include "net/resolvemap.h"
#include "net/transport.h"

#include <QByteArray>

namespace corscope {

// What the transports that go on the network (RawHttpTransport, QnamTransport) let the caller set:
// the limits on a hop, host overrides (--resolve) and the User-Agent they add.
class ConfigurableTransport : public Transport
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConfigurableTransport)

public:
    explicit ConfigurableTransport(QObject *parent = nullptr)
        : Transport(parent)
    { }

    void setIdleTimeoutMs(int ms) { m_limits.idleTimeoutMs = ms; }
    int idleTimeoutMs() const { return m_limits.idleTimeoutMs; }
    void setTotalTimeoutMs(int ms) { m_limits.totalTimeoutMs = ms; }
    int totalTimeoutMs() const { return m_limits.totalTimeoutMs; }
    void setBodyCap(qint64 bytes) { m_limits.bodyCap = bytes; }
    qint64 bodyCap() const { return m_limits.bodyCap; }
    const HopLimits &limits() const { return m_limits; }

    void setResolveMap(const ResolveMap &map) { m_resolveMap = map; }
    const ResolveMap &resolveMap() const { return m_resolveMap; }

    void setUserAgent(const QByteArray &userAgent) { m_userAgent = userAgent; }
    QByteArray userAgent() const { return m_userAgent; }

    static QByteArray defaultUserAgent() { return QByteArrayLiteral("corscope/" CORSCOPE_VERSION); }
    static QByteArray defaultAcceptLanguage() { return QByteArrayLiteral("en-US,en;q=0.9"); }

private:
    HopLimits m_limits;
    ResolveMap m_resolveMap;
    QByteArray m_userAgent = defaultUserAgent();
};

} // namespace corscope
