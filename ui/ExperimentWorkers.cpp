#include "ExperimentWorkers.h"

#include "CostEstimate.h"
#include "Experiment.h"
#include "LongTimeContinuation.h"
#include "QueuedHandOver.h"

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
        const aedyn::RunSetup setup = aedyn::setupOf(e);
        queueHandOver([&] { emit setupReady(generation, setup); });
        // Tied weights have no ODE; the untied network on the same data is integrated instead, for comparison.
        std::optional<aedyn::Observables> last;
        const aedyn::RunOutcome r = e.runShownTheory(
            [&](std::size_t i, const aedyn::Observables& o) {
                last = o;
                const aedyn::Observables kept = aedyn::historyPoint(o);  // the GUI keeps no more
                queueHandOver([&] { emit pointReady(generation, i, kept); });
            },
            control.get());
        if (r.ok && last && e.hasTheory()) {
            const std::vector<aedyn::ReducedPoint> longTime = aedyn::continueToLongTimes(setup, *last, control.get());
            if (!longTime.empty())
                queueHandOver([&] { emit longTimeReady(generation, longTime); });
        }
        const QString failure = r.ok || r.cancelled ? QString() : QString::fromStdString(r.message);
        queueHandOver([&] { emit finished(generation, failure, timer.nsecsElapsed() / 1e6); });
    } catch (const std::exception& ex) {
        const QString failure = QString::fromStdString(ex.what());
        queueHandOver([&] { emit finished(generation, failure, timer.nsecsElapsed() / 1e6); });
    }
}

void SimulationWorker::run(const aedyn::ExperimentConfig& config, std::shared_ptr<aedyn::RunControl> control,
                           quint64 generation)
{
    try {
        const aedyn::Experiment e(config);
        const aedyn::RunSetup setup = aedyn::setupOf(e);
        queueHandOver([&] { emit setupReady(generation, setup); });
        const aedyn::RunOutcome r = e.runSimulation(
            [&](std::size_t i, const std::vector<aedyn::Observables>& runs, const aedyn::Weights& first) {
                const aedyn::SimulationPoint point = aedyn::simulationPointOf(i, runs);
                // The one copy of the weights, made here: the GUI thread keeps the shared copy as it is.
                const auto weights = std::make_shared<const aedyn::Weights>(first);
                queueHandOver([&] {
                    emit firstRunWeights(generation, i, weights);
                    emit pointReady(generation, point);
                });
            },
            [&](double t) { queueHandOver([&] { emit progress(generation, t); }); }, control.get());
        const QString failure = r.ok || r.cancelled ? QString() : QString::fromStdString(r.message);
        queueHandOver([&] { emit finished(generation, failure, r.cancelled); });
    } catch (const std::exception& ex) {
        const QString failure = QString::fromStdString(ex.what());
        queueHandOver([&] { emit finished(generation, failure, false); });
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
            queueHandOver([&] { emit estimated(generation, c.totalSeconds); });
    } catch (const std::exception&) {
        // The theory worker reports what is wrong with these parameters.
    }
}
