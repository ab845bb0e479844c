// Prints figures for the timeline: appending 100,000 exchanges to TimelineModel, painting one
// viewport of the timeline view offscreen, and the peak memory. Targets (issue 3): append ≤ 1 s,
// paint ≤ 16 ms, peak RSS ≤ 300 MB. Figures, never pass/fail.
#include "peakmemory.h"
#include "ui/timelinefiltermodel.h"
#include "ui/timelinemodel.h"
#include "ui/timelinepanel.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QImage>
#include <QLineEdit>
#include <QPainter>
#include <QScrollBar>
#include <QTreeView>

#include <algorithm>
#include <cstdio>

using namespace corscope;

namespace {
Hop hop(HopKind kind, const char *method, int status, double start, bool passed)
{
    Hop h;
    h.kind = kind;
    h.request.method = method;
    h.request.url = QUrl(QStringLiteral("http://127.0.0.1:8080/api/items"));
    h.request.headers = {{"Host", "127.0.0.1:8080"}, {"Origin", "http://localhost:3000"}, {"Accept", "*/*"},
                         {"User-Agent", "corscope/0.1"}, {"Accept-Language", "en-US,en;q=0.9"}};
    HttpResponse response;
    response.status = status;
    response.reasonPhrase = "OK";
    response.headers = {{"Content-Type", "application/json"}, {"Content-Length", "64"}, {"Vary", "Origin"}};
    response.body = QByteArrayLiteral("{\"items\":[1,2,3]}");
    h.response = response;
    h.timings = {start, 0.4, 2.5, 0.3, 3.2};
    h.passed = passed;
    return h;
}

// Three shapes of exchange seen in real use; the records share header bytes (implicit sharing),
// as exchanges loaded from one history file or produced by one server do.
QList<ExchangeRecord> templates()
{
    ExchangeRecord blocked;
    blocked.request.method = "GET";
    blocked.request.url = QUrl(QStringLiteral("http://127.0.0.1:8080/no-acao"));
    blocked.result.verdict = Verdict::Blocked;
    blocked.result.hops = {hop(HopKind::Actual, "GET", 200, 0, false)};

    ExchangeRecord preflighted;
    preflighted.request.method = "PUT";
    preflighted.request.url = QUrl(QStringLiteral("http://127.0.0.1:8080/items/1"));
    preflighted.result.hops = {hop(HopKind::Preflight, "OPTIONS", 204, 0, true), hop(HopKind::Actual, "PUT", 200, 3.4, true)};

    ExchangeRecord redirected;
    redirected.request.method = "GET";
    redirected.request.url = QUrl(QStringLiteral("http://127.0.0.1:8080/old"));
    Hop first = hop(HopKind::Actual, "GET", 302, 0, true);
    first.response->headers.append("Location", "/new");
    redirected.result.hops = {first, hop(HopKind::Actual, "GET", 200, 3.5, true)};
    return {blocked, preflighted, redirected};
}
} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    constexpr int exchanges = 100000;
    const QList<ExchangeRecord> shapes = templates();

    QElapsedTimer clock;
    clock.start();
    QList<ExchangeRecordPtr> records;
    records.reserve(exchanges);
    for (int i = 0; i < exchanges; ++i) {
        auto record = std::make_shared<ExchangeRecord>(shapes.at(i % shapes.size()));
        record->id = i + 1;
        records.append(std::move(record));
    }
    const double createMs = double(clock.nsecsElapsed()) / 1e6;

    TimelineModel model;
    TimelinePanel panel(&model);
    panel.resize(1200, 700);
    panel.show();
    QCoreApplication::processEvents();

    // As a collection run delivers them: batches of 100 exchanges, the view attached.
    clock.restart();
    for (int i = 0; i < exchanges; i += 100)
        model.appendExchanges(records.mid(i, 100));
    const double appendMs = double(clock.nsecsElapsed()) / 1e6;
    const int rows = model.rowCount();

    QTreeView *view = panel.view();
    QCoreApplication::processEvents();
    view->verticalScrollBar()->setValue(view->verticalScrollBar()->maximum() / 2);
    QImage image(view->viewport()->size() * view->devicePixelRatio(), QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(view->devicePixelRatio());

    clock.restart();
    view->viewport()->render(&image);
    const double firstPaintMs = double(clock.nsecsElapsed()) / 1e6;
    constexpr int paints = 50;
    double worstMs = 0;
    double totalMs = 0;
    for (int i = 0; i < paints; ++i) {
        view->verticalScrollBar()->setValue(view->verticalScrollBar()->value() + 7);
        clock.restart();
        view->viewport()->render(&image);
        const double ms = double(clock.nsecsElapsed()) / 1e6;
        worstMs = std::max(worstMs, ms);
        totalMs += ms;
    }

    clock.restart();
    panel.filterEdit()->setText(QStringLiteral("blocked"));
    const double filterMs = double(clock.nsecsElapsed()) / 1e6;

    std::printf("timeline: %d exchanges, %d rows\n", exchanges, rows);
    std::printf("  create records        %8.1f ms\n", createMs);
    std::printf("  append (batches 100)  %8.1f ms   target <= 1000 ms\n", appendMs);
    std::printf("  paint viewport first  %8.2f ms   (%dx%d)\n", firstPaintMs, image.width(), image.height());
    std::printf("  paint viewport avg    %8.2f ms   worst %.2f ms over %d scrolls, target <= 16 ms\n",
                totalMs / paints, worstMs, paints);
    std::printf("  filter 'blocked'      %8.1f ms   (%d rows match)\n", filterMs, panel.proxy()->rowCount());
    std::printf("  peak RSS (VmHWM)      %8.1f MB   target <= 300 MB\n", double(peakRssKiB()) / 1024.0);
    if (argc > 1)
        image.save(QString::fromLocal8Bit(argv[1]));
    return 0;
}
