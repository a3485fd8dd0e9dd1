#include "ResourceEstimate.h"

#include "Observables.h"

#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

namespace aedyn {

namespace {

constexpr double kDouble = sizeof(double);

// Images: the pixel count per image and the number of images, before the files are read (D is only known then).
void imageShape(const ExperimentConfig& c, double& D, double& trainCount, double& testCount)
{
    if (c.images == "cifar10") {
        D = 1024;
        trainCount = 50000;
        testCount = 10000;
    } else if (c.images == "fashion-mnist") {
        D = 784;
        trainCount = 60000;
        testCount = 10000;
    } else {
        D = std::max(1, c.D);  // an unknown file: the configured D (refined once the header has been read)
        trainCount = 60000;
        testCount = 10000;
    }
    if (c.datasize > 0)
        trainCount = std::min<double>(trainCount, static_cast<double>(c.datasize));
}

std::string number(double v)
{
    std::ostringstream s;
    s << v;
    return s.str();
}

} // namespace

ResourceEstimate estimateResources(const ExperimentConfig& c)
{
    ResourceEstimate e;
    const bool images = c.spectrum == SpectrumKind::Images;
    double D = std::max(1, c.D), train = 0, test = 0;
    if (images)
        imageShape(c, D, train, test);
    const double K = std::max(1, c.K), runs = std::max(1, c.runs), M = std::max<std::size_t>(1, c.spikes.size());

    // SGD: each run holds W and V (K×D each), the experiment the initial weights, and the observables of a run
    // copy W and V once more; the work vectors are O(D + K) per run.
    const double weightSet = 2 * K * D * kDouble;
    e.weights = static_cast<std::size_t>(weightSet * (runs + 2) + runs * (3 * D + 6 * K) * kDouble);

    // Tracked modes: the spikes for the spiked model, every eigenvalue for a power law or images.
    const double Mt = c.spectrum == SpectrumKind::Spiked ? M : D;
    if (c.spectrum == SpectrumKind::Spiked)
        e.data = static_cast<std::size_t>(3 * M * D * kDouble);  // rows, scaled rows, eigenvectors
    else if (c.spectrum == SpectrumKind::PowerLaw)
        e.data = static_cast<std::size_t>(3 * D * kDouble);
    else {
        e.data = static_cast<std::size_t>((train + test) * D + test * D * kDouble);  // pixels, test inputs
        // Ω summed per thread (up to the cores), the eigen-decomposition and its solver's copies.
        const double threads = std::max(1L, std::min(sysconf(_SC_NPROCESSORS_ONLN), 64L));
        e.spectrum = static_cast<std::size_t>((threads + 5) * D * D * kDouble);
    }

    // ODE (theory.md §6): U and Z (Mt×K) plus Gram sums; Dormand–Prince with dense output keeps about a dozen
    // copies of the state, and the right-hand side about ten Mt×K matrices of workspace.
    if (!c.tied) {
        const double state = (2 * Mt * K + 3 * K * K + K) * kDouble;
        e.ode = static_cast<std::size_t>(24 * state);
    }

    // Observables at every output time: order parameters (5 K×K), norms, projections on up to 64 modes.
    // logStepGrid: 24 per decade from max(1, D/100)/D to t_max, at most one per step.
    const double steps = std::max(1.0, c.tMax * D), first = std::max(1.0, D / 100.0);
    const double points = 2 + std::min(steps, 24 * std::max(0.0, std::log10(steps / first)) + 1);
    e.gridPoints = static_cast<std::size_t>(std::isfinite(points) ? points : 1e6);
    const double shown = std::min<double>(Mt, kReportedModes);
    const double perObservable = (5 * K * K + 4 * K + 2 * K * shown) * kDouble + 256;
    // Kept at every output time: the theory's and the runs' mean (CurveTable, the GUI's store); per run only while
    // a time point is processed.
    e.observables = static_cast<std::size_t>(perObservable * (runs + 2 * static_cast<double>(e.gridPoints)));
    return e;
}

std::size_t estimatedBytes(const ExperimentConfig& c) { return estimateResources(c).total(); }

std::string formatBytes(double bytes)
{
    char text[32];
    const double GB = 1e9, MB = 1e6;
    if (bytes >= 10 * GB)
        std::snprintf(text, sizeof text, "%.0f GB", bytes / GB);
    else if (bytes >= GB)
        std::snprintf(text, sizeof text, "%.1f GB", bytes / GB);
    else if (bytes >= MB)
        std::snprintf(text, sizeof text, "%.0f MB", bytes / MB);
    else
        std::snprintf(text, sizeof text, "%.0f kB", bytes / 1e3);
    return text;
}

void checkResources(const ExperimentConfig& c, std::size_t availableBytes)
{
    const ResourceEstimate e = estimateResources(c);
    const std::size_t total = e.total();
    if (total <= availableBytes)
        return;
    // One line: the parameters that multiply, the estimate and its two largest parts, what the machine has.
    const bool images = c.spectrum == SpectrumKind::Images;
    std::string what = images ? "the images " + c.images + " with K = " + std::to_string(c.K)
                              : "D = " + std::to_string(c.D) + " with K = " + std::to_string(c.K);
    what += ", runs = " + std::to_string(c.runs);
    if (e.observables * 4 >= total)
        what += " and " + std::to_string(e.gridPoints) + " output times (t_max = " + number(c.tMax) + ")";
    std::vector<std::pair<std::size_t, std::string>> parts{{e.weights, "weights"},
                                                           {e.data, images ? "images" : "data"},
                                                           {e.spectrum, "spectrum"},
                                                           {e.ode, "ODE"},
                                                           {e.observables, "stored curves"}};
    std::sort(parts.begin(), parts.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    std::string split = parts[0].second + " " + formatBytes(static_cast<double>(parts[0].first));
    if (parts[1].first * 10 >= total)
        split += ", " + parts[1].second + " " + formatBytes(static_cast<double>(parts[1].first));
    std::string reduce = images ? "K, runs or datasize" : "D, K or runs";
    if (e.observables * 4 >= total)
        reduce = images ? "K, runs or t_max" : "K, D, runs or t_max";
    throw ConfigError(what + " needs about " + formatBytes(static_cast<double>(total)) + " of memory (" + split +
                      "); this machine has " + formatBytes(static_cast<double>(availableBytes)) +
                          " available: reduce " + reduce,
                      "K");
}

std::size_t availableMemoryBytes()
{
    std::size_t available = 0;
    {
        std::ifstream meminfo("/proc/meminfo");
        std::string key;
        unsigned long long kB = 0;
        std::string unit;
        while (meminfo >> key >> kB) {
            std::getline(meminfo, unit);
            if (key == "MemAvailable:") {
                available = static_cast<std::size_t>(kB) * 1024;
                break;
            }
        }
    }
    if (available == 0) {
        const long pages = sysconf(_SC_AVPHYS_PAGES), size = sysconf(_SC_PAGESIZE);
        if (pages > 0 && size > 0)
            available = static_cast<std::size_t>(pages) * static_cast<std::size_t>(size);
    }
    // A cgroup v2 limit (containers, systemd slices): what is left below memory.max.
    std::ifstream cgroup("/proc/self/cgroup");
    std::string line;
    while (std::getline(cgroup, line)) {
        if (line.rfind("0::", 0) != 0)
            continue;
        const std::string dir = "/sys/fs/cgroup" + line.substr(3);
        std::ifstream maxFile(dir + "/memory.max"), currentFile(dir + "/memory.current");
        std::string max;
        unsigned long long current = 0;
        if (maxFile >> max && max != "max" && currentFile >> current) {
            const unsigned long long limit = std::strtoull(max.c_str(), nullptr, 10);
            const std::size_t left = limit > current ? static_cast<std::size_t>(limit - current) : 0;
            available = available == 0 ? left : std::min(available, left);
        }
    }
    return available;
}

} // namespace aedyn
