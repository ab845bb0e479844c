#pragma once

#include "store/collection.h"

#include <QObject>
#include <QStringList>

namespace corscope {

class CollectionRunner;
class CompositeTransport;

// `corscope run FILE.json`: the requests of a collection (or of one folder), for each page origin,
// sharing one preflight cache; output as JSON, an origin-matrix grid or JUnit XML.
class RunCommand final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RunCommand)

public:
    explicit RunCommand(QObject *parent = nullptr);
    ~RunCommand() override;

    // Returns an exit code when already over (bad input, --help), or -1 when finished() will follow.
    int start(const QStringList &arguments);

Q_SIGNALS:
    void finished(int exitCode);

private:
    void onFinished();

    Collection m_collection;
    QString m_format;
    QString m_harPath;
    CollectionRunner *m_runner = nullptr;
    CompositeTransport *m_transport = nullptr;
};

} // namespace corscope
