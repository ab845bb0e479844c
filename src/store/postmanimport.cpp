#include "store/postmanimport.h"

#include <QJsonArray>
#include <QUrl>

namespace corscope {

namespace {
QString urlOf(const QJsonValue &url)
{
    if (url.isString())
        return url.toString();
    const QJsonObject object = url.toObject();
    if (object.contains(QStringLiteral("raw")))
        return object.value(QStringLiteral("raw")).toString();
    QString text = object.value(QStringLiteral("protocol")).toString(QStringLiteral("https")) + u"://";
    QStringList host;
    for (const QJsonValue &part : object.value(QStringLiteral("host")).toArray())
        host.append(part.toString());
    text += host.join(u'.');
    if (object.contains(QStringLiteral("port")))
        text += u':' + object.value(QStringLiteral("port")).toString();
    for (const QJsonValue &part : object.value(QStringLiteral("path")).toArray())
        text += u'/' + part.toString();
    return text;
}

QString description(const QJsonValue &value)
{
    return value.isObject() ? value.toObject().value(QStringLiteral("content")).toString() : value.toString();
}

bool readItems(const QJsonArray &items, std::vector<CollectionItem> *out, const QString &where, int depth,
               QStringList *warnings, QString *error)
{
    if (depth > 64) {
        *error = QStringLiteral("folders are nested too deeply");
        return false;
    }
    int index = 0;
    for (const QJsonValue &value : items) {
        ++index;
        const QJsonObject object = value.toObject();
        CollectionItem item;
        item.name = object.value(QStringLiteral("name")).toString(u"item " + QString::number(index));
        const QString path = where.isEmpty() ? item.name : where + u'/' + item.name;
        if (!value.isObject()) {
            *error = u"item " + QString::number(index) + (where.isEmpty() ? QString() : u" of " + where)
                + u" is not an object";
            return false;
        }
        if (object.contains(QStringLiteral("item"))) {
            item.kind = CollectionItem::Kind::Folder;
            item.description = description(object.value(QStringLiteral("description")));
            if (!readItems(object.value(QStringLiteral("item")).toArray(), &item.children, path, depth + 1, warnings,
                           error)) {
                return false;
            }
            out->push_back(std::move(item));
            continue;
        }
        const QJsonValue requestValue = object.value(QStringLiteral("request"));
        if (!requestValue.isObject() && !requestValue.isString()) {
            *error = u"'" + path + u"' has neither \"request\" nor \"item\"";
            return false;
        }
        SavedRequest &request = item.request;
        if (requestValue.isString()) {
            request.url = requestValue.toString();
        } else {
            const QJsonObject r = requestValue.toObject();
            item.description = description(r.value(QStringLiteral("description")));
            request.method = r.value(QStringLiteral("method")).toString(QStringLiteral("GET"));
            request.url = urlOf(r.value(QStringLiteral("url")));
            QList<QPair<QString, QString>> headers;
            for (const QJsonValue &header : r.value(QStringLiteral("header")).toArray()) {
                const QJsonObject h = header.toObject();
                if (!h.value(QStringLiteral("disabled")).toBool())
                    headers.append({h.value(QStringLiteral("key")).toString(), h.value(QStringLiteral("value")).toString()});
            }
            const QJsonObject auth = r.value(QStringLiteral("auth")).toObject();
            const QString authType = auth.value(QStringLiteral("type")).toString();
            auto authValue = [&auth, &authType](const QString &key) {
                for (const QJsonValue &v : auth.value(authType).toArray()) {
                    if (v[u"key"].toString() == key)
                        return v[u"value"].toString();
                }
                return QString();
            };
            if (authType == u"bearer")
                headers.append({QStringLiteral("Authorization"), u"Bearer " + authValue(QStringLiteral("token"))});
            else if (authType == u"basic")
                headers.append({QStringLiteral("Authorization"),
                                u"Basic "
                                    + QString::fromLatin1((authValue(QStringLiteral("username")) + u':'
                                                           + authValue(QStringLiteral("password")))
                                                              .toUtf8()
                                                              .toBase64())});
            else if (!authType.isEmpty() && authType != u"noauth")
                warnings->append(u"'" + path + u"': " + authType + u" authentication is not imported.");
            const QString origin = adoptRecordedHeaders(headers, &request);
            if (!origin.isEmpty())
                request.origins = {origin};
            const QJsonObject body = r.value(QStringLiteral("body")).toObject();
            const QString mode = body.value(QStringLiteral("mode")).toString();
            if (mode == u"raw") {
                request.body = body.value(QStringLiteral("raw")).toString();
                const QString language =
                    body.value(QStringLiteral("options")).toObject().value(QStringLiteral("raw")).toObject().value(QStringLiteral("language")).toString();
                bool hasType = false;
                for (const auto &h : std::as_const(request.headers))
                    hasType = hasType || h.first.compare(u"content-type", Qt::CaseInsensitive) == 0;
                if (!hasType && language == u"json") // Postman adds this header itself
                    request.headers.append({QStringLiteral("Content-Type"), QStringLiteral("application/json")});
            } else if (mode == u"urlencoded") {
                QStringList pairs;
                for (const QJsonValue &field : body.value(QStringLiteral("urlencoded")).toArray()) {
                    if (field[u"disabled"].toBool())
                        continue;
                    pairs.append(QString::fromLatin1(QUrl::toPercentEncoding(field[u"key"].toString())) + u'='
                                 + QString::fromLatin1(QUrl::toPercentEncoding(field[u"value"].toString())));
                }
                request.body = pairs.join(u'&');
                bool hasType = false;
                for (const auto &h : std::as_const(request.headers))
                    hasType = hasType || h.first.compare(u"content-type", Qt::CaseInsensitive) == 0;
                if (!hasType)
                    request.headers.append({QStringLiteral("Content-Type"),
                                            QStringLiteral("application/x-www-form-urlencoded")});
            } else if (!mode.isEmpty()) {
                warnings->append(u"'" + path + u"': a " + mode + u" body is not imported.");
            }
        }
        if (request.url.isEmpty()) {
            *error = u"'" + path + u"' has no URL";
            return false;
        }
        out->push_back(std::move(item));
    }
    return true;
}

QList<QPair<QString, QString>> variablesOf(const QJsonArray &array)
{
    QList<QPair<QString, QString>> variables;
    for (const QJsonValue &value : array) {
        const QJsonObject v = value.toObject();
        if (v.value(QStringLiteral("enabled")).toBool(true) && !v.value(QStringLiteral("disabled")).toBool())
            variables.append({v.value(QStringLiteral("key")).toString(), v.value(QStringLiteral("value")).toVariant().toString()});
    }
    std::stable_sort(variables.begin(), variables.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
    return variables;
}
} // namespace

std::optional<ImportResult> importPostman(const QJsonObject &root, QString *error)
{
    ImportResult result;
    if (root.contains(QStringLiteral("_postman_variable_scope")) || root.contains(QStringLiteral("values"))) {
        Environment environment;
        environment.name = root.value(QStringLiteral("name")).toString(QStringLiteral("postman"));
        environment.variables = variablesOf(root.value(QStringLiteral("values")).toArray());
        result.collection.name = u"Postman environment " + environment.name;
        result.collection.environments.append(environment);
        return result;
    }
    const QJsonObject info = root.value(QStringLiteral("info")).toObject();
    const QString schema = info.value(QStringLiteral("schema")).toString();
    if (!schema.isEmpty() && !schema.contains(u"v2.1") && !schema.contains(u"v2.0")) {
        *error = u"unsupported Postman schema " + schema + u" (use collection v2.1)";
        return std::nullopt;
    }
    if (!root.value(QStringLiteral("item")).isArray()) {
        *error = QStringLiteral("not a Postman collection (no \"item\" list)");
        return std::nullopt;
    }
    result.collection.name = info.value(QStringLiteral("name")).toString(QStringLiteral("Imported from Postman"));
    result.collection.description = description(info.value(QStringLiteral("description")));
    result.collection.variables = variablesOf(root.value(QStringLiteral("variable")).toArray());
    if (!readItems(root.value(QStringLiteral("item")).toArray(), &result.collection.items, QString(), 0,
                   &result.warnings, error)) {
        return std::nullopt;
    }
    result.collection.assignMissingIds();
    return result;
}

} // namespace corscope
