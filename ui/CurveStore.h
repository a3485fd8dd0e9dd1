#pragma once
// Everything the charts draw, gathered on the GUI thread from the workers' queued signals: the grid, the PCA
// levels, the spectrum, and theory and simulation observables per grid point (empty until computed).
#include "Observables.h"

#include <QString>

#include <optional>
#include <vector>

struct ExperimentSetup {
    std::vector<double> times;
    std::vector<double> pcaErrors;        // rank 0..K
    std::vector<double> trackedRho;       // ρ/D of the tracked modes
    double bulkRho = 0.0;
    long bulkCount = 0;
    int K = 0;
    bool hasTheory = true;
    QString theoryNote;                   // why there is no theory curve, if there is none
};

struct SimulationPoint {
    std::size_t index = 0;
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
    // The latest simulation point, if any.
    const SimulationPoint* latestSimulation() const;
    const aedyn::Observables* latestTheory() const;

    bool simulationStale = false;  // parameters changed since the simulation ran

private:
    ExperimentSetup setup_;
    std::vector<std::optional<aedyn::Observables>> theory_;
    std::vector<std::optional<SimulationPoint>> simulation_;
    std::vector<double> simulationTimes_;
    std::size_t latestSim_ = 0, latestTheory_ = 0;
    bool anySim_ = false, anyTheory_ = false;

};
