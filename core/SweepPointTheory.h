#pragma once
// The theory (ODE) of one sweep point, integrated into exactly the columns its curves.csv would hold, so that the
// app's sweep computes every quantity from the same numbers as `aedyn-cli sweep` (README, "Sweeps").
#include "ExperimentConfig.h"
#include "RunControl.h"
#include "SweepSpec.h"

#include <string>

namespace aedyn {

struct SweepPointTheory {
    CurveColumns curves;   // up to where the integration stopped (empty when it never started)
    std::string failure;   // empty when the theory reached t_max: "diverged at t = …", "no ODE for tied weights", …
    bool cancelled = false;
};

// Builds the experiment and integrates its ODE; a stop request through `control` ends it within milliseconds.
SweepPointTheory runSweepPointTheory(const ExperimentConfig& config, const RunControl* control = nullptr);

} // namespace aedyn
