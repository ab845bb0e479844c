#include "cli/runreport.h"

#include "cli/terminaltext.h"

#include "core/exchangejson.h"
#include "runner/collectionrunner.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QXmlStreamWriter>

namespace corscope {

namespace {
bool meetsExpectation(const RunJob &job, const ExchangeResult &result)
{
    return !job.expect || *job.expect == verdictName(result.verdict);
}

QString cellText(const ExchangeResult &result)
{
    switch (result.verdict) {
    case Verdict::Allowed:
        return QStringLiteral("✓");
    case Verdict::Blocked:
        return u"✗ " + (result.failure ? checkIdName(result.failure->check) : QStringLiteral("blocked"));
    case Verdict::NetworkError:
        return QStringLiteral("✗ network-error");
    }
    return {};
}

QString rowName(const RunJob &job)
{
    return escapeControlCharacters(job.folderPath.isEmpty() ? job.name : job.folderPath.join(u'/') + u'/' + job.name);
}

// Outside text for the JUnit XML, which CI logs show: control characters visible (XML 1.0 cannot
// hold most of them anyway), line breaks kept.
QString xmlText(const QString &text)
{
    QStringList lines = text.split(u'\n');
    for (QString &line : lines)
        line = escapeControlCharacters(line);
    return lines.join(u'\n');
}

QString pad(const QString &text, qsizetype width)
{
    return text + QString(qMax<qsizetype>(0, width - text.size()), u' ');
}
} // namespace

RunReport::RunReport(const QString &collectionName, const CollectionRunner &runner)
    : m_name(collectionName)
    , m_runner(runner)
{
}

bool RunReport::allAsExpected() const
{
    for (qsizetype i = 0; i < m_runner.jobs().size(); ++i) {
        if (!m_runner.isFinished(i) || !meetsExpectation(m_runner.jobs().at(i), m_runner.result(i)))
            return false;
    }
    return true;
}

QByteArray RunReport::json() const
{
    return QJsonDocument(m_runner.resultsJson()).toJson(QJsonDocument::Indented);
}

QString RunReport::summary() const
{
    const QList<RunJob> &jobs = m_runner.jobs();
    QStringList columns;
    QStringList rows;
    int allowed = 0;
    int blocked = 0;
    int failed = 0;
    int unexpected = 0;
    for (qsizetype i = 0; i < jobs.size(); ++i) {
        const RunJob &job = jobs.at(i);
        const QString column = QString::fromUtf8(job.built.request.origin.serialize());
        const QString row = rowName(job);
        if (!columns.contains(column))
            columns.append(column);
        if (!rows.contains(row))
            rows.append(row);
        if (!m_runner.isFinished(i)) {
            ++unexpected;
            continue;
        }
        const ExchangeResult &result = m_runner.result(i);
        allowed += result.verdict == Verdict::Allowed;
        blocked += result.verdict == Verdict::Blocked;
        failed += result.verdict == Verdict::NetworkError;
        unexpected += !meetsExpectation(job, result);
    }
    return QStringLiteral("%1 request(s) × %2 origin(s): %3 allowed, %4 blocked, %5 network error(s); %6 not as expected.")
        .arg(rows.size())
        .arg(columns.size())
        .arg(allowed)
        .arg(blocked)
        .arg(failed)
        .arg(unexpected);
}

QString RunReport::grid() const
{
    const QList<RunJob> &jobs = m_runner.jobs();
    QStringList columns;
    QStringList rows;
    QHash<QString, QHash<QString, QString>> cells;
    for (qsizetype i = 0; i < jobs.size(); ++i) {
        const RunJob &job = jobs.at(i);
        const QString column = QString::fromUtf8(job.built.request.origin.serialize());
        const QString row = rowName(job);
        if (!columns.contains(column))
            columns.append(column);
        if (!rows.contains(row))
            rows.append(row);
        QString cell = QStringLiteral("(cancelled)");
        if (m_runner.isFinished(i)) {
            const ExchangeResult &result = m_runner.result(i);
            cell = cellText(result);
            if (!meetsExpectation(job, result))
                cell += u" (expected " + *job.expect + u')';
        }
        cells[row][column] = cell;
    }
    qsizetype nameWidth = QStringLiteral("request").size();
    for (const QString &row : std::as_const(rows))
        nameWidth = qMax(nameWidth, row.size());
    QList<qsizetype> widths;
    for (const QString &column : std::as_const(columns)) {
        qsizetype width = column.size();
        for (const QString &row : std::as_const(rows))
            width = qMax(width, cells[row].value(column, QStringLiteral("–")).size());
        widths.append(width);
    }
    QString out = pad(QStringLiteral("request"), nameWidth);
    for (qsizetype c = 0; c < columns.size(); ++c)
        out += u"  " + pad(columns.at(c), widths.at(c));
    out += u'\n';
    for (const QString &row : std::as_const(rows)) {
        QString line = pad(row, nameWidth);
        for (qsizetype c = 0; c < columns.size(); ++c)
            line += u"  " + pad(cells[row].value(columns.at(c), QStringLiteral("–")), widths.at(c));
        while (line.endsWith(u' '))
            line.chop(1);
        out += line + u'\n';
    }
    return out + u'\n' + summary() + u'\n';
}

QByteArray RunReport::junit() const
{
    const QList<RunJob> &jobs = m_runner.jobs();
    int failures = 0;
    for (qsizetype i = 0; i < jobs.size(); ++i)
        failures += !m_runner.isFinished(i) || !meetsExpectation(jobs.at(i), m_runner.result(i));
    QByteArray out;
    QXmlStreamWriter xml(&out);
    xml.setAutoFormatting(true);
    xml.setAutoFormattingIndent(2);
    xml.writeStartDocument();
    xml.writeStartElement(QStringLiteral("testsuites"));
    xml.writeStartElement(QStringLiteral("testsuite"));
    const QString suiteName = m_name.isEmpty() ? QStringLiteral("corscope") : escapeControlCharacters(m_name);
    xml.writeAttribute(QStringLiteral("name"), suiteName);
    xml.writeAttribute(QStringLiteral("tests"), QString::number(jobs.size()));
    xml.writeAttribute(QStringLiteral("failures"), QString::number(failures));
    xml.writeAttribute(QStringLiteral("errors"), QStringLiteral("0"));
    for (qsizetype i = 0; i < jobs.size(); ++i) {
        const RunJob &job = jobs.at(i);
        xml.writeStartElement(QStringLiteral("testcase"));
        xml.writeAttribute(QStringLiteral("classname"),
                           job.folderPath.isEmpty() ? suiteName
                                                    : suiteName + u'.' + escapeControlCharacters(job.folderPath.join(u'.')));
        xml.writeAttribute(QStringLiteral("name"),
                           escapeControlCharacters(job.name) + u" ["
                               + QString::fromUtf8(job.built.request.origin.serialize()) + u']');
        if (!m_runner.isFinished(i)) {
            xml.writeStartElement(QStringLiteral("failure"));
            xml.writeAttribute(QStringLiteral("message"), QStringLiteral("cancelled"));
            xml.writeEndElement();
        } else {
            const ExchangeResult &result = m_runner.result(i);
            double totalMs = 0;
            for (const Hop &hop : result.hops)
                totalMs += qMax(0.0, hop.timings.totalMs);
            xml.writeAttribute(QStringLiteral("time"), QString::number(totalMs / 1000.0, 'f', 3));
            const QString detail = result.failure ? xmlText(result.failure->consoleMessage) : QString();
            if (!meetsExpectation(job, result)) {
                xml.writeStartElement(QStringLiteral("failure"));
                xml.writeAttribute(QStringLiteral("message"), u"expected " + *job.expect + u", got "
                                       + verdictName(result.verdict) + u" (" + cellText(result) + u')');
                xml.writeCharacters(detail);
                xml.writeEndElement();
            } else {
                xml.writeTextElement(QStringLiteral("system-out"),
                                     verdictName(result.verdict) + (detail.isEmpty() ? QString() : u": " + detail));
            }
        }
        xml.writeEndElement();
    }
    xml.writeEndElement();
    xml.writeEndElement();
    xml.writeEndDocument();
    return out;
}

} // namespace corscope
