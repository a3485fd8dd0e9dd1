#include "RunResults.h"

#include "Experiment.h"
#include "ImageDataModel.h"

#include <algorithm>
#include <cmath>

namespace aedyn {

RunSetup setupOf(const Experiment& e)
{
    RunSetup setup;
    setup.config = e.config();
    setup.times = e.times();
    setup.pcaErrors = e.pcaErrors();
    const ModeSpectrum& m = e.data().modes();
    setup.trackedRho.assign(m.rho.data(), m.rho.data() + m.rho.size());
    setup.bulkRho = m.bulkRho;
    setup.bulkCount = m.bulkCount;
    setup.K = e.config().K;
    setup.D = e.data().dimension();
    const auto* images = dynamic_cast<const ImageDataModel*>(&e.data());
    // Images need the first K eigenvectors too, for the rank-K PCA reconstruction beside the network's.
    const int wanted = images ? std::max(8, e.config().K) : 8;
    const int shown = static_cast<int>(std::min<Eigen::Index>(m.rho.size(), wanted));
    setup.eigenvectors.resize(e.data().dimension(), shown);
    for (int tau = 0; tau < shown; ++tau)
        setup.eigenvectors.col(tau) = e.data().eigenvector(tau);
    setup.rule = e.rule();
    setup.inEigenbasis = e.data().inEigenbasis();
    if (images) {
        setup.imageRows = images->images().rows;
        setup.imageCols = images->images().cols;
        // Three test images of different classes (for FashionMNIST an ankle boot, a pullover, trousers).
        const ImageDataset& set = images->images();
        for (long i = 0; i < std::min<long>(3, set.test.count); ++i) {
            setup.testImages.conservativeResize(set.D(), setup.testImages.cols() + 1);
            setup.testImages.col(setup.testImages.cols() - 1) = set.testInput(i);
        }
    }
    setup.theoryIsUntiedComparison = !e.hasTheory();
    return setup;
}

SimulationPoint simulationPointOf(std::size_t index, const std::vector<Observables>& runs)
{
    SimulationPoint p;
    p.index = index;
    p.mean = historyPoint(meanOverRuns(runs));
    for (const auto& o : runs)
        p.epsRuns.push_back(std::isfinite(o.testEps) ? o.testEps : o.eps);
    const MeanSem ms = meanSem(p.epsRuns);
    p.eps = ms.mean;
    p.epsSem = ms.sem;
    return p;
}

void RunResults::resetTheory(const RunSetup& setup)
{
    theorySetup_ = setup;
    theory_.assign(setup.times.size(), std::nullopt);
    longTime_.clear();
    anyTheory_ = false;
    theoryStale = false;
}

void RunResults::resetSimulation(const RunSetup& setup)
{
    simulationSetup_ = setup;
    simulation_.assign(setup.times.size(), std::nullopt);
    kept_.clear();
    keptStride_ = 1;
    ++firstRunVersion_;
    anySim_ = false;
    simulationStale = false;
}

void RunResults::clearSimulation() { resetSimulation(RunSetup{}); }

void RunResults::setTheory(std::size_t index, const Observables& o)
{
    if (index >= theory_.size())
        return;
    theory_[index] = historyPoint(o);
    latestTheory_ = index;
    anyTheory_ = true;
}

void RunResults::setSimulation(const SimulationPoint& p)
{
    if (p.index >= simulation_.size())
        return;
    simulation_[p.index] = p;
    latestSim_ = p.index;
    anySim_ = true;
}

void RunResults::setFirstRunWeights(std::size_t index, std::shared_ptr<const Weights> w)
{
    // The previous latest goes unless it is on the stride.
    if (!kept_.empty() && kept_.back().index % keptStride_ != 0)
        kept_.pop_back();
    const double t = index < simulationSetup_.times.size() ? simulationSetup_.times[index] : 0.0;
    const std::size_t bytes = sizeof(double) * std::size_t(w->W.size() + w->V.size() + w->beta.size());
    kept_.push_back({index, t, std::move(w)});
    while (kept_.size() > 1 && kept_.size() * bytes > kKeptWeightsBytes) {
        keptStride_ *= 2;
        if (keptStride_ > simulationSetup_.times.size())
            kept_.erase(kept_.begin(), kept_.end() - 1);
        else
            kept_.erase(std::remove_if(kept_.begin(), kept_.end() - 1,
                                       [&](const KeptWeights& k) { return k.index % keptStride_ != 0; }),
                        kept_.end() - 1);
    }
    ++firstRunVersion_;
}

const KeptWeights* RunResults::shownWeights() const
{
    if (kept_.empty())
        return nullptr;
    if (!cursor)
        return &kept_.back();
    // The grid index of the cursor's time, then the kept index nearest it: the grid is log-spaced.
    const auto& times = simulationSetup_.times;
    const std::size_t at = static_cast<std::size_t>(
        std::max<std::ptrdiff_t>(0, std::upper_bound(times.begin(), times.end(), *cursor * (1 + 1e-12)) - times.begin() - 1));
    const KeptWeights* best = &kept_.front();
    for (const KeptWeights& k : kept_)
        if ((k.index > at ? k.index - at : at - k.index) < (best->index > at ? best->index - at : at - best->index))
            best = &k;
    return best;
}

const SimulationPoint* RunResults::latestSimulation() const { return anySim_ ? &*simulation_[latestSim_] : nullptr; }

const Observables* RunResults::latestTheory() const { return anyTheory_ ? &*theory_[latestTheory_] : nullptr; }

} // namespace aedyn
