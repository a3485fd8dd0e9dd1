#include "ExperimentConfig.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>
#include <sstream>

namespace aedyn {

const std::vector<std::pair<std::string, std::string>>& embeddedPresetTexts();  // generated PresetData.cpp

namespace {

std::string trim(std::string_view s)
{
    const auto first = s.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos)
        return {};
    const auto last = s.find_last_not_of(" \t\r\n");
    return std::string(s.substr(first, last - first + 1));
}

std::vector<std::string> splitList(const std::string& s)
{
    std::vector<std::string> out;
    std::string item;
    std::istringstream in(s);
    while (std::getline(in, item, ','))
        out.push_back(trim(item));
    return out;
}

[[noreturn]] void fail(const std::string& key, const std::string& value, const std::string& expected)
{
    throw ConfigError(key + " = '" + value + "': " + expected);
}

long long parseInteger(const std::string& key, const std::string& text, long long lo, long long hi)
{
    const std::string v = trim(text);
    long long x = 0;
    const auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), x);
    if (ec != std::errc() || end != v.data() + v.size() || v.empty())
        fail(key, text, "must be a whole number from " + std::to_string(lo) + " to " + std::to_string(hi));
    if (x < lo || x > hi)
        fail(key, text, "must be from " + std::to_string(lo) + " to " + std::to_string(hi));
    return x;
}

double parseReal(const std::string& key, const std::string& text)
{
    const std::string v = trim(text);
    char* end = nullptr;
    const double x = std::strtod(v.c_str(), &end);
    if (v.empty() || end != v.c_str() + v.size() || !std::isfinite(x))
        fail(key, text, "must be a finite number");
    return x;
}

double parsePositive(const std::string& key, const std::string& text)
{
    const double x = parseReal(key, text);
    if (!(x > 0))
        fail(key, text, "must be greater than 0");
    return x;
}

double parseNonNegative(const std::string& key, const std::string& text)
{
    const double x = parseReal(key, text);
    if (x < 0)
        fail(key, text, "must be 0 or greater");
    return x;
}

bool parseBool(const std::string& key, const std::string& text)
{
    const std::string v = trim(text);
    if (v == "true" || v == "1" || v == "yes" || v == "on")
        return true;
    if (v == "false" || v == "0" || v == "no" || v == "off")
        return false;
    fail(key, text, "must be true or false");
}

std::string formatReal(double x)
{
    std::ostringstream out;
    out.precision(12);
    out << x;
    return out.str();
}

std::vector<double> referenceSpikes(int M)
{
    std::vector<double> s;
    for (int m = 1; m <= M; ++m)
        s.push_back(std::ldexp(1.0, m) + 1.0);  // Λ_m = 2^m + 1, the reference code's choice (§2.1)
    return s;
}

