#include "ui/appicon.h"

#include <QImage>
#include <QPainter>
#include <QPainterPath>

namespace corscope {

QImage appIconImage(int size)
{
    QImage image(size, size, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing, true);
    painter.scale(size / 64.0, size / 64.0);

    QLinearGradient tile(0, 0, 0, 64);
    tile.setColorAt(0, QColor(0x3b, 0x82, 0xd6));
    tile.setColorAt(1, QColor(0x1f, 0x4f, 0xa8));
    painter.setPen(Qt::NoPen);
    painter.setBrush(tile);
    painter.drawRoundedRect(QRectF(2, 2, 60, 60), 13, 13);

    // The request: an arrow from the page to the server.
    QPen arrow(QColor(255, 255, 255, 150), 4, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
    painter.setPen(arrow);
    painter.drawLine(QPointF(10, 48), QPointF(24, 48));
    painter.drawPolyline(QPolygonF({QPointF(19, 43), QPointF(24, 48), QPointF(19, 53)}));

    // The magnifier, with a red dot: the blocked response under the lens.
    QPen lens(Qt::white, 5, Qt::SolidLine, Qt::RoundCap);
    painter.setPen(lens);
    painter.setBrush(QColor(255, 255, 255, 40));
    painter.drawEllipse(QPointF(36, 27), 14, 14);
    painter.drawLine(QPointF(46, 37), QPointF(55, 46));
    painter.setPen(Qt::NoPen);
    painter.setBrush(QColor(0xf0, 0x5a, 0x4f));
    painter.drawEllipse(QPointF(36, 27), 5.5, 5.5);
    return image;
}

QIcon appIcon()
{
    QIcon icon;
    for (int size : {16, 24, 32, 48, 64, 128, 256})
        icon.addPixmap(QPixmap::fromImage(appIconImage(size)));
    return icon;
}

} // namespace corscope
