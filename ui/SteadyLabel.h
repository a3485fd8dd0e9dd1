#pragma once

#include <QLabel>

// A word-wrapped label whose height grows with its text but does not shrink back while its width stays. Text that
// gains and loses a line with each new value (fitted exponents) would otherwise lay its panel, and the dashboard
// row beside it, out again: a frame of every chart's painting, and a plot that jumps.
class SteadyLabel : public QLabel {
public:
    SteadyLabel();
    void setSteadyText(const QString& text);
    // Holds at least the height `text` would need: the fullest text expected, so that the label does not grow a line
    // at a time as its parts arrive. A new reserve releases the height held so far.
    void setReserve(const QString& text);

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    void hold();
    int heldWidth_ = -1;
    QString reserve_;
    int reserveWidth_ = -1, reserveHeight_ = 0;  // reserve_'s height at that width, in reserveFont_
    QFont reserveFont_;
};
