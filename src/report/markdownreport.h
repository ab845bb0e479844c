#pragma once

#include "report/reportdata.h"

#include <QString>

namespace corscope {

// A GitHub-flavoured Markdown report, made to be pasted into a ticket. Stable: the same data and options
// give the same text byte for byte (the golden test relies on it).
class MarkdownReport
{
public:
    static QString render(const ReportData &data);
    // Inline code that survives backticks and table pipes in the text.
    static QString code(const QString &text, bool inTable = false);
    // A fenced block with a fence longer than any backtick run in the text.
    static QString fence(const QString &text, const QString &language = {});
};

} // namespace corscope
