#include "net/qnamtransport.h"

#include "net/qnampendingtransfer.h"
#include "net/wirecheck.h"

#include <QHostAddress>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkRequest>
#include <QSslConfiguration>

namespace corscope {

namespace {

int defaultPort(const QUrl &url)
{
    return url.scheme().compare(u"https", Qt::CaseInsensitive) == 0 ? 443 : 80;
}

// The Host header for the logical URL: host (ACE, IPv6 in brackets) and the port unless default.
QByteArray hostHeader(const QUrl &url)
{
    const QString host = url.host();
    QByteArray value = QHostAddress(host).protocol() == QAbstractSocket::IPv6Protocol
        ? '[' + host.toLatin1() + ']'
        : QUrl::toAce(host);
    const int port = url.port(defaultPort(url));
    if (port != defaultPort(url))
        value += ':' + QByteArray::number(port);
    return value;
}

bool isNamed(const HeaderField &field, const char *name)
{
    return field.name.compare(name, Qt::CaseInsensitive) == 0;
}

// The header list in wire order (see the class comment in qnamtransport.h), without the
// Accept-Encoding Qt appends on its own.
HeaderList wireHeaders(const HttpRequest &request, const QByteArray &userAgent)
{
    HeaderList headers;
    headers.append("Host", hostHeader(request.url));
    if (!request.headers.contains("connection"))
        headers.append("Connection", "keep-alive");
    const QByteArray method = request.method.toUpper();
    if (!request.body.isEmpty() || method == "POST" || method == "PUT")
        headers.append("Content-Length", QByteArray::number(request.body.size()));
    for (const HeaderField &field : request.headers) {
        if (!isNamed(field, "host") && !isNamed(field, "content-length"))
            headers.append(field.name, field.value);
    }
    if (!headers.contains("user-agent"))
        headers.append("User-Agent", userAgent);
    if (!headers.contains("accept-language"))
        headers.append("Accept-Language", ConfigurableTransport::defaultAcceptLanguage());
    return headers;
}

} // namespace

QnamTransport::QnamTransport(QObject *parent)
    : ConfigurableTransport(parent)
    , m_manager(new QNetworkAccessManager(this))
{
    m_manager->setProxy(QNetworkProxy::NoProxy);
    m_manager->setCookieJar(nullptr); // no jar at all: cookies are the engine's decision
    m_manager->setCache(nullptr);
    m_manager->setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
    m_manager->setStrictTransportSecurityEnabled(false);
}

QnamTransport::~QnamTransport()
{
    // Transfers own their replies; end them while the manager still exists.
    qDeleteAll(findChildren<QnamPendingTransfer *>(Qt::FindDirectChildrenOnly));
}

QByteArray QnamTransport::qtAcceptEncoding()
{
    return QByteArrayLiteral("zstd, br, gzip, deflate");
}

void QnamTransport::clearConnectionCache()
{
    m_manager->clearConnectionCache();
}

PendingTransfer *QnamTransport::send(const HttpRequest &request)
{
    const QnamTransferSettings settings{limits(), m_headerlessGraceMs};
    HopOutcome outcome;
    outcome.sentRequest = request;

    const QString problem = wireCheck(request);
    if (!problem.isEmpty()) {
        auto *refused = new QnamPendingTransfer(outcome, settings, this);
        refused->failLater(QStringLiteral("net::ERR_INVALID_ARGUMENT"), problem);
        return refused;
    }

    outcome.sentRequest.headers = wireHeaders(request, userAgent());
    QNetworkRequest networkRequest(resolveMap().connectUrl(request.url));
    for (const HeaderField &field : std::as_const(outcome.sentRequest.headers))
        networkRequest.setRawHeader(field.name, field.value);
    if (!outcome.sentRequest.headers.contains("accept-encoding"))
        outcome.sentRequest.headers.append("Accept-Encoding", qtAcceptEncoding()); // Qt appends it last
    if (resolveMap().lookup(request.url) && request.url.scheme().compare(u"https", Qt::CaseInsensitive) == 0)
        networkRequest.setPeerVerifyName(
            request.url.host()); // certificate check and SNI use the logical name

    networkRequest.setAttribute(
        QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    networkRequest.setAttribute(QNetworkRequest::CookieLoadControlAttribute, QNetworkRequest::Manual);
    networkRequest.setAttribute(QNetworkRequest::CookieSaveControlAttribute, QNetworkRequest::Manual);
    networkRequest.setAttribute(QNetworkRequest::AuthenticationReuseAttribute, QNetworkRequest::Manual);
    networkRequest.setAttribute(QNetworkRequest::CacheSaveControlAttribute, false);
    networkRequest.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    networkRequest.setAttribute(QNetworkRequest::HttpPipeliningAllowedAttribute, false);
    // QnamPendingTransfer's own timers decide timeouts, so a timeout is never confused with an
    // abort (Qt reports both as OperationCanceledError).
    networkRequest.setTransferTimeout(0);

    // A HEAD sent as a custom verb makes Qt wait for the body its Content-Length announces, so HEAD
    // goes through head() (which always sends "HEAD", uppercase).
    const bool isHead = request.method.compare("HEAD", Qt::CaseInsensitive) == 0 && request.body.isEmpty();
    if (isHead)
        outcome.sentRequest.method = QByteArrayLiteral("HEAD");
    auto *transfer = new QnamPendingTransfer(outcome, settings, this);
    // No QIODevice for an empty body: then Qt sends no Content-Length of its own.
    QNetworkReply *reply = isHead ? m_manager->head(networkRequest)
        : request.body.isEmpty()
        ? m_manager->sendCustomRequest(networkRequest, request.method, static_cast<QIODevice *>(nullptr))
        : m_manager->sendCustomRequest(networkRequest, request.method, request.body);
    transfer->start(reply);
    return transfer;
}

} // namespace corscope
