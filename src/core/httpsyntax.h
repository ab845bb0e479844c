#pragma once

#include <QByteArray>
#include <QList>

#include <optional>

namespace corscope {

// Byte-level HTTP grammar shared by the engine (RFC 9110).
bool isToken(const QByteArray &value);
bool isTokenChar(char c);
// CR, LF or NUL: bytes that would split a header line on the wire.
bool containsLineBreakOrNul(const QByteArray &value);
// Strips leading and trailing spaces and horizontal tabs (HTTP "OWS").
QByteArray trimWhitespace(const QByteArray &value);

// "Extract header list values" for #token lists (Access-Control-Allow-Methods/-Headers/-Expose-Headers):
// split on commas, trim, skip empty elements; nullopt when an element is not a token.
// On failure, *badElement receives the first offending element.
std::optional<QList<QByteArray>> parseTokenList(const QByteArray &value, QByteArray *badElement = nullptr);

} // namespace corscope
