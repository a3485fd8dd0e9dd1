#include "ParameterSchema.h"
#include "Text.h"

#include <charconv>
#include <cmath>
#include <limits>
#include <sstream>

namespace aedyn {

namespace {

[[noreturn]] void refuse(const ParameterSpec& spec, const std::string& text, const std::string& expected)
{
    throw ConfigError(spec.key + " = '" + text + "': " + expected, spec.key);
}

std::vector<double> referenceSpikes(long long M)
{
    std::vector<double> s;
    for (int m = 1; m <= M; ++m)
        s.push_back(std::ldexp(1.0, m) + 1.0);  // Λ_m = 2^m + 1, the reference code's choice (theory.md §2.1)
    return s;
}

// Accessors for the common field types, so each row of the table stays one line of data.
template <typename Int>
auto integer(Int ExperimentConfig::*field)
{
    return std::pair{[field](const ExperimentConfig& c) { return ParameterValue(static_cast<double>(c.*field)); },
                     [field](ExperimentConfig& c, const ParameterValue& v) {
                         c.*field = static_cast<Int>(std::get<double>(v));
                     }};
}

auto real(double ExperimentConfig::*field)
{
    return std::pair{[field](const ExperimentConfig& c) { return ParameterValue(c.*field); },
                     [field](ExperimentConfig& c, const ParameterValue& v) { c.*field = std::get<double>(v); }};
}

auto flag(bool ExperimentConfig::*field)
{
    return std::pair{[field](const ExperimentConfig& c) { return ParameterValue(c.*field); },
                     [field](ExperimentConfig& c, const ParameterValue& v) { c.*field = std::get<bool>(v); }};
}

auto text(std::string ExperimentConfig::*field)
{
    return std::pair{[field](const ExperimentConfig& c) { return ParameterValue(c.*field); },
                     [field](ExperimentConfig& c, const ParameterValue& v) { c.*field = std::get<std::string>(v); }};
}

// An enum field shown by name: `names` lists the choices in the enum's order.
template <typename Enum>
auto choice(Enum ExperimentConfig::*field, std::vector<std::string> names)
{
    return std::pair{[field, names](const ExperimentConfig& c) {
                         return ParameterValue(names.at(static_cast<std::size_t>(c.*field)));
                     },
                     [field, names](ExperimentConfig& c, const ParameterValue& v) {
                         for (std::size_t i = 0; i < names.size(); ++i)
                             if (names[i] == std::get<std::string>(v))
                                 c.*field = static_cast<Enum>(i);
                     }};
}

template <typename Access>
ParameterSpec row(std::string key, ParameterType type, std::string group, std::string symbol, std::string help,
                  Access access)
{
    ParameterSpec s;
    s.key = std::move(key);
    s.type = type;
    s.group = std::move(group);
    s.symbol = std::move(symbol);
    s.help = std::move(help);
    s.get = access.first;
    s.set = access.second;
    return s;
}

ParameterSpec range(ParameterSpec s, double min, double max, bool minExclusive = false)
{
    s.min = min;
    s.max = max;
    s.minExclusive = minExclusive;
    return s;
}

ParameterSpec only(ParameterSpec s, unsigned spectra)
{
    s.spectra = spectra;
    return s;
}

ParameterSpec withUnit(ParameterSpec s, std::string unit)
{
    s.unit = std::move(unit);
    return s;
}

constexpr double kInf = std::numeric_limits<double>::infinity();

std::vector<ParameterSpec> buildSchema()
{
    using T = ParameterType;
    const std::vector<std::string> spectra{"spiked", "powerlaw", "images"};
    const std::vector<std::string> rows{"random", "sinusoidal"};
    const std::vector<std::string> activations{"erf", "relu", "linear"};
    const std::vector<std::string> rules{"vanilla", "truncated", "truncated-reference", "sanger"};
    const std::vector<std::string> inits{"random", "informed", "perfect"};
    auto withChoices = [](ParameterSpec s, std::vector<std::string> c) {
        s.choices = std::move(c);
        return s;
    };
    std::vector<ParameterSpec> s;
    s.push_back(withChoices(
        row("spectrum", T::Choice, "Data", "",
            "Inputs: spiked (M spikes over a bulk), powerlaw (ρ_i = D·A·i^−α + f) or images (real images; the "
            "theory uses their empirical covariance)",
            choice(&ExperimentConfig::spectrum, spectra)),
        spectra));
    s.push_back(only(range(row("D", T::Integer, "Data", "", "Input dimension D (with images: the number of pixels, set by the data)",
                               integer(&ExperimentConfig::D)),
                           2, 100000),
                     kSpiked | kPowerLaw));
    s.push_back(range(row("K", T::Integer, "Model", "", "Number of hidden units K (at most D)",
                          integer(&ExperimentConfig::K)),
                      1, 4096));
    // M is the length of the spike list; alone it chooses the reference spikes (no field of its own).
    s.push_back(only(range(row("M", T::Integer, "", "",
                               "Number of spikes M; alone it sets spikes to 3, 5, 9, 17, … (2^m + 1)",
                               std::pair{[](const ExperimentConfig& c) { return ParameterValue(double(c.M())); },
                                         [](ExperimentConfig& c, const ParameterValue& v) {
                                             c.spikes = referenceSpikes(std::llround(std::get<double>(v)));
                                         }}),
                           1, 64),
                     kSpiked));
    s.push_back(only(row("spikes", T::RealList, "Data", "Λ_m",
                         "Spike standard deviations Λ_m, comma separated; the eigenvalues they give are shown beside",
                         std::pair{[](const ExperimentConfig& c) { return ParameterValue(c.spikes); },
                                   [](ExperimentConfig& c, const ParameterValue& v) {
                                       c.spikes = std::get<std::vector<double>>(v);
                                   }}),
                     kSpiked));
    s.push_back(only(range(row("sigma", T::Real, "Data", "σ", "Noise (bulk) standard deviation σ",
                               real(&ExperimentConfig::sigma)),
                           0, kInf),
                     kSpiked));
    s.push_back(only(withChoices(row("rows", T::Choice, "Data", "",
                                     "Spike rows: random (Gaussian, seeded) or sinusoidal (sin((m+1) i / 100))",
                                     choice(&ExperimentConfig::rows, rows)),
                                 rows),
                     kSpiked));
    s.push_back(only(row("normalise", T::Flag, "Data", "", "Scale inputs so that Tr Ω / D = 1 (chance-level error 1/2)",
                         flag(&ExperimentConfig::normalise)),
                     kSpiked | kPowerLaw));
    s.push_back(only(range(row("pl_amplitude", T::Real, "Data", "A", "Power-law amplitude A in ρ_i = D·A·i^−α + f",
                               real(&ExperimentConfig::plAmplitude)),
                           0, kInf, true),
                     kPowerLaw));
    s.push_back(only(range(row("pl_exponent", T::Real, "Data", "α", "Power-law exponent α",
                               real(&ExperimentConfig::plExponent)),
                           0, kInf, true),
                     kPowerLaw));
    s.push_back(only(range(row("pl_floor", T::Real, "Data", "f", "Power-law floor f",
                               real(&ExperimentConfig::plFloor)),
                           0, kInf),
                     kPowerLaw));
    s.push_back(only(row("images", T::Text, "Data", "",
                         "With spectrum = images: fashion-mnist (the Debian package), cifar10 (the binary version, from "
                         "$AEDYN_CIFAR10 or ~/.local/share/aedyn/cifar-10-batches-bin), an IDX training file (.gz or "
                         "plain) or a folder holding one of them",
                         text(&ExperimentConfig::images)),
                     kImages));
    s.push_back(only(row("test_images", T::Text, "Data", "",
                         "With spectrum = images: the IDX file of test images; empty finds t10k-… beside the training "
                         "file, or holds out the end of the training file",
                         text(&ExperimentConfig::testImages)),
                     kImages));
    s.push_back(only(range(row("datasize", T::Integer, "Data", "",
                               "With spectrum = images: train on the first N images only (0: all)",
                               integer(&ExperimentConfig::datasize)),
                           0, 100000000),
                     kImages));
    s.push_back(withChoices(row("activation", T::Choice, "Model", "g", "Activation g of the hidden units: erf, relu or linear",
                                choice(&ExperimentConfig::activation, activations)),
                            activations));
    s.push_back(row("tied", T::Flag, "Model", "", "Tied weights: decoder = encoder (simulation only; no ODE exists)",
                    flag(&ExperimentConfig::tied)));
    s.push_back(row("bias", T::Flag, "Model", "", "Train a bias for every hidden unit", flag(&ExperimentConfig::bias)));
    s.push_back(range(row("bias_init", T::Real, "Model", "β₀", "Initial value of the trained biases",
                          real(&ExperimentConfig::biasInit)),
                      -kInf, kInf));
    s.push_back(withChoices(row("rule", T::Choice, "Training", "",
                                "Learning rule: vanilla, truncated (paper), truncated-reference (authors' code) or sanger",
                                choice(&ExperimentConfig::rule, rules)),
                            rules));
    s.push_back(range(row("lr", T::Real, "Training", "η", "Learning rate η before the D-scalings",
                          real(&ExperimentConfig::lr)),
                      0, kInf, true));
    s.push_back(withUnit(range(row("wd", T::Real, "Training", "κ",
                                   "Weight-decay constant κ (a decay rate; below D)",
                                   real(&ExperimentConfig::wd)),
                               0, kInf),
                         "per unit time"));
    s.push_back(withChoices(row("init", T::Choice, "Initialisation", "",
                                "Initial weights: random, informed (aligned, a0 = c0 = 1) or perfect (optimal decoder "
                                "scale)",
                                choice(&ExperimentConfig::init, inits)),
                            inits));
    s.push_back(range(row("init_std", T::Real, "Initialisation", "σ₀",
                          "Standard deviation of random initial weights", real(&ExperimentConfig::initStd)),
                      0, kInf, true));
    s.push_back(range(row("runs", T::Integer, "Training", "", "Independent SGD runs averaged (same initial weights, own data streams)",
                          integer(&ExperimentConfig::runs)),
                      1, 256));
    s.push_back(range(row("seed", T::Integer, "Training", "",
                          "Seed of the spike rows, the initial weights and the data streams",
                          integer(&ExperimentConfig::seed)),
                      0, 9007199254740992.0));  // 2^53: every seed survives a round trip through JSON
    s.push_back(range(row("t_max", T::Real, "Training", "", "Final time t = SGD steps / D",
                          real(&ExperimentConfig::tMax)),
                      0, 1e7, true));
    s.push_back(range(row("rtol", T::Real, "Integrator", "", "Relative tolerance of the ODE integrator",
                          real(&ExperimentConfig::rtol)),
                      1e-14, 1e-3));
    s.push_back(range(row("atol", T::Real, "Integrator", "", "Absolute tolerance of the ODE integrator",
                          real(&ExperimentConfig::atol)),
                      0, 1e-2, true));
    return s;
}

// A range bound as people write it: whole numbers in full up to a million, otherwise 1e7 rather than 1e+07.
std::string boundText(double x)
{
    if (x == std::floor(x) && std::abs(x) < 1e6)
        return std::to_string(std::llround(x));
    if (x == 9007199254740992.0)
        return "2^53";
    std::string s = shortestNumber(x);
    for (const char* from : {"e+0", "e+", "e-0"}) {
        const auto at = s.find(from);
        if (at != std::string::npos)
            s.replace(at, std::string_view(from).size(), from[1] == '-' ? "e-" : "e");
    }
    return s;
}

std::string joined(const std::vector<std::string>& items, const char* separator)
{
    std::string out;
    for (const std::string& i : items)
        out += (out.empty() ? "" : separator) + i;
    return out;
}

// Reads a whole finite number from text (no trailing characters), or nothing.
std::optional<double> readNumber(const std::string& t)
{
    if (t.empty())
        return std::nullopt;
    char* end = nullptr;
    const double x = std::strtod(t.c_str(), &end);
    if (end != t.c_str() + t.size() || !std::isfinite(x))
        return std::nullopt;
    return x;
}

bool inRange(const ParameterSpec& s, double x)
{
    return (s.minExclusive ? x > s.min : x >= s.min) && x <= s.max;
}

} // namespace

std::string shortestNumber(double x)
{
    char buf[32];
    const auto r = std::to_chars(buf, buf + sizeof buf, x);
    return std::string(buf, r.ptr);
}

bool ParameterSpec::appliesTo(SpectrumKind s) const
{
    const unsigned bit = s == SpectrumKind::Spiked ? kSpiked : s == SpectrumKind::PowerLaw ? kPowerLaw : kImages;
    return (spectra & bit) != 0;
}

std::string ParameterSpec::expectation() const
{
    switch (type) {
    case ParameterType::Integer:
        return "must be a whole number from " + boundText(min) + " to " + boundText(max);
    case ParameterType::Real:
        if (min == -kInf && max == kInf)
            return "must be a finite number";
        if (max == kInf)
            return minExclusive ? "must be greater than " + boundText(min) : "must be " + boundText(min) + " or greater";
        return minExclusive ? "must be greater than " + boundText(min) + " and at most " + boundText(max)
                            : "must be from " + boundText(min) + " to " + boundText(max);
    case ParameterType::RealList:
        return "must list 1 to 64 numbers greater than 0, e.g. 3, 5, 9";
    case ParameterType::Flag:
        return "must be true or false";
    case ParameterType::Choice: {
        std::vector<std::string> head(choices.begin(), choices.end() - 1);
        return "must be " + (head.empty() ? std::string() : joined(head, ", ") + " or ") + choices.back();
    }
    case ParameterType::Text:
        return "must not be empty";
    }
    return {};
}

const std::vector<std::string>& parameterGroups()
{
    static const std::vector<std::string> groups{"Model", "Data", "Training", "Initialisation", "Integrator"};
    return groups;
}

const std::vector<ParameterSpec>& parameterSchema()
{
    static const std::vector<ParameterSpec> schema = buildSchema();
    return schema;
}

const ParameterSpec* findParameter(std::string_view key)
{
    for (const ParameterSpec& s : parameterSchema())
        if (s.key == key)
            return &s;
    return nullptr;
}

const ParameterSpec& parameterSpec(std::string_view key)
{
    if (const ParameterSpec* s = findParameter(key))
        return *s;
    std::vector<std::string> known;
    for (const ParameterSpec& s : parameterSchema())
        known.push_back(s.key);
    throw ConfigError("unknown parameter '" + std::string(key) + "' (known: " + joined(known, " ") + ")",
                      std::string(key));
}

ParameterValue parseParameter(const ParameterSpec& spec, const std::string& raw)
{
    const std::string v = trimmed(raw);
    switch (spec.type) {
    case ParameterType::Integer: {
        long long x = 0;
        const auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), x);
        if (v.empty() || ec != std::errc() || end != v.data() + v.size() || !inRange(spec, double(x)))
            refuse(spec, raw, spec.expectation());
        return double(x);
    }
    case ParameterType::Real: {
        const auto x = readNumber(v);
        if (!x)
            refuse(spec, raw, "must be a finite number");
        if (!inRange(spec, *x))
            refuse(spec, raw, spec.expectation());
        return *x;
    }
    case ParameterType::RealList: {
        std::vector<double> list;
        std::string item;
        std::istringstream in(v);
        while (std::getline(in, item, ',')) {
            item = trimmed(item);
            const auto x = readNumber(item);
            if (!x || !(*x > 0))
                refuse(spec, raw, "every spike must be a number greater than 0 (got '" + item + "')");
            list.push_back(*x);
        }
        if (list.empty() || list.size() > 64)
            refuse(spec, raw, spec.expectation());
        return list;
    }
    case ParameterType::Flag:
        if (v == "true" || v == "1" || v == "yes" || v == "on")
            return true;
        if (v == "false" || v == "0" || v == "no" || v == "off")
            return false;
        refuse(spec, raw, spec.expectation());
    case ParameterType::Choice:
        for (const std::string& c : spec.choices)
            if (c == v)
                return v;
        refuse(spec, raw, spec.expectation());
    case ParameterType::Text:
        // Only the training images need a name; an empty test-image path means "find them".
        if (v.empty() && spec.key == "images")
            refuse(spec, raw, "must be fashion-mnist, cifar10, or the path of an image file or folder");
        return v;
    }
    refuse(spec, raw, spec.expectation());
}

