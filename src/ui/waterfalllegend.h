#pragma once

#include "ui/waterfallsegment.h"

#include <QWidget>

namespace corscope {

// One line under the timeline naming the waterfall's colours: a swatch and a name per segment,
// painted from the palette (so it follows a light or dark theme); the tooltip of each entry says
// what the time was spent on.
class WaterfallLegend final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WaterfallLegend)

public:
    explicit WaterfallLegend(QWidget *parent = nullptr);
    ~WaterfallLegend() override;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;
    // Where an entry is drawn (swatch and name), for tooltips and tests.
    QRect entryRect(WaterfallSegment segment) const;

protected:
    void paintEvent(QPaintEvent *event) override;
    bool event(QEvent *event) override;

private:
    int swatchSize() const;
};

} // namespace corscope
