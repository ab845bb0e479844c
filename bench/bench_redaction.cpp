// Prints how long redaction and report rendering take on long values (issue 12: a server that sends one
// 60 KB header made `check --report` take a minute, because redaction was quadratic on long
// [A-Za-z0-9_.-] runs). Linear code shows a constant MB/s as the size grows; quadratic code shows it
// falling by the size factor. Figures only, never pass/fail.
//
// Usage: bench_redaction [SIZE]...   (characters; default 25000 100000 1000000)
#include "report/redactor.h"
#include "report/reportdata.h"
#include "report/reportwriter.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <cstdio>
#include <functional>

using namespace corscope;

namespace {

// Long values of the shapes that stress each rule: a run of name characters (the secret-pair rule),
// JWT-like starts (the JWT rule), name=value pairs (the query rules), URLs, and many distinct secrets
// (each one hunted in every string afterwards).
struct Shape
{
    const char *name;
    std::function<QString(qsizetype index)> unit;
};

QString repeated(const Shape &shape, qsizetype size)
{
    QString text;
    text.reserve(size + 64);
    for (qsizetype index = 0; text.size() < size; ++index)
        text += shape.unit(index);
    text.truncate(size);
    return text;
}

std::function<QString(qsizetype)> same(const QString &unit)
{
    return [unit](qsizetype) { return unit; };
}

// The report sample with one response header and the request body set to value.
QJsonObject exchangeWith(const QJsonObject &sample, const QString &value)
{
    QJsonObject exchange = sample;
    QJsonArray hops = exchange.value(QStringLiteral("hops")).toArray();
    QJsonObject hop = hops.at(0).toObject();
    QJsonObject response = hop.value(QStringLiteral("response")).toObject();
    QJsonArray headers = response.value(QStringLiteral("headers")).toArray();
    headers.append(QJsonArray{QStringLiteral("X-Debug"), value});
    response.insert(QStringLiteral("headers"), headers);
    hop.insert(QStringLiteral("response"), response);
    hops[0] = hop;
    exchange.insert(QStringLiteral("hops"), hops);
    QJsonObject request = exchange.value(QStringLiteral("request")).toObject();
    request.insert(QStringLiteral("body"), value);
    request.insert(QStringLiteral("url"), QString(u"https://api.example.test/p?q=" + value));
    exchange.insert(QStringLiteral("request"), request);
    return exchange;
}

double milliseconds(const std::function<void()> &work)
{
    QElapsedTimer timer;
    timer.start();
    work();
    return double(timer.nsecsElapsed()) / 1e6;
}

void print(const char *what, const char *shape, qsizetype size, double ms)
{
    const double megabytesPerSecond = ms > 0 ? (double(size) / 1e6) / (ms / 1e3) : 0;
    std::printf("  %-22s %-12s %9lld chars %10.1f ms %8.1f MB/s\n", what, shape, static_cast<long long>(size),
        ms, megabytesPerSecond);
    std::fflush(stdout);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QList<qsizetype> sizes;
    for (const QString &argument : app.arguments().mid(1))
        sizes.append(argument.toLongLong());
    if (sizes.isEmpty())
        sizes = {25000, 100000, 1000000};

    QFile file(QStringLiteral(CORSCOPE_REPORT_SAMPLE));
    if (!file.open(QIODevice::ReadOnly)) {
        std::fprintf(stderr, "bench_redaction: cannot read %s\n", CORSCOPE_REPORT_SAMPLE);
        return 2;
    }
    const QJsonObject sample = QJsonDocument::fromJson(file.readAll()).object();

    const QList<Shape> shapes{{"name-run", same(QStringLiteral("abcdefghij0123456789_.-"))},
        {"jwt-starts", same(QStringLiteral("eyJ-"))}, {"pairs", same(QStringLiteral("a=b&"))},
        {"urls", same(QStringLiteral("http://a.test/?token=x "))},
        {"secrets",
            [](qsizetype index) { return QStringLiteral("token=s%1 ").arg(index, 7, 10, QChar(u'0')); }}};
    const Redactor redactor;
    std::printf("%-24s %-12s %15s %13s %13s\n", "  what", "shape", "size", "time", "throughput");
    for (const Shape &shape : shapes) {
        for (const qsizetype size : std::as_const(sizes)) {
            const QString value = repeated(shape, size);
            print("header value", shape.name, size,
                milliseconds([&] { (void)redactor.redactHeaderValue(u"X-Debug", value); }));
            print("body", shape.name, size, milliseconds([&] { (void)redactor.redactBody(value); }));
            print("URL query", shape.name, size,
                milliseconds([&] { (void)redactor.redactUrl(u"https://api.test/p?q=" + value); }));
            const QJsonObject exchange = exchangeWith(sample, value);
            print("exchange (redact)", shape.name, size,
                milliseconds([&] { (void)redactor.redact(exchange); }));
            ReportOptions options;
            QString error;
            print("report .md + .html", shape.name, size, milliseconds([&] {
                const auto data = ReportData::fromValue(exchange, options, &error);
                if (!data)
                    return;
                (void)ReportWriter::render(*data, ReportFormat::Markdown, &error, nullptr);
                (void)ReportWriter::render(*data, ReportFormat::Html, &error, nullptr);
            }));
        }
    }
    return 0;
}
