#include "ColourBar.h"

#include "ChartStyle.h"

#include <QPainter>

#include <cmath>
#include <vector>

double ColourScale::fraction(double v) const
{
    if (!(hi > lo))
        return 0.5;
    return log ? (std::log(v) - std::log(lo)) / (std::log(hi) - std::log(lo)) : (v - lo) / (hi - lo);
}

QColor ColourScale::colour(double v) const { return sequentialColour(fraction(v)); }

QList<double> ColourScale::ticks() const
{
    QList<double> t;
    if (!(hi > lo))
        return {lo};
    if (log) {
        // Decades; within less than two decades 1-2-5 steps, and within less than a factor of about 4 every
        // digit, so that a scale still has several labels.
        const std::vector<double> decades{1}, coarse{1, 2, 5}, digits{1, 2, 3, 4, 5, 6, 7, 8, 9};
        auto place = [&](const std::vector<double>& steps) {
            t.clear();
            for (double d = std::pow(10.0, std::floor(std::log10(lo))); d <= hi * (1 + 1e-9); d *= 10)
                for (double s : steps)
                    if (d * s >= lo * (1 - 1e-9) && d * s <= hi * (1 + 1e-9))
                        t << d * s;
        };
        place(std::log10(hi / lo) < 2 ? coarse : decades);
        if (t.size() < 3)
            place(digits);
        if (t.size() < 2)
            t = {lo, hi};
        return t;
    }
    const double raw = (hi - lo) / 4;
    const double p = std::pow(10.0, std::floor(std::log10(raw)));
    const double step = raw / p < 1.5 ? p : raw / p < 3.5 ? 2 * p : raw / p < 7.5 ? 5 * p : 10 * p;
    for (double x = std::ceil(lo / step) * step; x <= hi + 1e-9 * step; x += step)
        t << (std::abs(x) < 1e-12 * step ? 0.0 : x);
    return t;
}

QString readableNumber(double x)
{
    return QString::number(x, 'g', 3).replace(QLatin1Char('-'), QChar(0x2212));
}

ColourBar::ColourBar(QWidget* parent)
    : QWidget(parent)
{
    setMinimumWidth(84);
    setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Preferred);
}

void ColourBar::setSteps(const QStringList& labels, const QString& title)
{
    steps_ = labels;
    title_ = title;
    update();
}

void ColourBar::setScale(const ColourScale& scale, const QString& title)
{
    steps_.clear();
    scale_ = scale;
    title_ = title;
    update();
}

QSize ColourBar::sizeHint() const
{
    const QFontMetrics fm(font());
    int labels = fm.horizontalAdvance(title_);
    for (const QString& s : steps_)
        labels = std::max(labels, fm.horizontalAdvance(s) + 24);
    return {std::clamp(labels + 12, 84, 160), 200};
}

void ColourBar::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    const QFontMetrics fm(font());
    p.setPen(palette().text().color());
    const QRectF titleBox(2, 4, width() - 4, 2 * fm.height() + 4);
    p.drawText(titleBox, Qt::AlignHCenter | Qt::AlignTop | Qt::TextWordWrap, title_);
    const double top = titleBox.bottom() + fm.height() / 2.0;
    const double bottom = height() - fm.height();
    if (bottom - top < 20)
        return;
    const QRectF bar(6, top, 16, bottom - top);
    if (!steps_.isEmpty()) {
        // One swatch per curve, the first value at the bottom like a y axis; every label when they fit.
        const int n = static_cast<int>(steps_.size());
        const double h = bar.height() / n;
        const int every = std::max(1, static_cast<int>(std::ceil(fm.height() / h)));
        for (int i = 0; i < n; ++i) {
            const QRectF swatch(bar.left(), bar.bottom() - (i + 1) * h, bar.width(), h);
            p.fillRect(swatch, sequentialColour(n > 1 ? double(i) / (n - 1) : 0.5));
            if (i % every == 0 || i == n - 1)
                p.drawText(QRectF(bar.right() + 4, swatch.center().y() - fm.height() / 2.0, width(), fm.height()),
                           Qt::AlignLeft | Qt::AlignVCenter, steps_[i]);
        }
        return;
    }
    // Continuous: the palette from the bottom (lo) to the top (hi), ticks at their place along it.
    QLinearGradient g(bar.bottomLeft(), bar.topLeft());
    for (int i = 0; i <= 16; ++i)
        g.setColorAt(i / 16.0, sequentialColour(i / 16.0));
    p.fillRect(bar, g);
    for (double t : scale_.ticks()) {
        const double y = bar.bottom() - scale_.fraction(t) * bar.height();
        p.drawLine(QPointF(bar.right(), y), QPointF(bar.right() + 3, y));
        p.drawText(QRectF(bar.right() + 5, y - fm.height() / 2.0, width(), fm.height()),
                   Qt::AlignLeft | Qt::AlignVCenter, readableNumber(t));
    }
}
