#pragma once
// What a simulation will cost before it runs: a short burst of real SGD steps of the experiment (about 20 ms of
// work, one run on one thread) gives the cost of a step on this machine; the whole run scales it by the steps to
// t_max and by the runs that share the cores.
#include "RunControl.h"

#include <string>

namespace aedyn {

class Experiment;

struct CostEstimate {
    double secondsPerStep = 0.0;  // one run, one thread
    double totalSeconds = 0.0;    // every run to t_max on `threads` threads
};

// threads: the cores the runs share (0: all).
CostEstimate estimateSimulationCost(const Experiment& e, int threads = 0, const RunControl* control = nullptr);

// "12 s", "4 min", "3 h 10 min".
std::string formatDuration(double seconds);

} // namespace aedyn
