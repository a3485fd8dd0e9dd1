#pragma once
// One colour per hidden unit, the same in every chart: the Okabe–Ito palette (colour-blind safe), with lighter
// tints beyond eight units (design.md).
#include <QColor>

QColor unitColour(int k);             // k = 0-based unit index
inline QColor referenceGrey() { return QColor(0x80, 0x80, 0x80); }
