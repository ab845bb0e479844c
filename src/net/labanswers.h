#pragma once

#include "core/headerlist.h"

#include <QByteArray>

namespace corscope {

struct RawHttpRequest;

// What a lab endpoint answers; LabServer writes it (after delayMs).
struct LabResponse
{
    int status = 200;
    QByteArray reason = QByteArrayLiteral("OK");
    HeaderList headers;
    QByteArray body;
    int delayMs = 0;
};

struct LabContext
{
    quint16 port = 0;
};

// What the lab answers to request: the endpoint's answer (LabServer::endpoints() describes them),
// the index of endpoints for "/", or a 404.
LabResponse answerLabRequest(const RawHttpRequest &request, const LabContext &context);

} // namespace corscope
