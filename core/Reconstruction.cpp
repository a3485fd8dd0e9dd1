#include "Reconstruction.h"

#include <algorithm>
#include <cmath>

namespace aedyn {

Eigen::VectorXd reconstruct(const TrainingRule& rule, const Weights& w, const Eigen::VectorXd& x, int units)
{
    const auto& decoder = (rule.tied || rule.rule == Rule::Sanger) ? w.W : w.V;
    const double invSqrtD = 1.0 / std::sqrt(static_cast<double>(x.size()));
    Eigen::VectorXd out = Eigen::VectorXd::Zero(x.size());
    for (int k = 0; k < std::min(units, w.K()); ++k) {
        const double field = w.W.row(k).dot(x) * invSqrtD + (w.beta.size() ? w.beta(k) : 0.0);
        out += activate(rule.activation, field) * decoder.row(k).transpose();
    }
    return out;
}

Eigen::VectorXd pcaReconstruct(const Eigen::MatrixXd& E, const Eigen::VectorXd& x, int rank)
{
    const auto leading = E.leftCols(std::clamp<Eigen::Index>(rank, 0, E.cols()));
    return leading * (leading.transpose() * x);
}

} // namespace aedyn
