#include "cli/runjsonbuilder.h"

#include "runner/collectionrunner.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QThread>

namespace corscope {

RunJsonBuilder::RunJsonBuilder(const CollectionRunner *runner, QObject *parent)
    : QObject(parent)
    , m_runner(runner)
{
    const qsizetype jobs = runner->jobs().size();
    m_elements.resize(jobs);
    m_done.fill(false, jobs);
    m_ready.fill(false, jobs);
    m_pool.setMaxThreadCount(qMax(1, QThread::idealThreadCount()));
    connect(runner, &CollectionRunner::jobFinished, this, &RunJsonBuilder::onJobFinished);
    connect(runner, &CollectionRunner::finished, this, &RunJsonBuilder::serializeFromNow);
}

RunJsonBuilder::~RunJsonBuilder() = default;

void RunJsonBuilder::onJobFinished(qsizetype index)
{
    if (index < 0 || index >= m_elements.size() || m_done.at(index))
        return;
    m_done[index] = true;
    ++m_pending;
    if (m_serializing)
        serialize({index});
    else
        m_waiting.append(index);
}

void RunJsonBuilder::serializeFromNow()
{
    if (m_serializing)
        return;
    m_serializing = true;
    for (qsizetype from = 0; from < m_waiting.size(); from += batchSize)
        serialize(m_waiting.mid(from, batchSize));
    m_waiting.clear();
}

void RunJsonBuilder::serialize(const QList<qsizetype> &indexes)
{
    struct Item
    {
        qsizetype index;
        RunJob job;
        ExchangeResult result;
    };
    // Copies: implicitly shared, read-only on the worker.
    QList<Item> items;
    items.reserve(indexes.size());
    for (qsizetype index : indexes)
        items.append(Item{index, m_runner->jobs().at(index), m_runner->result(index)});
    // The pool is destroyed (waiting for its jobs) before this object, so `this` outlives every job;
    // the queued call runs on this object's thread, and is dropped if it is gone by then.
    m_pool.start([this, items = std::move(items)] {
        QList<std::pair<qsizetype, QByteArray>> elements;
        elements.reserve(items.size());
        for (const Item &item : items)
            elements.append({item.index, arrayElement(CollectionRunner::jobJson(item.job, item.result))});
        QMetaObject::invokeMethod(
            this, [this, elements = std::move(elements)]() mutable { onElementsReady(std::move(elements)); },
            Qt::QueuedConnection);
    });
}

void RunJsonBuilder::onElementsReady(QList<std::pair<qsizetype, QByteArray>> elements)
{
    for (auto &[index, element] : elements) {
        m_elements[index] = std::move(element);
        m_ready[index] = true;
    }
    m_pending -= int(elements.size());
    if (m_sink) {
        while (m_streamedUpTo < m_ready.size() && m_ready.at(m_streamedUpTo))
            streamElement(m_streamedUpTo++);
    }
    if (m_pending == 0)
        Q_EMIT ready();
}

void RunJsonBuilder::streamTo(Sink sink, bool keepDocument)
{
    Q_ASSERT(m_streamedUpTo == 0 && m_pending == 0);
    m_sink = std::move(sink);
    m_keepElements = keepDocument;
}

void RunJsonBuilder::streamElement(qsizetype index)
{
    m_sink(m_streamedCount++ == 0 ? QByteArrayLiteral("[\n") : QByteArrayLiteral(",\n"));
    m_sink(m_elements.at(index));
    if (!m_keepElements)
        m_elements[index] = QByteArray();
}

void RunJsonBuilder::finishStream()
{
    Q_ASSERT(m_sink && isReady());
    // Jobs that never finished (a cancelled run) leave gaps; document() skips them too.
    for (; m_streamedUpTo < m_elements.size(); ++m_streamedUpTo) {
        if (m_done.at(m_streamedUpTo))
            streamElement(m_streamedUpTo);
    }
    m_sink(m_streamedCount == 0 ? QByteArrayLiteral("[\n]\n") : QByteArrayLiteral("\n]\n"));
}

QByteArray RunJsonBuilder::document() const
{
    QList<QByteArray> elements;
    elements.reserve(m_elements.size());
    for (qsizetype i = 0; i < m_elements.size(); ++i) {
        if (m_done.at(i))
            elements.append(m_elements.at(i));
    }
    return arrayDocument(elements);
}

QByteArray RunJsonBuilder::arrayElement(const QJsonObject &object)
{
    // Qt's writer indents the object itself when it is the element of a one-element array: no second
    // pass over the text to indent it (that pass cost a quarter of the serialization). The array
    // shares the object's data; only "[\n" before and "\n]\n" after are cut off.
    QByteArray text = QJsonDocument(QJsonArray{object}).toJson(QJsonDocument::Indented);
    static constexpr qsizetype before = 2; // "[\n"
    static constexpr qsizetype after = 3;  // "\n]\n"
    Q_ASSERT(text.startsWith("[\n") && text.endsWith("\n]\n"));
    text.chop(after);
    text.remove(0, before); // one memmove in place, no new allocation
    return text;
}

QByteArray RunJsonBuilder::arrayDocument(const QList<QByteArray> &elements)
{
    if (elements.isEmpty())
        return QJsonDocument(QJsonArray()).toJson(QJsonDocument::Indented);
    qsizetype size = 4;
    for (const QByteArray &element : elements)
        size += element.size() + 2;
    QByteArray out;
    out.reserve(size);
    out += "[\n";
    for (qsizetype i = 0; i < elements.size(); ++i) {
        if (i > 0)
            out += ",\n";
        out += elements.at(i);
    }
    out += "\n]\n";
    return out;
}

} // namespace corscope
