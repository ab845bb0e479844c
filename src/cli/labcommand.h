#pragma once

#include <QObject>
#include <QStringList>

namespace corscope {

class LabServer;

// `corscope lab [--port N]`: runs the CORS lab server in the foreground, prints its URL, the
// endpoints with a ready-to-paste `corscope check` for each, and one line per answered request, until
// SIGINT or SIGTERM.
class LabCommand final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LabCommand)

public:
    explicit LabCommand(QObject *parent = nullptr);
    ~LabCommand() override;

    // Returns an exit code when already over (bad input, port in use, --help), or -1 when
    // finished(0) will follow on SIGINT/SIGTERM.
    int start(const QStringList &arguments);

Q_SIGNALS:
    void finished(int exitCode);

private:
    bool watchTerminationSignals();
    void onTerminationSignal();

    LabServer *m_lab = nullptr;
    bool m_quiet = false;
};

} // namespace corscope
