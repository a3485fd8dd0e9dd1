#pragma once
// How much memory a configuration needs, estimated before anything is allocated, and a refusal with a message that
// names the parameters and the estimate when the machine does not have it (issue 14, "bounded resources").
// No Qt: used by validation, the CLI and the GUI's panel alike.
#include "ExperimentConfig.h"

#include <cstddef>
#include <string>

namespace aedyn {

// The parts of the estimate, in bytes (each a generous count of what the code allocates, not a measurement).
struct ResourceEstimate {
    std::size_t weights = 0;       // W and V of every SGD run, the initial weights and the working copies
    std::size_t data = 0;          // spiked model rows and eigenvectors; for images the pixels and the test inputs
    std::size_t spectrum = 0;      // images: Ω, its per-thread partial sums and the eigen-decomposition
    std::size_t ode = 0;           // ODE state, Runge–Kutta stages and dense output, right-hand-side workspace
    std::size_t observables = 0;   // observables of theory and mean kept at every grid time, per run transiently
    std::size_t gridPoints = 0;    // number of output times
    std::size_t total() const { return weights + data + spectrum + ode + observables; }
};

ResourceEstimate estimateResources(const ExperimentConfig& c);
// estimateResources(c).total().
std::size_t estimatedBytes(const ExperimentConfig& c);

// Throws ConfigError when estimatedBytes(c) exceeds availableBytes, in one line naming the parameters that
// multiply, the estimate and its largest parts: "D = 100000 with K = 4096, runs = 4 and 118 output times
// (t_max = 300) needs about 200 GB of memory (stored curves 160 GB, weights 39 GB); this machine has 2.1 GB
// available: reduce K, D, runs or t_max".
void checkResources(const ExperimentConfig& c, std::size_t availableBytes);

// MemAvailable from /proc/meminfo (what can be allocated without swapping), else free physical memory from
// sysconf; 0 if neither is known. Also bounded by a cgroup v2 memory.max when one is set for this process.
std::size_t availableMemoryBytes();

// "13 GB", "2.0 GB", "640 MB": bytes for a message.
std::string formatBytes(double bytes);

} // namespace aedyn
