#include "net/qnampendingtransfer.h"

#include <QNetworkRequest>

namespace corscope {

namespace {

QString mebibytes(qint64 bytes)
{
    return QString::number(double(bytes) / (1024.0 * 1024.0), 'g', 3) + QStringLiteral(" MiB");
}

bool hasCertificateError(const QList<QSslError> &errors, std::initializer_list<QSslError::SslError> kinds)
{
    return std::any_of(errors.cbegin(), errors.cend(), [&](const QSslError &error) {
        return std::find(kinds.begin(), kinds.end(), error.error()) != kinds.end();
    });
}

} // namespace

QnamPendingTransfer::QnamPendingTransfer(
    const HopOutcome &initial, const QnamTransferSettings &settings, QObject *parent)
    : PendingTransfer(initial, parent)
    , m_settings(settings)
{
    m_clock.start();
    m_idleTimer.setSingleShot(true);
    m_totalTimer.setSingleShot(true);
    m_headerlessTimer.setSingleShot(true);
    // Coarse timers may fire 5 % early; a timeout the user set in seconds must not.
    m_idleTimer.setTimerType(Qt::PreciseTimer);
    m_totalTimer.setTimerType(Qt::PreciseTimer);
    connect(&m_idleTimer, &QTimer::timeout, this, [this] { stop(Stop::IdleTimeout); });
    connect(&m_totalTimer, &QTimer::timeout, this, [this] { stop(Stop::TotalTimeout); });
    connect(&m_headerlessTimer, &QTimer::timeout, this, [this] { stop(Stop::HeadersRefused); });
}

QnamPendingTransfer::~QnamPendingTransfer()
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
}

void QnamPendingTransfer::start(QNetworkReply *reply)
{
    m_reply = reply;
    reply->setParent(this);
    connect(reply, &QNetworkReply::socketStartedConnecting, this, [this] {
        m_connectStartNs = m_clock.nsecsElapsed();
        activity();
    });
    connect(reply, &QNetworkReply::encrypted, this, &QnamPendingTransfer::activity);
    connect(reply, &QNetworkReply::requestSent, this, [this] {
        m_requestSentNs = m_clock.nsecsElapsed();
        activity();
    });
    connect(reply, &QNetworkReply::uploadProgress, this, &QnamPendingTransfer::activity);
    connect(reply, &QNetworkReply::metaDataChanged, this, &QnamPendingTransfer::onMetaDataChanged);
    connect(reply, &QNetworkReply::readyRead, this, &QnamPendingTransfer::onReadyRead);
    connect(reply, &QNetworkReply::sslErrors, this, [this](const QList<QSslError> &errors) {
        m_sslErrors += errors; // recorded for the message; never ignored
    });
    connect(reply, &QNetworkReply::finished, this, &QnamPendingTransfer::onFinished);
    if (m_settings.limits.totalTimeoutMs > 0)
        m_totalTimer.start(m_settings.limits.totalTimeoutMs);
    activity();
}

void QnamPendingTransfer::abort()
{
    if (isFinished())
        return;
    if (m_reply) {
        stop(Stop::Aborted); // onFinished runs synchronously from QNetworkReply::abort()
        return;
    }
    m_outcome.response.reset();
    m_outcome.networkError = QStringLiteral("net::ERR_ABORTED");
    m_outcome.networkErrorDetail = QStringLiteral("The request was cancelled.");
    finish(m_outcome);
}

void QnamPendingTransfer::activity()
{
    if (m_settings.limits.idleTimeoutMs > 0 && !isFinished())
        m_idleTimer.start(m_settings.limits.idleTimeoutMs);
}

void QnamPendingTransfer::stop(Stop reason)
{
    if (isFinished() || !m_reply || m_stop != Stop::None)
        return;
    m_stop = reason;
    m_reply->abort(); // emits finished → onFinished
}

