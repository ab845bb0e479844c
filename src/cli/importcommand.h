#pragma once

#include <QObject>
#include <QStringList>

namespace corscope {

// `corscope import SOURCE [--to COLLECTION.json]`: cURL commands, HAR 1.2 or Postman v2.1 (detected)
// into a collection; printed, or added to the file (saved atomically; a corrupt or newer file is
// refused and left untouched).
class ImportCommand final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ImportCommand)

public:
    explicit ImportCommand(QObject *parent = nullptr);
    int start(const QStringList &arguments); // always over: returns the exit code

Q_SIGNALS:
    void finished(int exitCode);
};

} // namespace corscope
