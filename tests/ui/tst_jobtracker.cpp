#include "ui/jobtracker.h"

#include <QSemaphore>
#include <QSignalSpy>
#include <QTest>
#include <QThread>
#include <QThreadPool>
#include <atomic>
#include <memory>

using namespace corscope;

namespace {
// A receiver with its tracker as a member, as the tracker asks.
class Receiver : public QObject
{
public:
    explicit Receiver(JobTracker::Delivery delivery, QThreadPool *pool)
        : tracker(this, delivery, pool)
    { }
    JobTracker tracker;
    QList<int> delivered;
    QList<int> progress;
};
} // namespace

// Background jobs: delivered on the receiver's thread, stale ones dropped, cancel and progress.
class TestJobTracker : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void theResultArrivesOnTheReceiversThread();
    void aNewerJobMakesTheOlderOneStale();
    void everyJobIsDeliveredInOrderWhenAsked();
    void cancelStopsTheWorkAndStillDeliversItsOutcome();
    void progressOfAStaleJobIsDropped();
    void nothingArrivesOnceTheReceiverIsGone();
    void dropAllDropsEvenWhenEveryJobIsDelivered();
    void workWithoutAResult();

private:
    std::unique_ptr<QThreadPool> m_pool;
};

void TestJobTracker::init()
{
    m_pool = std::make_unique<QThreadPool>();
    m_pool->setMaxThreadCount(1);
}

void TestJobTracker::cleanup()
{
    m_pool->waitForDone();
    m_pool.reset();
}

void TestJobTracker::theResultArrivesOnTheReceiversThread()
{
    Receiver receiver(JobTracker::Delivery::NewestOnly, m_pool.get());
    QThread *workThread = nullptr;
    QThread *deliverThread = nullptr;
    const quint64 id = receiver.tracker.startJob(
        [&](const JobControl &control) {
            workThread = QThread::currentThread();
            return int(control.id());
        },
        [&](int value) {
            deliverThread = QThread::currentThread();
            receiver.delivered.append(value);
        });
    QCOMPARE(id, receiver.tracker.newestJobId());
    QVERIFY(receiver.tracker.isRunning());
    QTRY_COMPARE(receiver.delivered, QList<int>{int(id)});
    QVERIFY(!receiver.tracker.isRunning());
    QVERIFY(workThread && workThread != QThread::currentThread());
    QCOMPARE(deliverThread, QThread::currentThread());
}

void TestJobTracker::aNewerJobMakesTheOlderOneStale()
{
    Receiver receiver(JobTracker::Delivery::NewestOnly, m_pool.get());
    QSemaphore started;
    QSemaphore release;
    std::atomic_bool firstSawCancel{false};
    receiver.tracker.startJob(
        [&](const JobControl &control) {
            started.release();
            release.acquire();
            firstSawCancel = control.isCancelled() && control.isStale();
            return 1;
        },
        [&](int value) { receiver.delivered.append(value); });
    started.acquire();
    receiver.tracker.startJob(
        [](const JobControl &) { return 2; }, [&](int value) { receiver.delivered.append(value); });
    release.release();
    QTRY_VERIFY(!receiver.tracker.isRunning());
    QCOMPARE(receiver.delivered, QList<int>{2});
    QVERIFY(firstSawCancel);
}

void TestJobTracker::everyJobIsDeliveredInOrderWhenAsked()
{
    Receiver receiver(JobTracker::Delivery::EveryJob, m_pool.get());
    std::atomic_int cancelledSeen{0};
    for (int i = 1; i <= 5; ++i) {
        receiver.tracker.startJob(
            [i, &cancelledSeen](const JobControl &control) {
                if (control.isCancelled())
                    ++cancelledSeen;
                return i;
            },
            [&](int value) { receiver.delivered.append(value); });
    }
    QTRY_VERIFY(!receiver.tracker.isRunning());
    QCOMPARE(receiver.delivered, (QList<int>{1, 2, 3, 4, 5}));
    QCOMPARE(cancelledSeen.load(), 0);
}

