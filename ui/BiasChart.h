#pragma once
// The trained biases β_k over time (figure 4c, theory.md §8): the ODE as lines and the SGD mean as hollow markers,
// one colour per unit, on a linear axis (biases start at their initial value, often 0, and may turn negative) over
// log time. Shown only when the bias is trained; the first kChartUnits units.
#include "DashboardChart.h"
#include "RunResults.h"

#include <QWidget>

class QChart;
class QLineSeries;
class QLogValueAxis;
class QScatterSeries;
class QValueAxis;

class BiasChart : public QWidget, public DashboardChart {
    Q_OBJECT
public:
    explicit BiasChart(QWidget* parent = nullptr);
    void refresh(const aedyn::RunResults& store) override;
    // For tests: the points drawn for unit k (ODE line or SGD markers).
    QList<QPointF> drawnPoints(int k, bool theory) const;

private:
    void ensureSeries(int units);
    // Pens of every series: the unit colours, grey for curves of parameters that have since changed.
    void applyStyle(bool theoryStale, bool simulationStale);

    QChart* chart_;
    QLogValueAxis* tAxis_;
    QValueAxis* yAxis_;
    QList<QLineSeries*> theory_;
    QList<QScatterSeries*> simulation_;
};
