#pragma once

#include <QPaintDevice>
#include <QStringList>

#include <memory>

namespace corscope {

// A paint device that paints nothing and records every text item QPainter hands to the paint engine:
// the exact strings a rendering puts on screen, for tests and for a "what will be shared" check.
class TextCaptureDevice final : public QPaintDevice
{
public:
    TextCaptureDevice(int width, int height, qreal devicePixelRatio = 1.0);
    ~TextCaptureDevice() override;

    QStringList texts() const;
    QPaintEngine *paintEngine() const override;

protected:
    int metric(PaintDeviceMetric metric) const override;

private:
    class Engine;
    std::unique_ptr<Engine> m_engine;
    int m_width;
    int m_height;
    qreal m_devicePixelRatio;
};

} // namespace corscope
