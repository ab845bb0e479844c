#pragma once

#include <QObject>
#include <QStringList>

namespace corscope {

// `corscope export COLLECTION.json REQUEST [--env NAME] [--origin ORIGIN]...`: the request (id,
// name or folder/name) as the curl commands that reproduce its preflight and the request.
class ExportCommand final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ExportCommand)

public:
    explicit ExportCommand(QObject *parent = nullptr);
    int start(const QStringList &arguments);

Q_SIGNALS:
    void finished(int exitCode);
};

} // namespace corscope
