// SGD speed: steps per second for D ∈ {100, 1000, 10000}, K ∈ {3, 64}, runs ∈ {1, 8}, and the cost of drawing
// inputs alone (the dominant part of a step at small K).
#include "Benchmarks.h"

#include "Initialisation.h"
#include "SgdEnsemble.h"
#include "SpikedModel.h"

#include <chrono>
#include <cstdio>
#include <vector>

namespace aedyn::bench {

namespace {

using Clock = std::chrono::steady_clock;

double seconds(Clock::time_point since) { return std::chrono::duration<double>(Clock::now() - since).count(); }

} // namespace

void sgdBenchmarks()
{
    std::printf("\n== Online SGD (erf, vanilla, spiked model M = 3) ==\n");
    {
        const SpikedModel data(1000, {3, 5, 9}, 1.0, RowKind::Random, true, 1);
        GaussianSampler rng(1);
        std::vector<double> x(1000);
        const int n = 200000;
        auto t0 = Clock::now();
        for (int i = 0; i < n; ++i)
            rng.fillNormal(x.data(), x.size());
        const double perNormal = seconds(t0) / (double(n) * 1000) * 1e9;
        t0 = Clock::now();
        for (int i = 0; i < n; ++i)
            data.draw(rng, x.data());
        std::printf("input draw, D = 1000: %.0f ns per input, %.2f ns per normal number\n", seconds(t0) / n * 1e9,
                    perNormal);
    }
    std::printf("%7s %4s %5s %8s %14s %12s %14s\n", "D", "K", "runs", "threads", "steps/s (all)", "ns/step",
                "steps/s/run");
    TrainingRule rule;
    for (int D : {100, 1000, 10000})
        for (int K : {3, 64})
            for (int runs : {1, 8}) {
                const SpikedModel data(D, {3, 5, 9}, 1.0, RowKind::Random, true, 1);
                const Weights w0 = makeInitialWeights(data, rule, K, InitKind::Random, 0.1, 0.0, 2);
                SgdEnsemble ensemble(data, rule, w0, runs, 3);
                // About half a second of work per case.
                long long steps = 2000;
                auto t0 = Clock::now();
                ensemble.advanceTo(steps);
                const double first = seconds(t0);
                steps = std::max(2000LL, static_cast<long long>(steps * 0.5 / std::max(first, 1e-6)));
                t0 = Clock::now();
                ensemble.advanceTo(ensemble.step() + steps);
                const double s = seconds(t0);
                const double total = steps * runs / s;
                const int threads = std::min(runs, static_cast<int>(std::thread::hardware_concurrency()));
                std::printf("%7d %4d %5d %8d %14.0f %12.0f %14.0f\n", D, K, runs, threads, total, 1e9 / total * threads,
                            steps / s);
            }
}

} // namespace aedyn::bench
