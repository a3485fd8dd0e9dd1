#pragma once
// Tick labels of a base-10 log axis written as powers, 10⁻² 10⁰ 10³ (design.md), with a real minus sign.
// QLogValueAxis only knows printf formats (0.01, 1e-05), so its own labels keep their space but are drawn
// transparent, and these are drawn in their place whenever the plot area or the range changes.
#include <QColor>
#include <QList>
#include <QObject>

class QChart;
class QGraphicsSimpleTextItem;
class QLogValueAxis;

class DecadeLabels : public QObject {
    Q_OBJECT
public:
    // Owned by the axis; the labels are items of the chart.
    DecadeLabels(QChart* chart, QLogValueAxis* axis);
    // Redraws the labels; call it after the axis was added to or removed from the chart.
    void place();
    void setColour(const QColor& colour);  // of the labels (the theme's type colour)

    static QString power(int exponent);  // "10⁻²"

private:
    QChart* chart_;
    QLogValueAxis* axis_;
    QColor colour_;
    QList<QGraphicsSimpleTextItem*> labels_;
};