void checkParameter(const ParameterSpec& spec, const ParameterValue& value)
{
    const bool typeOk = std::visit(
        [&](const auto& x) {
            using X = std::decay_t<decltype(x)>;
            switch (spec.type) {
            case ParameterType::Integer:
                if constexpr (std::is_same_v<X, double>)
                    return x == std::floor(x);
                return false;
            case ParameterType::Real:
                return std::is_same_v<X, double>;
            case ParameterType::RealList:
                return std::is_same_v<X, std::vector<double>>;
            case ParameterType::Flag:
                return std::is_same_v<X, bool>;
            case ParameterType::Choice:
            case ParameterType::Text:
                return std::is_same_v<X, std::string>;
            }
            return false;
        },
        value);
    const std::string text = std::holds_alternative<double>(value) ? shortestNumber(std::get<double>(value))
                                                                    : formatParameter(spec, value);
    if (!typeOk)
        refuse(spec, text, spec.expectation());
    // The text route holds every range rule once: a typed value is checked by reading back its own text.
    parseParameter(spec, text);
}

std::string formatParameter(const ParameterSpec& spec, const ParameterValue& value)
{
    return std::visit(
        [&](const auto& x) -> std::string {
            using X = std::decay_t<decltype(x)>;
            if constexpr (std::is_same_v<X, double>) {
                if (spec.type == ParameterType::Integer && std::abs(x) < 1e18)
                    return std::to_string(std::llround(x));
                return shortestNumber(x);
            } else if constexpr (std::is_same_v<X, std::vector<double>>) {
                std::string s;
                for (std::size_t i = 0; i < x.size(); ++i)
                    s += (i ? "," : "") + shortestNumber(x[i]);
                return s;
            } else if constexpr (std::is_same_v<X, bool>) {
                return x ? "true" : "false";
            } else {
                return x;
            }
        },
        value);
}

