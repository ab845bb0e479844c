#pragma once

#include <QObject>
#include <QStringList>

namespace corscope {

// `corscope report RESULT.json --out PATH`: a ticket-ready report (.md, .html, .png, .har) of the JSON
// printed by `corscope check --format json` or `corscope run`, redacted unless --no-redact.
class ReportCommand final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReportCommand)

public:
    explicit ReportCommand(QObject *parent = nullptr);

    // Always finishes at once; returns the exit code (0 written, 2 bad input or not written).
    int start(const QStringList &arguments);

Q_SIGNALS:
    void finished(int exitCode);
};

} // namespace corscope
