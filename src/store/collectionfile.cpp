#include "store/collectionfile.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

#include <algorithm>
#include <cmath>

namespace corscope {

namespace {
const QString formatTag = QStringLiteral("corscope-collection");
constexpr qint64 maxCollectionBytes = 512LL * 1024 * 1024;

// ---------------------------------------------------------------- reading

bool readHeaders(const QJsonValue &value, QList<QPair<QString, QString>> *headers, QString *error)
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
            headers->append({it.key(), it.value().toString()});
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
        headers->append({array.at(0).toString(), array.at(1).toString()});
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

bool readVariables(const QJsonValue &value, QList<QPair<QString, QString>> *variables, QString *error)
{
    if (value.isUndefined() || value.isNull())
        return true;
    if (!value.isObject()) {
        *error = QStringLiteral("\"variables\" must be an object of name: value");
        return false;
    }
    const QJsonObject object = value.toObject();
    for (auto it = object.begin(); it != object.end(); ++it) { // QJsonObject iterates sorted by key
        if (!it.value().isString()) {
            *error = u"variable '" + it.key() + u"' is not a string";
            return false;
        }
        variables->append({it.key(), it.value().toString()});
    }
    return true;
}

// The request fields shared by v1 ("defaults" and requests) and v2.
bool readRequestFields(const QJsonObject &object, SavedRequest *request, QString *error)
{
    if (!readString(object, QStringLiteral("url"), &request->url, error)
        || !readString(object, QStringLiteral("method"), &request->method, error)
        || !readString(object, QStringLiteral("credentials"), &request->credentials, error)
        || !readString(object, QStringLiteral("redirect"), &request->redirect, error)
        || !readString(object, QStringLiteral("browser"), &request->browser, error)) {
        return false;
    }
    if (object.contains(QStringLiteral("origin"))) {
        QString origin;
        if (!readString(object, QStringLiteral("origin"), &origin, error))
            return false;
        request->origins = origin.isEmpty() ? QStringList() : QStringList{origin};
    }
    if (object.contains(QStringLiteral("origins"))) {
        const QJsonValue origins = object.value(QStringLiteral("origins"));
        if (!origins.isArray()) {
            *error = QStringLiteral("\"origins\" must be a list of page origins");
            return false;
        }
        request->origins.clear();
        for (const QJsonValue &origin : origins.toArray()) {
            if (!origin.isString()) {
                *error = QStringLiteral("\"origins\" must be a list of strings");
                return false;
            }
            request->origins.append(origin.toString());
        }
    }
    if (object.contains(QStringLiteral("body"))) {
        QString body; // an explicit "" clears a body inherited from v1 "defaults"
        if (!readString(object, QStringLiteral("body"), &body, error))
            return false;
        request->body = body;
    }
    const QJsonValue delay = object.value(QStringLiteral("delayMs"));
    if (!delay.isUndefined()) {
        if (!delay.isDouble() || delay.toDouble() < 0 || delay.toDouble() > 3600000) {
            *error = QStringLiteral("\"delayMs\" must be a number of milliseconds");
            return false;
        }
        request->delayMs = qRound(delay.toDouble());
    }
    const QJsonValue expect = object.value(QStringLiteral("expect"));
    if (!expect.isUndefined() && !expect.isNull()) {
        const QString verdict = expect.toString();
        if (verdict != u"allowed" && verdict != u"blocked" && verdict != u"network-error") {
            *error = QStringLiteral("\"expect\" must be allowed, blocked or network-error");
            return false;
        }
        request->expect = verdict;
    }
    return readHeaders(object.value(QStringLiteral("headers")), &request->headers, error);
}

bool readItems(const QJsonValue &value, std::vector<CollectionItem> *items, const QString &where, int depth,
               QString *error)
{
    if (depth > 64) {
        *error = QStringLiteral("folders are nested too deeply");
        return false;
    }
    if (!value.isArray()) {
        *error = (where.isEmpty() ? QString() : u"in folder '" + where + u"': ")
            + QStringLiteral("\"items\" must be a list");
        return false;
    }
    int index = 0;
    for (const QJsonValue &entry : value.toArray()) {
        ++index;
        const QString position = (where.isEmpty() ? QString() : where + u'/') + u"item " + QString::number(index);
        if (!entry.isObject()) {
            *error = position + u" is not an object";
            return false;
        }
        const QJsonObject object = entry.toObject();
        CollectionItem item;
        QString fieldError;
        if (!readString(object, QStringLiteral("id"), &item.id, &fieldError)
            || !readString(object, QStringLiteral("name"), &item.name, &fieldError)
            || !readString(object, QStringLiteral("description"), &item.description, &fieldError)) {
            *error = u"in " + position + u": " + fieldError;
            return false;
        }
        const bool folder = object.value(QStringLiteral("type")).toString() == u"folder"
            || object.contains(QStringLiteral("items"));
        if (folder) {
            item.kind = CollectionItem::Kind::Folder;
            if (item.name.isEmpty())
                item.name = u"folder " + QString::number(index);
            const QString path = (where.isEmpty() ? QString() : where + u'/') + item.name;
            const QJsonValue children = object.value(QStringLiteral("items"));
            if (!children.isUndefined() && !readItems(children, &item.children, path, depth + 1, error))
                return false;
        } else {
            if (item.name.isEmpty())
                item.name = u"request " + QString::number(index);
            if (!readRequestFields(object, &item.request, &fieldError)) {
                *error = u"in request '" + item.name + u"': " + fieldError;
                return false;
            }
        }
        items->push_back(std::move(item));
    }
    return true;
}

std::optional<Collection> readVersion1(const QJsonObject &root, QString *error)
{
    Collection collection;
    collection.name = root.value(QStringLiteral("name")).toString();
    SavedRequest defaults;
    QString fieldError;
    if (!readRequestFields(root.value(QStringLiteral("defaults")).toObject(), &defaults, &fieldError)) {
        *error = u"in \"defaults\": " + fieldError;
        return std::nullopt;
    }
    const QJsonValue requests = root.value(QStringLiteral("requests"));
    if (!requests.isArray()) {
        *error = QStringLiteral("\"requests\" must be a list");
        return std::nullopt;
    }
    int index = 0;
    for (const QJsonValue &value : requests.toArray()) {
        ++index;
        if (!value.isObject()) {
            *error = u"request " + QString::number(index) + u" is not an object";
            return std::nullopt;
        }
        const QJsonObject object = value.toObject();
        CollectionItem item;
        item.name = object.value(QStringLiteral("name")).toString(u"request " + QString::number(index));
        item.request = defaults;
        item.request.headers.clear(); // the request's own headers come after the default ones
        if (!readRequestFields(object, &item.request, &fieldError)) {
            *error = u"in request '" + item.name + u"': " + fieldError;
            return std::nullopt;
        }
        item.request.headers = defaults.headers + item.request.headers;
        collection.items.push_back(std::move(item));
    }
    return collection;
}

std::optional<Collection> readVersion2(const QJsonObject &root, QString *error)
{
    Collection collection;
    QString fieldError;
    if (!readString(root, QStringLiteral("name"), &collection.name, &fieldError)
        || !readString(root, QStringLiteral("description"), &collection.description, &fieldError)
        || !readVariables(root.value(QStringLiteral("variables")), &collection.variables, &fieldError)) {
        *error = fieldError;
        return std::nullopt;
    }
    const QJsonValue origins = root.value(QStringLiteral("origins"));
    if (!origins.isUndefined()) {
        SavedRequest holder;
        if (!readRequestFields(QJsonObject{{QStringLiteral("origins"), origins}}, &holder, &fieldError)) {
            *error = fieldError;
            return std::nullopt;
        }
        collection.origins = holder.origins;
    }
    const QJsonValue environments = root.value(QStringLiteral("environments"));
    if (!environments.isUndefined()) {
        if (!environments.isArray()) {
            *error = QStringLiteral("\"environments\" must be a list of {\"name\", \"variables\"} objects");
            return std::nullopt;
        }
        for (const QJsonValue &value : environments.toArray()) {
            const QJsonObject object = value.toObject();
            Environment environment;
            environment.name = object.value(QStringLiteral("name")).toString();
            if (!value.isObject() || environment.name.isEmpty()) {
                *error = QStringLiteral("each environment must be an object with a \"name\"");
                return std::nullopt;
            }
            if (collection.environment(environment.name)) {
                *error = u"environment '" + environment.name + u"' is defined twice";
                return std::nullopt;
            }
            if (!readVariables(object.value(QStringLiteral("variables")), &environment.variables, &fieldError)) {
                *error = u"in environment '" + environment.name + u"': " + fieldError;
                return std::nullopt;
            }
            collection.environments.append(environment);
        }
    }
    const QJsonValue items = root.value(QStringLiteral("items"));
    if (!items.isUndefined() && !readItems(items, &collection.items, QString(), 0, error))
        return std::nullopt;
    return collection;
}

// ---------------------------------------------------------------- writing

void appendString(QByteArray &out, const QString &text)
{
    out += '"';
    const QByteArray utf8 = text.toUtf8();
    for (const char c : utf8) {
        const auto u = static_cast<unsigned char>(c);
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        case '\b': out += "\\b"; break;
        case '\f': out += "\\f"; break;
        default:
            if (u < 0x20) {
                out += "\\u00";
                out += "0123456789abcdef"[u >> 4];
                out += "0123456789abcdef"[u & 15];
            } else {
                out += c;
            }
        }
    }
    out += '"';
}

// Writes "key": value lines of one object; the caller handles braces.
class ObjectWriter
{
public:
    ObjectWriter(QByteArray &out, int indent)
        : m_out(out)
        , m_indent(indent)
    {
    }
    void key(const char *name)
    {
        if (m_count++ > 0)
            m_out += ",\n";
        m_out += QByteArray(m_indent * 2, ' ');
        m_out += '"';
        m_out += name;
        m_out += "\": ";
    }
    void string(const char *name, const QString &value)
    {
        key(name);
        appendString(m_out, value);
    }
    void number(const char *name, qint64 value)
    {
        key(name);
        m_out += QByteArray::number(value);
    }
    void stringList(const char *name, const QStringList &values)
    {
        key(name);
        if (values.isEmpty()) {
            m_out += "[]";
            return;
        }
        m_out += "[\n";
        for (qsizetype i = 0; i < values.size(); ++i) {
            m_out += QByteArray((m_indent + 1) * 2, ' ');
            appendString(m_out, values.at(i));
            m_out += i + 1 < values.size() ? ",\n" : "\n";
        }
        m_out += QByteArray(m_indent * 2, ' ') + ']';
    }
    void variables(const char *name, QList<QPair<QString, QString>> values)
    {
        key(name);
        if (values.isEmpty()) {
            m_out += "{}";
            return;
        }
        std::stable_sort(values.begin(), values.end(),
                         [](const auto &a, const auto &b) { return a.first < b.first; });
        m_out += "{\n";
        for (qsizetype i = 0; i < values.size(); ++i) {
            m_out += QByteArray((m_indent + 1) * 2, ' ');
            appendString(m_out, values.at(i).first);
            m_out += ": ";
            appendString(m_out, values.at(i).second);
            m_out += i + 1 < values.size() ? ",\n" : "\n";
        }
        m_out += QByteArray(m_indent * 2, ' ') + '}';
    }
    void pairs(const char *name, const QList<QPair<QString, QString>> &values)
    {
        key(name);
        m_out += "[\n";
        for (qsizetype i = 0; i < values.size(); ++i) {
            m_out += QByteArray((m_indent + 1) * 2, ' ') + '[';
            appendString(m_out, values.at(i).first);
            m_out += ", ";
            appendString(m_out, values.at(i).second);
            m_out += i + 1 < values.size() ? "],\n" : "]\n";
        }
        m_out += QByteArray(m_indent * 2, ' ') + ']';
    }
    void end()
    {
        m_out += '\n';
    }

private:
    QByteArray &m_out;
    int m_indent;
    int m_count = 0;
};

void writeItems(QByteArray &out, const std::vector<CollectionItem> &items, int indent);

void writeItem(QByteArray &out, const CollectionItem &item, int indent)
{
    out += QByteArray(indent * 2, ' ') + "{\n";
    ObjectWriter object(out, indent + 1);
    if (!item.id.isEmpty())
        object.string("id", item.id);
    if (item.isFolder())
        object.string("type", QStringLiteral("folder"));
    object.string("name", item.name);
    if (!item.description.isEmpty())
        object.string("description", item.description);
    if (item.isFolder()) {
        object.key("items");
        writeItems(out, item.children, indent + 1);
    } else {
        const SavedRequest &request = item.request;
        object.string("method", request.method);
        object.string("url", request.url);
        if (!request.origins.isEmpty())
            object.stringList("origins", request.origins);
        if (!request.headers.isEmpty())
            object.pairs("headers", request.headers);
        if (request.body)
            object.string("body", *request.body);
        if (request.credentials != u"same-origin")
            object.string("credentials", request.credentials);
        if (request.redirect != u"follow")
            object.string("redirect", request.redirect);
        if (request.browser != u"chromium")
            object.string("browser", request.browser);
        if (request.delayMs != 0)
            object.number("delayMs", request.delayMs);
        if (request.expect)
            object.string("expect", *request.expect);
    }
    object.end();
    out += QByteArray(indent * 2, ' ') + '}';
}

void writeItems(QByteArray &out, const std::vector<CollectionItem> &items, int indent)
{
    if (items.empty()) {
        out += "[]";
        return;
    }
    out += "[\n";
    for (size_t i = 0; i < items.size(); ++i) {
        writeItem(out, items[i], indent + 1);
        out += i + 1 < items.size() ? ",\n" : "\n";
    }
    out += QByteArray(indent * 2, ' ') + ']';
}
} // namespace