void TestJobTracker::cancelStopsTheWorkAndStillDeliversItsOutcome()
{
    Receiver receiver(JobTracker::Delivery::NewestOnly, m_pool.get());
    QSemaphore started;
    receiver.tracker.startJob(
        [&](const JobControl &control) {
            started.release();
            while (!control.isCancelled()) // a long parse checking between chunks
                QThread::yieldCurrentThread();
            return control.isStale() ? -1 : 0;
        },
        [&](int value) { receiver.delivered.append(value); });
    started.acquire();
    receiver.tracker.cancel();
    QTRY_COMPARE(receiver.delivered, QList<int>{0});
}

void TestJobTracker::progressOfAStaleJobIsDropped()
{
    Receiver receiver(JobTracker::Delivery::NewestOnly, m_pool.get());
    receiver.tracker.setProgressHandler([&](int percent, const QString &phase) {
        QCOMPARE(phase, QStringLiteral("working"));
        receiver.progress.append(percent);
    });
    QSemaphore started;
    QSemaphore release;
    receiver.tracker.startJob(
        [&](const JobControl &control) {
            control.reportProgress(10, QStringLiteral("working"));
            started.release();
            release.acquire();
            control.reportProgress(99, QStringLiteral("working")); // stale by now
            return 1;
        },
        [&](int value) { receiver.delivered.append(value); });
    started.acquire();
    QTRY_COMPARE(receiver.progress, QList<int>{10});
    receiver.tracker.startJob(
        [](const JobControl &control) {
            control.reportProgress(42, QStringLiteral("working"));
            return 2;
        },
        [&](int value) { receiver.delivered.append(value); });
    release.release();
    QTRY_VERIFY(!receiver.tracker.isRunning());
    QCOMPARE(receiver.progress, (QList<int>{10, 42}));
    QCOMPARE(receiver.delivered, QList<int>{2});
}

void TestJobTracker::nothingArrivesOnceTheReceiverIsGone()
{
    auto receiver = std::make_unique<Receiver>(JobTracker::Delivery::EveryJob, m_pool.get());
    QSemaphore started;
    QSemaphore release;
    std::atomic_bool sawStale{false};
    bool delivered = false;
    receiver->tracker.startJob(
        [&](const JobControl &control) {
            started.release();
            release.acquire();
            sawStale = control.isStale() && control.isCancelled();
            control.reportProgress(50, QString());
            return 1;
        },
        [&delivered](int) { delivered = true; });
    started.acquire();
    receiver.reset();
    release.release();
    m_pool->waitForDone();
    QCoreApplication::sendPostedEvents();
    QVERIFY(sawStale);
    QVERIFY(!delivered);
}

void TestJobTracker::dropAllDropsEvenWhenEveryJobIsDelivered()
{
    Receiver receiver(JobTracker::Delivery::EveryJob, m_pool.get());
    QSemaphore started;
    QSemaphore release;
    receiver.tracker.startJob(
        [&](const JobControl &) {
            started.release();
            release.acquire();
            return 1;
        },
        [&](int value) { receiver.delivered.append(value); });
    started.acquire();
    receiver.tracker.dropAll();
    receiver.tracker.startJob(
        [](const JobControl &) { return 2; }, [&](int value) { receiver.delivered.append(value); });
    release.release();
    QTRY_VERIFY(!receiver.tracker.isRunning());
    QCOMPARE(receiver.delivered, QList<int>{2});
}

void TestJobTracker::workWithoutAResult()
{
    Receiver receiver(JobTracker::Delivery::EveryJob, m_pool.get());
    std::atomic_int ran{0};
    receiver.tracker.startJob(
        [&](const JobControl &) { ++ran; }, [&] { receiver.delivered.append(ran.load()); });
    QTRY_COMPARE(receiver.delivered, QList<int>{1});
}

QTEST_GUILESS_MAIN(TestJobTracker)
#include "tst_jobtracker.moc"
