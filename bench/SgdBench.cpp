// SGD speed: steps per second for D ∈ {100, 1000, 10000}, K ∈ {3, 64}, runs ∈ {1, 8}, the cost of drawing
// inputs alone (the dominant part of a step at small K), and AEDyn's step rate against "the floor" at D = 1000,
// K = 3: D normal numbers and the bare vanilla update written out plainly here (target ratio ≥ 0.85).
#include "Benchmarks.h"

#include "Initialisation.h"
#include "SgdEnsemble.h"
#include "SpikedModel.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <thread>
#include <vector>

namespace aedyn::bench {

namespace {

using Clock = std::chrono::steady_clock;

double seconds(Clock::time_point since) { return std::chrono::duration<double>(Clock::now() - since).count(); }

// CPU time of the calling thread: the floor comparison runs on one thread, and CPU time is far less disturbed than
// wall time when other processes share the cores.
double threadCpuSeconds()
{
    timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return ts.tv_sec + 1e-9 * ts.tv_nsec;
}

// The floor: what any implementation of a vanilla erf step must do at least — draw D normal numbers, then
// λ = W x/√D, δ = x − Vᵀg, μ = V δ/D, and the encoder and decoder updates fused in one pass. Plain loops over
// rows of W and V, K fixed at compile time; sums over i keep four partial sums (lanes) so that the compiler can
// vectorise them, as it does the update pass. Returns steps per second.
template <int K>
double floorStepRate(int D, long long steps)
{
    constexpr int L = 4;
    GaussianSampler rng(1);
    std::vector<double> x(D), delta(D), W(K * std::size_t(D)), V(K * std::size_t(D));
    rng.fillNormal(W.data(), W.size());
    rng.fillNormal(V.data(), V.size());
    for (double& v : W)
        v *= 0.1;
    for (double& v : V)
        v *= 0.1;
    const double eta = 1.0, sqrtD = std::sqrt(double(D));
    const int blocked = D / L * L;
    const double t0 = threadCpuSeconds();
    for (long long s = 0; s < steps; ++s) {
        rng.fillNormal(x.data(), D);
        double lam[K][L] = {}, g[K], gp[K], mu[K][L] = {}, cw[K], cv[K];
        for (int i = 0; i < blocked; i += L)
            for (int k = 0; k < K; ++k)
                for (int j = 0; j < L; ++j)
                    lam[k][j] += W[k * D + i + j] * x[i + j];
        for (int i = blocked; i < D; ++i)
            for (int k = 0; k < K; ++k)
                lam[k][0] += W[k * D + i] * x[i];
        for (int k = 0; k < K; ++k) {
            const double l = (lam[k][0] + lam[k][1] + lam[k][2] + lam[k][3]) / sqrtD;
            g[k] = std::erf(l / std::sqrt(2.0));
            gp[k] = std::sqrt(2.0 / 3.14159265358979323846) * std::exp(-0.5 * l * l);
        }
        for (int i = 0; i < blocked; i += L) {
            double d[L];
            for (int j = 0; j < L; ++j)
                d[j] = x[i + j];
            for (int k = 0; k < K; ++k)
                for (int j = 0; j < L; ++j)
                    d[j] -= V[k * D + i + j] * g[k];
            for (int j = 0; j < L; ++j)
                delta[i + j] = d[j];
            for (int k = 0; k < K; ++k)
                for (int j = 0; j < L; ++j)
                    mu[k][j] += V[k * D + i + j] * d[j];
        }
        for (int i = blocked; i < D; ++i) {
            double d = x[i];
            for (int k = 0; k < K; ++k)
                d -= V[k * D + i] * g[k];
            delta[i] = d;
            for (int k = 0; k < K; ++k)
                mu[k][0] += V[k * D + i] * d;
        }
        for (int k = 0; k < K; ++k) {
            cw[k] = eta / (D * sqrtD) * (mu[k][0] + mu[k][1] + mu[k][2] + mu[k][3]) / D * gp[k];
            cv[k] = eta / D * g[k];
        }
        for (int k = 0; k < K; ++k)
            for (int i = 0; i < D; ++i) {
                W[k * D + i] += cw[k] * x[i];
                V[k * D + i] += cv[k] * delta[i];
            }
    }
    const double rate = steps / (threadCpuSeconds() - t0);
    if (!std::isfinite(W[0] + V[0]))
        std::printf("(floor diverged)\n");
    return rate;
}

// AEDyn's own step rate: one run, one thread, inputs from the spiked model (M = 3).
double aedynStepRate(int D, int K, long long steps)
{
    TrainingRule rule;
    const SpikedModel data(D, {3, 5, 9}, 1.0, RowKind::Random, true, 1);
    const Weights w0 = makeInitialWeights(data, rule, K, InitKind::Random, 0.1, 0.0, 2);
    SgdEnsemble ensemble(data, rule, w0, 1, 3, 1);  // one thread: the run is advanced on this thread
    const double t0 = threadCpuSeconds();
    ensemble.advanceTo(steps);
    return steps / (threadCpuSeconds() - t0);
}

} // namespace

void sgdFloorBenchmark()
{
    std::printf("\n== Online SGD against the floor (D = 1000, K = 3, erf, vanilla, one thread) ==\n");
    const int D = 1000;
    const long long steps = 200000;
    // Interleaved repetitions, best of each, in thread CPU time: another process on the machine hurts both alike.
    double floor = 0, aedyn = 0;
    for (int rep = 0; rep < 3; ++rep) {
        floor = std::max(floor, floorStepRate<3>(D, steps));
        aedyn = std::max(aedyn, aedynStepRate(D, 3, steps));
    }
    std::printf("floor (D normals + fused update): %.0f steps/s (%.0f ns/step CPU)\n", floor, 1e9 / floor);
    std::printf("AEDyn (spiked model, OnlineSgd):  %.0f steps/s (%.0f ns/step CPU)\n", aedyn, 1e9 / aedyn);
    std::printf("ratio AEDyn / floor: %.2f (target >= 0.85)\n", aedyn / floor);
}

void sgdBenchmarks()
{
    sgdFloorBenchmark();
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
