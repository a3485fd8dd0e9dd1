// Sweep speed: the theory of a figure-2 sweep (8 × 8 grid over lr and sigma, to t = 1000), each point as
// `aedyn-cli sweep` runs it apart from the files — the experiment built from the expanded config, the ODE streamed
// into the results model and curves.csv written to memory — with points in parallel on every core.
#include "Benchmarks.h"

#include "CurveTable.h"
#include "Experiment.h"
#include "RunResults.h"
#include "SweepSpec.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <sstream>
#include <thread>

namespace aedyn::bench {

void sweepBenchmarks()
{
    std::printf("\n== Sweep ==\n");
    const SweepSpec spec = parseSweepSpec("base = fig2-sequential\n"
                                          "set t_max = 1000\n"
                                          "sweep lr = lin 0.25 2 8\n"
                                          "sweep sigma = lin 0.25 2 8\n");
    const std::vector<SweepPoint> points = expandSweep(spec, presetBaseConfig(spec));
    const int cores = std::max(1, static_cast<int>(std::thread::hardware_concurrency()));
    std::atomic<std::size_t> next{0}, failed{0}, bytes{0};
    const auto t0 = std::chrono::steady_clock::now();
    auto work = [&] {
        for (std::size_t i; (i = next.fetch_add(1)) < points.size();) {
            const Experiment e(points[i].config);
            RunResults results;
            results.resetTheory(setupOf(e));
            results.resetSimulation(setupOf(e));
            const RunOutcome o =
                e.runTheory([&](std::size_t j, const Observables& ob) { results.setTheory(j, ob); });
            if (!o.ok)
                failed.fetch_add(1);
            std::ostringstream csv;
            CurveTable(results).writeCsv(csv);
            bytes.fetch_add(csv.str().size());
        }
    };
    std::vector<std::thread> workers;
    for (int w = 1; w < cores; ++w)
        workers.emplace_back(work);
    work();
    for (std::thread& t : workers)
        t.join();
    const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    std::printf("fig2 theory sweep, %zu points (8 lr x 8 sigma) to t = 1000 on %d cores: %.1f points/s (%.2f s; %zu "
                "not ok; %.1f MB of curves)\n",
                points.size(), cores, points.size() / s, s, failed.load(), bytes.load() / 1e6);
}

} // namespace aedyn::bench
