#pragma once
// What makes every chart look like one product (design.md): one colour per hidden unit, the same in every chart —
// the Okabe–Ito palette (colour-blind safe) with lighter tints beyond eight units — grey references, log axes.
#include <QColor>

#include <utility>
#include <QString>

#include <algorithm>

class QChart;
class QWidget;
class QLogValueAxis;

QColor unitColour(int k);             // k = 0-based unit index
// The same on a dark ground (dark = true): the palette's black unit becomes a light grey, everything else is kept.
QColor unitColour(int k, bool dark);
// A sequential palette for an ordered family (a sweep's values, a heatmap's scale): f = 0 dark violet … 1 yellow
// (viridis: monotone in lightness, colour-blind safe, distinct from the unit colours above).
QColor sequentialColour(double f);

// How a chart is drawn for its target — the screen, a projector (lecture mode: lines twice as thick, 3 px instead
// of 1.5, and large type, design.md) or the printed page. Each chart holds its own, so a figure exported while the
// window is in lecture mode is drawn in print style.
struct ChartStyle {
    double lineScale = 1.0;
    double fontPoints = 0.0;  // 0: the application's font
    bool page = false;        // typeset for a printed page: the compact wording where space is short
    bool dark = false;        // light lines and type on a dark ground (a dimmed lecture hall); a page is never dark

    double pen(double normal) const { return normal * lineScale; }
    QColor unit(int k) const { return unitColour(k, dark); }
    QColor ink() const;    // type, axes, the theory's black line
    QColor paper() const;  // the ground of a chart
    // The grey of references (PCA levels, the bulk, stale curves); emphasis > 100 sets it further off the ground,
    // as QColor::darker does on white.
    QColor reference(int emphasis = 100) const;
    static ChartStyle screen() { return {}; }
    // In front of a class: thick lines, and type that grows with the screen — 13 pt at 720 lines, 20 pt at 1080 —
    // large enough to read from the back of a room, small enough that no title or tick is cut at 1024×768.
    static ChartStyle lecture(int screenHeightPx) { return {2.0, std::clamp(screenHeightPx / 55.0, 12.0, 22.0), false}; }
    static ChartStyle print() { return {1.0, 0.0, true}; }
};
// Marks a widget as a control (spin box, chooser, its label): exported figures leave controls out.
void markControl(QWidget* w);
bool isControl(const QWidget* w);
// Every font of a chart (title, legend, axes) at pointSize, titles a little larger.
void setChartFontSize(QChart* chart, double pointSize);
// Black or white, whichever reads better on `ground` (the larger WCAG contrast ratio).
QColor textOn(const QColor& ground);
inline QColor referenceGrey() { return QColor(0x80, 0x80, 0x80); }
// A base-10 log axis with the given title, labelled 10⁻² … 10³ (DecadeLabels); add it to `chart` yourself.
QLogValueAxis* makeLogAxis(QChart* chart, const QString& title);
// Shows the values lo..hi (> 0) with a little room, and always at least two labelled powers of ten.
void setLogRange(QLogValueAxis* axis, double lo, double hi);
// The range setLogRange sets.
std::pair<double, double> logRange(double lo, double hi);
