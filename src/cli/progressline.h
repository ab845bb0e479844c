#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <functional>

namespace corscope {

// Progress of a long command on stderr. On a terminal it is one line that each update overwrites
// (carriage return, erase to the end of the line), cut to the terminal's width so that it never wraps
// (a wrapped line cannot be taken back with a carriage return). Anywhere else (a CI log, a file) a
// line per request is noise: updates are dropped and only the final summary is written.
class ProgressLine
{
public:
    enum class Output { Terminal, Log };
    using Sink = std::function<void(QByteArrayView)>;

    // columns: the terminal's width (ignored for a log).
    ProgressLine(Output output, int columns, Sink sink);
    // For stderr: a terminal when stderr is a tty (its width from the tty), a log otherwise.
    static ProgressLine forStandardError();

    Output output() const { return m_output; }
    // What the line should say now; written at the next flush() (updates come faster than anyone reads).
    void update(const QString &text);
    void flush();
    // Takes the progress line away (a terminal: nothing left of it, the cursor at the start of the line),
    // so that what comes next starts on a clean line.
    void clear();
    // Clears, then writes summary and a newline; an empty summary writes nothing more.
    void finish(const QString &summary);

private:
    Output m_output;
    int m_columns;
    Sink m_sink;
    QString m_pending;
    bool m_hasPending = false;
    bool m_lineShown = false;
};

} // namespace corscope
