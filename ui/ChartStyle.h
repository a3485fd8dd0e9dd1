#pragma once
// What makes every chart look like one product (design.md): one colour per hidden unit, the same in every chart —
// the Okabe–Ito palette (colour-blind safe) with lighter tints beyond eight units — grey references, log axes.
#include <QColor>
#include <QString>

class QChart;
class QLogValueAxis;

QColor unitColour(int k);             // k = 0-based unit index
inline QColor referenceGrey() { return QColor(0x80, 0x80, 0x80); }
// A base-10 log axis with the given title, labelled 10⁻² … 10³ (DecadeLabels); add it to `chart` yourself.
QLogValueAxis* makeLogAxis(QChart* chart, const QString& title);
// Shows the values lo..hi (> 0) with a little room, and always at least two labelled powers of ten.
void setLogRange(QLogValueAxis* axis, double lo, double hi);
