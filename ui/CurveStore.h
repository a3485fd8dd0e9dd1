#pragma once
// Everything the charts draw, gathered on the GUI thread from the workers' queued signals: the grid, the PCA
// levels, the spectrum, and theory and simulation observables per grid point (empty until computed).
#include "Observables.h"
#include "TrainingRule.h"
#include "Weights.h"

#include <QString>
#include <QtGlobal>

#include <optional>
#include <vector>

struct ExperimentSetup {
    std::vector<double> times;
    std::vector<double> pcaErrors;        // rank 0..K
    std::vector<double> trackedRho;       // ρ/D of the tracked modes
    double bulkRho = 0.0;
    long bulkCount = 0;
    int K = 0;
    Eigen::MatrixXd eigenvectors;         // D × (up to 8, for images up to max(8, K)) leading eigenvectors, input basis
    aedyn::TrainingRule rule;             // how the network reconstructs (activation, tying)
    // Real images only (imageRows > 0): their shape and a few preprocessed test images (D × n).
    int imageRows = 0, imageCols = 0;
    Eigen::MatrixXd testImages;
    // Tied weights have no ODE: the theory drawn is then that of the same network with untied weights, a
    // comparison for the learning curve only (theory.md §8, figure 4a), and the other charts leave it out.
    bool theoryIsUntiedComparison = false;
};

struct SimulationPoint {
    std::size_t index = 0;
    // The error drawn: the mean over runs of the error on the held-out images for real images (mean.eps is then the
    // Gaussian-equivalent value), otherwise of the exact population error.
    double eps = 0.0;
    double epsSem = 0.0;
    std::vector<double> epsRuns;
    aedyn::Observables mean;
};

class CurveStore {
public:
    void resetTheory(const ExperimentSetup& setup);
    void resetSimulation(std::vector<double> times);  // the simulation's own grid
    void setTheory(std::size_t index, const aedyn::Observables& o);
    void setSimulation(const SimulationPoint& p);

    const ExperimentSetup& setup() const { return setup_; }
    const std::vector<std::optional<aedyn::Observables>>& theory() const { return theory_; }
    const std::vector<std::optional<SimulationPoint>>& simulation() const { return simulation_; }
    const std::vector<double>& simulationTimes() const { return simulationTimes_; }
    // The weights of the first SGD run at the latest grid time (only the latest: they are K×D each).
    const std::optional<aedyn::Weights>& firstRunWeights() const { return firstRun_; }
    void setFirstRunWeights(const aedyn::Weights& w)
    {
        firstRun_ = w;
        ++firstRunVersion_;
    }
    // Changes whenever new weights arrive or the simulation is reset, so a chart can skip redundant redraws.
    quint64 firstRunVersion() const { return firstRunVersion_; }
    // The latest simulation point, if any.
    const SimulationPoint* latestSimulation() const;
    const aedyn::Observables* latestTheory() const;

    // The parameters changed since these were computed: the curves stay, greyed, until replaced.
    bool theoryStale = false;
    bool simulationStale = false;

private:
    ExperimentSetup setup_;
    std::vector<std::optional<aedyn::Observables>> theory_;
    std::vector<std::optional<SimulationPoint>> simulation_;
    std::vector<double> simulationTimes_;
    std::optional<aedyn::Weights> firstRun_;
    quint64 firstRunVersion_ = 0;
    std::size_t latestSim_ = 0, latestTheory_ = 0;
    bool anySim_ = false, anyTheory_ = false;

};
