#pragma once
// The sweep in the app (README, "Sweeps" → "In the app"): starting from the parameters in the panel, one or two
// schema keys swept over a list or a lin/log range, and a quantity — the learning curves themselves (a family), ε
// at a time, the plateau-escape time, a fitted exponent or a final overlap, exactly as `aedyn-cli sweep` computes
// them. The theory of every point runs on worker threads as the sweep is edited (debounced), streams into the plot
// point by point, and any edit cancels the sweep under way. "Also simulate (SGD)" runs each point's SGD ensemble
// after the theories, with its cost shown first; the quantities then have an SGD route and the gap between the
// routes. Exports as a figure and as tidy CSV.
#include "ExperimentConfig.h"
#include "FigureExport.h"
#include "SweepPlot.h"
#include "SweepResults.h"
#include "SweepRunner.h"

#include <QElapsedTimer>
#include <QTimer>
#include <QWidget>

#include <optional>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

// Sweeps in the app stay interactive: more points go to `aedyn-cli sweep`.
constexpr std::size_t kMaxAppSweepPoints = 400;
// Simulation costs minutes, not milliseconds: larger simulated sweeps belong to `aedyn-cli sweep` (or Slurm).
constexpr std::size_t kMaxAppSimulatedPoints = 64;

class SweepWindow : public QWidget {
    Q_OBJECT
public:
    explicit SweepWindow(QWidget* parent = nullptr);

    // The parameters every point starts from (the panel's); a change recomputes the sweep if it is shown.
    void setBase(const std::optional<aedyn::ExperimentConfig>& config, const QString& preset);

    // The editor, as a person would fill it in. `values` in the spec's syntax: "0.5, 1, 2", "lin 0.1 1 4" or
    // "log 0.1 10 8"; an empty key removes the second parameter. `quantity`: "curve" for the family of learning
    // curves, else a spec quantity (eps_final, eps_at:T, escape:LEVEL, slope:T1:T2, cos_final:K:M).
    void setAxis(int axis, const QString& key, const QString& values);
    void setQuantity(const QString& quantity);
    // "Also simulate (SGD)", and the route a scalar quantity is shown for: "ode" or "sgd" (gap needs neither).
    void setSimulate(bool simulate);
    void setRoute(const QString& route);
    // Fills the editor from resources/sweeps/finite-size.sweep: D over its log range, its `set` lines on top of
    // the panel's parameters, SGD on, the gap shown.
    void loadFiniteSizeStudy();
    // "≈ 40 s for 8 points (…)", or empty when nothing is simulated.
    QString costText() const;
    // Applies the editor now instead of after the pause in typing.
    void applyNow();
    void cancel();

    QString problem() const;
    QString progressText() const;
    bool running() const { return runner_.running(); }
    quint64 generation() const { return runner_.generation(); }
    const aedyn::SweepResults& results() const { return results_; }
    const SweepView& view() const { return view_; }
    SweepPlot* plot() const { return plot_; }
    int busyWorkers() const { return runner_.busyWorkers(); }

    // Both return an empty string or the message (also shown in the window) naming the file and the problem.
    // The figure is 5 × 3.5 in unless `options` say otherwise (room for the colour bar beside the plot).
    QString exportFigure(const QString& path, std::optional<FigureOptions> options = std::nullopt);
    QString exportCsv(const QString& path);

signals:
    void pointArrived(qulonglong index);
    void sweepFinished();

protected:
    void showEvent(QShowEvent* e) override;

private:
    struct AxisEditor {
        QComboBox* key;
        QComboBox* kind;  // list, lin, log
        QLineEdit* list;
        QLineEdit* from;
        QLineEdit* to;
        QSpinBox* n;
        QWidget* listRow;
        QWidget* rangeRow;
    };
    AxisEditor makeAxisEditor(bool optional);
    QString axisText(const AxisEditor& e) const;
    QString quantityText() const;
    void edited();
    void apply();
    void showProblem(const QString& problem);
    void updateProgress();
    void redraw();
    void updateQuantityFields();
    void updateRouteChoice();
    void showFixed();
    void showCost(const std::vector<aedyn::SweepPoint>& points);

    std::optional<aedyn::ExperimentConfig> base_;
    QString preset_;
    AxisEditor axes_[2];
    QComboBox* quantity_;
    QLabel* quantityA_;
    QLabel* quantityB_;
    QLineEdit* quantityValueA_;
    QLineEdit* quantityValueB_;
    QCheckBox* simulate_;
    QLabel* cost_;
    QComboBox* route_;
    QLabel* fixedText_;  // where the points start: the panel, and a template's sets
    QPushButton* clearFixed_;
    aedyn::Overrides fixed_;  // a template's `set` lines, applied on top of the panel's parameters
    QLabel* problem_;
    QLabel* progress_;
    QPushButton* cancel_;
    SweepPlot* plot_;
    SweepRunner runner_;
    aedyn::SweepResults results_;
    SweepView view_;
    std::vector<std::vector<std::pair<std::string, std::string>>> computed_;  // each point's parameters
    bool computedSimulate_ = false;
    quint64 sweepId_ = 0;
    QTimer debounce_, repaint_;
    QElapsedTimer clock_;
    double seconds_ = 0;
    QString fileMessage_;
};
