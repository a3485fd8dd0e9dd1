#include "EigenbasisModel.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <numeric>
#include <stdexcept>

namespace aedyn {

EigenbasisModel::EigenbasisModel(std::vector<double> rho)
{
    if (rho.empty())
        throw std::invalid_argument("spectrum: at least one eigenvalue is needed");
    for (double r : rho)
        if (!(r >= 0) || !std::isfinite(r))
            throw std::invalid_argument("spectrum: eigenvalues must be finite and 0 or greater");
    std::sort(rho.begin(), rho.end(), std::greater<>());
    const int D = static_cast<int>(rho.size());
    const Eigen::Map<const Eigen::VectorXd> r(rho.data(), D);
    sqrtRho_ = r.cwiseSqrt();
    modes_.D = D;
    modes_.rho = r / D;
}

std::vector<double> EigenbasisModel::powerLawSpectrum(int D, double amplitude, double exponent, double floor,
                                                      bool normalise)
{
    std::vector<double> rho(D);
    for (int i = 1; i <= D; ++i)
        rho[i - 1] = D * amplitude * std::pow(static_cast<double>(i), -exponent) + floor;
    if (normalise) {
        const double traceOverD = std::accumulate(rho.begin(), rho.end(), 0.0) / D;
        for (double& r : rho)
            r /= traceOverD;
    }
    return rho;
}

void EigenbasisModel::draw(GaussianSampler& rng, double* x) const
{
    rng.fillNormal(x, sqrtRho_.size());
    Eigen::Map<Eigen::VectorXd>(x, sqrtRho_.size()).array() *= sqrtRho_.array();
}

Eigen::VectorXd EigenbasisModel::eigenvector(int tau) const
{
    return Eigen::VectorXd::Unit(sqrtRho_.size(), tau);
}

} // namespace aedyn
