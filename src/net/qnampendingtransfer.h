#pragma once

#include "net/hoplimits.h"
#include "net/pendingtransfer.h"

#include <QElapsedTimer>
#include <QList>
#include <QNetworkReply>
#include <QPointer>
#include <QSslError>
#include <QTimer>

namespace corscope {

struct QnamTransferSettings
{
    HopLimits limits;
    int headerlessGraceMs = 0;
};

// One QNetworkReply turned into a HopOutcome. Created by QnamTransport.
//
// - HTTP status is kept apart from transport errors: once the status line and headers arrived the
//   outcome has a response, whatever QNetworkReply::error() says (404/500 set an "error" in Qt).
//   Failures after that (idle or total timeout, connection closed early, body cap) keep the
//   response, set bodyTruncated and explain it in networkErrorDetail with networkError empty.
// - Response headers come from rawHeaderPairs(): Qt merges duplicate lines into one field joined
//   with ", " (Set-Cookie with "\n", which we split back into separate fields), at the position and
//   spelling of the last occurrence, and drops fields with an empty value. Chromium also joins
//   duplicates, so CORS verdicts do not change.
// - More than 100 header fields (or one over ~100 KiB): Qt 6.4 emits metaDataChanged with a status
//   but no header fields and then never finishes on a keep-alive connection. A reply that shows a
//   status with zero header fields and has not finished within the grace period ends with
//   net::ERR_RESPONSE_HEADERS_TOO_BIG. A response that really has no header fields finishes (it is
//   close-delimited) and is kept.
// - Qt reports a closed connection, a reset and a garbage/malformed status line all as
//   RemoteHostClosedError ("Connection closed"); they map to net::ERR_EMPTY_RESPONSE (Chromium says
//   ERR_EMPTY_RESPONSE, ERR_CONNECTION_RESET and ERR_INVALID_HTTP_RESPONSE respectively; only a
//   byte-level transport can tell them apart). Qt resends an idempotent request once when the
//   server closes without answering, so such a server sees the request twice.
class QnamPendingTransfer final : public PendingTransfer
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(QnamPendingTransfer)

public:
    // sentRequest is what the reply was made from (logical URL, final header list).
    QnamPendingTransfer(const HopOutcome &initial, const QnamTransferSettings &settings, QObject *parent);
    ~QnamPendingTransfer() override;

    // Takes ownership of the reply (it is deleted with deleteLater when done).
    void start(QNetworkReply *reply);

    void abort() override;

private:
    enum class Stop { None, Aborted, IdleTimeout, TotalTimeout, BodyCap, HeadersRefused };

    void onMetaDataChanged();
    void onReadyRead();
    void onFinished();
    void activity();
    void stop(Stop reason);
    double msSince(qint64 fromNs, qint64 toNs) const;
    void fillTimings(qint64 endNs);
    void mapError(QNetworkReply::NetworkError error);
    qint64 declaredBodyLength() const; // -1 when unknown or no body is expected

    QnamTransferSettings m_settings;
    QPointer<QNetworkReply> m_reply;
    QElapsedTimer m_clock;
    qint64 m_connectStartNs = -1;
    qint64 m_requestSentNs = -1;
    qint64 m_firstResponseNs = -1;
    QTimer m_idleTimer;
    QTimer m_totalTimer;
    QTimer m_headerlessTimer;
    Stop m_stop = Stop::None;
    bool m_haveHeaders = false;
    QList<QSslError> m_sslErrors;
};

} // namespace corscope
