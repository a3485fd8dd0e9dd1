#include "Initialisation.h"

#include "ReducedOde.h"

#include <cmath>
#include <stdexcept>
#include <string>

namespace aedyn {

std::string_view initName(InitKind k)
{
    switch (k) {
    case InitKind::Random: return "random";
    case InitKind::Informed: return "informed";
    case InitKind::Perfect: return "perfect";
    }
    return "random";
}

std::optional<InitKind> parseInit(std::string_view name)
{
    for (InitKind k : {InitKind::Random, InitKind::Informed, InitKind::Perfect})
        if (initName(k) == name)
            return k;
    return std::nullopt;
}

Weights makeInitialWeights(const DataModel& data, const TrainingRule& rule, int K, InitKind kind, double initStd,
                           double biasInit, std::uint64_t seed)
{
    const int D = data.dimension();
    const double sqrtD = std::sqrt(static_cast<double>(D));
    Weights w;
    w.W.resize(K, D);
    w.V.resize(K, D);
    w.beta = Eigen::VectorXd::Constant(K, rule.trainBias ? biasInit : 0.0);
    if (kind == InitKind::Random) {
        GaussianSampler rng(seed, 0);
        rng.fillNormal(w.W.data(), w.W.size());
        rng.fillNormal(w.V.data(), w.V.size());
        w.W *= initStd;
        w.V *= initStd;
    } else {
        const long modes = data.modes().rho.size();
        if (K > modes)
            throw std::invalid_argument("init = " + std::string(initName(kind)) + " needs K <= " +
                                        std::to_string(modes) + " tracked eigenvectors (K = " + std::to_string(K) + ")");
        for (int k = 0; k < K; ++k) {
            const Eigen::VectorXd e = data.eigenvector(k);
            // Informed: a₀ = c₀ = 1; perfect: the decoder scale that minimises the error at a₀ = 1 (§7.2).
            const double c0 =
                kind == InitKind::Perfect ? optimalDecoderScale(rule.activation, data.modes().rho(k), 1.0) : 1.0;
            w.W.row(k) = e.transpose();
            w.V.row(k) = c0 * sqrtD * e.transpose();
        }
    }
    if (rule.tied || rule.rule == Rule::Sanger)
        w.V = w.W;
    return w;
}

} // namespace aedyn
