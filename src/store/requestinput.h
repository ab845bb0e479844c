#pragma once

#include "core/browserprofile.h"
#include "core/fetchrequest.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace corscope {

// A request as people type it (command line, collection file): strings, not yet checked.
struct RequestInput
{
    QString url;
    QString origin;
    QString method = QStringLiteral("GET");
    QStringList headerLines; // "Name: value"
    QByteArray body;
    QString credentials = QStringLiteral("same-origin");
    QString redirect = QStringLiteral("follow");
    QString browser = QStringLiteral("chromium");
};

struct BuiltRequest
{
    FetchRequest request;
    BrowserProfile profile;
};

// Turns typed input into a request the engine accepts, or explains every problem in *errors
// (one complete sentence each). Nothing is sent.
// With ForbiddenHeaders::Drop, forbidden headers are not errors: the request goes out without
// them, as the browser would send it (the engine reports a warning).
enum class ForbiddenHeaders { Refuse, Drop };
std::optional<BuiltRequest> buildRequest(const RequestInput &input, QStringList *errors,
                                         ForbiddenHeaders forbidden = ForbiddenHeaders::Refuse);

// The input that builds this request again (a past exchange loaded back into the composer).
RequestInput inputFor(const FetchRequest &request, const BrowserProfile &profile);

} // namespace corscope
