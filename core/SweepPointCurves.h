#pragma once
// The curves of one sweep point — its theory (ODE) and, when asked, its simulation (the SGD ensemble) — in exactly
// the columns its curves.csv would hold, so that the app's sweep computes every quantity from the same numbers as
// `aedyn-cli sweep` (README, "Sweeps").
#include "ExperimentConfig.h"
#include "RunControl.h"
#include "SweepSpec.h"

#include <string>

namespace aedyn {

struct SweepPointCurves {
    CurveColumns curves;   // up to where the routes stopped (empty when nothing ran)
    std::string failure;   // empty when the theory reached t_max: "diverged at t = …", "no ODE for tied weights", …
    bool simulated = false;          // the SGD route ran (eps_sgd and the other _sgd columns are filled)
    std::string simulationFailure;   // empty when every run reached t_max: "diverged at t = 3.2 (…)"
    bool cancelled = false;
};

// Builds the experiment and integrates its ODE and, with `simulate`, runs its SGD ensemble (the config's runs and
// seed, as the CLI does) on `threads` threads; a stop request through `control` ends either within milliseconds.
SweepPointCurves runSweepPoint(const ExperimentConfig& config, bool simulate = false,
                               const RunControl* control = nullptr, int threads = 1);

} // namespace aedyn
