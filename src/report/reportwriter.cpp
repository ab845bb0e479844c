#include "report/reportwriter.h"

#include "report/harexport.h"
#include "report/htmlreport.h"
#include "report/markdownreport.h"
#include "report/pngreport.h"

#include <QFileInfo>
#include <QGuiApplication>
#include <QJsonDocument>
#include <QSaveFile>

namespace corscope {

namespace {
bool haveGui()
{
    return qobject_cast<QGuiApplication *>(QCoreApplication::instance()) != nullptr;
}
} // namespace

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

QByteArray ReportWriter::render(const ReportData &data, ReportFormat format, QString *error)
{
    switch (format) {
    case ReportFormat::Markdown:
        return MarkdownReport::render(data).toUtf8();
    case ReportFormat::Har:
        return QJsonDocument(HarExport::render(data)).toJson(QJsonDocument::Indented);
    case ReportFormat::Html:
        // The picture is embedded when fonts are available; the HTML stands on its own without it.
        return HtmlReport::render(data, haveGui() ? PngReport::renderPng(data) : QByteArray()).toUtf8();
    case ReportFormat::Png:
        if (!haveGui()) {
            *error = QStringLiteral("PNG reports need a QGuiApplication (fonts); none was created");
            return {};
        }
        return PngReport::renderPng(data);
    }
    return {};
}

QString ReportWriter::write(const ReportData &data, const QString &path)
{
    const auto format = formatForPath(path);
    if (!format)
        return u"cannot tell the report format from '" + path + u"': use " + supportedExtensions();
    QString error;
    const QByteArray bytes = render(data, *format, &error);
    if (!error.isEmpty())
        return error;
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return u"cannot write " + path + u": " + file.errorString();
    if (file.write(bytes) != bytes.size() || !file.commit())
        return u"cannot write " + path + u": " + file.errorString();
    return {};
}

} // namespace corscope
