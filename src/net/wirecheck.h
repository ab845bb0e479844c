#pragma once

#include "core/httpmessage.h"

#include <QString>

namespace corscope {

// Checks a request before any byte of it reaches a network library. QNetworkAccessManager validates
// nothing: a CR/LF in a header value becomes extra header lines on the wire (request smuggling).
// Returns a sentence for people describing the first problem, or an empty string when the request
// may be sent: the method and header names are RFC 9110 tokens, header values contain no CR, LF or
// NUL, the URL is a valid http(s) URL with a host and no userinfo, and there is no Transfer-Encoding
// (the transport frames bodies itself).
QString wireCheck(const HttpRequest &request);

// RFC 9110 token: 1*tchar.
bool isHttpToken(const QByteArray &text);

} // namespace corscope
