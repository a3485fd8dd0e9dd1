// ODE speed: the figure-2 theory to t = 1000 (spike + bulk); full spectra with K = 64 to t = 1000 — the figure-5d
// preset on FashionMNIST (784 modes, if installed) and a synthetic 1024-mode power law (CIFAR-10 size) — with the
// time to the first streamed point; and the reduced ODE to t = 10⁸. Target for the full spectra: under 1 s.
#include "Presets.h"
#include "Benchmarks.h"

#include "Experiment.h"
#include "ModeOde.h"
#include "ReducedOde.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <thread>

namespace aedyn::bench {

namespace {

using Clock = std::chrono::steady_clock;

double milliseconds(Clock::time_point since)
{
    return std::chrono::duration<double, std::milli>(Clock::now() - since).count();
}

// CPU time of the whole process (every thread), to tell a busy machine from a slow program.
double cpuSeconds() { return static_cast<double>(std::clock()) / CLOCKS_PER_SEC; }

// A synthetic image-like spectrum: ρ̃_i ∝ i^−1.3, normalised to Tr Ω/D = 1/4 as for FashionMNIST; random start.
ModeSpectrum powerLawSpectrum(int D)
{
    ModeSpectrum s;
    s.D = D;
    s.rho.resize(D);
    for (int i = 0; i < D; ++i)
        s.rho(i) = std::pow(i + 1.0, -1.3);
    s.rho *= 0.25 / s.rho.sum();
    return s;
}

ModeState randomStart(int D, int K)
{
    ModeState init;
    GaussianSampler rng(5);
    init.U.resize(D, K);
    init.Z.resize(D, K);
    rng.fillNormal(init.U.data(), init.U.size());
    rng.fillNormal(init.Z.data(), init.Z.size());
    init.U *= 0.1;
    init.Z *= 0.1 / std::sqrt(double(D));
    init.beta = Eigen::VectorXd::Zero(K);
    return init;
}

struct StreamTiming {
    double firstMs = 0, firstAfterZeroMs = 0, totalMs = 0, cpuMs = 0, eps = 0;
    long steps = 0, evaluations = 0;
    bool ok = true;
};

// The whole theory route after the data are loaded: integration with the error at every grid point, as
// Experiment::runTheory does it.
StreamTiming timeTheory(const ModeOde& ode, const ModeState& initial, const std::vector<double>& grid)
{
    StreamTiming r;
    const double cpu0 = cpuSeconds();
    const auto t0 = Clock::now();
    const OdeOutcome o = ode.integrate(initial, grid, [&](std::size_t i, const ModeState& st) {
        r.eps = ode.observables(st, grid[i]).eps;
        if (i == 0)
            r.firstMs = milliseconds(t0);
        if (i == 1)
            r.firstAfterZeroMs = milliseconds(t0);
        return true;
    });
    r.totalMs = milliseconds(t0);
    r.cpuMs = 1e3 * (cpuSeconds() - cpu0);
    r.ok = o.ok;
    r.steps = o.steps;
    r.evaluations = o.evaluations;
    return r;
}

void printTiming(const char* what, const StreamTiming& r)
{
    std::printf("%s: %.0f ms wall, %.0f ms CPU (target < 1000 ms wall); %ld steps, %ld right-hand sides; first "
                "point %.1f ms, first point after t = 0 %.1f ms; %s, eps(1000) = %.6f\n",
                what, r.totalMs, r.cpuMs, r.steps, r.evaluations, r.firstMs, r.firstAfterZeroMs,
                r.ok ? "ok" : "FAILED", r.eps);
}

} // namespace

void odeBenchmarks()
{
    std::printf("\n== ODE theory ==\n");
    {
        ExperimentConfig c = presetConfig("fig2-sequential");
        c.tMax = 1000;
        const Experiment e(c);
        double best = 1e300;
        for (int rep = 0; rep < 5; ++rep) {
            const auto t0 = Clock::now();
            e.runTheory([](std::size_t, const Observables&) {});
            best = std::min(best, milliseconds(t0));
        }
        std::printf("fig2-sequential theory to t = 1000 (%zu grid points, rtol %g): %.1f ms (best of 5)\n",
                    e.times().size(), c.rtol, best);
    }
    // Full spectra, K = 64, lr 5, to t = 1000 on the CLI's grid: the whole computation a "--no-sgd" run does after
    // loading the data (ODE, observables at every grid point).
    {
        ExperimentConfig c = presetConfig("fig5d-fashion-mnist");
        c.tMax = 1000;
        if (!std::filesystem::exists("/usr/share/datasets/fashion-mnist/train-images-idx3-ubyte.gz")) {
            std::printf("fig5d-fashion-mnist: skipped (install dataset-fashion-mnist)\n");
        } else {
            const Experiment x(c);
            const ModeOde ode(x.data().modes(), x.rule(), OdeTolerances{c.rtol, c.atol});
            const StreamTiming r = timeTheory(ode, modeStateFromWeights(x.data(), x.initialWeights()), x.times());
            char what[120];
            std::snprintf(what, sizeof what, "fig5d-fashion-mnist theory (784 modes, K = 64, truncated, rtol %g) to t = 1000",
                          c.rtol);
            printTiming(what, r);
            // As in the application, where an SGD run keeps one of the two cores busy: a thread that only spins.
            std::atomic<bool> busy{true};
            std::thread hog([&] {
                while (busy.load(std::memory_order_relaxed)) {
                }
            });
            const StreamTiming shared = timeTheory(ode, modeStateFromWeights(x.data(), x.initialWeights()), x.times());
            busy = false;
            hog.join();
            std::printf("the same beside a busy core: %.0f ms wall (%s)\n", shared.totalMs, shared.ok ? "ok" : "FAILED");
        }
    }
    {
        // At the tolerance of the image presets (fig6-cifar10 is this size).
        const int D = 1024, K = 64;
        const double rtol = presetConfig("fig6-cifar10").rtol;
        TrainingRule rule;
        rule.lr = 5;
        const ModeOde ode(powerLawSpectrum(D), rule, OdeTolerances{rtol, ExperimentConfig{}.atol});
        std::vector<double> grid;
        for (long long step : logStepGrid(D, 1000))
            grid.push_back(double(step) / D);
        char what[120];
        std::snprintf(what, sizeof what, "power law, 1024 modes, K = 64, vanilla, rtol %g, to t = 1000", rtol);
        printTiming(what, timeTheory(ode, randomStart(D, K), grid));
    }
    {
        std::vector<double> grid{0, 1e8};
        const auto t0 = Clock::now();
        integrateReducedOde(Activation::Erf, 1.0, 1.0, 0.0, 1.0, 1.0, grid);
        std::printf("reduced ODE to t = 1e8: %.0f ms\n", milliseconds(t0));
    }
}

} // namespace aedyn::bench
