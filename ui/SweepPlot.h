#pragma once
// What a sweep shows, drawn from its results model (core/SweepResults.h) as points stream in: with the learning
// curve as quantity, the family of ε(t) curves coloured along the sequential palette with a colour bar of the
// swept values; with a scalar quantity, a line chart against the one swept parameter (log x for a log range) or a
// heatmap over two (a phase diagram) with a colour bar of the quantity. The same widget, built off-screen, is the
// exported figure.
#include "SweepResults.h"

#include <QWidget>

#include <optional>

class ColourBar;
class QChartView;
class QLineSeries;
class QScatterSeries;
class SweepHeatmap;

struct SweepView {
    std::optional<aedyn::SweepQuantity> quantity;  // nothing: the family of learning curves (one parameter)
    std::vector<bool> logAxis;                     // per swept axis: given as a log range
    std::string route = "ode";                     // the route of a scalar quantity: "ode" or "sgd" (gap: both)
};

// "η (lr)": the paper's symbol and the key; the key alone when the schema has no symbol.
QString parameterTitle(const std::string& key);
// "ε at t = 100", "slope of log ε against log t over [10, 100]", …; of the SGD mean with route "sgd".
QString quantityTitle(const aedyn::SweepQuantity& q, const std::string& route = "ode");

class SweepPlot : public QWidget {
    Q_OBJECT
public:
    explicit SweepPlot(QWidget* parent = nullptr);
    // Draws what has arrived; `sweep` tells one sweep from the next (a new one rebuilds the series).
    void refresh(const aedyn::SweepResults& results, const SweepView& view, quint64 sweep);

    // For tests and the exporter: what is drawn.
    QChartView* chartView() const { return view_; }
    SweepHeatmap* heatmap() const { return heatmap_; }
    ColourBar* colourBar() const { return bar_; }
    QList<QLineSeries*> familySeries() const { return family_; }
    // The SGD mean of each point as markers in its curve's colour (empty unless the sweep simulates).
    QList<QScatterSeries*> simulationSeries() const { return simulation_; }
    QLineSeries* quantitySeries() const { return line_; }

private:
    void rebuild(const aedyn::SweepResults& results, const SweepView& view);
    void refreshFamily(const aedyn::SweepResults& results);
    void refreshLine(const aedyn::SweepResults& results, const SweepView& view);
    void refreshHeatmap(const aedyn::SweepResults& results, const SweepView& view);

    QChartView* view_;
    SweepHeatmap* heatmap_;
    ColourBar* bar_;
    QList<QLineSeries*> family_;
    QList<QScatterSeries*> simulation_;
    std::vector<bool> drawn_, drawnSgd_;  // family curves already drawn (a point's curve never changes once arrived)
    QLineSeries* line_ = nullptr;
    QScatterSeries* markers_ = nullptr;
    QScatterSeries* missing_ = nullptr;
    quint64 sweep_ = 0;
    bool built_ = false;
};
