#include "ExperimentWorkers.h"

#include "Experiment.h"
#include "ImageDataModel.h"

#include <QElapsedTimer>

#include <cmath>
#include <optional>

ExperimentSetup setupOf(const aedyn::Experiment& e)
{
    ExperimentSetup setup;
    setup.times = e.times();
    setup.pcaErrors = e.pcaErrors();
    const aedyn::ModeSpectrum& m = e.data().modes();
    setup.trackedRho.assign(m.rho.data(), m.rho.data() + m.rho.size());
    setup.bulkRho = m.bulkRho;
    setup.bulkCount = m.bulkCount;
    setup.K = e.config().K;
    const auto* images = dynamic_cast<const aedyn::ImageDataModel*>(&e.data());
    // Images need the first K eigenvectors too, for the rank-K PCA reconstruction beside the network's.
    const int wanted = images ? std::max(8, e.config().K) : 8;
    const int shown = static_cast<int>(std::min<Eigen::Index>(m.rho.size(), wanted));
    setup.eigenvectors.resize(e.data().dimension(), shown);
    for (int tau = 0; tau < shown; ++tau)
        setup.eigenvectors.col(tau) = e.data().eigenvector(tau);
    setup.rule = e.rule();
    if (images) {
        setup.imageRows = images->images().train.rows;
        setup.imageCols = images->images().train.cols;
        // Three test images of different classes (for FashionMNIST an ankle boot, a pullover, trousers).
        const auto& X = images->images().testInputs;
        const long picks[] = {0, 1, 2};
        for (long i : picks)
            if (i < X.rows()) {
                setup.testImages.conservativeResize(X.cols(), setup.testImages.cols() + 1);
                setup.testImages.col(setup.testImages.cols() - 1) = X.row(i).transpose();
            }
    }
    setup.theoryIsUntiedComparison = !e.hasTheory();
    return setup;
}

SimulationPoint simulationPointOf(std::size_t index, const std::vector<aedyn::Observables>& runs)
{
    SimulationPoint p;
    p.index = index;
    p.mean = aedyn::meanOverRuns(runs);
    for (const auto& o : runs)
        p.epsRuns.push_back(std::isfinite(o.testEps) ? o.testEps : o.eps);
    const aedyn::MeanSem ms = aedyn::meanSem(p.epsRuns);
    p.eps = ms.mean;
    p.epsSem = ms.sem;
    return p;
}

void TheoryWorker::compute(const aedyn::ExperimentConfig& config, std::shared_ptr<aedyn::RunControl> control,
                           quint64 generation)
{
    if (control->stopRequested)
        return;  // already obsolete when it reached the front of the queue
    QElapsedTimer timer;
    timer.start();
    try {
        const aedyn::Experiment e(config);
        ExperimentSetup setup = setupOf(e);
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
                emit pointReady(simulationPointOf(i, runs));
            },
            [&](double t) { emit progress(t); }, control.get());
        emit finished(r.ok || r.cancelled ? QString() : QString::fromStdString(r.message), r.cancelled);
    } catch (const std::exception& ex) {
        emit finished(QString::fromStdString(ex.what()), false);
    }
}
