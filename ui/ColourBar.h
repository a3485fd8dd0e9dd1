#pragma once
// The key of a sequential colouring (ChartStyle's sequentialColour): either one swatch per value of a family of
// curves, labelled with the values, or a continuous scale of a heatmap's quantity, linear or logarithmic, with ticks.
#include <QStringList>
#include <QWidget>

// Maps a value in [lo, hi] to 0..1 along the palette (logarithmically when `log`, then lo > 0).
struct ColourScale {
    double lo = 0, hi = 1;
    bool log = false;
    double fraction(double v) const;
    QColor colour(double v) const;
    // Tick values inside [lo, hi]: the powers of ten (or 1-2-5 steps) of a log scale, else about five round numbers.
    QList<double> ticks() const;
};

class ColourBar : public QWidget {
    Q_OBJECT
public:
    explicit ColourBar(QWidget* parent = nullptr);
    void setSteps(const QStringList& labels, const QString& title);
    void setScale(const ColourScale& scale, const QString& title);
    QString title() const { return title_; }
    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent*) override;

private:
    QString title_;
    QStringList steps_;  // non-empty: one swatch each
    ColourScale scale_;
};

// A number for reading: 3 significant digits.
QString readableNumber(double x);
