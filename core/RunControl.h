#pragma once
// Cooperative stop/pause shared between a long computation and whoever drives it (CLI, GUI worker).
// Loops poll it every few hundred steps, so both answer within milliseconds.
#include <atomic>
#include <chrono>
#include <thread>

namespace aedyn {

struct RunControl {
    std::atomic<bool> stopRequested{false};
    std::atomic<bool> paused{false};

    // Blocks while paused; returns false once a stop is requested.
    bool proceed() const
    {
        while (paused.load(std::memory_order_relaxed) && !stopRequested.load(std::memory_order_relaxed))
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
        return !stopRequested.load(std::memory_order_relaxed);
    }
};

} // namespace aedyn