const std::map<std::string, std::string>& helpTexts()
{
    static const std::map<std::string, std::string> help{
        {"spectrum", "Inputs: spiked (M spikes over a bulk), powerlaw (rho_i = D*A*i^-alpha + f) or images (real "
                     "images; the theory uses their empirical covariance)"},
        {"D", "Input dimension D (2 to 100000)"},
        {"K", "Number of hidden units K (1 to D)"},
        {"M", "Number of spikes M; alone it sets spikes to 3, 5, 9, 17, ... (2^m + 1)"},
        {"spikes", "Spike standard deviations Lambda_m, comma separated (each > 0); eigenvalues are shown beside"},
        {"sigma", "Noise (bulk) standard deviation sigma (>= 0)"},
        {"rows", "Spike rows: random (Gaussian, seeded) or sinusoidal (sin((m+1) i / 100))"},
        {"normalise", "Scale inputs so that Tr(Omega)/D = 1 (chance-level error 1/2)"},
        {"pl_amplitude", "Power-law amplitude A in rho_i = D*A*i^-alpha + f (> 0)"},
        {"pl_exponent", "Power-law exponent alpha (> 0)"},
        {"pl_floor", "Power-law floor f (>= 0)"},
        {"images", "With spectrum = images: fashion-mnist (the Debian package), cifar10 (the binary version, "
                   "from $AEDYN_CIFAR10 or ~/.local/share/aedyn/cifar-10-batches-bin), an IDX training file (.gz or "
                   "plain) or a folder holding one of them"},
        {"test_images", "With spectrum = images: the IDX file of test images; empty finds t10k-... beside the "
                        "training file, or holds out the end of the training file"},
        {"datasize", "With spectrum = images: train on the first N images only (0: all)"},
        {"activation", "Activation g of the hidden units: erf, relu or linear"},
        {"tied", "Tied weights: decoder = encoder (simulation only; no ODE exists)"},
        {"bias", "Train a bias for every hidden unit"},
        {"bias_init", "Initial value of the trained biases"},
        {"rule", "Learning rule: vanilla, truncated (paper), truncated-reference (authors' code) or sanger"},
        {"lr", "Learning rate eta before the D-scalings (> 0)"},
        {"wd", "Weight-decay constant kappa (>= 0; decay rate per unit time)"},
        {"init", "Initial weights: random, informed (aligned, a0 = c0 = 1) or perfect (optimal decoder scale)"},
        {"init_std", "Standard deviation of random initial weights (> 0)"},
        {"runs", "Number of independent SGD runs averaged (1 to 256)"},
        {"seed", "Seed of the spike rows, the initial weights and the data streams"},
        {"t_max", "Final time t = steps / D (> 0)"},
        {"rtol", "Relative tolerance of the ODE integrator (1e-14 to 1e-3)"},
        {"atol", "Absolute tolerance of the ODE integrator (> 0)"},
    };
    return help;
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
    static const std::vector<std::string> keys{
        "spectrum", "D",   "K",  "M",    "spikes", "sigma",    "rows", "normalise", "pl_amplitude",
        "pl_exponent", "pl_floor", "images", "test_images", "datasize", "activation", "tied", "bias",
        "bias_init", "rule", "lr", "wd", "init",
        "init_std", "runs", "seed", "t_max", "rtol", "atol"};
    return keys;
}

std::string parameterHelp(const std::string& key)
{
    const auto it = helpTexts().find(key);
    return it == helpTexts().end() ? std::string() : it->second;
}

void setParameter(ExperimentConfig& c, const std::string& key, const std::string& value)
{
    const std::string v = trim(value);
    if (key == "spectrum") {
        if (v == "spiked")
            c.spectrum = SpectrumKind::Spiked;
        else if (v == "powerlaw")
            c.spectrum = SpectrumKind::PowerLaw;
        else if (v == "images")
            c.spectrum = SpectrumKind::Images;
        else
            fail(key, value, "must be spiked, powerlaw or images");
    } else if (key == "D") {
        c.D = static_cast<int>(parseInteger(key, value, 2, 100000));
    } else if (key == "K") {
        c.K = static_cast<int>(parseInteger(key, value, 1, 4096));
    } else if (key == "M") {
        c.spikes = referenceSpikes(static_cast<int>(parseInteger(key, value, 1, 64)));
    } else if (key == "spikes") {
        std::vector<double> s;
        for (const std::string& item : splitList(v)) {
            char* end = nullptr;
            const double x = std::strtod(item.c_str(), &end);
            if (item.empty() || end != item.c_str() + item.size() || !std::isfinite(x) || !(x > 0))
                fail(key, value, "every spike must be a number greater than 0 (got '" + item + "')");
            s.push_back(x);
        }
        if (s.empty() || s.size() > 64)
            fail(key, value, "must list 1 to 64 spike standard deviations, e.g. 3, 5, 9");
        c.spikes = std::move(s);
    } else if (key == "sigma") {
        c.sigma = parseNonNegative(key, value);
    } else if (key == "rows") {
        if (v == "random")
            c.rows = RowKind::Random;
        else if (v == "sinusoidal")
            c.rows = RowKind::Sinusoidal;
        else
            fail(key, value, "must be random or sinusoidal");
    } else if (key == "normalise") {
        c.normalise = parseBool(key, value);
    } else if (key == "pl_amplitude") {
        c.plAmplitude = parsePositive(key, value);
    } else if (key == "pl_exponent") {
        c.plExponent = parsePositive(key, value);
    } else if (key == "pl_floor") {
        c.plFloor = parseNonNegative(key, value);
    } else if (key == "images") {
        if (v.empty())
            fail(key, value, "must be fashion-mnist, cifar10, or the path of an image file or folder");
        c.images = v;
    } else if (key == "test_images") {
        c.testImages = v;
    } else if (key == "datasize") {
        c.datasize = static_cast<long>(parseInteger(key, value, 0, 100000000));
    } else if (key == "activation") {
        const auto a = parseActivation(v);
        if (!a)
            fail(key, value, "must be erf, relu or linear");
        c.activation = *a;
    } else if (key == "tied") {
        c.tied = parseBool(key, value);
    } else if (key == "bias") {
        c.bias = parseBool(key, value);
    } else if (key == "bias_init") {
        c.biasInit = parseReal(key, value);
    } else if (key == "rule") {
        const auto r = parseRule(v);
        if (!r)
            fail(key, value, "must be vanilla, truncated, truncated-reference or sanger");
        c.rule = *r;
    } else if (key == "lr") {
        c.lr = parsePositive(key, value);
    } else if (key == "wd") {
        c.wd = parseNonNegative(key, value);
    } else if (key == "init") {
        const auto k = parseInit(v);
        if (!k)
            fail(key, value, "must be random, informed or perfect");
        c.init = *k;
    } else if (key == "init_std") {
        c.initStd = parsePositive(key, value);
    } else if (key == "runs") {
        c.runs = static_cast<int>(parseInteger(key, value, 1, 256));
    } else if (key == "seed") {
        c.seed = static_cast<std::uint64_t>(parseInteger(key, value, 0, (1LL << 53)));
    } else if (key == "t_max") {
        c.tMax = parsePositive(key, value);
        if (c.tMax > 1e7)
            fail(key, value, "must be at most 1e7");
    } else if (key == "rtol") {
        c.rtol = parsePositive(key, value);
        if (c.rtol < 1e-14 || c.rtol > 1e-3)
            fail(key, value, "must be from 1e-14 to 1e-3");
    } else if (key == "atol") {
        c.atol = parsePositive(key, value);
    } else {
        std::string known;
        for (const std::string& k : parameterKeys())
            known += (known.empty() ? "" : " ") + k;
        throw ConfigError("unknown parameter '" + key + "' (known: " + known + ")");
    }
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
    const int M = static_cast<int>(parseInteger("M", mEntry->second, 1, 64));
    if (!spikesGiven)
        c.spikes = referenceSpikes(M);
    else if (M != c.M())
        throw ConfigError("M = " + std::to_string(M) + " does not match the " + std::to_string(c.M()) +
                          " values given in spikes");
}

