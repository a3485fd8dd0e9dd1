#include "SgdEnsemble.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <mutex>
#include <sstream>
#include <thread>

namespace aedyn {

struct SgdEnsemble::Impl {
    const DataModel& data;
    std::vector<OnlineSgd> runs;
    std::vector<GaussianSampler> samplers;
    std::vector<std::vector<double>> inputs;
    int threads = 1;
    long long step = 0;
    std::string divergence;
    double divergenceTime = 0.0;

    Impl(const DataModel& d)
        : data(d)
    {
    }

    // Weights that are non-finite or absurdly large mean the run has left any sensible trajectory (§3.11).
    static bool healthy(const Weights& w)
    {
        constexpr double limit = 1e8;
        return w.allFinite() && w.W.cwiseAbs().maxCoeff() < limit && w.V.cwiseAbs().maxCoeff() < limit &&
               (w.beta.size() == 0 || w.beta.cwiseAbs().maxCoeff() < limit);
    }
};

SgdEnsemble::SgdEnsemble(const DataModel& data, const TrainingRule& rule, const Weights& initial, int runs,
                         std::uint64_t seed, int threads)
    : d_(std::make_unique<Impl>(data))
{
    data.prepareToDraw();
    for (int r = 0; r < runs; ++r) {
        d_->runs.emplace_back(rule, initial);
        d_->samplers.emplace_back(seed, static_cast<std::uint64_t>(r));
        d_->inputs.emplace_back(data.dimension());
    }
    const int cores = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    d_->threads = std::clamp(threads > 0 ? threads : cores, 1, std::max(1, runs));
}

SgdEnsemble::~SgdEnsemble() = default;

int SgdEnsemble::runs() const { return static_cast<int>(d_->runs.size()); }
long long SgdEnsemble::step() const { return d_->step; }
const Weights& SgdEnsemble::weights(int run) const { return d_->runs.at(run).weights(); }
const std::string& SgdEnsemble::divergence() const { return d_->divergence; }
double SgdEnsemble::divergenceTime() const { return d_->divergenceTime; }

bool SgdEnsemble::advanceTo(long long target, const RunControl* control)
{
    Impl& d = *d_;
    if (!d.divergence.empty())
        return false;
    const long long from = d.step;
    const double D = d.data.dimension();
    // Steps between stop/pause polls: about a million multiply-adds of work (well under 10 ms) whatever D and K
    // are; a fixed count would mean 100 ms or more between polls at D = 10⁴, K = 64 (a poll costs a few ns).
    const long long K = d.runs.empty() ? 1 : d.runs.front().weights().K();
    const long long kPoll = std::clamp<long long>((1LL << 20) / (static_cast<long long>(D) * (K + 2)), 1, 256);
    constexpr long long kHealth = 4096;    // steps between divergence checks
    std::atomic<bool> stopped{false};
    std::mutex mutex;
    long long firstBad = -1;

    // Run r is advanced by one thread only, and draws from its own stream: results do not depend on threads.
    auto work = [&](int first) {
        for (std::size_t r = first; r < d.runs.size(); r += d.threads) {
            OnlineSgd& sgd = d.runs[r];
            GaussianSampler& rng = d.samplers[r];
            double* x = d.inputs[r].data();
            for (long long s = from; s < target; ++s) {
                if ((s - from) % kPoll == 0 && control && !control->proceed()) {
                    stopped = true;
                    return;
                }
                d.data.draw(rng, x);
                sgd.step(x);
                if (((s + 1) % kHealth == 0 || s + 1 == target) && !Impl::healthy(sgd.weights())) {
                    const std::lock_guard lock(mutex);
                    if (firstBad < 0 || s + 1 < firstBad)
                        firstBad = s + 1;
                    break;
                }
            }
        }
    };
    std::vector<std::thread> pool;
    for (int t = 1; t < d.threads; ++t)
        pool.emplace_back(work, t);
    work(0);
    for (std::thread& t : pool)
        t.join();

    if (firstBad >= 0) {
        d.divergenceTime = firstBad / D;
        std::ostringstream msg;
        msg.precision(4);
        msg << "diverged at t = " << d.divergenceTime << " (learning rate too large?)";
        d.divergence = msg.str();
        return false;
    }
    if (stopped)
        return false;
    d.step = target;
    return true;
}

} // namespace aedyn
