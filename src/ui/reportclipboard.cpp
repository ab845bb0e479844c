#include "ui/reportclipboard.h"

#include "report/markdownreport.h"
#include "report/pngreport.h"

#include <QBuffer>
#include <QClipboard>
#include <QGuiApplication>
#include <QMimeData>

namespace corscope {

QMimeData *ReportClipboard::mimeData(const ReportData &data)
{
    const QString markdown = MarkdownReport::render(data);
    const QImage image = PngReport::render(data);
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    auto *mime = new QMimeData;
    mime->setText(markdown);
    mime->setData(QStringLiteral("text/markdown"), markdown.toUtf8());
    mime->setImageData(image);
    mime->setData(QStringLiteral("image/png"), png);
    return mime;
}

void ReportClipboard::copy(const ReportData &data)
{
    QGuiApplication::clipboard()->setMimeData(mimeData(data));
}

} // namespace corscope
