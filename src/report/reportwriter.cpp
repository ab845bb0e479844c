#include "report/reportwriter.h"

#include "report/harexport.h"
#include "report/htmlreport.h"
#include "report/markdownreport.h"

#include <QFileInfo>
#include <QJsonDocument>
#include <QSaveFile>

namespace corscope {

namespace {
ReportWriter::Painter installedPainter = nullptr;
} // namespace

void ReportWriter::setPainter(Painter painter)
{
    installedPainter = painter;
}

ReportWriter::Painter ReportWriter::painter()
{
    return installedPainter;
}

std::optional<ReportFormat> ReportWriter::formatForPath(const QString &path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == u"md" || suffix == u"markdown")
        return ReportFormat::Markdown;
    if (suffix == u"html" || suffix == u"htm")
        return ReportFormat::Html;
    if (suffix == u"png")
        return ReportFormat::Png;
    if (suffix == u"har")
        return ReportFormat::Har;
    return std::nullopt;
}

QString ReportWriter::supportedExtensions()
{
    return QStringLiteral(".md, .html, .png or .har");
}

bool ReportWriter::needsGui(const QString &path)
{
    const auto format = formatForPath(path);
    return format == ReportFormat::Png || format == ReportFormat::Html;
}

bool ReportWriter::argumentsNeedGui(const QStringList &arguments)
{
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        const QString &argument = arguments.at(i);
        for (const QString &option : {QStringLiteral("--out"), QStringLiteral("--report"), QStringLiteral("-o")}) {
            if (argument == option && i + 1 < arguments.size() && needsGui(arguments.at(i + 1)))
                return true;
            if (argument.startsWith(option + u'=') && needsGui(argument.mid(option.size() + 1)))
                return true;
        }
    }
    return false;
}

QByteArray ReportWriter::render(const ReportData &data, ReportFormat format, QString *error, Painter painter)
{
    switch (format) {
    case ReportFormat::Markdown:
        return MarkdownReport::render(data).toUtf8();
    case ReportFormat::Har:
        return QJsonDocument(HarExport::render(data)).toJson(QJsonDocument::Indented);
    case ReportFormat::Html:
        // The picture is embedded when fonts are available; the HTML stands on its own without it.
        return HtmlReport::render(data, painter ? painter(data) : QByteArray()).toUtf8();
    case ReportFormat::Png:
        if (!painter) {
            *error = QStringLiteral("PNG reports are painted by corscope-window (QtGui), which did not start");
            return {};
        }
        if (QByteArray png = painter(data); !png.isEmpty())
            return png;
        *error = QStringLiteral("the PNG could not be painted (out of memory?)");
        return {};
    }
    return {};
}

QByteArray ReportWriter::renderForPath(const ReportData &data, const QString &path, QString *error, Painter painter)
{
    const auto format = formatForPath(path);
    if (!format) {
        *error = u"cannot tell the report format from '" + path + u"': use " + supportedExtensions();
        return {};
    }
    return render(data, *format, error, painter);
}

QString ReportWriter::write(const ReportData &data, const QString &path, Painter painter)
{
    QString error;
    const QByteArray bytes = renderForPath(data, path, &error, painter);
    if (!error.isEmpty())
        return error;
    return save(bytes, path);
}

QString ReportWriter::save(const QByteArray &bytes, const QString &path)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return u"cannot write " + path + u": " + file.errorString();
    if (file.write(bytes) != bytes.size() || !file.commit())
        return u"cannot write " + path + u": " + file.errorString();
    return {};
}

} // namespace corscope
