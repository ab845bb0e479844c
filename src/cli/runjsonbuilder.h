#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QThreadPool>

#include <atomic>
#include <functional>
#include <memory>

namespace corscope {

class CollectionRunner;

// The JSON output of `corscope run` (what RunReport::json() prints), built while the run goes on:
// each finished job is converted and serialized on a worker thread, so that the event loop keeps
// sending and the end of a long run only has to join the pieces. The bytes are exactly those of
// QJsonDocument(runner.resultsJson()).toJson(QJsonDocument::Indented).
//
// While the run is on, the workers run at idle priority: the event loop's sends and receives come
// first, and a worker never preempts it (which would also stretch the timings the run measures).
// When the runner finishes, whatever is still to do moves to normal-priority workers, so that a busy
// machine cannot starve the end of the run. Jobs are handed over in batches, so that a worker is
// woken, and the event loop called back, once per batch rather than once per job.
class RunJsonBuilder final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RunJsonBuilder)

public:
    // Follows runner's jobFinished() and finished(); the runner must outlive the builder.
    explicit RunJsonBuilder(const CollectionRunner *runner, QObject *parent = nullptr);
    ~RunJsonBuilder() override;

    // Every job finished so far has been serialized (ready() is emitted when this becomes true).
    bool isReady() const { return m_pending == 0; }
    // The indented JSON array of the finished jobs, in job order. Only when isReady(), and only while
    // the elements are kept (always, unless streamTo() said otherwise).
    QByteArray document() const;

    // Streams the same bytes as document() to sink while the run goes on: an element is handed over
    // as soon as it and every element before it are ready, so the output is written during the run
    // rather than all at the end, and need not be held in memory (unless keepDocument).
    using Sink = std::function<void(const QByteArray &)>;
    void streamTo(Sink sink, bool keepDocument);
    // Hands the rest of the document to the sink and closes the array. Only when isReady().
    void finishStream();

    // From now on, jobs are serialized at normal priority, those already waiting included. Called
    // when the runner finishes.
    void moveToForeground();

    // One element of an indented JSON array: object serialized as QJsonDocument::Indented does
    // inside a top-level array (one level deep), without the separator and final newline.
    static QByteArray arrayElement(const QJsonObject &object);
    // The indented top-level array of these elements, as QJsonDocument::toJson() writes it.
    static QByteArray arrayDocument(const QList<QByteArray> &elements);

Q_SIGNALS:
    void ready();

private:
    void onJobFinished(qsizetype index);
    void serializeOn(QThreadPool &pool, const QList<qsizetype> &indexes);
    void onElementsReady(QList<std::pair<qsizetype, QByteArray>> elements);
    void streamElement(qsizetype index);

    const CollectionRunner *m_runner;
    QList<QByteArray> m_elements;
    QList<bool> m_done;  // the job finished (its element is on its way or ready)
    QList<bool> m_ready; // its element is in m_elements
    int m_pending = 0;
    QList<qsizetype> m_waiting; // finished jobs not yet handed to a worker
    static constexpr qsizetype batchSize = 16;
    bool m_foreground = false;
    Sink m_sink;
    bool m_keepElements = true;
    qsizetype m_streamedUpTo = 0; // every element before this index went to the sink (or never will)
    qsizetype m_streamedCount = 0;
    // A job may be queued on both pools (moveToForeground() re-queues what waits): the first worker to
    // claim it serializes it, the other skips it.
    std::unique_ptr<std::atomic_bool[]> m_claimed;
    // Last members: destroyed first, each waiting for the jobs it is running.
    QThreadPool m_foregroundPool;
    QThreadPool m_backgroundPool;
};

} // namespace corscope
