#pragma once

#include <QObject>
#include <QStringList>

#include <memory>

namespace corscope {

class PreflightCache;

// `corscope check URL --origin ORIGIN ...`: one request, as fetch() would make it, with the verdict.
class CheckCommand final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CheckCommand)

public:
    explicit CheckCommand(QObject *parent = nullptr);
    ~CheckCommand() override;

    // Parses the arguments (after "check") and starts the exchange. Returns an exit code when the
    // command is already over (bad input, --help), or -1 when finished(exitCode) will follow.
    int start(const QStringList &arguments);

Q_SIGNALS:
    void finished(int exitCode);

private:
    std::unique_ptr<PreflightCache> m_cache;
};

} // namespace corscope
