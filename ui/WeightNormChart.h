#pragma once
// Encoder and decoder scales of every unit on log-log axes: ‖w_k‖ (solid) and ‖v_k‖/√D (dashed), theory as lines
// and the SGD mean as hollow markers. With one unit it shows the spike projections a = |w·e₁| and c = |v·e₁|/√D
// instead (figure 3), with the excess error ε − ε_PCA(1) and the reduced ODE's continuation to t = 10⁸, where the
// asymptotic exponents ∓1/6 and −2/3 are read. A power law is fitted over a time window the user drags across the plot (or types), and
// the exponents are printed on the chart in the colour of their unit.
#include "ChartSeries.h"
#include "DashboardChart.h"
#include "RunResults.h"
#include "SteadyLabel.h"

#include <QWidget>

#include <array>

#include <optional>
#include <utility>

class QChart;
class QChartView;
class QDoubleSpinBox;
class QLabel;
class QLineSeries;
class QLogValueAxis;
class QScatterSeries;

class WeightNormChart : public QWidget, public DashboardChart {
    Q_OBJECT
public:
    explicit WeightNormChart(QWidget* parent = nullptr);
    void refresh(const aedyn::RunResults& store) override;
    // The fitted exponents as plain text, e.g. "unit 1: ‖w‖ ∝ t^−0.010, ‖v‖/√D ∝ t^0.136".
    QString fitText() const { return fitText_; }
    // The exponent box under the plot: the fit's window, route and exponents, and what the line styles mean. Its
    // own word-wrapped text, so that no chart title elides the exponents at any size.
    QString exponentBoxText() const;
    void setFitWindow(double from, double to);
    // Sets the window now and keeps it when the next theory brings a new time range (opening a project).
    void restoreFitWindow(double from, double to);
    std::pair<double, double> fitWindow() const;
    // For tests: the points drawn for unit k (encoder or decoder scale; ODE line or SGD markers).
    QList<QPointF> drawnPoints(int k, bool encoder, bool theory) const;

protected:
    // Dragging across the plot with the left button sets the fit window.
    bool eventFilter(QObject* watched, QEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    // On screen, whether the panel's height leaves the plot room beside `text` in the exponent box.
    bool roomBeside(const QString& text) const;
    int textHeight(const QString& text) const;  // of the exponent box holding this text at its width
    void ensureSeries(int K);
    void updateFit();
    void drawWindow();
    void fitWords();  // on screen: the longest y title the plot's height holds, unit names the legend line holds

    QChartView* view_;
    QChart* chart_;
    QLogValueAxis* tAxis_;
    QLogValueAxis* yAxis_;
    QDoubleSpinBox* fitFrom_;
    QDoubleSpinBox* fitTo_;
    QList<QLineSeries*> encoderTheory_, decoderTheory_;
    QList<QScatterSeries*> encoderSim_, decoderSim_;
    QLineSeries* windowEdges_;  // the fit window, as two vertical lines
    SteadyLabel* exponents_;  // steady: a line more or less with new exponents must not lay the row out again
    std::array<QLineSeries*, 6> summary_{};  // beyond kChartUnits: median, min, max of ‖w‖ and of ‖v‖/√D
    // One unit: the excess error ε − ε_PCA(1) of the ODE; then a, c and the excess of the reduced long-time ODE.
    std::array<QLineSeries*, 4> excess_{};
    QString fitText_;
    double dragStart_ = 0.0;
    double fittedGridEnd_ = 0.0;  // t_max for which the fit window was last chosen automatically
    std::optional<std::pair<double, double>> restoredWindow_;
    std::vector<aedyn::Series> series_;  // what the last refresh drew; the fit reads the same points
    int units_ = 0;                      // K of the theory drawn
    int shownUnits_ = 0;                 // the units drawn one by one (a printed chart of many units: a few)
    bool projections_ = false;
    QString longTimeText_;  // the reduced ODE's exponents, when it is drawn
    QStringList longTimeExponents_;  // the same three exponents (a, c, excess) alone, for a cramped page
};
