#include "ui/tone.h"

#include <QPalette>

namespace corscope {

namespace {
QColor hue(Tone tone)
{
    switch (tone) {
    case Tone::Success:
        return QColor(0x2e, 0xa0, 0x43);
    case Tone::Failure:
        return QColor(0xd7, 0x3a, 0x31);
    case Tone::Warning:
        return QColor(0xd4, 0x8a, 0x00);
    case Tone::Connect:
        return QColor(0xe0, 0x8e, 0x2b);
    case Tone::Wait:
        return QColor(0x3b, 0x82, 0xd6);
    case Tone::Download:
        return QColor(0x22, 0xa5, 0x9a);
    case Tone::Neutral:
        break;
    }
    return QColor(0x80, 0x80, 0x80);
}

bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Base).lightnessF() < 0.5;
}
} // namespace

QColor blend(const QColor &from, const QColor &to, double amount)
{
    const double keep = 1.0 - amount;
    return QColor::fromRgbF(float(from.redF() * keep + to.redF() * amount),
        float(from.greenF() * keep + to.greenF() * amount), float(from.blueF() * keep + to.blueF() * amount));
}

QColor toneColor(const QPalette &palette, Tone tone)
{
    if (tone == Tone::Neutral)
        return blend(palette.color(QPalette::Base), palette.color(QPalette::Text), 0.35);
    // On a dark base, lift the hue towards the (light) text colour; on a light base, pull it a
    // little towards the (dark) text colour so it keeps contrast.
    return blend(hue(tone), palette.color(QPalette::Text), isDark(palette) ? 0.22 : 0.12);
}

QColor toneBackground(const QPalette &palette, Tone tone, double strength)
{
    return blend(palette.color(QPalette::Base), toneColor(palette, tone), strength);
}

QColor readableTextOn(const QColor &background)
{
    const double luminance
        = 0.2126 * background.redF() + 0.7152 * background.greenF() + 0.0722 * background.blueF();
    return luminance > 0.55 ? QColor(Qt::black) : QColor(Qt::white);
}

} // namespace corscope
