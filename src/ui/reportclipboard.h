#pragma once

#include "report/reportdata.h"

class QMimeData;

namespace corscope {

// A report as the clipboard carries it: the Markdown as text/plain and text/markdown, and the PNG
// as image/png (plus Qt's image data), so a ticket editor takes whichever it understands.
class ReportClipboard
{
public:
    static QMimeData *mimeData(const ReportData &data);
    static void copy(const ReportData &data);
};

} // namespace corscope
