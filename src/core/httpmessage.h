#pragma once

#include "core/headerlist.h"

#include <QByteArray>
#include <QUrl>

namespace corscope {

struct HttpRequest
{
    QByteArray method;
    QUrl url;
    HeaderList headers;
    QByteArray body;
};

struct HttpResponse
{
    int status = 0;
    QByteArray reasonPhrase;
    HeaderList headers;
    QByteArray body;
    bool bodyTruncated = false; // the body was cut at the runner's cap, or ended early
    QUrl url;
    // The size of the body as received when `body` holds less: read back from an exchange's JSON, which
    // keeps a 16 KiB preview (and a binary body as its UTF-8 reading). -1: `body` is all there was.
    qint64 receivedBodySize = -1;

    qint64 bodySize() const { return receivedBodySize >= 0 ? receivedBodySize : body.size(); }
};

} // namespace corscope
