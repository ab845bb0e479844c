#pragma once

#include "cli/progressline.h"
#include "store/collection.h"

#include <QByteArray>
#include <QObject>
#include <QStringList>
#include <QTimer>

namespace corscope {

class CollectionRunner;
class CompositeTransport;
class RunJsonBuilder;

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
    void onRunnerFinished();
    void onFinished();
    void flushProgress();

    Collection m_collection;
    QString m_format;
    QString m_harPath;
    CollectionRunner *m_runner = nullptr;
    CompositeTransport *m_transport = nullptr;
    RunJsonBuilder *m_json = nullptr; // for --format json and --har
    // Progress on stderr, written at most once per interval, not once per request.
    ProgressLine m_progress;
    QTimer m_progressTimer;
};

} // namespace corscope