std::string allowedValues(const ParameterSpec& spec)
{
    switch (spec.type) {
    case ParameterType::Integer:
        return boundText(spec.min) + " … " + boundText(spec.max);
    case ParameterType::Real:
        if (spec.min == -kInf && spec.max == kInf)
            return "any number";
        if (spec.max == kInf)
            return (spec.minExclusive ? "> " : "≥ ") + boundText(spec.min);
        return (spec.minExclusive ? "> " + boundText(spec.min) + ", ≤ " : boundText(spec.min) + " … ") +
               boundText(spec.max);
    case ParameterType::RealList:
        return "1 to 64 numbers > 0, e.g. `3,5,9`";
    case ParameterType::Flag:
        return "`true`, `false`";
    case ParameterType::Choice: {
        std::string s;
        for (const std::string& c : spec.choices)
            s += (s.empty() ? "`" : ", `") + c + "`";
        return s;
    }
    case ParameterType::Text:
        return "text";
    }
    return {};
}

std::string parameterTableMarkdown()
{
    const ExperimentConfig defaults;
    std::string out = "| key | values | default | spectra | meaning |\n|---|---|---|---|---|\n";
    for (const ParameterSpec& spec : parameterSchema()) {
        std::string spectra;
        for (const auto& [bit, name] : {std::pair{kSpiked, "spiked"}, {kPowerLaw, "powerlaw"}, {kImages, "images"}})
            if (spec.spectra & bit)
                spectra += (spectra.empty() ? "" : ", ") + std::string(name);
        if (spec.spectra == kAllSpectra)
            spectra = "all";
        std::string help = spec.help;
        if (!spec.unit.empty())
            help += " [" + spec.unit + "]";
        const std::string def = formatParameter(spec, spec.get(defaults));
        out += "| `" + spec.key + "` | " + allowedValues(spec) + " | " + (def.empty() ? "(empty)" : "`" + def + "`") +
               " | " + spectra + " | " + help + " |\n";
    }
    return out;
}

} // namespace aedyn
