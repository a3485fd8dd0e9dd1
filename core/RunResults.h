#pragma once
// What a run produced — the one results model that the dashboard draws, curves.csv and every exported table are
// derived from. Theory and simulation each keep the setup their worker resolved (configuration, D, time grid,
// spectrum): the two may belong to different parameters (the theory follows the panel as one types; the
// simulation keeps those of the last Run), so neither is ever drawn on the other's grid or with the other's K.
#include "ExperimentConfig.h"
#include "Observables.h"
#include "ReducedOde.h"
#include "TrainingRule.h"
#include "Weights.h"

#include <Eigen/Core>

#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

namespace aedyn {

class Experiment;

struct RunSetup {
    ExperimentConfig config;           // as the worker resolved it (with images, D is the number of pixels)
    std::vector<double> times;         // the route's grid
    std::vector<double> pcaErrors;     // ε_PCA of rank 0..K
    std::vector<double> trackedRho;    // ρ/D of the tracked modes
    double bulkRho = 0.0;
    long bulkCount = 0;
    int K = 0;
    int D = 0;
    Eigen::MatrixXd eigenvectors;      // D × (up to 8, for images up to max(8, K)) leading eigenvectors
    TrainingRule rule;                 // how the network reconstructs (activation, tying)
    bool inEigenbasis = false;         // the input coordinates are the eigenbasis (power-law spectra)
    // Real images only (imageRows > 0): their shape and a few preprocessed test images (D × n). The simulation's
    // error is then measured on held-out images.
    int imageRows = 0, imageCols = 0;
    Eigen::MatrixXd testImages;
    // Tied weights have no ODE: the theory drawn is then that of the same network with untied weights, a
    // comparison for the learning curve only (theory.md §8, figure 4a), and the other charts leave it out.
    bool theoryIsUntiedComparison = false;
};

// What the charts and tables need to know of an experiment before any point.
RunSetup setupOf(const Experiment& e);

struct SimulationPoint {
    std::size_t index = 0;
    // The error drawn: the mean over runs of the error on the held-out images for real images (mean.eps is then the
    // Gaussian-equivalent value), otherwise of the exact population error.
    double eps = 0.0;
    double epsSem = 0.0;
    std::vector<double> epsRuns;
    Observables mean;
};

// One simulation time from the runs' observables.
SimulationPoint simulationPointOf(std::size_t index, const std::vector<Observables>& runs);

// The first SGD run's weights at one grid time.
struct KeptWeights {
    std::size_t index = 0;  // on the simulation's grid
    double t = 0.0;
    // Shared, not copied: the worker makes the one copy, and the GUI thread only keeps it (at D = 10000, K = 64 a
    // copy is 10 MB, and one arrives with every point).
    std::shared_ptr<const Weights> w;
};

// At most this much memory for the first run's weights over time: K×D each, so that with large D and K only a
// few times (at least the latest) are kept.
constexpr std::size_t kKeptWeightsBytes = std::size_t(64) << 20;

class RunResults {
public:
    void resetTheory(const RunSetup& setup);
    void resetSimulation(const RunSetup& setup);
    void clearSimulation();
    void setTheory(std::size_t index, const Observables& o);
    void setSimulation(const SimulationPoint& p);
    // The weights of the first SGD run at a grid time (the simulation's index). They are K×D each: every grid time
    // is kept while all fit in kKeptWeightsBytes, beyond that every second, fourth, … (evenly in log t), and
    // always the latest.
    void setFirstRunWeights(std::size_t index, std::shared_ptr<const Weights> w);
    void setFirstRunWeights(std::size_t index, const Weights& w) { setFirstRunWeights(index, std::make_shared<const Weights>(w)); }
    // The theory's reduced long-time continuation (figure 3, core/LongTimeContinuation.h); cleared by resetTheory.
    void setLongTime(std::vector<ReducedPoint> points) { longTime_ = std::move(points); }

    // The theory's setup: spectrum, PCA levels and eigenvectors of the parameters in the panel.
    const RunSetup& setup() const { return theorySetup_; }
    const RunSetup& simulationSetup() const { return simulationSetup_; }
    const std::vector<std::optional<Observables>>& theory() const { return theory_; }
    const std::vector<std::optional<SimulationPoint>>& simulation() const { return simulation_; }
    const std::vector<double>& simulationTimes() const { return simulationSetup_.times; }
    const std::vector<KeptWeights>& keptWeights() const { return kept_; }
    // The kept weights the weight views show: those nearest the cursor's time (in log t), or the latest without a
    // cursor; null when there are none.
    const KeptWeights* shownWeights() const;
    const std::vector<ReducedPoint>& longTime() const { return longTime_; }
    // Changes whenever new weights arrive or the simulation is reset, so a chart can skip redundant redraws.
    std::uint64_t firstRunVersion() const { return firstRunVersion_; }
    const SimulationPoint* latestSimulation() const;
    const Observables* latestTheory() const;

    // The parameters in the panel differ from those a route was computed with: its curves stay, greyed.
    bool theoryStale = false;
    bool simulationStale = false;
    // The time every panel shows (the time cursor); empty: each route's latest point.
    std::optional<double> cursor;

private:
    RunSetup theorySetup_, simulationSetup_;
    std::vector<std::optional<Observables>> theory_;
    std::vector<std::optional<SimulationPoint>> simulation_;
    std::vector<KeptWeights> kept_;
    std::size_t keptStride_ = 1;  // grid indices kept: the multiples of this (and the latest)
    std::vector<ReducedPoint> longTime_;
    std::uint64_t firstRunVersion_ = 0;
    std::size_t latestSim_ = 0, latestTheory_ = 0;
    bool anySim_ = false, anyTheory_ = false;
};

} // namespace aedyn
