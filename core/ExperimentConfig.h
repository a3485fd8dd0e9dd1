#pragma once
// Every parameter of an experiment under the keys used in presets, project files, `--set` and run.json
// (README "Parameters"). Parsing and validation name the bad key, the bad value and the allowed range.
#include "Initialisation.h"
#include "SpikedModel.h"
#include "TrainingRule.h"

#include <cstdint>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace aedyn {

// A refused parameter or combination. key() names the parameter the user should change (empty when the
// problem belongs to no single key), so a panel can mark the field without reading the message.
class ConfigError : public std::invalid_argument {
public:
    explicit ConfigError(const std::string& message, std::string key = {})
        : std::invalid_argument(message), key_(std::move(key))
    {
    }
    const std::string& key() const { return key_; }

private:
    std::string key_;
};

enum class SpectrumKind { Spiked, PowerLaw, Images };

struct ExperimentConfig {
    // data
    SpectrumKind spectrum = SpectrumKind::Spiked;
    int D = 1000;
    std::vector<double> spikes{3.0, 5.0, 9.0};  // Λ_m, M = spikes.size()
    double sigma = 1.0;
    RowKind rows = RowKind::Random;
    bool normalise = true;
    double plAmplitude = 0.4, plExponent = 1.5, plFloor = 0.02;  // power law ρ_i = D·A·i^−α + f
    // real images (theory.md §2.5); D is then the number of pixels
    std::string images = "fashion-mnist";  // fashion-mnist, cifar10, an IDX training file or a data folder
    std::string testImages;                // an IDX test file; empty: found beside the training images
    long datasize = 0;                     // the first N training images; 0: all
    // model
    int K = 3;
    Activation activation = Activation::Erf;
    bool tied = false;
    bool bias = false;
    double biasInit = 0.0;
    // training
    Rule rule = Rule::Vanilla;
    double lr = 1.0;
    double wd = 0.0;
    InitKind init = InitKind::Random;
    double initStd = 0.1;
    // experiment
    int runs = 4;
    std::uint64_t seed = 1;
    double tMax = 300.0;
    double rtol = 1e-8, atol = 1e-10;

    int M() const { return static_cast<int>(spikes.size()); }
    TrainingRule trainingRule() const;
};

// The keys in the order they are listed, written and documented (ParameterSchema.h has the whole table).
const std::vector<std::string>& parameterKeys();
// One-line meaning of a key, for --help and tooltips.
std::string parameterHelp(const std::string& key);

// Sets one key from text; throws ConfigError("K = 'abc': must be a whole number from 1 to 4096") with key() set.
// Setting `M` alone regenerates the reference spikes Λ_m = 2^m + 1 unless `spikes` is also set.
void setParameter(ExperimentConfig& c, const std::string& key, const std::string& value);
// Applies key=value pairs in order; `M` and `spikes` together must agree.
void applyParameters(ExperimentConfig& c, const std::vector<std::pair<std::string, std::string>>& kv);
std::string parameterValue(const ExperimentConfig& c, const std::string& key);
std::vector<std::pair<std::string, std::string>> parameterValues(const ExperimentConfig& c);

// Cross-parameter checks (K ≤ D, M ≤ D, informed start needs K ≤ M, …); throws ConfigError naming the problem,
// with key() the parameter to change.
void validate(const ExperimentConfig& c);

} // namespace aedyn