std::string parameterValue(const ExperimentConfig& c, const std::string& key)
{
    auto b = [](bool x) { return std::string(x ? "true" : "false"); };
    if (key == "spectrum")
        return c.spectrum == SpectrumKind::Spiked     ? "spiked"
               : c.spectrum == SpectrumKind::PowerLaw ? "powerlaw"
                                                      : "images";
    if (key == "D")
        return std::to_string(c.D);
    if (key == "K")
        return std::to_string(c.K);
    if (key == "M")
        return std::to_string(c.M());
    if (key == "spikes") {
        std::string s;
        for (std::size_t i = 0; i < c.spikes.size(); ++i)
            s += (i ? "," : "") + formatReal(c.spikes[i]);
        return s;
    }
    if (key == "sigma")
        return formatReal(c.sigma);
    if (key == "rows")
        return c.rows == RowKind::Random ? "random" : "sinusoidal";
    if (key == "normalise")
        return b(c.normalise);
    if (key == "pl_amplitude")
        return formatReal(c.plAmplitude);
    if (key == "pl_exponent")
        return formatReal(c.plExponent);
    if (key == "pl_floor")
        return formatReal(c.plFloor);
    if (key == "images")
        return c.images;
    if (key == "test_images")
        return c.testImages;
    if (key == "datasize")
        return std::to_string(c.datasize);
    if (key == "activation")
        return std::string(activationName(c.activation));
    if (key == "tied")
        return b(c.tied);
    if (key == "bias")
        return b(c.bias);
    if (key == "bias_init")
        return formatReal(c.biasInit);
    if (key == "rule")
        return std::string(ruleName(c.rule));
    if (key == "lr")
        return formatReal(c.lr);
    if (key == "wd")
        return formatReal(c.wd);
    if (key == "init")
        return std::string(initName(c.init));
    if (key == "init_std")
        return formatReal(c.initStd);
    if (key == "runs")
        return std::to_string(c.runs);
    if (key == "seed")
        return std::to_string(c.seed);
    if (key == "t_max")
        return formatReal(c.tMax);
    if (key == "rtol")
        return formatReal(c.rtol);
    if (key == "atol")
        return formatReal(c.atol);
    throw ConfigError("unknown parameter '" + key + "'");
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
        throw ConfigError("K = " + K + " is larger than D = " + D + ": an autoencoder needs K <= D");
    const bool spiked = c.spectrum == SpectrumKind::Spiked;
    if (spiked && c.M() > c.D)
        throw ConfigError("M = " + std::to_string(c.M()) + " spikes do not fit in D = " + D + " dimensions");
    const int tracked = spiked ? c.M() : c.D;
    if (c.init != InitKind::Random && c.K > tracked && !images)
        throw ConfigError("init = " + std::string(initName(c.init)) + " aligns unit k with the k-th eigenvector, so it "
                          "needs K <= M (K = " + K + ", M = " + std::to_string(tracked) + ")");
    if (c.rule == Rule::Sanger) {
        if (c.activation != Activation::Linear)
            throw ConfigError("rule = sanger trains a linear encoder: set activation = linear");
        if (c.bias)
            throw ConfigError("rule = sanger has no biases: set bias = false");
        if (c.tied)
            throw ConfigError("rule = sanger already uses one weight matrix: set tied = false");
    }
    if (c.tied && c.rule != Rule::Vanilla)
        throw ConfigError("tied = true is trained with the vanilla rule only (rule = " + std::string(ruleName(c.rule)) +
                          ")");
    if (images && c.datasize == 1)
        throw ConfigError("datasize = 1: at least two training images are needed");
    const double steps = c.tMax * c.D;
    if (steps > 1e11)
        throw ConfigError("t_max = " + formatReal(c.tMax) + " at D = " + D + " means " + formatReal(steps) +
                          " SGD steps; at most 1e11 are allowed");
    if (c.atol > 1e-2)
        throw ConfigError("atol = " + formatReal(c.atol) + ": must be at most 1e-2");
}

