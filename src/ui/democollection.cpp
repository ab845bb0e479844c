#include "ui/democollection.h"

#include "net/labserver.h"

#include <QFile>

#include <functional>

// Q_INIT_RESOURCE must be used outside a namespace; the resources live in a static library.
static void initCorscopeResources()
{
    Q_INIT_RESOURCE(corscope);
}

namespace corscope {

std::optional<Collection> demoCollection(quint16 labPort, QString *error)
{
    initCorscopeResources();
    QFile file(QStringLiteral(":/corscope/demo-collection.json"));
    if (!file.open(QIODevice::ReadOnly)) {
        *error = u"The built-in demo requests cannot be read: " + file.errorString();
        return std::nullopt;
    }
    auto collection = parseCollection(file.readAll(), error);
    if (!collection)
        return std::nullopt;
    return withLabPort(*std::move(collection), LabServer::defaultPort, labPort);
}

Collection withLabPort(Collection collection, quint16 fromPort, quint16 toPort)
{
    if (fromPort == toPort)
        return collection;
    const QString from = u':' + QString::number(fromPort);
    const QString to = u':' + QString::number(toPort);
    const std::function<void(std::vector<CollectionItem> &)> rewrite = [&](std::vector<CollectionItem> &items) {
        for (CollectionItem &item : items) {
            rewrite(item.children);
            QString &url = item.request.url;
            for (const QString &host : {QStringLiteral("//localhost"), QStringLiteral("//127.0.0.1")}) {
                const QString old = host + from;
                if (url.contains(old + u'/') || url.endsWith(old))
                    url.replace(old, host + to);
            }
        }
    };
    rewrite(collection.items);
    return collection;
}

int firstFailingRequest(const Collection &collection)
{
    const QList<CollectionEntry> entries = collection.requests().value_or(QList<CollectionEntry>());
    for (int i = 0; i < entries.size(); ++i) {
        const auto &expect = entries.at(i).item->request.expect;
        if (expect && *expect != u"allowed")
            return i;
    }
    return entries.isEmpty() ? -1 : 0;
}

} // namespace corscope