void QnamPendingTransfer::onMetaDataChanged()
{
    activity();
    const QVariant status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    if (!status.isValid())
        return;
    if (m_firstResponseNs < 0)
        m_firstResponseNs = m_clock.nsecsElapsed();
    m_haveHeaders = true;

    HttpResponse response = m_outcome.response.value_or(HttpResponse{});
    response.status = status.toInt();
    response.reasonPhrase = m_reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toByteArray();
    response.url = m_outcome.sentRequest.url; // the logical URL, also under --resolve
    response.headers = HeaderList();
    // rawHeaderPairs(): duplicates already merged by Qt with ", " (Set-Cookie with "\n"), empty
    // values dropped. Chromium joins duplicates the same way, so the CORS checks see the same value.
    const QList<QNetworkReply::RawHeaderPair> pairs = m_reply->rawHeaderPairs();
    for (const QNetworkReply::RawHeaderPair &pair : pairs) {
        if (pair.first.compare("set-cookie", Qt::CaseInsensitive) == 0) {
            for (const QByteArray &cookie : pair.second.split('\n'))
                response.headers.append(pair.first, cookie);
        } else {
            response.headers.append(pair.first, pair.second);
        }
    }
    m_outcome.response = response;

    if (pairs.isEmpty() && m_settings.headerlessGraceMs >= 0)
        m_headerlessTimer.start(m_settings.headerlessGraceMs);
    else
        m_headerlessTimer.stop();
}

void QnamPendingTransfer::onReadyRead()
{
    activity();
    if (!m_reply || !m_outcome.response)
        return;
    QByteArray &body = m_outcome.response->body;
    const qint64 room = m_settings.limits.bodyCap - body.size();
    if (room > 0)
        body += m_reply->read(room);
    if (m_reply->bytesAvailable() > 0 && body.size() >= m_settings.limits.bodyCap)
        stop(Stop::BodyCap);
}

double QnamPendingTransfer::msSince(qint64 fromNs, qint64 toNs) const
{
    if (fromNs < 0 || toNs < 0)
        return -1;
    return double(std::max<qint64>(0, toNs - fromNs)) / 1e6;
}

void QnamPendingTransfer::fillTimings(qint64 endNs)
{
    HopTimings &timings = m_outcome.timings;
    timings.startMs = 0; // relative to send(); the runner rebases it on the exchange clock
    const qint64 sentNs = m_requestSentNs >= 0 ? m_requestSentNs : -1;
    // A reused keep-alive connection has no connect phase: 0, not unknown.
    timings.connectMs = m_connectStartNs >= 0 ? msSince(m_connectStartNs, sentNs) : (sentNs >= 0 ? 0 : -1);
    timings.waitMs = msSince(sentNs, m_firstResponseNs);
    timings.downloadMs = msSince(m_firstResponseNs, endNs);
    timings.totalMs = msSince(0, endNs);
}

