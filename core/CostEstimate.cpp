#include "CostEstimate.h"

#include "Experiment.h"
#include "SgdEnsemble.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <thread>

namespace aedyn {

CostEstimate estimateSimulationCost(const Experiment& e, int threads, const RunControl* control)
{
    using Clock = std::chrono::steady_clock;
    SgdEnsemble burst(e.data(), e.rule(), e.initialWeights(), 1, e.streamSeed(), 1);
    // Doubling bursts until about 20 ms: long enough to time, short enough to run on every keystroke.
    long long steps = 8;
    const auto start = Clock::now();
    double elapsed = 0.0;
    while (elapsed < 0.02 && burst.advanceTo(burst.step() + steps, control)) {
        elapsed = std::chrono::duration<double>(Clock::now() - start).count();
        steps *= 2;
    }
    CostEstimate c;
    if (burst.step() == 0)
        return c;
    c.secondsPerStep = elapsed / static_cast<double>(burst.step());
    const int cores = threads > 0 ? threads : std::max(1u, std::thread::hardware_concurrency());
    const int runs = e.config().runs;
    // Runs advance together, as many at a time as there are cores.
    const double waves = std::ceil(static_cast<double>(runs) / std::min(runs, cores));
    c.totalSeconds = c.secondsPerStep * e.config().tMax * e.config().D * waves;
    return c;
}

std::string formatDuration(double seconds)
{
    const long s = std::lround(seconds);
    if (s < 60)
        return std::to_string(std::max(1L, s)) + " s";
    if (s < 3600)
        return std::to_string(std::lround(seconds / 60)) + " min";
    const long minutes = std::lround(seconds / 60);
    return std::to_string(minutes / 60) + " h " + std::to_string(minutes % 60) + " min";
}

} // namespace aedyn