std::optional<Collection> parseCollection(const QByteArray &json, QString *error)
{
    QString problem;
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
    const QJsonValue versionValue = root.value(QStringLiteral("version"));
    const int version = versionValue.isDouble() && versionValue.toDouble() == std::floor(versionValue.toDouble())
        ? versionValue.toInt(0)
        : 0;
    if (version < 1)
        return fail(QStringLiteral("\"version\" is missing or not a positive integer"));
    if (version > Collection::currentVersion)
        return fail(u"written by a newer corscope (collection version " + QString::number(version)
                    + u", this corscope reads up to " + QString::number(Collection::currentVersion)
                    + u"); the file was left untouched");
    std::optional<Collection> collection = version == 1 ? readVersion1(root, &problem) : readVersion2(root, &problem);
    if (!collection)
        return fail(problem);
    return collection;
}

QByteArray serializeCollection(const Collection &collection)
{
    QByteArray out;
    out.reserve(256 + collection.requestCount() * 256);
    out += "{\n";
    ObjectWriter root(out, 1);
    root.string("format", formatTag);
    root.number("version", Collection::currentVersion);
    root.string("name", collection.name);
    if (!collection.description.isEmpty())
        root.string("description", collection.description);
    if (!collection.variables.isEmpty())
        root.variables("variables", collection.variables);
    if (!collection.environments.isEmpty()) {
        root.key("environments");
        out += "[\n";
        for (qsizetype i = 0; i < collection.environments.size(); ++i) {
            const Environment &environment = collection.environments.at(i);
            out += "    {\n";
            ObjectWriter object(out, 3);
            object.string("name", environment.name);
            object.variables("variables", environment.variables);
            object.end();
            out += i + 1 < collection.environments.size() ? "    },\n" : "    }\n";
        }
        out += "  ]";
    }
    if (!collection.origins.isEmpty())
        root.stringList("origins", collection.origins);
    root.key("items");
    writeItems(out, collection.items, 1);
    root.end();
    out += "}\n";
    return out;
}

std::optional<Collection> loadCollection(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = u"cannot read " + path + u": " + file.errorString();
        return std::nullopt;
    }
    if (file.size() > maxCollectionBytes) {
        if (error)
            *error = path + u" is larger than 512 MiB";
        return std::nullopt;
    }
    QString problem;
    auto collection = parseCollection(file.readAll(), &problem);
    if (!collection && error)
        *error = path + u": " + problem;
    return collection;
}

bool saveCollection(const Collection &collection, const QString &path, QString *error)
{
    QSaveFile file(path);
    const QByteArray bytes = serializeCollection(collection);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        if (error)
            *error = u"cannot save " + path + u": " + file.errorString();
        return false;
    }
    return true;
}

} // namespace corscope
