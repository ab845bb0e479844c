#pragma once

// Exchanges built by hand for the model and screenshot tests (no network).
#include "ui/exchangerecord.h"

namespace corscope::testdata {

inline Hop hop(HopKind kind, const QByteArray &method, const QString &url, int status, double startMs, double totalMs,
               bool passed)
{
    Hop h;
    h.kind = kind;
    h.request.method = method;
    h.request.url = QUrl(url);
    h.request.headers = {{"Host", "127.0.0.1:8080"}, {"Origin", "http://localhost:3000"}};
    HttpResponse response;
    response.status = status;
    response.reasonPhrase = status == 200 ? QByteArrayLiteral("OK") : QByteArrayLiteral("Found");
    response.headers = {{"Content-Type", "application/json"}};
    if (status >= 300 && status < 400)
        response.headers.append("Location", "/new");
    response.body = QByteArrayLiteral("{\"ok\":true}");
    h.response = response;
    h.timings = {startMs, totalMs * 0.2, totalMs * 0.6, totalMs * 0.2, totalMs};
    h.passed = passed;
    return h;
}

inline ExchangeRecordPtr exchange(int id, Verdict verdict, const QList<Hop> &hops)
{
    auto record = std::make_shared<ExchangeRecord>();
    record->id = id;
    record->request.method = hops.isEmpty() ? QByteArrayLiteral("GET") : hops.last().request.method;
    record->request.url = hops.isEmpty() ? QUrl(QStringLiteral("http://127.0.0.1:8080/x")) : hops.first().request.url;
    record->request.origin = *Origin::parse(QStringLiteral("http://localhost:3000"));
    record->profile = BrowserProfile::chromium();
    record->result.verdict = verdict;
    record->result.hops = hops;
    return record;
}

} // namespace corscope::testdata
