#include "ExperimentWorkers.h"

#include "Experiment.h"

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
        ExperimentSetup setup;
        setup.times = e.times();
        setup.pcaErrors = e.pcaErrors();
        const aedyn::ModeSpectrum& m = e.data().modes();
        setup.trackedRho.assign(m.rho.data(), m.rho.data() + m.rho.size());
        setup.bulkRho = m.bulkRho;
        setup.bulkCount = m.bulkCount;
        setup.K = config.K;
        const int shown = static_cast<int>(std::min<Eigen::Index>(m.rho.size(), 8));
        setup.eigenvectors.resize(e.data().dimension(), shown);
        for (int tau = 0; tau < shown; ++tau)
            setup.eigenvectors.col(tau) = e.data().eigenvector(tau);
        setup.theoryIsUntiedComparison = !e.hasTheory();
        emit setupReady(generation, setup);
        // Tied weights have no ODE; the untied network on the same data is integrated instead, for comparison.
        std::optional<aedyn::Experiment> untied;
        if (!e.hasTheory()) {
            aedyn::ExperimentConfig c = config;
            c.tied = false;
            untied.emplace(c);
        }
        const aedyn::RunOutcome r = (untied ? *untied : e).runTheory(
            [&](std::size_t i, const aedyn::Observables& o) { emit pointReady(generation, i, o); }, control.get());
        emit finished(generation, r.ok || r.cancelled ? QString() : QString::fromStdString(r.message),
                      timer.nsecsElapsed() / 1e6);
    } catch (const std::exception& ex) {
        emit finished(generation, QString::fromStdString(ex.what()), timer.nsecsElapsed() / 1e6);
    }
}

void SimulationWorker::run(const aedyn::ExperimentConfig& config, std::shared_ptr<aedyn::RunControl> control)
{
    try {
        const aedyn::Experiment e(config);
        const aedyn::RunOutcome r = e.runSimulation(
            [&](std::size_t i, const std::vector<aedyn::Observables>& runs, const aedyn::Weights& first) {
                emit firstRunWeights(first);
                SimulationPoint p;
                p.index = i;
                p.mean = aedyn::meanOverRuns(runs);
                for (const auto& o : runs)
                    p.epsRuns.push_back(o.eps);
                p.epsSem = aedyn::meanSem(p.epsRuns).sem;
                emit pointReady(p);
            },
            [&](double t) { emit progress(t); }, control.get());
        emit finished(r.ok || r.cancelled ? QString() : QString::fromStdString(r.message), r.cancelled);
    } catch (const std::exception& ex) {
        emit finished(QString::fromStdString(ex.what()), false);
    }
}
