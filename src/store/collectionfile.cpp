#include "store/collectionfile.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace corscope {

namespace {
const QString formatTag = QStringLiteral("corscope-collection");

// Headers are a list of [name, value] pairs (order and duplicates kept) or an object.
bool readHeaders(const QJsonValue &value, QStringList *lines, QString *error)
{
    if (value.isUndefined() || value.isNull())
        return true;
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (!it.value().isString()) {
                *error = u"the value of header '" + it.key() + u"' is not a string";
                return false;
            }
            lines->append(it.key() + u": " + it.value().toString());
        }
        return true;
    }
    if (!value.isArray()) {
        *error = QStringLiteral("\"headers\" must be a list of [name, value] pairs");
        return false;
    }
    for (const QJsonValue &pair : value.toArray()) {
        const QJsonArray array = pair.toArray();
        if (array.size() != 2 || !array.at(0).isString() || !array.at(1).isString()) {
            *error = QStringLiteral("each header must be a [name, value] pair of strings");
            return false;
        }
        lines->append(array.at(0).toString() + u": " + array.at(1).toString());
    }
    return true;
}

bool readString(const QJsonObject &object, const QString &key, QString *target, QString *error)
{
    const QJsonValue value = object.value(key);
    if (value.isUndefined() || value.isNull())
        return true;
    if (!value.isString()) {
        *error = u'"' + key + u"\" must be a string";
        return false;
    }
    *target = value.toString();
    return true;
}

bool readRequestFields(const QJsonObject &object, RequestInput *input, QString *error)
{
    if (!readString(object, QStringLiteral("url"), &input->url, error)
        || !readString(object, QStringLiteral("origin"), &input->origin, error)
        || !readString(object, QStringLiteral("method"), &input->method, error)
        || !readString(object, QStringLiteral("credentials"), &input->credentials, error)
        || !readString(object, QStringLiteral("redirect"), &input->redirect, error)
        || !readString(object, QStringLiteral("browser"), &input->browser, error)) {
        return false;
    }
    if (object.contains(QStringLiteral("body"))) {
        QString body; // an explicit "" clears a body inherited from "defaults"
        if (!readString(object, QStringLiteral("body"), &body, error))
            return false;
        input->body = body.toUtf8();
    }
    return readHeaders(object.value(QStringLiteral("headers")), &input->headerLines, error);
}
} // namespace

std::optional<Collection> parseCollection(const QByteArray &json, QString *error)
{
    auto fail = [error](const QString &message) -> std::optional<Collection> {
        if (error)
            *error = message;
        return std::nullopt;
    };
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return fail(u"not valid JSON (" + parseError.errorString() + u" at byte " + QString::number(parseError.offset)
                    + u")");
    if (!document.isObject())
        return fail(QStringLiteral("the file must contain one JSON object"));
    const QJsonObject root = document.object();
    if (root.value(QStringLiteral("format")).toString() != formatTag)
        return fail(u"not a corscope collection (\"format\" must be \"" + formatTag + u"\")");
    const int version = root.value(QStringLiteral("version")).toInt(0);
    if (version < 1)
        return fail(QStringLiteral("\"version\" is missing or not a positive integer"));
    if (version > Collection::currentVersion)
        return fail(u"written by a newer corscope (collection version " + QString::number(version)
                    + u", this corscope reads up to " + QString::number(Collection::currentVersion) + u")");

    Collection collection;
    collection.name = root.value(QStringLiteral("name")).toString();
    RequestInput defaults;
    QString fieldError;
    if (!readRequestFields(root.value(QStringLiteral("defaults")).toObject(), &defaults, &fieldError))
        return fail(u"in \"defaults\": " + fieldError);

    const QJsonValue requests = root.value(QStringLiteral("requests"));
    if (!requests.isArray())
        return fail(QStringLiteral("\"requests\" must be a list"));
    int index = 0;
    for (const QJsonValue &value : requests.toArray()) {
        ++index;
        if (!value.isObject())
            return fail(u"request " + QString::number(index) + u" is not an object");
        const QJsonObject object = value.toObject();
        CollectionRequest item;
        item.name = object.value(QStringLiteral("name")).toString(u"request " + QString::number(index));
        item.input = defaults;
        if (!readRequestFields(object, &item.input, &fieldError))
            return fail(u"in request '" + item.name + u"': " + fieldError);
        const QJsonValue delay = object.value(QStringLiteral("delayMs"));
        if (!delay.isUndefined()) {
            if (!delay.isDouble() || delay.toDouble() < 0 || delay.toDouble() > 3600000)
                return fail(u"in request '" + item.name + u"': \"delayMs\" must be a number of milliseconds");
            item.delayMs = qRound(delay.toDouble());
        }
        const QJsonValue expect = object.value(QStringLiteral("expect"));
        if (!expect.isUndefined()) {
            const QString verdict = expect.toString();
            if (verdict != u"allowed" && verdict != u"blocked" && verdict != u"network-error")
                return fail(u"in request '" + item.name + u"': \"expect\" must be allowed, blocked or network-error");
            item.expect = verdict;
        }
        collection.requests.append(item);
    }
    return collection;
}

} // namespace corscope
