#pragma once
// The numbers each chart draws, derived from the results model. A chart draws exactly these series and its CSV
// export writes exactly these series, so an exported file always holds what is on screen, under the column names
// that README lists (shared with curves.csv where the quantity is the same).
#include "RunResults.h"

#include <ostream>
#include <string>
#include <vector>

namespace aedyn {

struct Series {
    std::string column;  // the quantity: eps, wnorm_2, vnorm_2, abs_u_1_1, abs_z_1_1, beta_1, subspace_cos_2_3
    std::string route;   // ode, sgd (kept-ode, kept-sgd for pinned runs)
    std::string run;     // empty for the ODE; mean, or the run number 1, 2, … for SGD
    int unit = -1;       // 0-based hidden unit, -1 when the quantity belongs to no unit
    std::vector<double> t, y;
    std::vector<double> sem;  // standard error of the mean at each point, where the chart draws a band
    int mode = -1;            // 0-based eigen-mode, for quantities of a unit and a mode
};

// Units and runs a chart draws one by one; beyond the units a summary over all of them (a person cannot read 64
// curves, and Qt Charts should not be handed thousands of series).
constexpr int kChartUnits = 8;
constexpr int kChartRuns = 16;

// Learning curve: the ODE's ε, the SGD mean's ε with its standard error and, when shown, the ε of the first
// kChartRuns runs. Points
// that a log axis cannot show (t = 0, ε ≤ 0, non-finite) are left out, as on screen.
std::vector<Series> learningSeries(const RunResults& results, bool individualRuns);


// Weight chart: ‖w_k‖ (wnorm_k) and ‖v_k‖/√D (vnorm_k) for the first kChartUnits units and both routes; for one
// unit the spike projections a = |w·e₁| (abs_u_1_1) and c = |v·e₁|/√D (abs_z_1_1) instead (the biases have a
// chart of their own, biasSeries). For one unit also the ODE's excess error ε − ε_PCA(1) (excess) and, where the
// theory has one, its reduced long-time continuation to t = 10⁸ (route reduced-ode: abs_u_1_1, abs_z_1_1, excess;
// core/LongTimeContinuation.h). With more units, the ODE's median, smallest and largest norm over all units
// (wnorm_median, wnorm_min, wnorm_max, vnorm_median, vnorm_min, vnorm_max). Each route uses its own K. The
// untied comparison theory of a tied network is left out.
std::vector<Series> normSeries(const RunResults& results);

// Bias chart: the trained biases β_k (beta_k) of the first kChartUnits units over time, the ODE's and the SGD
// mean's (empty when the bias is not trained). A linear axis: biases may be zero or negative.
std::vector<Series> biasSeries(const RunResults& results);

// The one time at which the overlap map and the eigenbasis view show both routes: with the time cursor set, each
// route's last point at or before it; else the simulation's latest point and the theory at that time (at its own
// latest when no simulation of its parameters is shown). Null where a route has no point; no theory for the
// untied comparison of a tied network.
struct ShownPoints {
    const Observables* theory = nullptr;
    const Observables* simulation = nullptr;  // the SGD mean
};
ShownPoints shownPoints(const RunResults& results);

// Eigenbasis view: each unit's encoder against the leading eigenvectors, |cos(w_k, e_m)| = |w_k·e_m|/‖w_k‖
// (cos_k_m, as curves.csv's cos_R_k_m) for the first maxUnits units and maxModes modes, and the rest of w_k
// outside those modes, ‖w_k − Σ_m (w_k·e_m) e_m‖/‖w_k‖ = √(1 − Σ_m cos²) (rest_k, as mode index = the number of
// modes shown), at the times of shownPoints.
std::vector<Series> eigenbasisSeries(const RunResults& results, int maxUnits, int maxModes);

// Overlap map: |u_k(τ)|/‖u_k‖ within the tracked subspace (subspace_cos_k_m, theory.md §3.10) for the first
// maxUnits units and maxModes modes; for one unit the plain |cos(w, e_m)| (cos_1_m) and the share of w outside the
// tracked modes (bulk_cos_1, as mode index maxModes or the number of modes). One point per route, at the times of
// shownPoints.
std::vector<Series> overlapSeries(const RunResults& results, int maxUnits, int maxModes);

// Tidy CSV of series: one row per route, run and time; columns t,route,run, then each quantity in the order the
// series first name it (eps is followed by eps_sem when a series carries errors). Empty cells where a row has no
// value. Numbers in the shortest form that reads back exactly.
void writeTidyCsv(const std::vector<Series>& series, std::ostream& out);

} // namespace aedyn
