// Prints figures for a big HAR in the window (issue 4: "large imports run in the background with
// progress and never freeze the window"): File ▸ Analyze a HAR Recording and the collection dock's
// import, each timed from the click to its result in the view, with the longest time the GUI
// thread's event loop went without turning (measured by a 1 ms timer) and the peak memory.
// Figures, never pass/fail.
//
// Usage: bench_window_har FILE.har      (bench/bench_har.sh generates a 100 MB one)
#include "peakmemory.h"

#include "net/qnamtransport.h"
#include "ui/collectiondock.h"
#include "ui/collectionmodel.h"
#include "ui/exchangesession.h"
#include "ui/haranalysisactions.h"
#include "ui/mainwindow.h"
#include "ui/timelinemodel.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <functional>

using namespace corscope;

namespace {
// The longest stretch between two turns of the GUI thread's event loop while it is being watched.
class PauseMeter
{
public:
    PauseMeter()
    {
        m_tick.setTimerType(Qt::PreciseTimer);
        m_tick.setInterval(1);
        QObject::connect(&m_tick, &QTimer::timeout, [this] {
            const qint64 now = m_clock.nsecsElapsed();
            m_longestNs = std::max(m_longestNs, now - m_lastNs);
            m_lastNs = now;
        });
    }
    void start()
    {
        m_longestNs = 0;
        m_clock.start();
        m_lastNs = 0;
        m_tick.start();
    }
    double stopMs()
    {
        m_tick.stop();
        return double(std::max(m_longestNs, m_clock.nsecsElapsed() - m_lastNs)) / 1e6;
    }

private:
    QTimer m_tick;
    QElapsedTimer m_clock;
    qint64 m_lastNs = 0;
    qint64 m_longestNs = 0;
};

int leafCount(const QAbstractItemModel &model, const QModelIndex &parent = {})
{
    int leaves = 0;
    for (int row = 0; row < model.rowCount(parent); ++row) {
        const QModelIndex child = model.index(row, 0, parent);
        leaves += model.rowCount(child) == 0 ? 1 : leafCount(model, child);
    }
    return leaves;
}

// Runs `begin`, then the event loop until `done` is signalled; returns the wall time in ms.
template<typename Sender, typename Signal>
double timeUntil(const std::function<void()> &begin, Sender *sender, Signal done, PauseMeter &meter, double *pauseMs)
{
    QEventLoop loop;
    QObject::connect(sender, done, &loop, &QEventLoop::quit, Qt::QueuedConnection);
    QElapsedTimer wall;
    meter.start();
    wall.start();
    begin();
    loop.exec();
    // Let the view lay out and paint what arrived before the clock stops.
    QCoreApplication::processEvents();
    const double ms = double(wall.nsecsElapsed()) / 1e6;
    *pauseMs = meter.stopMs();
    return ms;
}
} // namespace

int main(int argc, char *argv[])
{
    // A home of its own: the window restores its saved working state and history at start.
    QTemporaryDir home;
    for (const char *variable : {"HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"})
        qputenv(variable, home.path().toLocal8Bit());
    QApplication app(argc, argv);
    if (argc < 2 || !QFileInfo::exists(QString::fromLocal8Bit(argv[1]))) {
        std::fprintf(stderr, "usage: bench_window_har FILE.har\n");
        return 2;
    }
    const QString path = QString::fromLocal8Bit(argv[1]);
    const double mb = double(QFileInfo(path).size()) / (1024.0 * 1024.0);

    QnamTransport transport;
    ExchangeSession session(&transport);
    MainWindow window(&session);
    window.resize(1280, 800);
    window.show();
    QCoreApplication::processEvents();
    PauseMeter meter;

    auto *analysis = window.findChild<HarAnalysisActions *>(QStringLiteral("harAnalysisActions"));
    double analysisPause = 0;
    const double analysisMs = timeUntil([&] { analysis->analyzeFile(path); }, analysis,
        &HarAnalysisActions::analysisFinished, meter, &analysisPause);
    std::printf("Analyze a HAR Recording (%.0f MB): %d exchanges in the timeline %.0f ms after the click; "
                "longest GUI pause %.1f ms\n",
        mb, window.timelineModel()->exchangeCount(), analysisMs, analysisPause);

    auto *dock = window.findChild<CollectionDock *>(QStringLiteral("collectionDock"));
    double importPause = 0;
    const double importMs = timeUntil([&] { dock->importFile(path); }, dock, &CollectionDock::importFinished, meter,
        &importPause);
    std::printf("Collection import (%.0f MB): %d requests in the tree %.0f ms after the click; "
                "longest GUI pause %.1f ms\n",
        mb, leafCount(*dock->model()), importMs, importPause);
    // The working state is saved 800 ms after a change: watch the loop across that save too.
    meter.start();
    QEventLoop settle;
    QTimer::singleShot(2000, &settle, &QEventLoop::quit);
    settle.exec();
    std::printf("The 2 s after the import (the working state saved): longest GUI pause %.1f ms\n", meter.stopMs());
    std::printf("Peak memory (VmHWM): %.0f MB\n", double(peakRssKiB()) / 1024.0);
    return 0;
}
