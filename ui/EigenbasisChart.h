#pragma once
// Each unit's encoder in the eigenbasis of the inputs, at the time cursor's time: |cos(w_k, e_m)| for the leading
// eigenvectors and the rest of w_k outside them (⊥), ‖w_k − Σ_m (w_k·e_m) e_m‖/‖w_k‖ — all between 0 and 1, the ODE as
// a line through the points of each unit, the SGD mean as hollow markers. With random spike rows the weights over
// the input index are noise; here a unit that has learnt e_m reads as a peak of 1 at e_m with the rest near 0. The
// first kChartUnits units (issue #15: no K series for large K); the numbers are those of the overlap route
// (core/ChartSeries eigenbasisSeries), at the same times.
#include "DashboardChart.h"
#include "RunResults.h"

#include <Eigen/Core>
#include <QStringList>
#include <QWidget>

class QBarCategoryAxis;
class QChart;
class QLineSeries;
class QScatterSeries;
class QValueAxis;

class EigenbasisChart : public QWidget, public DashboardChart {
    Q_OBJECT
public:
    explicit EigenbasisChart(QWidget* parent = nullptr);
    void refresh(const aedyn::RunResults& store) override;
    // Beside the overlap map, whose rows name the units in their colours, the chart needs no legend of its own.
    void setUnitLegend(bool shown) { unitLegend_ = shown; }

    // What is drawn, for tests: units × (modes + 1), the last column the rest; empty where a route has no point.
    const Eigen::MatrixXd& theory() const { return theory_; }
    const Eigen::MatrixXd& simulation() const { return simulation_; }
    double theoryTime() const { return theoryTime_; }
    double simulationTime() const { return simulationTime_; }
    QChart* chart() const { return chart_; }

private:
    void ensureSeries(int units, int modes);
    void applyStyle(bool theoryStale, bool simulationStale);
    // The mode labels (e1 … or 1 …) and the axis titles for the room the plot has.
    void fitWords(bool titles);
    void fitTitle();  // on screen, the longest of titles_ the chart's width holds

    QStringList titles_;  // the chart's title, then shorter wordings of it

    QChart* chart_;
    QBarCategoryAxis* modeAxis_;
    QValueAxis* cosAxis_;
    QList<QLineSeries*> theoryLines_;
    QList<QScatterSeries*> simulationMarkers_;
    Eigen::MatrixXd theory_, simulation_;
    double theoryTime_ = 0.0, simulationTime_ = 0.0;
    int modes_ = 0;  // the mode axis' categories are e1 … e_modes, ⊥ (the rest)
    bool unitLegend_ = true;
};
