#include "ChartStyle.h"

#include <QLogValueAxis>

QColor unitColour(int k)
{
    static const QColor base[] = {QColor(0x00, 0x72, 0xB2), QColor(0xD5, 0x5E, 0x00), QColor(0x00, 0x9E, 0x73),
                                  QColor(0xCC, 0x79, 0xA7), QColor(0xE6, 0x9F, 0x00), QColor(0x56, 0xB4, 0xE9),
                                  QColor(0xF0, 0xE4, 0x42), QColor(0x00, 0x00, 0x00)};
    const QColor c = base[k % 8];
    return k < 8 ? c : c.lighter(100 + 25 * (k / 8));
}

QLogValueAxis* makeLogAxis(const QString& title)
{
    auto* axis = new QLogValueAxis;
    axis->setTitleText(title);
    axis->setLabelFormat(QStringLiteral("%g"));
    axis->setBase(10);
    axis->setMinorTickCount(-1);
    return axis;
}
