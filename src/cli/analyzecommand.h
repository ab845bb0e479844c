#pragma once

#include <QObject>
#include <QStringList>

namespace corscope {

// `corscope analyze FILE.har [--format text|json] [--browser NAME]`: the recorded exchanges through
// the engine, nothing sent. Exit 0 when every cross-origin request was allowed, 1 otherwise.
class AnalyzeCommand final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AnalyzeCommand)

public:
    explicit AnalyzeCommand(QObject *parent = nullptr);
    int start(const QStringList &arguments);

Q_SIGNALS:
    void finished(int exitCode);
};

} // namespace corscope