Preset parsePreset(const std::string& name, const std::string& text)
{
    Preset p;
    p.name = name;
    std::istringstream in(text);
    std::string line;
    int lineNo = 0;
    while (std::getline(in, line)) {
        ++lineNo;
        const std::string t = trim(line);
        if (t.empty() || t[0] == '#')
            continue;
        const auto eq = t.find('=');
        if (eq == std::string::npos)
            throw ConfigError("preset " + name + ", line " + std::to_string(lineNo) + ": expected 'key = value'");
        const std::string key = trim(std::string_view(t).substr(0, eq));
        const std::string value = trim(std::string_view(t).substr(eq + 1));
        if (key == "title")
            p.title = value;
        else if (key == "caption")
            p.caption = value;
        else if (key == "play_with")
            p.playWith = splitList(value);
        else
            p.values.emplace_back(key, value);
    }
    ExperimentConfig check;
    try {
        applyParameters(check, p.values);
    } catch (const ConfigError& e) {
        throw ConfigError("preset " + name + ": " + e.what());
    }
    return p;
}

const std::vector<Preset>& presets()
{
    static const std::vector<Preset> all = [] {
        // The order of the paper's story, which the GUI's preset list and lecture tour follow.
        static const std::vector<std::string> order{"fig2-sequential", "fig3-rescaling", "fig4a-tied",
                                                    "fig4b-relu-nobias", "fig4b-relu-bias", "fig5-truncated",
                                                    "fig5d-fashion-mnist", "fig6-fashion-mnist", "fig6-cifar10",
                                                    "linear", "weight-decay", "powerlaw", "sanger"};
        std::vector<Preset> list;
        for (const auto& [name, text] : embeddedPresetTexts())
            list.push_back(parsePreset(name, text));
        auto rank = [&](const Preset& p) {
            const auto it = std::find(order.begin(), order.end(), p.name);
            return std::distance(order.begin(), it);
        };
        std::stable_sort(list.begin(), list.end(),
                         [&](const Preset& a, const Preset& b) { return rank(a) < rank(b); });
        return list;
    }();
    return all;
}

const Preset* findPreset(const std::string& name)
{
    for (const Preset& p : presets())
        if (p.name == name)
            return &p;
    return nullptr;
}

ExperimentConfig presetConfig(const std::string& name)
{
    const Preset* p = findPreset(name);
    if (!p) {
        std::string known;
        for (const Preset& q : presets())
            known += (known.empty() ? "" : ", ") + q.name;
        throw ConfigError("unknown preset '" + name + "' (known: " + known + ")");
    }
    ExperimentConfig c;
    applyParameters(c, p->values);
    return c;
}

} // namespace aedyn
