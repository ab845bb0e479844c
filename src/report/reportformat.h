#pragma once

#include "core/exchange.h"
#include "core/headerlist.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QUrl>

namespace corscope {

// Small text helpers shared by the renderers, so that every format says the same thing the same way.
namespace reportformat {

QString milliseconds(double ms);             // "12.3 ms", "—" when unknown
QString statusLine(int status, const QString &statusText); // "204 No Content"
QString dateTime(const QDateTime &when); // "2025-05-04 13:02 UTC"
QString preflightSummary(bool needed, bool fromCache, bool crossOrigin);
QString hopKindTitle(HopKind kind);          // "Preflight", "Request"

QString text(const QByteArray &bytes); // a method, header or body from the wire, read as UTF-8
// A URL for people: percent-encoded as it was sent, except that non-ASCII text (a redaction mask in a
// query, an accented path) is shown as itself.
QString urlText(const QUrl &url);
QString requestLine(const QByteArray &method, const QUrl &url); // "PUT http://api.test/items/1"
QString headerLines(const HeaderList &headers); // "Name: value\n" for each field
// A sentence of the engine cut at its inline code ("Send `Access-Control-Allow-Origin: *` ..."): each
// piece is plain text or the content of a `code span`, for a renderer to show as code. A lone backtick,
// or one around nothing but spaces, stays in the text.
struct TextPiece
{
    QString text;
    bool isCode = false;
};
QList<TextPiece> inlineCodePieces(const QString &text);

// "204 No Content"
QString responseStatus(const HttpResponse &response);
// "204 No Content", or the network error of a hop that got no response.
QString hopStatus(const Hop &hop);

} // namespace reportformat

} // namespace corscope
