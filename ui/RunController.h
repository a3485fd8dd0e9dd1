#pragma once
// Runs the science for the window: the theory and simulation workers on their threads, the generations that drop
// answers to obsolete requests, cancellation and pause, and the results model they fill. The window asks (theory
// for these parameters, run, pause, stop, clear) and redraws when told; it never recomputes what a worker owns
// (the simulation grid and D come from the worker's setup).
#include "ExperimentConfig.h"
#include "RunControl.h"
#include "ProgressRate.h"
#include "RunResults.h"

#include <QElapsedTimer>
#include <QObject>
#include <QThread>

#include <map>
#include <memory>
#include <optional>

class CostWorker;
class SimulationWorker;
class TheoryWorker;

class RunController : public QObject {
    Q_OBJECT
public:
    explicit RunController(QObject* parent = nullptr);
    ~RunController() override;

    const aedyn::RunResults& results() const { return results_; }

    // Starts the theory of `config`; a running integration of older parameters is stopped and its answers dropped.
    void requestTheory(const aedyn::ExperimentConfig& config);
    // Starts the SGD simulation of `config` (ignored while one runs).
    void run(const aedyn::ExperimentConfig& config);
    void togglePause();
    void stop();
    // Stops any run and forgets its points: the charts show no simulation until the next Run.
    void clearSimulation();
    // Stops every worker and waits for it (the window is closing).
    void shutDown();

    // The parameters behind the drawn curves: the theory's (once its setup arrived) and the last Run's.
    const std::optional<aedyn::ExperimentConfig>& theoryConfig() const { return theoryConfig_; }
    const std::optional<aedyn::ExperimentConfig>& simulationConfig() const { return simulationConfig_; }
    const std::optional<aedyn::ExperimentConfig>& requestedTheory() const { return requestedTheory_; }
    // Greys what differs from `current` (nothing is current when the panel holds an invalid value).
    void markStale(const std::optional<aedyn::ExperimentConfig>& current);

    bool running() const { return running_; }
    bool paused() const { return running_ && control_ && control_->paused; }
    double progressTime() const { return progressT_; }
    double progressFraction() const;
    // "t = 12.3 / 1000 · ETA 1:02 · paused"
    QString progressText() const;
    // "4 SGD runs · ODE 5 ms"
    QString routesText() const;
    // The estimated wall time of a Run with the parameters of the last theory request (0 until measured).
    double estimatedSeconds() const { return estimate_; }
    QString theoryMessage() const { return theoryMessage_; }
    QString simulationMessage() const { return simulationMessage_; }
    // The theory drawn is complete and belongs to `current`.
    bool theoryUpToDate(const std::optional<aedyn::ExperimentConfig>& current) const;

    // The time cursor shared by the panels (empty: the latest points).
    void setCursor(std::optional<double> t) { results_.cursor = t; }
    // Computes the learning curve of a pinned run's parameters on a worker of its own; points arrive by pinPoint.
    void computePinTheory(int pin, const aedyn::ExperimentConfig& config);
    void forgetPinTheories();

signals:
    void resultsChanged();     // new points or setups: the charts need a repaint
    void statusChanged();      // progress, routes, messages or run state
    void theorySetupArrived(const aedyn::RunSetup& setup);
    void simulationFinished(); // the simulation worker has returned (finished, stopped or failed)
    void pinPoint(int pin, double t, double eps);
    void estimateChanged();

private:
    void applyStaleness();
    void showTheoryProgress(double t);  // the route text of a theory under way
    void estimateCost();                // of the parameters waiting in costPending_, if any

    aedyn::RunResults results_;
    std::optional<aedyn::ExperimentConfig> current_;  // the panel's parameters, as last given to markStale
    QThread theoryThread_, simulationThread_, pinThread_;
    TheoryWorker* theoryWorker_;
    SimulationWorker* simulationWorker_;
    TheoryWorker* pinWorker_;
    CostWorker* costWorker_;
    QThread costThread_;
    std::shared_ptr<aedyn::RunControl> costControl_;
    // Measured once the theory's first point is out (or the theory has ended): on two cores the measurement's
    // burst of SGD, and its reading of the training images, delayed that point.
    std::optional<aedyn::ExperimentConfig> costPending_;
    quint64 costGeneration_ = 0;
    double estimate_ = 0.0;     // seconds, for the parameters last requested
    double runEstimate_ = 0.0;  // seconds, for the run under way
    std::shared_ptr<aedyn::RunControl> theoryControl_, control_;
    quint64 theoryGeneration_ = 0, simulationGeneration_ = 0, pinGeneration_ = 0;
    std::map<quint64, int> pinOfGeneration_;
    bool setupArrived_ = false;
    std::optional<aedyn::ExperimentConfig> requestedTheory_, theoryConfig_, simulationConfig_;
    QString theoryMessage_, simulationMessage_, theoryRoute_, simulationRoute_, runState_;
    bool running_ = false;
    double tMax_ = 0.0, progressT_ = 0.0;
    QElapsedTimer runClock_, pauseClock_;
    qint64 pausedMs_ = 0;
    aedyn::ProgressRate pace_;  // of the simulation, for the ETA
    // The theory's own progress, shown once it has taken a second (a theory of many units or a long t_max).
    QElapsedTimer theoryClock_;
    aedyn::ProgressRate theoryPace_;
    double theoryTMax_ = 0.0;
};
