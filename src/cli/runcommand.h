#pragma once

#include "store/collectionfile.h"
#include "store/requestinput.h"

#include <QJsonArray>
#include <QObject>
#include <QStringList>

#include <memory>

namespace corscope {

class PreflightCache;
class CompositeTransport;

// `corscope run FILE.json`: the requests of a collection in order, sharing one preflight cache.
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
    void runNext();

    QList<CollectionRequest> m_items;
    QList<BuiltRequest> m_requests;
    qsizetype m_next = 0;
    bool m_allAsExpected = true;
    QJsonArray m_results;
    std::unique_ptr<PreflightCache> m_cache;
    CompositeTransport *m_transport = nullptr;
};

} // namespace corscope
