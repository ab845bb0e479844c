#pragma once

#include <QHeaderView>

namespace corscope {

// The timeline's column headers, with the time scale of one exchange (the selected one) drawn in
// the waterfall column's header: ticks and "0", "5 ms", "10 ms" over the exchange's time axis, the
// same axis TimelineDelegate draws that exchange's hops on.
class WaterfallHeader final : public QHeaderView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WaterfallHeader)

public:
    explicit WaterfallHeader(int waterfallColumn, QWidget *parent = nullptr);
    ~WaterfallHeader() override;

    // The exchange whose axis the scale shows, from startMs to endMs; id 0 shows no scale.
    void setScale(int exchangeId, double startMs, double endMs);
    int scaleExchangeId() const { return m_exchangeId; }
    // The labels of the scale's ticks as drawn ("0", "2 ms", ...), for tests.
    QStringList tickLabels() const;

protected:
    void paintSection(QPainter *painter, const QRect &rect, int logicalIndex) const override;
    bool event(QEvent *event) override;

private:
    static QString tickLabel(double ms, double stepMs);

    int m_waterfallColumn;
    int m_exchangeId = 0;
    double m_startMs = 0;
    double m_endMs = 0;
};

} // namespace corscope
