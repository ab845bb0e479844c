#include "net/compositetransport.h"

#include "net/qnamtransport.h"
#include "net/rawhttptransport.h"

namespace corscope {

CompositeTransport::CompositeTransport(QObject *parent)
    : Transport(parent)
    , m_raw(new RawHttpTransport(this))
    , m_qnam(new QnamTransport(this))
{ }

CompositeTransport::~CompositeTransport() = default;

std::optional<CompositeTransport::Mode> CompositeTransport::modeFromName(const QString &name)
{
    if (name == u"auto")
        return Mode::Auto;
    if (name == u"raw")
        return Mode::Raw;
    if (name == u"qnam")
        return Mode::Qnam;
    return std::nullopt;
}

PendingTransfer *CompositeTransport::send(const HttpRequest &request)
{
    const bool plainHttp = request.url.scheme().compare(u"http", Qt::CaseInsensitive) == 0;
    switch (m_mode) {
    case Mode::Raw:
        return m_raw->send(request);
    case Mode::Qnam:
        return m_qnam->send(request);
    case Mode::Auto:
        break;
    }
    return plainHttp ? m_raw->send(request) : m_qnam->send(request);
}

void CompositeTransport::setIdleTimeoutMs(int ms)
{
    m_raw->setIdleTimeoutMs(ms);
    m_qnam->setIdleTimeoutMs(ms);
}

void CompositeTransport::setTotalTimeoutMs(int ms)
{
    m_raw->setTotalTimeoutMs(ms);
    m_qnam->setTotalTimeoutMs(ms);
}

void CompositeTransport::setBodyCap(qint64 bytes)
{
    m_raw->setBodyCap(bytes);
    m_qnam->setBodyCap(bytes);
}

void CompositeTransport::setResolveMap(const ResolveMap &map)
{
    m_raw->setResolveMap(map);
    m_qnam->setResolveMap(map);
}

void CompositeTransport::setUserAgent(const QByteArray &userAgent)
{
    m_raw->setUserAgent(userAgent);
    m_qnam->setUserAgent(userAgent);
}

void CompositeTransport::clearConnectionCache()
{
    m_raw->clearConnectionCache();
    m_qnam->clearConnectionCache();
}

} // namespace corscope
