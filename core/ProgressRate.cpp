#include "ProgressRate.h"

#include <algorithm>

namespace aedyn {

void ProgressRate::add(double seconds, double t)
{
    samples_.emplace_back(seconds, t);
    // Keep one sample at or before the window's start, so that the pace always spans the whole window.
    while (samples_.size() > 2 && samples_[1].first <= seconds - window_)
        samples_.pop_front();
}

std::optional<double> ProgressRate::secondsLeft(double tMax) const
{
    if (samples_.size() < 2)
        return std::nullopt;
    const auto& [s0, t0] = samples_.front();
    const auto& [s1, t1] = samples_.back();
    if (s1 - s0 < 1.0 || t1 <= t0)
        return std::nullopt;
    return std::max(0.0, tMax - t1) * (s1 - s0) / (t1 - t0);
}

} // namespace aedyn
