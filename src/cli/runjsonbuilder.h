#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QThreadPool>

namespace corscope {

class CollectionRunner;

// The JSON output of `corscope run` (what RunReport::json() prints), built while the run goes on:
// each finished job is converted and serialized on a worker thread, so that the event loop keeps
// sending and the end of a long run only has to join the pieces. The bytes are exactly those of
// QJsonDocument(runner.resultsJson()).toJson(QJsonDocument::Indented).
class RunJsonBuilder final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RunJsonBuilder)

public:
    // Follows runner's jobFinished(); the runner must outlive the builder.
    explicit RunJsonBuilder(const CollectionRunner *runner, QObject *parent = nullptr);
    ~RunJsonBuilder() override;

    // Every job finished so far has been serialized (ready() is emitted when this becomes true).
    bool isReady() const { return m_pending == 0; }
    // The indented JSON array of the finished jobs, in job order. Only when isReady().
    QByteArray document() const;

    // One element of an indented JSON array: object serialized as QJsonDocument::Indented does
    // inside a top-level array (one level deep), without the separator and final newline.
    static QByteArray arrayElement(const QJsonObject &object);
    // The indented top-level array of these elements, as QJsonDocument::toJson() writes it.
    static QByteArray arrayDocument(const QList<QByteArray> &elements);

Q_SIGNALS:
    void ready();

private:
    void onJobFinished(qsizetype index);

    const CollectionRunner *m_runner;
    QList<QByteArray> m_elements;
    QList<bool> m_done;
    int m_pending = 0;
    QThreadPool m_pool; // last member: destroyed first, waits for the jobs still running
};

} // namespace corscope
