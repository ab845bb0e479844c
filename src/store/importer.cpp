#include "store/importer.h"

#include "store/collectionfile.h"
#include "store/curlimport.h"
#include "store/harimport.h"
#include "store/postmanimport.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

namespace corscope {

namespace {
QByteArray trimmedStart(const QByteArray &data)
{
    QByteArray view = data.left(4096);
    if (view.startsWith("\xEF\xBB\xBF"))
        view = view.mid(3);
    return view.trimmed();
}

void collectIds(const std::vector<CollectionItem> &items, QSet<QString> *ids)
{
    for (const CollectionItem &item : items) {
        ids->insert(item.id);
        collectIds(item.children, ids);
    }
}

void clearClashingIds(std::vector<CollectionItem> &items, const QSet<QString> &taken)
{
    for (CollectionItem &item : items) {
        if (taken.contains(item.id))
            item.id.clear();
        clearClashingIds(item.children, taken);
    }
}

void mergeVariables(QList<QPair<QString, QString>> *into, const QList<QPair<QString, QString>> &from)
{
    for (const auto &variable : from) {
        auto it = std::find_if(into->begin(), into->end(), [&](const auto &v) { return v.first == variable.first; });
        if (it != into->end())
            it->second = variable.second;
        else
            into->append(variable);
    }
}
} // namespace

QString importFormatName(ImportFormat format)
{
    switch (format) {
    case ImportFormat::Curl: return QStringLiteral("cURL");
    case ImportFormat::Har: return QStringLiteral("HAR");
    case ImportFormat::Postman: return QStringLiteral("Postman");
    case ImportFormat::Collection: return QStringLiteral("corscope collection");
    case ImportFormat::Unknown: break;
    }
    return QStringLiteral("unknown");
}

ImportFormat detectImportFormat(const QByteArray &data)
{
    const QByteArray start = trimmedStart(data);
    if (start.startsWith('{')) {
        if (start.contains("\"corscope-collection\""))
            return ImportFormat::Collection;
        if (start.contains("\"log\""))
            return ImportFormat::Har;
        if (start.contains("getpostman.com") || start.contains("\"_postman_") || start.contains("\"item\"")
            || start.contains("\"info\""))
            return ImportFormat::Postman;
        return ImportFormat::Har; // the key may come later; HAR is the likely big one
    }
    if (start.startsWith("curl") || start.contains("curl "))
        return ImportFormat::Curl;
    return ImportFormat::Unknown;
}

std::optional<ImportResult> importData(const QByteArray &data, QString *error, ImportFormat *detected,
                                       const ParseProgress &progress)
{
    const ImportFormat format = detectImportFormat(data);
    if (detected)
        *detected = format;
    QString problem;
    std::optional<ImportResult> result;
    switch (format) {
    case ImportFormat::Curl:
        result = importCurl(QString::fromUtf8(data), &problem);
        break;
    case ImportFormat::Har:
        result = importHar(data, &problem, progress);
        break;
    case ImportFormat::Postman: {
        QJsonParseError parseError;
        const QJsonDocument document = QJsonDocument::fromJson(data, &parseError);
        if (parseError.error != QJsonParseError::NoError)
            problem = u"not valid JSON (" + parseError.errorString() + u" at byte "
                + QString::number(parseError.offset) + u")";
        else
            result = importPostman(document.object(), &problem);
        break;
    }
    case ImportFormat::Collection:
        if (auto collection = parseCollection(data, &problem))
            result = ImportResult{*collection, {}};
        break;
    case ImportFormat::Unknown:
        problem = QStringLiteral("the input is none of: a curl command, a HAR file, a Postman collection");
        if (error)
            *error = problem;
        return std::nullopt;
    }
    if (!result && error)
        *error = importFormatName(format) + u": " + problem;
    return result;
}

void mergeCollection(Collection *into, const Collection &from)
{
    if (into->name.isEmpty())
        into->name = from.name;
    mergeVariables(&into->variables, from.variables);
    for (const Environment &environment : from.environments) {
        auto it = std::find_if(into->environments.begin(), into->environments.end(),
                               [&](const Environment &e) { return e.name == environment.name; });
        if (it != into->environments.end())
            mergeVariables(&it->variables, environment.variables);
        else
            into->environments.append(environment);
    }
    QSet<QString> taken;
    collectIds(into->items, &taken);
    std::vector<CollectionItem> items = from.items;
    clearClashingIds(items, taken);
    for (CollectionItem &item : items)
        into->items.push_back(std::move(item));
    into->assignMissingIds();
}

} // namespace corscope
