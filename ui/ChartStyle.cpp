#include "ChartStyle.h"

#include "DecadeLabels.h"

#include <QChart>
#include <QLegend>
#include <QLogValueAxis>
#include <QWidget>

#include <algorithm>
#include <cmath>

QColor unitColour(int k, bool dark)
{
    // Only the palette's black (every eighth unit) disappears on a dark ground: it becomes a light grey, a little
    // darker for each round of eight, as the other hues get lighter.
    if (!dark || k % 8 != 7)
        return unitColour(k);
    const int level = std::max(0x80, 0xD0 - 0x28 * (k / 8));
    return QColor(level, level, level);
}

QColor textOn(const QColor& ground)
{
    auto linear = [](double c) { return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4); };
    const double luminance = 0.2126 * linear(ground.redF()) + 0.7152 * linear(ground.greenF()) +
                             0.0722 * linear(ground.blueF());
    // Contrast with black (L + 0.05) / 0.05 beats contrast with white 1.05 / (L + 0.05) above L ≈ 0.179.
    return (luminance + 0.05) / 0.05 > 1.05 / (luminance + 0.05) ? QColor(Qt::black) : QColor(Qt::white);
}

QColor ChartStyle::ink() const { return dark ? QColor(0xE8, 0xE8, 0xE8) : QColor(0x20, 0x20, 0x20); }

QColor ChartStyle::paper() const { return dark ? QColor(0x1E, 0x1E, 0x22) : QColor(Qt::white); }

QColor ChartStyle::reference(int emphasis) const
{
    return dark ? QColor(0x9A, 0x9A, 0x9A).lighter(emphasis) : referenceGrey().darker(emphasis);
}

QColor unitColour(int k)
{
    static const QColor base[] = {QColor(0x00, 0x72, 0xB2), QColor(0xD5, 0x5E, 0x00), QColor(0x00, 0x9E, 0x73),
                                  QColor(0xCC, 0x79, 0xA7), QColor(0xE6, 0x9F, 0x00), QColor(0x56, 0xB4, 0xE9),
                                  QColor(0xF0, 0xE4, 0x42), QColor(0x00, 0x00, 0x00)};
    const QColor c = base[k % 8];
    // Beyond eight units the same hues again, mixed towards white (lighter() would leave black black).
    const double white = std::min(0.7, 0.3 * (k / 8));
    return QColor::fromRgbF(c.redF() + white * (1 - c.redF()), c.greenF() + white * (1 - c.greenF()),
                            c.blueF() + white * (1 - c.blueF()));
}

QColor sequentialColour(double f)
{
    // viridis at nine evenly spaced stops, linearly interpolated between them.
    static const QColor stops[] = {QColor(0x44, 0x01, 0x54), QColor(0x47, 0x2c, 0x7a), QColor(0x3b, 0x51, 0x8b),
                                   QColor(0x2c, 0x71, 0x8e), QColor(0x21, 0x90, 0x8d), QColor(0x27, 0xad, 0x81),
                                   QColor(0x5c, 0xc8, 0x63), QColor(0xaa, 0xdc, 0x32), QColor(0xfd, 0xe7, 0x25)};
    const double x = std::clamp(std::isfinite(f) ? f : 0.0, 0.0, 1.0) * 8;
    const int i = std::min(7, static_cast<int>(x));
    const double u = x - i;
    const QColor& a = stops[i];
    const QColor& b = stops[i + 1];
    return QColor::fromRgbF(a.redF() + u * (b.redF() - a.redF()), a.greenF() + u * (b.greenF() - a.greenF()),
                            a.blueF() + u * (b.blueF() - a.blueF()));
}


void markControl(QWidget* w) { w->setProperty("aedynControl", true); }

bool isControl(const QWidget* w) { return w->property("aedynControl").toBool(); }

void setChartFontSize(QChart* chart, double pointSize)
{
    auto sized = [pointSize](QFont f, double extra) {
        f.setPointSizeF(pointSize + extra);
        return f;
    };
    chart->setTitleFont(sized(chart->titleFont(), 1));
    chart->legend()->setFont(sized(chart->legend()->font(), 0));
    for (QAbstractAxis* axis : chart->axes()) {
        axis->setLabelsFont(sized(axis->labelsFont(), 0));
        axis->setTitleFont(sized(axis->titleFont(), 0));
    }
}

QLogValueAxis* makeLogAxis(QChart* chart, const QString& title)
{
    auto* axis = new QLogValueAxis;
    axis->setTitleText(title);
    // DecadeLabels draws the labels; the axis' own, transparent, keep the room they need: "1e-02" is at least as
    // wide as "10⁻²" (with "%g", "0.1" left a vertical axis' title overprinting "10⁻¹").
    axis->setLabelFormat(QStringLiteral("%.0e"));
    axis->setBase(10);
    axis->setMinorTickCount(-1);
    new DecadeLabels(chart, axis);
    return axis;
}

std::pair<double, double> logRange(double lo, double hi)
{
    lo /= 1.5;
    hi *= 1.5;
    // Fewer than two powers of ten inside: widen to whole decades, so the reader still gets a scale.
    if (std::floor(std::log10(hi)) - std::ceil(std::log10(lo)) < 1) {
        lo = std::pow(10.0, std::floor(std::log10(lo)));
        hi = std::pow(10.0, std::ceil(std::log10(hi)));
    }
    return {lo, hi};
}

void setLogRange(QLogValueAxis* axis, double lo, double hi)
{
    const auto [min, max] = logRange(lo, hi);
    axis->setRange(min, max);
}
