#include "DecadeLabels.h"

#include <QChart>
#include <QFontMetricsF>
#include <QGraphicsSimpleTextItem>
#include <QLogValueAxis>

#include <algorithm>
#include <cmath>

DecadeLabels::DecadeLabels(QChart* chart, QLogValueAxis* axis)
    : QObject(axis)
    , chart_(chart)
    , axis_(axis)
    , colour_(axis->labelsColor())
{
    // The axis' own labels still size the margin; only their text is replaced.
    axis->setLabelsColor(Qt::transparent);
    connect(chart, &QChart::plotAreaChanged, this, &DecadeLabels::place);
    connect(axis, &QLogValueAxis::rangeChanged, this, &DecadeLabels::place);
}

QString DecadeLabels::power(int exponent)
{
    static const QString digits = QStringLiteral("⁰¹²³⁴⁵⁶⁷⁸⁹");
    QString text;
    for (const QChar c : QString::number(std::abs(exponent)))
        text += digits[c.digitValue()];
    return QStringLiteral("10") + (exponent < 0 ? QStringLiteral("⁻") : QString()) + text;
}

void DecadeLabels::setColour(const QColor& colour)
{
    colour_ = colour;
    for (QGraphicsSimpleTextItem* label : labels_)
        label->setBrush(colour_);
}

void DecadeLabels::place()
{
    const bool shown = chart_->axes().contains(axis_) && axis_->min() > 0 && axis_->max() > axis_->min();
    const int first = shown ? static_cast<int>(std::ceil(std::log10(axis_->min()) - 1e-9)) : 0;
    const int last = shown ? static_cast<int>(std::floor(std::log10(axis_->max()) + 1e-9)) : -1;
    const qsizetype count = std::max(0, last - first + 1);
    while (labels_.size() < count) {
        auto* label = new QGraphicsSimpleTextItem(chart_);
        label->setBrush(colour_);
        labels_.append(label);
    }
    while (labels_.size() > count)
        delete labels_.takeLast();
    const QRectF area = chart_->plotArea();
    const double lo = std::log10(axis_->min()), span = std::log10(axis_->max()) - lo;
    // Many decades on a short axis (figure 3 runs to t = 10⁸): label every step-th decade so labels never touch.
    const bool vertical = axis_->orientation() == Qt::Vertical;
    const QFontMetricsF metrics(axis_->labelsFont());
    const double widest = std::max(metrics.horizontalAdvance(power(first)), metrics.horizontalAdvance(power(last)));
    const double needed = vertical ? metrics.height() * 1.2 : widest + metrics.height();
    const double perDecade = (vertical ? area.height() : area.width()) / std::max(span, 1e-9);
    const int step = perDecade > 0 ? std::max(1, static_cast<int>(std::ceil(needed / perDecade))) : 1;
    for (qsizetype i = 0; i < count; ++i) {
        const int exponent = first + static_cast<int>(i);
        QGraphicsSimpleTextItem* label = labels_[i];
        label->setFont(axis_->labelsFont());  // the axis font may have changed (lecture mode, export)
        label->setText(power(exponent));
        label->setVisible(exponent % step == 0);
        const QRectF box = label->boundingRect();
        const double f = (exponent - lo) / span;
        if (vertical)
            label->setPos(area.left() - box.width() - 6, area.bottom() - f * area.height() - box.height() / 2);
        else
            label->setPos(area.left() + f * area.width() - box.width() / 2, area.bottom() + 4);
    }
}
