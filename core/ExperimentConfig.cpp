#include "ExperimentConfig.h"

#include "ParameterSchema.h"

#include <cmath>

namespace aedyn {

namespace {

std::vector<double> referenceSpikes(int M)
{
    std::vector<double> s;
    for (int m = 1; m <= M; ++m)
        s.push_back(std::ldexp(1.0, m) + 1.0);  // Λ_m = 2^m + 1, the reference code's choice (theory.md §2.1)
    return s;
}

} // namespace

TrainingRule ExperimentConfig::trainingRule() const
{
    TrainingRule r;
    r.activation = activation;
    r.rule = rule;
    r.tied = tied;
    r.trainBias = bias;
    r.lr = lr;
    r.wd = wd;
    return r;
}

const std::vector<std::string>& parameterKeys()
{
    static const std::vector<std::string> keys = [] {
        std::vector<std::string> k;
        for (const ParameterSpec& s : parameterSchema())
            k.push_back(s.key);
        return k;
    }();
    return keys;
}

std::string parameterHelp(const std::string& key)
{
    const ParameterSpec* s = findParameter(key);
    return s ? s->help : std::string();
}

void setParameter(ExperimentConfig& c, const std::string& key, const std::string& value)
{
    const ParameterSpec& spec = parameterSpec(key);
    spec.set(c, parseParameter(spec, value));
}

void applyParameters(ExperimentConfig& c, const std::vector<std::pair<std::string, std::string>>& kv)
{
    const std::pair<std::string, std::string>* mEntry = nullptr;
    bool spikesGiven = false;
    for (const auto& p : kv) {
        if (p.first == "M") {
            mEntry = &p;
            continue;  // applied after the loop so that an explicit spike list wins
        }
        spikesGiven = spikesGiven || p.first == "spikes";
        setParameter(c, p.first, p.second);
    }
    if (!mEntry)
        return;
    const ParameterSpec& mSpec = parameterSpec("M");
    const int M = static_cast<int>(std::get<double>(parseParameter(mSpec, mEntry->second)));
    if (!spikesGiven)
        c.spikes = referenceSpikes(M);
    else if (M != c.M())
        throw ConfigError("M = " + std::to_string(M) + " does not match the " + std::to_string(c.M()) +
                              " values given in spikes",
                          "spikes");
}

std::string parameterValue(const ExperimentConfig& c, const std::string& key)
{
    const ParameterSpec& spec = parameterSpec(key);
    return formatParameter(spec, spec.get(c));
}

std::vector<std::pair<std::string, std::string>> parameterValues(const ExperimentConfig& c)
{
    std::vector<std::pair<std::string, std::string>> out;
    for (const std::string& key : parameterKeys())
        out.emplace_back(key, parameterValue(c, key));
    return out;
}

void validate(const ExperimentConfig& c)
{
    const std::string K = std::to_string(c.K), D = std::to_string(c.D);
    // With images, D is the number of pixels, known once the files are read (Experiment checks K <= D then).
    const bool images = c.spectrum == SpectrumKind::Images;
    if (c.K > c.D && !images)
        throw ConfigError("K = " + K + " is larger than D = " + D + ": an autoencoder needs K <= D", "K");
    const bool spiked = c.spectrum == SpectrumKind::Spiked;
    if (spiked && c.M() > c.D)
        throw ConfigError("M = " + std::to_string(c.M()) + " spikes do not fit in D = " + D + " dimensions", "spikes");
    const int tracked = spiked ? c.M() : c.D;
    if (c.init != InitKind::Random && c.K > tracked && !images)
        throw ConfigError("init = " + std::string(initName(c.init)) + " aligns unit k with the k-th eigenvector, so it "
                          "needs K <= M (K = " + K + ", M = " + std::to_string(tracked) + ")", "init");
    if (c.rule == Rule::Sanger) {
        if (c.activation != Activation::Linear)
            throw ConfigError("rule = sanger trains a linear encoder: set activation = linear", "rule");
        if (c.bias)
            throw ConfigError("rule = sanger has no biases: set bias = false", "rule");
        if (c.tied)
            throw ConfigError("rule = sanger already uses one weight matrix: set tied = false", "rule");
    }
    if (c.tied && c.rule != Rule::Vanilla)
        throw ConfigError("tied = true is trained with the vanilla rule only (rule = " + std::string(ruleName(c.rule)) +
                              ")",
                          "tied");
    if (images && c.datasize == 1)
        throw ConfigError("datasize = 1: at least two training images are needed", "datasize");
    // Each SGD step multiplies the weights by 1 − κ/D (theory.md §3.6): κ ≥ D would flip or zero them.
    if (!images && c.wd >= c.D)
        throw ConfigError("wd = " + shortestNumber(c.wd) + ": weight decay must be smaller than D = " + D +
                              " (each step scales the weights by 1 - wd/D)",
                          "wd");
    const double steps = c.tMax * c.D;
    if (steps > 1e11)
        throw ConfigError("t_max = " + shortestNumber(c.tMax) + " at D = " + D + " means " + shortestNumber(steps) +
                              " SGD steps; at most 1e11 are allowed",
                          "t_max");
}

} // namespace aedyn
