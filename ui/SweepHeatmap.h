#pragma once
// The phase diagram of a two-parameter sweep: one cell per point, the first swept parameter along x and the second
// along y, coloured along the sequential palette by a ColourScale (the ColourBar beside it), with the value written
// in each cell that has room. A point still to come is a light grey cell; one without a value (its theory failed,
// or the quantity is undefined there, e.g. ε never fell below the level) is crossed out.
#include "ColourBar.h"

#include <QWidget>

#include <vector>

class SweepHeatmap : public QWidget {
    Q_OBJECT
public:
    enum class Cell { Pending, Value, Missing };
    struct Map {
        QString xTitle, yTitle;
        QStringList xLabels, yLabels;
        std::vector<double> values;  // row-major by x: point (i, j) at i * yLabels.size() + j
        std::vector<Cell> cells;
        ColourScale scale;
    };

    explicit SweepHeatmap(QWidget* parent = nullptr);
    void setMap(Map map);
    const Map& map() const { return map_; }

protected:
    void paintEvent(QPaintEvent*) override;

private:
    Map map_;
};
