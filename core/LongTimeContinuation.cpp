#include "LongTimeContinuation.h"

#include <cmath>

namespace aedyn {

std::string longTimeContinuationUnavailable(const RunSetup& setup)
{
    const TrainingRule& r = setup.rule;
    if (setup.K != 1)
        return "the reduced ODE describes one unit (K = 1)";
    if (r.activation != Activation::Erf)
        return "the reduced ODE is derived for erf";
    if (r.tied || r.trainBias || r.rule != Rule::Vanilla)
        return "the reduced ODE is derived for untied weights, no bias and the vanilla rule";
    if (setup.trackedRho.empty() || setup.pcaErrors.size() < 2)
        return "no tracked spike";
    return {};
}

std::vector<ReducedPoint> continueToLongTimes(const RunSetup& setup, const Observables& last,
                                              const RunControl* control)
{
    if (!longTimeContinuationUnavailable(setup).empty() || !(last.t > 0) || last.t >= kLongTimeEnd ||
        last.encoderProjection.size() == 0 || last.decoderProjection.size() == 0)
        return {};
    const double rho = setup.trackedRho.front();
    const double a0 = std::abs(last.encoderProjection(0, 0)), c0 = std::abs(last.decoderProjection(0, 0));
    const double pca = setup.pcaErrors[1];
    // The hand-over is only honest where the ansatz's excess error is the full ODE's: weight outside the spike (bulk
    // noise, a decoder not yet relaxed) shows as a difference.
    const std::vector<ReducedPoint> start =
        integrateReducedOde(setup.rule.activation, rho, setup.rule.lr, setup.rule.wd, a0, c0, {0.0});
    const double excess = last.eps - pca;
    if (start.empty() || !(std::abs(start.front().excess - excess) <= 1e-3 * std::abs(excess)))
        return {};

    std::vector<double> elapsed;  // time since `last`, on a grid of 24 points per decade of absolute time
    const int n = static_cast<int>(std::ceil(24.0 * std::log10(kLongTimeEnd / last.t)));
    for (int i = 0; i <= n; ++i)
        elapsed.push_back(std::min(last.t * std::pow(10.0, i / 24.0), kLongTimeEnd) - last.t);
    std::vector<ReducedPoint> points = integrateReducedOde(setup.rule.activation, rho, setup.rule.lr, setup.rule.wd,
                                                           a0, c0, elapsed, 1e-10, 1e-14, control);
    for (ReducedPoint& p : points)
        p.t += last.t;
    return points;
}

} // namespace aedyn
