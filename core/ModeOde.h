#pragma once
// The deterministic high-dimensional dynamics (theory.md §6): mode vectors u(τ), z(τ) for every tracked mode,
// Gram sums for the degenerate group, and biases; integrated with Boost.Odeint's Dormand–Prince 5(4) with
// dense output, and where its step is held by stability with a Runge–Kutta–Chebyshev method (ChebyshevStepper),
// on the same time grid as the simulation, errors measured against the weight norms (WeightNormError).
#include "DataModel.h"
#include "Observables.h"
#include "RunControl.h"
#include "TrainingRule.h"
#include "Weights.h"

#include <Eigen/Core>

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace aedyn {

struct ModeOdeWorkspace;

struct ModeState {
    Eigen::MatrixXd U;   // Mt×K, row τ = u(τ)ᵀ (encoder projections)
    Eigen::MatrixXd Z;   // Mt×K, row τ = z(τ)ᵀ (decoder projections / √D)
    Eigen::MatrixXd Gq, Gr, Gt;  // K×K Gram sums of the degenerate group (zero-sized when there is none)
    Eigen::VectorXd beta;        // K
};

// §6.8: the ODE state of given weights (the same weights the SGD runs start from).
ModeState modeStateFromWeights(const DataModel& data, const Weights& w);

struct OdeTolerances {
    double rtol = 1e-8;
    double atol = 1e-10;
    // Whether the Runge–Kutta–Chebyshev method takes over where Dormand–Prince's step is held by stability
    // (theory.md §6.12); off, Dormand–Prince integrates throughout.
    bool chebyshev = true;
};

struct OdeOutcome {
    bool ok = true;
    bool cancelled = false;
    bool nonFinite = false;   // the state became non-finite (message "the theory produced non-finite values at t = …")
    double tStop = 0.0;       // last time reached
    std::string message;      // e.g. "integration failed at t = 12.3: step size underflow"
    long steps = 0;           // accepted integrator steps
    long evaluations = 0;     // right-hand sides evaluated (rejected steps included): the unit of cost
    std::optional<double> chebyshevFrom;  // when the Runge–Kutta–Chebyshev method first took over, if it did
};

class ModeOde {
public:
    // Throws std::invalid_argument for tied weights (no ODE, §3.4).
    ModeOde(const ModeSpectrum& spectrum, const TrainingRule& rule, OdeTolerances tol = {});

    // Integrates from `initial` at t = grid.front() through every time of `grid` (ascending), calling
    // onPoint(i, state) at each; integration stops early (cancelled) when onPoint returns false, or when `control`
    // asks for a stop. `control` is polled at every right-hand-side evaluation (well under 10 ms of work even for
    // a full spectrum), not only at grid times whose gaps grow with t; polling does not change the results.
    OdeOutcome integrate(const ModeState& initial, const std::vector<double>& grid,
                         const std::function<bool(std::size_t, const ModeState&)>& onPoint,
                         const RunControl* control = nullptr) const;

    OrderParameters orderParameters(const ModeState& s) const;  // §6.2
    Observables observables(const ModeState& s, double t) const;  // error (§6.7), norms, projections
    void derivative(const ModeState& s, ModeState& ds) const;     // the right-hand side (§6.3–6.6, §6.11)

private:
    // The right-hand side on the flat state x (layout in ModeOde.cpp), written to dx.
    void evaluate(int Mt, int K, bool gram, const double* x, double* dx, ModeOdeWorkspace& w) const;

    ModeSpectrum spectrum_;
    TrainingRule rule_;
    OdeTolerances tol_;
};

} // namespace aedyn
