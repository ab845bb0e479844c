#pragma once

#include <QMetaObject>
#include <QMutex>
#include <QMutexLocker>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QThreadPool>
#include <atomic>
#include <functional>
#include <memory>
#include <optional>
#include <type_traits>
#include <utility>

namespace corscope {

namespace jobtracker_detail {
// Shared between the tracker (on the receiver's thread) and its jobs (on pool threads), so that a job
// that outlives the tracker finds out instead of touching freed memory.
struct State
{
    // Guards `receiver` against the tracker going away while a job posts to it: the tracker clears
    // it under the mutex, and a job posts only while it holds the mutex and finds it set.
    QMutex mutex;
    QPointer<QObject> receiver;
    std::atomic<quint64> newestId{0};
    std::atomic<quint64> cancelledUpTo{0};
    std::atomic<quint64> droppedUpTo{0};
    bool newestOnly = true;
    int running = 0; // jobs started and not yet delivered or dropped; the receiver's thread only
    std::function<void(int, const QString &)> progress;

    bool isStale(quint64 id) const
    {
        return id <= droppedUpTo.load() || (newestOnly && id != newestId.load());
    }
    // Runs `call` on the receiver's thread, unless the receiver (or the tracker) is gone.
    template <typename Call>
    void post(Call &&call)
    {
        const QMutexLocker lock(&mutex);
        if (receiver)
            QMetaObject::invokeMethod(receiver.data(), std::forward<Call>(call), Qt::QueuedConnection);
    }
};
} // namespace jobtracker_detail

// What a job's work function gets on its thread: whether to stop, and a way to report progress.
class JobControl
{
public:
    JobControl(std::shared_ptr<jobtracker_detail::State> state, quint64 id)
        : m_state(std::move(state))
        , m_id(id)
    { }

    quint64 id() const { return m_id; }
    // The work should stop early: cancel() was asked, a newer job made this one stale, or the tracker
    // is gone. Work that stops returns what it has (a "cancelled" result); it is delivered unless stale.
    bool isCancelled() const { return m_id <= m_state->cancelledUpTo.load() || isStale(); }
    // Nobody will see this job's result any more.
    bool isStale() const
    {
        if (m_state->isStale(m_id))
            return true;
        const QMutexLocker lock(&m_state->mutex);
        return !m_state->receiver;
    }
    // percent 0-100, phase text for people; delivered on the receiver's thread to the tracker's
    // progress handler, and dropped when the job is stale by then.
    void reportProgress(int percent, const QString &phase) const
    {
        m_state->post([state = m_state, id = m_id, percent, phase] {
            if (!state->isStale(id) && state->progress)
                state->progress(percent, phase);
        });
    }

private:
    std::shared_ptr<jobtracker_detail::State> m_state;
    quint64 m_id;
};

// One way to run work off the GUI thread (after KDAB/hotspot's JobTracker). Each startJob() gets an
// id; the work runs on a thread pool and gets a JobControl; its result comes back to the receiver's
// thread with a queued call, where `deliver` gets it. With Delivery::NewestOnly, starting a job makes
// every older one stale: a stale job is told to stop (JobControl::isCancelled()) and its result and
// progress are dropped, so a slow old answer never overwrites a newer one. With Delivery::EveryJob,
// each result is delivered (saves: every one must report). Nothing is delivered once the receiver or
// the tracker is gone.
//
// The tracker lives on the receiver's thread and must not outlive the receiver: make it a member of
// the receiver. Several trackers may share one pool; a pool of one thread keeps their jobs in the
// order started (reads and writes of one file).
class JobTracker
{
public:
    enum class Delivery { NewestOnly, EveryJob };

    explicit JobTracker(
        QObject *receiver, Delivery delivery = Delivery::NewestOnly, QThreadPool *pool = nullptr)
        : m_state(std::make_shared<jobtracker_detail::State>())
        , m_pool(pool ? pool : QThreadPool::globalInstance())
    {
        m_state->receiver = receiver;
        m_state->newestOnly = delivery == Delivery::NewestOnly;
    }
    // Running jobs are cancelled; their results are dropped.
    ~JobTracker()
    {
        cancel();
        const QMutexLocker lock(&m_state->mutex);
        m_state->receiver = nullptr;
    }
    JobTracker(const JobTracker &) = delete;
    JobTracker &operator=(const JobTracker &) = delete;

    // `work` is called on a pool thread as work(const JobControl &) and returns the result (or
    // nothing); `deliver` is called on the receiver's thread with it (or with no arguments), unless
    // the job is stale by then. Returns the job's id.
    template <typename Work, typename Deliver>
    quint64 startJob(Work &&work, Deliver &&deliver)
    {
        using Result = std::invoke_result_t<Work &, const JobControl &>;
        const quint64 id = ++m_state->newestId;
        ++m_state->running;
        // QThreadPool (6.4) and queued calls copy their functors: the work and the delivery are
        // shared, the result travels in a shared box.
        auto task = std::make_shared<std::decay_t<Work>>(std::forward<Work>(work));
        auto done = std::make_shared<std::decay_t<Deliver>>(std::forward<Deliver>(deliver));
        m_pool->start([state = m_state, id, task, done] {
            const JobControl control(state, id);
            if constexpr (std::is_void_v<Result>) {
                (*task)(control);
                state->post([state, id, done] {
                    --state->running;
                    if (!state->isStale(id))
                        (*done)();
                });
            } else {
                auto result = std::make_shared<std::optional<Result>>((*task)(control));
                state->post([state, id, done, result] {
                    --state->running;
                    if (!state->isStale(id))
                        (*done)(std::move(**result));
                });
            }
        });
        return id;
    }

    // Called for JobControl::reportProgress() of jobs that are not stale.
    void setProgressHandler(std::function<void(int percent, const QString &phase)> handler)
    {
        m_state->progress = std::move(handler);
    }
    // Asks every job started so far to stop (JobControl::isCancelled()). Their results are still
    // delivered (the newest's only, with NewestOnly): "cancelled" is an outcome the receiver shows.
    void cancel() { m_state->cancelledUpTo = m_state->newestId.load(); }
    // Makes every job started so far stale (told to stop, results dropped), without starting one.
    void dropAll()
    {
        cancel();
        m_state->droppedUpTo = m_state->newestId.load();
    }
    // A job was started and its result is not yet delivered or dropped.
    bool isRunning() const { return m_state->running > 0; }
    quint64 newestJobId() const { return m_state->newestId.load(); }
    bool isStale(quint64 id) const { return m_state->isStale(id); }

private:
    std::shared_ptr<jobtracker_detail::State> m_state;
    QThreadPool *m_pool;
};

} // namespace corscope