void QnamPendingTransfer::onFinished()
{
    if (isFinished() || !m_reply)
        return;
    m_idleTimer.stop();
    m_totalTimer.stop();
    m_headerlessTimer.stop();
    QNetworkReply *reply = m_reply;
    if (m_stop == Stop::None && reply->bytesAvailable() > 0)
        onReadyRead(); // the last chunk can arrive together with finished
    fillTimings(m_clock.nsecsElapsed());

    switch (m_stop) {
    case Stop::Aborted:
        m_outcome.response.reset();
        m_outcome.networkError = QStringLiteral("net::ERR_ABORTED");
        m_outcome.networkErrorDetail = QStringLiteral("The request was cancelled.");
        break;
    case Stop::HeadersRefused:
        m_outcome.response.reset();
        m_outcome.networkError = QStringLiteral("net::ERR_RESPONSE_HEADERS_TOO_BIG");
        m_outcome.networkErrorDetail = QStringLiteral(
            "The response has more than 100 header fields (or a field over about 100 KiB), which Qt's "
            "HTTP parser refuses. Chromium accepts up to 256 KiB of headers, so this is a limit of "
            "corscope's transport, not what the browser would do.");
        break;
    case Stop::BodyCap:
        m_outcome.response->bodyTruncated = true;
        m_outcome.networkErrorDetail
            = QStringLiteral("The body was cut at %1 (the body cap); the rest was not read.")
                  .arg(mebibytes(m_settings.limits.bodyCap));
        break;
    case Stop::IdleTimeout:
    case Stop::TotalTimeout: {
        const QString what = m_stop == Stop::IdleTimeout
            ? QStringLiteral("no data arrived for %1 ms").arg(m_settings.limits.idleTimeoutMs)
            : QStringLiteral("the request took longer than %1 ms in all").arg(m_settings.limits.totalTimeoutMs);
        if (m_haveHeaders) {
            m_outcome.response->bodyTruncated = true;
            m_outcome.networkErrorDetail = QStringLiteral("The body is incomplete: %1 after %2 body bytes.")
                                               .arg(what)
                                               .arg(m_outcome.response->body.size());
        } else {
            m_outcome.networkError = QStringLiteral("net::ERR_TIMED_OUT");
            m_outcome.networkErrorDetail = QStringLiteral("The server did not answer: %1.").arg(what);
        }
        break;
    }
    case Stop::None:
        if (m_haveHeaders) {
            // A status error (404, 500, ...) is a response; a transport error now only cut the body.
            const QNetworkReply::NetworkError error = reply->error();
            const bool statusOnly = error == QNetworkReply::NoError
                || (error >= QNetworkReply::ContentAccessDenied
                    && error <= QNetworkReply::UnknownContentError)
                || (error >= QNetworkReply::InternalServerError && error <= QNetworkReply::UnknownServerError)
                || error == QNetworkReply::ProtocolInvalidOperationError;
            if (!statusOnly) {
                m_outcome.response->bodyTruncated = true;
                m_outcome.networkErrorDetail = QStringLiteral("The body is incomplete after %1 bytes: %2.")
                                                   .arg(m_outcome.response->body.size())
                                                   .arg(reply->errorString());
            } else if (const qint64 declared = declaredBodyLength();
                       declared > m_outcome.response->body.size()) {
                // Qt 6.4 sometimes reports NoError when the server closes before Content-Length.
                m_outcome.response->bodyTruncated = true;
                m_outcome.networkErrorDetail = QStringLiteral("The body is incomplete: %1 of the %2 bytes "
                                                              "Content-Length announced arrived.")
                                                   .arg(m_outcome.response->body.size())
                                                   .arg(declared);
            }
        } else {
            m_outcome.response.reset();
            mapError(reply->error());
        }
        break;
    }
    m_reply = nullptr;
    reply->disconnect(this);
    reply->deleteLater();
    finish(m_outcome);
}

qint64 QnamPendingTransfer::declaredBodyLength() const
{
    // Auto-decompressed replies lose Content-Length in Qt, so a present one describes the body we read.
    const HttpResponse &response = *m_outcome.response;
    const int status = response.status;
    if (m_outcome.sentRequest.method.compare("HEAD", Qt::CaseInsensitive) == 0 || status == 204
        || status == 304 || (status >= 100 && status < 200))
        return -1;
    const std::optional<QByteArray> length = response.headers.combinedValue("content-length");
    if (!length)
        return -1;
    bool ok = false;
    const qint64 value = length->trimmed().toLongLong(&ok);
    return ok ? value : -1;
}

