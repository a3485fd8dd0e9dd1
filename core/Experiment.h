#pragma once
// One experiment: the data model, the initial weights, the time grid, and the two routes to the learning curve —
// the SGD simulation (several runs) and the ODE theory — started from the very same weights.
#include "DataModel.h"
#include "ExperimentConfig.h"
#include "ModeOde.h"
#include "Observables.h"
#include "RunControl.h"
#include "Weights.h"

#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace aedyn {

// t = 0, then log-spaced times (pointsPerDecade per decade) from 1/D·max(1, D/100) up to tMax, each a whole
// number of steps, duplicates removed; tMax is always the last point.
std::vector<long long> logStepGrid(int D, double tMax, int pointsPerDecade = 24);

struct RunOutcome {
    bool ok = true;
    bool cancelled = false;
    double tStop = 0.0;
    std::string message;  // "diverged at t = 12.5 (learning rate too large? lr = 5000)", "integration failed at t = …",
                          // "the theory produced non-finite values at t = …"
};

// Initial weights or biases whose scale (‖w_k‖/√D, ‖v_k‖/√D, |β_k|) reaches this are named as a divergence's cause.
constexpr double kHugeInitialScale = 1e3;

// The likely cause of an SGD divergence, from the configuration and the initial weights, for the message
// "diverged at t = … (<cause>)": weight decay wd ≥ D, huge initial biases or weights (then "…, not the learning
// rate"), else "learning rate too large? lr = …". atStart: the error was already out of range at t = 0.
std::string divergenceCause(const ExperimentConfig& c, const Weights& initial, bool atStart);
// The likely cause of non-finite values in the theory route, for "the theory produced non-finite values at t = …".
std::string nonFiniteCause(const ExperimentConfig& c);

// Mean and standard error of the mean over runs.
struct MeanSem {
    double mean = 0.0, sem = 0.0;
};
MeanSem meanSem(const std::vector<double>& values);

class Experiment {
public:
    // Validates and builds everything; throws ConfigError naming the problem.
    explicit Experiment(ExperimentConfig config);
    ~Experiment();

    const ExperimentConfig& config() const { return config_; }
    const DataModel& data() const { return *data_; }
    const TrainingRule& rule() const { return rule_; }
    const Weights& initialWeights() const { return initial_; }
    const std::vector<long long>& steps() const { return steps_; }
    const std::vector<double>& times() const { return times_; }
    std::vector<double> pcaErrors() const;  // ε_PCA(0..K)

    bool hasTheory() const;                 // false for tied weights (simulation only)
    std::string theoryUnavailableReason() const;

    // Seeds derived from config().seed (written to run.json).
    std::uint64_t dataSeed() const;  // rows of the spiked model
    std::uint64_t initSeed() const;  // initial weights
    std::uint64_t streamSeed() const;  // data streams; run r uses stream r

    using TheoryCallback = std::function<void(std::size_t gridIndex, const Observables&)>;
    RunOutcome runTheory(const TheoryCallback& onPoint, const RunControl* control = nullptr) const;
    // The theory the charts and curves.csv show (RunSetup::theoryIsUntiedComparison): runTheory, or for tied weights,
    // which have none, the ODE of the same network untied, on the same data from the same seed, for comparison.
    RunOutcome runShownTheory(const TheoryCallback& onPoint, const RunControl* control = nullptr) const;

    using SimulationCallback =
        std::function<void(std::size_t gridIndex, const std::vector<Observables>& perRun, const Weights& firstRun)>;
    using ProgressCallback = std::function<void(double t)>;
    // onProgress is called about every 50 ms of work with the current time.
    RunOutcome runSimulation(const SimulationCallback& onPoint, const ProgressCallback& onProgress = {},
                             const RunControl* control = nullptr, int threads = 0) const;

private:
    ExperimentConfig config_;
    std::unique_ptr<DataModel> data_;
    TrainingRule rule_;
    Weights initial_;
    std::vector<long long> steps_;
    std::vector<double> times_;
};

} // namespace aedyn
