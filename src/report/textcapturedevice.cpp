#include "report/textcapturedevice.h"

#include <QPaintEngine>

namespace corscope {

class TextCaptureDevice::Engine final : public QPaintEngine
{
public:
    Engine()
        : QPaintEngine(QPaintEngine::AllFeatures)
    {
    }
    bool begin(QPaintDevice *) override { return true; }
    bool end() override { return true; }
    void updateState(const QPaintEngineState &) override {}
    void drawPixmap(const QRectF &, const QPixmap &, const QRectF &) override {}
    void drawTextItem(const QPointF &, const QTextItem &textItem) override { texts.append(textItem.text()); }
    void drawPolygon(const QPointF *, int, PolygonDrawMode) override {}
    void drawPath(const QPainterPath &) override {}
    void drawRects(const QRectF *, int) override {}
    void drawLines(const QLineF *, int) override {}
    void drawEllipse(const QRectF &) override {}
    void drawImage(const QRectF &, const QImage &, const QRectF &, Qt::ImageConversionFlags) override {}
    Type type() const override { return QPaintEngine::User; }

    QStringList texts;
};

TextCaptureDevice::TextCaptureDevice(int width, int height, qreal devicePixelRatio)
    : m_engine(std::make_unique<Engine>())
    , m_width(width)
    , m_height(height)
    , m_devicePixelRatio(devicePixelRatio)
{
}

TextCaptureDevice::~TextCaptureDevice() = default;

QStringList TextCaptureDevice::texts() const
{
    return m_engine->texts;
}

QPaintEngine *TextCaptureDevice::paintEngine() const
{
    return m_engine.get();
}

int TextCaptureDevice::metric(PaintDeviceMetric metric) const
{
    switch (metric) {
    case PdmWidth:
        return int(m_width * m_devicePixelRatio);
    case PdmHeight:
        return int(m_height * m_devicePixelRatio);
    case PdmWidthMM:
        return int(m_width * m_devicePixelRatio * 25.4 / 96.0);
    case PdmHeightMM:
        return int(m_height * m_devicePixelRatio * 25.4 / 96.0);
    case PdmNumColors:
        return INT_MAX;
    case PdmDepth:
        return 32;
    case PdmDpiX:
    case PdmDpiY:
    case PdmPhysicalDpiX:
    case PdmPhysicalDpiY:
        return 96;
    case PdmDevicePixelRatio:
        return int(m_devicePixelRatio);
    case PdmDevicePixelRatioScaled:
        return int(m_devicePixelRatio * devicePixelRatioFScale());
    }
    return 0;
}

} // namespace corscope
