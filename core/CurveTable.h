#pragma once
// The numbers behind the learning-curve charts, one row per grid time: theory (ODE) and simulation (mean over
// runs) side by side, in the column layout of curves.csv that README documents and scripts rely on. For real
// images eps_sgd is the error on the held-out images, and a last column eps_sgd_gaussian holds the error of
// Gaussian inputs with the same covariance (theory.md §3.10), the quantity the ODE predicts. A tied network has no
// ODE: its theory columns stay empty, and the untied comparison theory's error goes to a last column eps_ode_untied.
#include "Observables.h"
#include "RunResults.h"

#include <ostream>
#include <string>
#include <vector>

namespace aedyn {

// curves.csv, derived from the results model like every chart and exported table.
class CurveTable {
public:
    explicit CurveTable(const RunResults& results);

    std::vector<std::string> header() const;
    // Every grid time up to the last one that has data; empty cells where a route was not run or stopped.
    void writeCsv(std::ostream& out) const;

    // Modes whose projections get columns: the first min(tracked modes, 10).
    int shownModes() const { return shownModes_; }

private:
    const RunResults& results_;
    int K_;
    int shownModes_;
    bool bias_;
    bool testImages_;  // eps_sgd is measured on test images; eps_sgd_gaussian is the formula
    bool untiedComparison_;  // the theory is the untied network's (tied weights have none): eps_ode_untied only
};

} // namespace aedyn
