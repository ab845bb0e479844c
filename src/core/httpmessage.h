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
};

} // namespace corscope
