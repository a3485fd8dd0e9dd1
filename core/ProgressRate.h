#pragma once
// The remaining time of a run from its recent pace. SGD costs the same per unit of t, but a run's first seconds do
// not show it: the worker builds the experiment (loading images takes half a second), and the theory shares the
// cores until it is done. An estimate from the whole elapsed time carried that start into every later ETA (figure 5d
// read "ETA 8:27" for a run of under a minute); the pace over the last seconds does not.
#include <deque>
#include <optional>
#include <utility>

namespace aedyn {

class ProgressRate {
public:
    // window: how many seconds of progress the pace is measured over.
    explicit ProgressRate(double window = 5.0)
        : window_(window)
    {
    }

    // The run reached time t after `seconds` of work (pauses not counted); both non-decreasing.
    void add(double seconds, double t);
    // Seconds until tMax at the recent pace, once at least a second of progress has been seen; nothing before.
    std::optional<double> secondsLeft(double tMax) const;
    void clear() { samples_.clear(); }

private:
    double window_;
    std::deque<std::pair<double, double>> samples_;  // (seconds, t), oldest first
};

} // namespace aedyn
