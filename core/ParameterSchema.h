#pragma once
// The one table of every experiment parameter: key, type, range or choices, unit, help, panel group and the
// spectra it applies to. Parsing, formatting, --help, the panel's fields, typed JSON in projects and run.json,
// and the README's parameter table all come from it (docs/parameters.md is checked against it by a test).
#include "ExperimentConfig.h"

#include <functional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace aedyn {

enum class ParameterType {
    Integer,   // a whole number in [min, max]
    Real,      // a finite number in [min, max] (or (min, max] when minExclusive)
    RealList,  // comma-separated numbers, each > 0 (the spikes)
    Flag,      // true or false
    Choice,    // one of `choices`
    Text,      // free text (names and paths)
};

// Which spectra a key means something for (the panel hides the others).
enum SpectrumSet : unsigned { kSpiked = 1u, kPowerLaw = 2u, kImages = 4u, kAllSpectra = 7u };

// A typed value, as JSON holds it: a number (whole numbers too), a list, a flag or text.
using ParameterValue = std::variant<double, std::vector<double>, bool, std::string>;

struct ParameterSpec {
    std::string key;
    ParameterType type;
    std::string group;   // Model, Data, Training, Initialisation, Integrator; empty: not a field of its own
    std::string symbol;  // the paper's symbol, e.g. η; may be empty
    std::string unit;    // e.g. "per unit time"; may be empty
    std::string help;    // one line
    double min = 0, max = 0;
    bool minExclusive = false;
    std::vector<std::string> choices;
    unsigned spectra = kAllSpectra;
    std::function<ParameterValue(const ExperimentConfig&)> get;
    std::function<void(ExperimentConfig&, const ParameterValue&)> set;

    bool appliesTo(SpectrumKind s) const;
    // "a whole number from 1 to 4096", "a number greater than 0", "one of erf, relu, linear", …
    std::string expectation() const;
};

// The panel's groups, in the order they are shown (a key's `group` is one of them or empty).
const std::vector<std::string>& parameterGroups();
// Every key in the order it is listed, written and documented.
const std::vector<ParameterSpec>& parameterSchema();
// The spec of a key, or nullptr.
const ParameterSpec* findParameter(std::string_view key);
// The spec of a key; throws ConfigError("unknown parameter 'x' (known: …)").
const ParameterSpec& parameterSpec(std::string_view key);

// Text ↔ typed value for one key. Parsing throws ConfigError whose key() is the key and whose message names
// the bad value and what is allowed. Numbers are written in the shortest form that reads back exactly.
ParameterValue parseParameter(const ParameterSpec& spec, const std::string& text);
std::string formatParameter(const ParameterSpec& spec, const ParameterValue& value);
// A typed value (from JSON, say) checked against the spec's type and range; throws ConfigError naming the key.
void checkParameter(const ParameterSpec& spec, const ParameterValue& value);

// The allowed values of a key in a few words: "1 … 4096", "> 0", "erf, relu, linear", "true, false".
std::string allowedValues(const ParameterSpec& spec);
// The parameter table of README.md (between its "parameters" markers), generated from the schema.
std::string parameterTableMarkdown();

// The shortest decimal text that reads back to the same double.
std::string shortestNumber(double x);

} // namespace aedyn
