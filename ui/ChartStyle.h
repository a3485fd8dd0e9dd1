#pragma once
// What makes every chart look like one product (design.md): one colour per hidden unit, the same in every chart —
// the Okabe–Ito palette (colour-blind safe) with lighter tints beyond eight units — grey references, log axes.
#include <QColor>
#include <QString>

class QLogValueAxis;

QColor unitColour(int k);             // k = 0-based unit index
inline QColor referenceGrey() { return QColor(0x80, 0x80, 0x80); }
// A base-10 log axis with plain number labels and the given title.
QLogValueAxis* makeLogAxis(const QString& title);
