#pragma once

#include "report/reportdata.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <optional>

namespace corscope {

enum class ReportFormat { Markdown, Html, Png, Har };

// Renders a report in the format its file name asks for and writes it atomically (QSaveFile).
class ReportWriter
{
public:
    // ".md"/".markdown", ".html"/".htm", ".png", ".har"; nullopt otherwise.
    static std::optional<ReportFormat> formatForPath(const QString &path);
    static QString supportedExtensions(); // for messages: ".md, .html, .png or .har"
    // True when writing this path needs a painter (PNG, and the image embedded in HTML).
    static bool needsGui(const QString &path);
    // True when an argument list (of `report` or `check`) asks for such a path with --out or --report.
    static bool argumentsNeedGui(const QStringList &arguments);

    // Paints a report as PNG bytes (PngReport::renderPng). Painting needs QtGui and a QGuiApplication,
    // which only the window binary has. Without a painter, PNG reports fail with a message and HTML
    // reports go without their picture.
    using Painter = QByteArray (*)(const ReportData &data);
    // The painter of the command line's reports: corscope-window installs one at start-up.
    static void setPainter(Painter painter);
    static Painter painter();

    static QByteArray render(const ReportData &data, ReportFormat format, QString *error,
                             Painter painter = ReportWriter::painter());
    // The format from the path's extension; *error is set when the extension names none.
    static QByteArray renderForPath(const ReportData &data, const QString &path, QString *error,
                                    Painter painter = ReportWriter::painter());
    // Empty string on success, else what went wrong.
    static QString write(const ReportData &data, const QString &path, Painter painter = ReportWriter::painter());
    // Writes rendered bytes atomically (QSaveFile); empty string on success. Safe on any thread.
    static QString save(const QByteArray &bytes, const QString &path);
};

} // namespace corscope
