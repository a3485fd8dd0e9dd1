// ODE speed: the figure-2 theory to t = 1000 (spike + bulk), a full spectrum of 784 modes with K = 64 to t = 100
// (the FashionMNIST case), and the reduced ODE to t = 10⁸.
#include "Presets.h"
#include "Benchmarks.h"

#include "Experiment.h"
#include "ModeOde.h"
#include "ReducedOde.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>

namespace aedyn::bench {

namespace {

using Clock = std::chrono::steady_clock;

double milliseconds(Clock::time_point since)
{
    return std::chrono::duration<double, std::milli>(Clock::now() - since).count();
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
    {
        // A synthetic image-like spectrum: ρ̃_i ∝ i^−1.3, normalised to Tr Ω/D = 1/4 as for FashionMNIST.
        const int D = 784, K = 64;
        ModeSpectrum s;
        s.D = D;
        s.rho.resize(D);
        for (int i = 0; i < D; ++i)
            s.rho(i) = std::pow(i + 1.0, -1.3);
        s.rho *= 0.25 / s.rho.sum();
        ModeState init;
        GaussianSampler rng(5);
        init.U.resize(D, K);
        init.Z.resize(D, K);
        rng.fillNormal(init.U.data(), init.U.size());
        rng.fillNormal(init.Z.data(), init.Z.size());
        init.U *= 0.1;
        init.Z *= 0.1 / std::sqrt(double(D));
        init.beta = Eigen::VectorXd::Zero(K);
        TrainingRule rule;
        rule.lr = 5;
        const ModeOde ode(s, rule);
        std::vector<double> grid{0};
        for (int i = 0; i <= 60; ++i)
            grid.push_back(0.01 * std::pow(10.0, i / 15.0));
        double eps = 0;
        const auto t0 = Clock::now();
        const OdeOutcome r = ode.integrate(init, grid, [&](std::size_t i, const ModeState& st) {
            if (i + 1 == grid.size())
                eps = ode.observables(st, grid[i]).eps;
            return true;
        });
        std::printf("full spectrum D = 784, K = 64, lr 5, to t = 100: %.0f ms (%s, eps(100) = %.5f)\n",
                    milliseconds(t0), r.ok ? "ok" : r.message.c_str(), eps);
    }
    {
        std::vector<double> grid{0, 1e8};
        const auto t0 = Clock::now();
        integrateReducedOde(Activation::Erf, 1.0, 1.0, 0.0, 1.0, 1.0, grid);
        std::printf("reduced ODE to t = 1e8: %.0f ms\n", milliseconds(t0));
    }
}

} // namespace aedyn::bench
