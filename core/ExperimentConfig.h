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

class ConfigError : public std::invalid_argument {
public:
    using std::invalid_argument::invalid_argument;
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

// The keys in the order they are listed, written and documented.
const std::vector<std::string>& parameterKeys();
// One-line meaning of a key, for --help and tooltips.
std::string parameterHelp(const std::string& key);

// Sets one key from text; throws ConfigError("K = 'abc': must be an integer ≥ 1") etc. Setting `M` alone
// regenerates the reference spikes Λ_m = 2^m + 1 unless `spikes` is also set.
void setParameter(ExperimentConfig& c, const std::string& key, const std::string& value);
// Applies key=value pairs in order; `M` and `spikes` together must agree.
void applyParameters(ExperimentConfig& c, const std::vector<std::pair<std::string, std::string>>& kv);
std::string parameterValue(const ExperimentConfig& c, const std::string& key);
std::vector<std::pair<std::string, std::string>> parameterValues(const ExperimentConfig& c);

// Cross-parameter checks (K ≤ D, M ≤ D, informed start needs K ≤ M, …); throws ConfigError naming the problem.
void validate(const ExperimentConfig& c);

struct Preset {
    std::string name;     // e.g. "fig2-sequential"
    std::string title;    // "Figure 2 — sequential learning"
    std::string caption;  // what to watch for, two or three sentences
    std::vector<std::string> playWith;  // the one or two keys a lecturer should vary
    std::vector<std::pair<std::string, std::string>> values;
};

// Presets are the files resources/presets/*.preset, compiled into the library (shared by CLI and GUI).
const std::vector<Preset>& presets();
const Preset* findPreset(const std::string& name);
// Parses the text of a .preset file ("key = value" lines, '#' comments, title/caption/play_with entries).
Preset parsePreset(const std::string& name, const std::string& text);
// The defaults overridden by the preset's values; throws ConfigError for an unknown preset.
ExperimentConfig presetConfig(const std::string& name);

} // namespace aedyn
