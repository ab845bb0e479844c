#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QThreadPool>

#include <functional>

namespace corscope {

class CollectionRunner;

// The JSON output of `corscope run` (what RunReport::json() prints): the bytes are exactly those of
// QJsonDocument(runner.resultsJson()).toJson(QJsonDocument::Indented), built on worker threads and
// handed over element by element in job order.
//
// Serialization starts when the runner finishes (or at serializeFromNow()), not while requests are
// in flight: it costs several times the CPU of sending a request (Qt's JSON classes), and workers
// running beside the event loop delay every send and receive, and stretch the timings the run
// measures. Lowering the workers' priority instead was tried: it stalls for up to a second on a
// busy machine (a preempted idle-priority worker can hold a lock the event loop needs).
class RunJsonBuilder final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RunJsonBuilder)

public:
    // Follows runner's jobFinished() and finished(); the runner must outlive the builder.
    explicit RunJsonBuilder(const CollectionRunner *runner, QObject *parent = nullptr);
    ~RunJsonBuilder() override;

    // Serializes the jobs finished so far, and every later one as soon as it finishes. Called when
    // the runner finishes.
    void serializeFromNow();

    // Every job finished so far has been serialized (ready() is emitted when this becomes true).
    bool isReady() const { return m_pending == 0; }
    // The indented JSON array of the finished jobs, in job order. Only when isReady(), and only while
    // the elements are kept (always, unless streamTo() said otherwise).
    QByteArray document() const;

    // Hands the same bytes as document() to sink as they become ready: an element goes as soon as it
    // and every element before it are serialized, so the output is written while later elements are
    // still being built, and need not be held in memory (unless keepDocument).
    using Sink = std::function<void(const QByteArray &)>;
    void streamTo(Sink sink, bool keepDocument);
    // Hands the rest of the document to the sink and closes the array. Only when isReady().
    void finishStream();

    // One element of an indented JSON array: object serialized as QJsonDocument::Indented does
    // inside a top-level array (one level deep), without the separator and final newline.
    static QByteArray arrayElement(const QJsonObject &object);
    // The indented top-level array of these elements, as QJsonDocument::toJson() writes it.
    static QByteArray arrayDocument(const QList<QByteArray> &elements);

Q_SIGNALS:
    void ready();

private:
    void onJobFinished(qsizetype index);
    void serialize(const QList<qsizetype> &indexes);
    void onElementsReady(QList<std::pair<qsizetype, QByteArray>> elements);
    void streamElement(qsizetype index);

    // Jobs go to the workers in batches: one wake-up of a worker, and one call back, per batch.
    static constexpr qsizetype batchSize = 16;

    const CollectionRunner *m_runner;
    QList<QByteArray> m_elements;
    QList<bool> m_done;  // the job finished (its element is on its way or ready)
    QList<bool> m_ready; // its element is in m_elements
    int m_pending = 0;
    QList<qsizetype> m_waiting; // finished jobs not yet handed to a worker
    bool m_serializing = false;
    Sink m_sink;
    bool m_keepElements = true;
    qsizetype m_streamedUpTo = 0; // every element before this index went to the sink (or never will)
    qsizetype m_streamedCount = 0;
    QThreadPool m_pool; // last member: destroyed first, waits for the jobs still running
};

} // namespace corscope
