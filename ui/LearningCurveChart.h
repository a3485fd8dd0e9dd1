#pragma once
// The hero chart: test error ε(t) on a log time axis — the ODE as a line, the SGD mean with a ±1 s.e.m. band, and
// the PCA errors of rank 0..K as labelled dashed levels, so the sequential plateaus are obvious at a glance.
#include "DashboardChart.h"
#include "RunResults.h"

#include <QChartView>
#include <QGraphicsSimpleTextItem>

class QAreaSeries;
class QLineSeries;
class QLogValueAxis;
class QScatterSeries;
class QValueAxis;

// A run kept for comparison: its curves, drawn faded under the current ones, and a legend label.
struct PinnedCurve {
    QString label;
    QList<QPointF> theory, simulation;
};

class LearningCurveChart : public QChartView, public DashboardChart {
    Q_OBJECT
public:
    explicit LearningCurveChart(QWidget* parent = nullptr);
    ~LearningCurveChart() override;
    void refresh(const aedyn::RunResults& store) override;
    void setChartStyle(const ChartStyle& style) override;
    void setLogError(bool log);
    void setShowRuns(bool show) { showRuns_ = show; }
    // Drawn at 35 % opacity, one dash pattern per pin, from the next refresh on.
    void setPins(const QList<PinnedCurve>& pins) { pins_ = pins; }
    bool logError() const { return logError_; }

    // For tests: the points currently drawn.
    QList<QPointF> theoryPoints() const;
    // The time cursor's line as drawn (empty when no cursor is set), for tests.
    QList<QPointF> cursorPoints() const;
    // The PCA-level labels shown, in chart coordinates (for tests: none overlaps another or a drawn point).
    QList<QRectF> levelLabelBoxes() const;
    QStringList levelLabelTexts() const;  // of the same labels, in the same order
    QList<QPointF> simulationPoints() const;
    // The numbers under the pointer: the time and, at the nearest grid time of each, the ODE's ε and the SGD
    // mean ± s.e.m. (empty when the pointer is outside the plot); shown as a tooltip.
    QString readOut() const { return readOut_; }

protected:
    void mouseMoveEvent(QMouseEvent* event) override;
    void leaveEvent(QEvent* event) override;
    // Over the plot the tooltip is the read-out, not the chart's static hint.
    bool viewportEvent(QEvent* event) override;

private:
    QAbstractAxis* errorAxis() const;
    void placeLevelLabels();
    void fitLegendNames();  // the simulation's entry: the longest wording the legend's line holds (screen)
    void updateRanges(const aedyn::RunResults& store);
    void setLinearTop(double value);  // the linear ε axis from 0 to value, rounded up to a multiple of 0.05
    double topForLabel(double axisMin) const;  // the ε axis's top that leaves the top level's label room; 0: none
    void keepRoomAboveTopLevel();
    void updatePins(int width);
    // The simulation markers of `points` that a plot `width` pixels wide shows without overlap (spaceMarkersLogX).
    QList<QPointF> spacedMarkers(const QList<QPointF>& points, int width, qreal markerSize) const;

    QLogValueAxis* tAxis_;
    QLogValueAxis* epsLogAxis_;
    QValueAxis* epsLinearAxis_;
    QLineSeries* ode_;
    QScatterSeries* sgd_;
    QLineSeries* bandUpper_;
    QLineSeries* bandLower_;
    QAreaSeries* band_;
    QLineSeries* cursor_;  // the shared time cursor, a vertical line across the plot when it is set
    QList<QLineSeries*> levels_;
    QList<QScatterSeries*> runs_;  // individual SGD runs, when shown
    QList<PinnedCurve> pins_;
    QList<QLineSeries*> pinTheory_;
    QList<QScatterSeries*> pinSimulation_;
    QList<QGraphicsSimpleTextItem*> levelLabels_;
    QList<QStringList> levelWordings_;  // per label, longest first: with the level's value, then the rank alone
    // Sizes the wordings off the scene: trying them on a label would change its text and redraw it at every refresh.
    QGraphicsSimpleTextItem wordingProbe_;
    // Every point of the last refresh (not decimated): the read-out quotes the computed numbers, not the drawn ones.
    QList<QPointF> odeAll_, sgdAll_;
    QList<double> sgdSem_;
    QString readOut_;
    bool logError_ = true;
    bool showRuns_ = false;
    bool images_ = false;  // the simulation's error is measured on held-out test images
    std::pair<double, double> timeRange_{0.0, 0.0};  // of the time axis, for spacing the markers
};
