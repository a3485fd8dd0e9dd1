#pragma once
// Several independent SGD runs of one experiment (same initial weights, independent data streams) advanced
// together on a pool of threads. Each run owns its GaussianSampler (seed, stream = run index), so results do not
// depend on the number of threads.
#include "DataModel.h"
#include "OnlineSgd.h"
#include "RunControl.h"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace aedyn {

class SgdEnsemble {
public:
    SgdEnsemble(const DataModel& data, const TrainingRule& rule, const Weights& initial, int runs,
                std::uint64_t seed, int threads = 0 /* 0: all cores */);
    ~SgdEnsemble();

    // Advances every run to `step` (total steps since the start). Polls `control` about every millisecond of work.
    // Returns false if stopped or if a run diverged (see divergence()).
    bool advanceTo(long long step, const RunControl* control = nullptr);

    int runs() const;
    long long step() const;  // steps done so far (the same for every run)
    const Weights& weights(int run) const;

    // Non-empty once a run's weights became non-finite or its error exploded: "diverged at t = …".
    const std::string& divergence() const;
    double divergenceTime() const;

private:
    struct Impl;
    std::unique_ptr<Impl> d_;
};

} // namespace aedyn
