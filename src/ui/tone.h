#pragma once

#include <QColor>

class QPalette;

namespace corscope {

// Semantic colours (success, failure, warning, timing phases) derived from the current palette so
// that light and dark themes both stay readable: a hue is mixed with the palette's own text and
// base colours instead of being used raw.
enum class Tone { Success, Failure, Warning, Neutral, Connect, Wait, Download };

QColor toneColor(const QPalette &palette, Tone tone);
// A faint background for rows or banners of that tone (the tone blended into the base colour).
QColor toneBackground(const QPalette &palette, Tone tone, double strength = 0.18);
// Black or white, whichever reads better on background.
QColor readableTextOn(const QColor &background);
QColor blend(const QColor &from, const QColor &to, double amount);

} // namespace corscope
