#include "ModeSpectrum.h"

namespace aedyn {

double ModeSpectrum::sortedEigenvalue(long i) const
{
    // Tracked modes are decreasing; the bulk value slots in after the tracked modes that exceed it.
    long above = 0;
    while (above < rho.size() && rho(above) >= bulkRho)
        ++above;
    if (i < above)
        return rho(i);
    if (i < above + bulkCount)
        return bulkRho;
    return rho(i - bulkCount);
}

std::vector<double> ModeSpectrum::pcaErrors(int maxRank) const
{
    std::vector<double> eps{0.5 * traceOverD()};
    double captured = 0.0;
    for (long m = 0; m < maxRank && m < D; ++m) {
        captured += sortedEigenvalue(m);
        eps.push_back(0.5 * (traceOverD() - captured));
    }
    return eps;
}

} // namespace aedyn
