// Helper for tst_collectionfile: saves two large collections to one file, alternately, forever,
// until the test kills it with SIGKILL.
#include "store/collectionfile.h"

#include <QCoreApplication>

using namespace corscope;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList arguments = QCoreApplication::arguments();
    if (arguments.size() != 3)
        return 2;
    const QString path = arguments.at(1);
    const int requests = arguments.at(2).toInt();
    Collection versions[2];
    for (int v = 0; v < 2; ++v) {
        versions[v].name = v == 0 ? QStringLiteral("old") : QStringLiteral("new");
        for (int i = 0; i < requests; ++i) {
            CollectionItem item;
            item.id = QString::number(i);
            item.name = QStringLiteral("request %1 of %2").arg(i).arg(versions[v].name);
            item.request.url = QStringLiteral("https://api.example.com/items/%1?pad=%2").arg(i).arg(QString(200, u'x'));
            item.request.origins = {QStringLiteral("http://localhost:3000")};
            versions[v].items.push_back(item);
        }
    }
    QString error;
    for (quint64 round = 0;; ++round) {
        if (!saveCollection(versions[round % 2], path, &error))
            return 1;
        if (round == 0)
            fputs("saving\n", stdout), fflush(stdout);
    }
}
