#include "cli/indentedjsonwriter.h"

#include <QLocale>
#include <QVariant>

#include <cmath>

namespace corscope {

namespace {

void appendIndent(QByteArray &out, int depth)
{
    out.append(qsizetype(4) * depth, ' ');
}

char hexDigit(uint value)
{
    return char(value < 10 ? '0' + value : 'a' + value - 10);
}

} // namespace

void IndentedJsonWriter::appendString(QByteArray &out, QStringView text)
{
    // Worst case: six bytes (\uXXXX) per UTF-16 unit, plus the quotes.
    const qsizetype start = out.size();
    const qsizetype needed = start + text.size() * 6 + 2;
    if (needed > out.capacity())
        out.reserve(qMax(needed, 2 * out.capacity())); // resize() alone would grow to the exact size
    out.resize(needed);
    char *cursor = out.data() + start;
    *cursor++ = '"';
    const char16_t *source = text.utf16();
    const char16_t *const end = source + text.size();
    while (source != end) {
        const char16_t unit = *source++;
        if (unit < 0x80) {
            if (unit >= 0x20 && unit != u'"' && unit != u'\\') {
                *cursor++ = char(unit);
                continue;
            }
            *cursor++ = '\\';
            switch (unit) {
            case u'"': *cursor++ = '"'; break;
            case u'\\': *cursor++ = '\\'; break;
            case u'\b': *cursor++ = 'b'; break;
            case u'\f': *cursor++ = 'f'; break;
            case u'\n': *cursor++ = 'n'; break;
            case u'\r': *cursor++ = 'r'; break;
            case u'\t': *cursor++ = 't'; break;
            default:
                *cursor++ = 'u';
                *cursor++ = '0';
                *cursor++ = '0';
                *cursor++ = hexDigit(unit >> 4);
                *cursor++ = hexDigit(unit & 0xf);
            }
        } else if (unit < 0x800) {
            *cursor++ = char(0xc0 | (unit >> 6));
            *cursor++ = char(0x80 | (unit & 0x3f));
        } else if (!QChar::isSurrogate(unit)) {
            *cursor++ = char(0xe0 | (unit >> 12));
            *cursor++ = char(0x80 | ((unit >> 6) & 0x3f));
            *cursor++ = char(0x80 | (unit & 0x3f));
        } else if (QChar::isHighSurrogate(unit) && source != end && QChar::isLowSurrogate(*source)) {
            const char32_t code = QChar::surrogateToUcs4(unit, *source++);
            *cursor++ = char(0xf0 | (code >> 18));
            *cursor++ = char(0x80 | ((code >> 12) & 0x3f));
            *cursor++ = char(0x80 | ((code >> 6) & 0x3f));
            *cursor++ = char(0x80 | (code & 0x3f));
        } else {
            // A lone surrogate is no UTF-8: Qt writes it as an escape sequence.
            *cursor++ = '\\';
            *cursor++ = 'u';
            *cursor++ = hexDigit((unit >> 12) & 0xf);
            *cursor++ = hexDigit((unit >> 8) & 0xf);
            *cursor++ = hexDigit((unit >> 4) & 0xf);
            *cursor++ = hexDigit(unit & 0xf);
        }
    }
    *cursor++ = '"';
    out.truncate(cursor - out.constData());
}

void IndentedJsonWriter::appendValue(QByteArray &out, const QJsonValue &value, int depth)
{
    switch (value.type()) {
    case QJsonValue::Bool:
        out += value.toBool() ? "true" : "false";
        return;
    case QJsonValue::Double: {
        // QJsonValue keeps integers and doubles apart, and Qt writes them differently (1000000
        // against 1e+06): only the variant tells which one this is.
        const QVariant number = value.toVariant();
        if (number.typeId() == QMetaType::LongLong) {
            out += QByteArray::number(number.toLongLong());
        } else {
            const double d = number.toDouble();
            if (std::isfinite(d))
                out += QByteArray::number(d, 'g', QLocale::FloatingPointShortest);
            else
                out += "null";
        }
        return;
    }
    case QJsonValue::String:
        appendString(out, value.toString());
        return;
    case QJsonValue::Array:
        appendArray(out, value.toArray(), depth);
        return;
    case QJsonValue::Object:
        appendObject(out, value.toObject(), depth);
        return;
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        break;
    }
    out += "null";
}

void IndentedJsonWriter::appendObject(QByteArray &out, const QJsonObject &object, int depth)
{
    out += "{\n";
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        if (it != object.constBegin())
            out += ",\n";
        appendIndent(out, depth + 1);
        appendString(out, it.key());
        out += ": ";
        appendValue(out, it.value(), depth + 1);
    }
    if (!object.isEmpty())
        out += '\n';
    appendIndent(out, depth);
    out += '}';
}

void IndentedJsonWriter::appendArray(QByteArray &out, const QJsonArray &array, int depth)
{
    out += "[\n";
    for (qsizetype i = 0; i < array.size(); ++i) {
        if (i > 0)
            out += ",\n";
        appendIndent(out, depth + 1);
        appendValue(out, array.at(i), depth + 1);
    }
    if (!array.isEmpty())
        out += '\n';
    appendIndent(out, depth);
    out += ']';
}

} // namespace corscope
