#pragma once
// The long-time reduced ODE of the aligned ansatz w_k = a_k e_k, v_k = c_k √D e_k (theory.md §7), and power-law
// fits of its (or any curve's) late-time behaviour.
#include "Activation.h"
#include "RunControl.h"

#include <vector>

namespace aedyn {

struct ReducedPoint {
    double t, a, c, excess;  // excess f = ρ̃/2 − ρ̃ a c M(Q) + c² I2(Q)/2
};

// One unit with rescaled eigenvalue rhoTilde, from (a0, c0) at t = 0, reported at every time of `grid`.
// `control` is polled every few hundred steps (microseconds of work); on a stop the points so far are returned.
std::vector<ReducedPoint> integrateReducedOde(Activation g, double rhoTilde, double lr, double wd, double a0,
                                              double c0, const std::vector<double>& grid, double rtol = 1e-10,
                                              double atol = 1e-14, const RunControl* control = nullptr);

// c*(a) = ρ̃ a M(Q)/I2(Q): the decoder scale that minimises the error at encoder scale a (§7.2).
double optimalDecoderScale(Activation g, double rhoTilde, double a);

struct PowerLawFit {
    double exponent = 0.0;   // slope of log y against log t
    double prefactor = 0.0;  // y ≈ prefactor · t^exponent
    int points = 0;
};
// Least-squares line through (log t, log |y|) for t in [tMin, tMax]; points with y = 0 or non-finite are skipped.
PowerLawFit fitPowerLaw(const std::vector<double>& t, const std::vector<double>& y, double tMin, double tMax);

} // namespace aedyn
