#pragma once

#include "core/corsenums.h"
#include "core/headerlist.h"
#include "core/origin.h"

#include <QByteArray>
#include <QUrl>

namespace corscope {

// A request as page JavaScript makes it: fetch(url, {method, headers, body, credentials, redirect})
// from a document whose origin is `origin`. Method and headers are as the script wrote them.
struct FetchRequest
{
    QByteArray method = QByteArrayLiteral("GET");
    QUrl url;
    HeaderList headers;
    QByteArray body;
    Origin origin;
    CredentialsMode credentials = CredentialsMode::SameOrigin;
    RedirectMode redirect = RedirectMode::Follow;
};

} // namespace corscope
