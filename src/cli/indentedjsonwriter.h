#pragma once

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>

namespace corscope {

// Writes JSON exactly as QJsonDocument::toJson(QJsonDocument::Indented) does (same key order, four
// spaces per level, same number and string forms), but straight into a caller's buffer and at any
// depth, so that a big array can be written piece by piece. About twice as fast as QJsonDocument,
// which converts every string to a temporary QByteArray first.
class IndentedJsonWriter
{
public:
    // value at nesting depth `depth` (0 = top level), without a trailing newline.
    static void appendValue(QByteArray &out, const QJsonValue &value, int depth);
    static void appendObject(QByteArray &out, const QJsonObject &object, int depth);
    static void appendArray(QByteArray &out, const QJsonArray &array, int depth);
    // A JSON string literal, quotes included.
    static void appendString(QByteArray &out, QStringView text);
};

} // namespace corscope
