#include "cli/progressline.h"

#include "cli/consoleoutput.h"
#include "cli/terminaltext.h"

#include <cstdio>
#include <sys/ioctl.h>
#include <unistd.h>

namespace corscope {

namespace {
// Carriage return, then "erase in line" from the cursor to the end (ECMA-48 EL 0).
constexpr QByteArrayView eraseLine = "\r\x1b[K";
constexpr int fallbackColumns = 80;
} // namespace

ProgressLine::ProgressLine(Output output, int columns, Sink sink)
    : m_output(output)
    , m_columns(columns > 1 ? columns : fallbackColumns)
    , m_sink(std::move(sink))
{ }

ProgressLine ProgressLine::forStandardError()
{
    const int fd = fileno(stderr);
    if (!isatty(fd))
        return ProgressLine(Output::Log, 0, [](QByteArrayView bytes) { writeError(bytes); });
    winsize size{};
    const int columns = ioctl(fd, TIOCGWINSZ, &size) == 0 ? size.ws_col : 0;
    return ProgressLine(Output::Terminal, columns, [](QByteArrayView bytes) { writeError(bytes); });
}

void ProgressLine::update(const QString &text)
{
    m_pending = text;
    m_hasPending = true;
}

void ProgressLine::flush()
{
    if (!m_hasPending)
        return;
    m_hasPending = false;
    if (m_output != Output::Terminal)
        return;
    // The last column stays free: some terminals wrap as soon as it is written. Counted in code points,
    // which is the width for the text we show (names, origins) except for wide CJK characters.
    QString text = escapeControlCharacters(m_pending); // request names come from a file
    const qsizetype room = m_columns - 1;
    if (text.size() > room) {
        qsizetype keep = room - 1;
        if (keep > 0 && text.at(keep - 1).isHighSurrogate())
            --keep; // never half a character
        text = text.left(keep) + u'…';
    }
    m_sink(QByteArray(eraseLine.toByteArray() + text.toUtf8()));
    m_lineShown = true;
}

void ProgressLine::clear()
{
    m_hasPending = false;
    if (!m_lineShown)
        return;
    m_sink(eraseLine);
    m_lineShown = false;
}

void ProgressLine::finish(const QString &summary)
{
    clear();
    if (!summary.isEmpty())
        m_sink(QString(escapeControlCharacters(summary) + u'\n').toUtf8());
}

} // namespace corscope
