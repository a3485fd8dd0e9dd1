#include "TestError.h"

#include <cmath>

namespace aedyn {

double populationError(double traceOmegaOverD, const Eigen::MatrixXd& R1, const Eigen::MatrixXd& T0,
                       const Expectations& e)
{
    return 0.5 * traceOmegaOverD - R1.diagonal().dot(e.M) + 0.5 * T0.cwiseProduct(e.I2).sum();
}

double populationError(Activation g, double traceOmegaOverD, const Eigen::MatrixXd& Q1, const Eigen::MatrixXd& R1,
                       const Eigen::MatrixXd& T0, const Eigen::VectorXd& beta)
{
    Expectations e;
    if (!computeExpectations(g, Q1, beta, e))
        return std::nan("");
    return populationError(traceOmegaOverD, R1, T0, e);
}

double sangerError(double traceOmegaOverD, double D, const Eigen::MatrixXd& Q1, const Eigen::MatrixXd& Q0)
{
    return 0.5 * traceOmegaOverD - Q1.trace() / std::sqrt(D) + 0.5 * Q1.cwiseProduct(Q0).sum();
}

} // namespace aedyn
