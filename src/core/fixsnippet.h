#pragma once

#include "core/browserprofile.h"
#include "core/exchange.h"
#include "core/fetchrequest.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

namespace corscope {

enum class ServerStack { Express, FastApi, Django, Flask, NextJs, Nginx, Apache, GoNetHttp };

QList<ServerStack> allServerStacks();
QString serverStackName(ServerStack stack);        // "express", "fastapi", ... (command line, settings)
QString serverStackDisplayName(ServerStack stack); // "Express (cors)", ...
std::optional<ServerStack> serverStackFromName(const QString &name);

// What the server has to allow for this request to pass, derived from the request itself.
struct CorsRequirements
{
    QByteArray origin;               // the page origin, never "*"
    QList<QByteArray> methods;       // non-safelisted methods to allow (may be empty)
    QList<QByteArray> headers;       // request headers to allow, as the script spells them
    bool credentials = false;        // the request uses credentials: 'include'
    bool preflight = false;          // a preflight is involved: OPTIONS must be answered
    int maxAgeSeconds = 600;
};

CorsRequirements corsRequirements(const FetchRequest &request, const BrowserProfile &profile);

// A configuration snippet for the stack that makes this request pass, with a comment naming the
// failure it addresses. Never suggests `*` together with credentials, nor reflecting any origin.
QString fixSnippet(ServerStack stack, const CorsRequirements &requirements,
                   const std::optional<Finding> &failure = std::nullopt);

} // namespace corscope
