#include "ExperimentWorkers.h"

#include "CostEstimate.h"
#include "Experiment.h"
#include "LongTimeContinuation.h"

#include <QElapsedTimer>

#include <optional>

void TheoryWorker::compute(const aedyn::ExperimentConfig& config, std::shared_ptr<aedyn::RunControl> control,
                           quint64 generation)
{
    if (control->stopRequested)
        return;  // already obsolete when it reached the front of the queue
    QElapsedTimer timer;
    timer.start();
    try {
        const aedyn::Experiment e(config);
        emit setupReady(generation, aedyn::setupOf(e));
        // Tied weights have no ODE; the untied network on the same data is integrated instead, for comparison.
        std::optional<aedyn::Experiment> untied;
        if (!e.hasTheory()) {
            aedyn::ExperimentConfig c = config;
            c.tied = false;
            untied.emplace(c);
        }
        std::optional<aedyn::Observables> last;
        const aedyn::RunOutcome r = (untied ? *untied : e).runTheory(
            [&](std::size_t i, const aedyn::Observables& o) {
                last = o;
                emit pointReady(generation, i, aedyn::historyPoint(o));  // the GUI keeps no more
            },
            control.get());
        if (r.ok && last && !untied) {
            std::vector<aedyn::ReducedPoint> longTime = aedyn::continueToLongTimes(aedyn::setupOf(e), *last, control.get());
            if (!longTime.empty())
                emit longTimeReady(generation, longTime);
        }
        emit finished(generation, r.ok || r.cancelled ? QString() : QString::fromStdString(r.message),
                      timer.nsecsElapsed() / 1e6);
    } catch (const std::exception& ex) {
        emit finished(generation, QString::fromStdString(ex.what()), timer.nsecsElapsed() / 1e6);
    }
}

void SimulationWorker::run(const aedyn::ExperimentConfig& config, std::shared_ptr<aedyn::RunControl> control,
                           quint64 generation)
{
    try {
        const aedyn::Experiment e(config);
        emit setupReady(generation, aedyn::setupOf(e));
        const aedyn::RunOutcome r = e.runSimulation(
            [&](std::size_t i, const std::vector<aedyn::Observables>& runs, const aedyn::Weights& first) {
                emit firstRunWeights(generation, first);
                emit pointReady(generation, aedyn::simulationPointOf(i, runs));
            },
            [&](double t) { emit progress(generation, t); }, control.get());
        emit finished(generation, r.ok || r.cancelled ? QString() : QString::fromStdString(r.message), r.cancelled);
    } catch (const std::exception& ex) {
        emit finished(generation, QString::fromStdString(ex.what()), false);
    }
}

void CostWorker::estimate(const aedyn::ExperimentConfig& config, std::shared_ptr<aedyn::RunControl> control,
                          quint64 generation)
{
    if (control->stopRequested)
        return;  // newer parameters are already waiting
    try {
        const aedyn::Experiment e(config);
        const aedyn::CostEstimate c = aedyn::estimateSimulationCost(e, 0, control.get());
        if (!control->stopRequested && c.totalSeconds > 0)
            emit estimated(generation, c.totalSeconds);
    } catch (const std::exception&) {
        // The theory worker reports what is wrong with these parameters.
    }
}