void QnamPendingTransfer::mapError(QNetworkReply::NetworkError error)
{
    const QUrl &url = m_outcome.sentRequest.url;
    const QString where = url.host() + u':' + QString::number(url.port(url.scheme() == u"https" ? 443 : 80));
    QString code = QStringLiteral("net::ERR_FAILED");
    QString detail;
    switch (error) {
    case QNetworkReply::ConnectionRefusedError:
        code = QStringLiteral("net::ERR_CONNECTION_REFUSED");
        detail = QStringLiteral("Nothing accepted the connection to %1 (connection refused).").arg(where);
        break;
    case QNetworkReply::RemoteHostClosedError:
        code = QStringLiteral("net::ERR_EMPTY_RESPONSE");
        detail = QStringLiteral("%1 closed the connection without a valid HTTP response: it sent nothing, "
                                "reset the connection, or sent bytes that are not an HTTP/1.x status line "
                                "(Qt reports these the same way).")
                     .arg(where);
        break;
    case QNetworkReply::HostNotFoundError:
        code = QStringLiteral("net::ERR_NAME_NOT_RESOLVED");
        detail = QStringLiteral("The host name '%1' could not be resolved.").arg(url.host());
        break;
    case QNetworkReply::TimeoutError:
        code = QStringLiteral("net::ERR_CONNECTION_TIMED_OUT");
        detail = QStringLiteral("The connection to %1 timed out.").arg(where);
        break;
    case QNetworkReply::SslHandshakeFailedError: {
        if (hasCertificateError(m_sslErrors, {QSslError::HostNameMismatch}))
            code = QStringLiteral("net::ERR_CERT_COMMON_NAME_INVALID");
        else if (hasCertificateError(
                     m_sslErrors, {QSslError::CertificateExpired, QSslError::CertificateNotYetValid}))
            code = QStringLiteral("net::ERR_CERT_DATE_INVALID");
        else if (hasCertificateError(m_sslErrors, {QSslError::CertificateRevoked}))
            code = QStringLiteral("net::ERR_CERT_REVOKED");
        else if (!m_sslErrors.isEmpty())
            code = QStringLiteral("net::ERR_CERT_AUTHORITY_INVALID");
        else
            code = QStringLiteral("net::ERR_SSL_PROTOCOL_ERROR");
        QStringList reasons;
        for (const QSslError &sslError : std::as_const(m_sslErrors))
            reasons << sslError.errorString();
        detail = reasons.isEmpty()
            ? QStringLiteral("The TLS handshake with %1 failed: %2.").arg(where, m_reply->errorString())
            : QStringLiteral("The certificate of %1 is not trusted: %2.").arg(where, reasons.join(u"; "));
        break;
    }
    case QNetworkReply::ProxyConnectionRefusedError:
    case QNetworkReply::ProxyConnectionClosedError:
    case QNetworkReply::ProxyNotFoundError:
    case QNetworkReply::ProxyTimeoutError:
    case QNetworkReply::ProxyAuthenticationRequiredError:
    case QNetworkReply::UnknownProxyError:
        code = QStringLiteral("net::ERR_PROXY_CONNECTION_FAILED");
        break;
    case QNetworkReply::TemporaryNetworkFailureError:
    case QNetworkReply::NetworkSessionFailedError:
        code = QStringLiteral("net::ERR_INTERNET_DISCONNECTED");
        break;
    case QNetworkReply::ProtocolUnknownError:
        code = QStringLiteral("net::ERR_UNKNOWN_URL_SCHEME");
        break;
    case QNetworkReply::ProtocolFailure:
        code = QStringLiteral("net::ERR_INVALID_HTTP_RESPONSE");
        break;
    case QNetworkReply::OperationCanceledError:
        code = QStringLiteral("net::ERR_ABORTED");
        break;
    default:
        break;
    }
    if (detail.isEmpty())
        detail = QStringLiteral("The request to %1 failed: %2.")
                     .arg(where, m_reply ? m_reply->errorString() : QString());
    // Should a Qt version ever say so, tell a reset apart (6.4 says "Connection closed" for both).
    if (code == u"net::ERR_EMPTY_RESPONSE" && m_reply
        && m_reply->errorString().contains(u"reset", Qt::CaseInsensitive))
        code = QStringLiteral("net::ERR_CONNECTION_RESET");
    m_outcome.networkError = code;
    m_outcome.networkErrorDetail = detail;
}

} // namespace corscope
