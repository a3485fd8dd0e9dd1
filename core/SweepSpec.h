#pragma once
// Sweep specifications for `aedyn-cli sweep SPEC`: a small line-based text format (README, "Sweeps") naming a base
// (a preset or a project file), fixed overrides, the swept keys with their values (a list, or a linear or
// logarithmic range), the routes to run and the quantities of the summary table. Expansion gives the Cartesian
// product of the sweep lines (the first line varies slowest). Every refusal is a ConfigError of one sentence
// naming the line, the key and the problem. No Qt: the project file of a base is loaded by the caller.
#include "ExperimentConfig.h"

#include <string>
#include <utility>
#include <vector>

namespace aedyn {

using Overrides = std::vector<std::pair<std::string, std::string>>;

struct SweepAxis {
    std::string key;
    std::vector<std::string> values;  // as the parameter's text, each accepted by parseParameter
    int line = 0;
};

struct SweepQuantity {
    // Gap compares the routes (both needed): the mean over grid times t > 0 of |eps_sgd - eps_ode| / eps_ode.
    enum class Kind { EpsFinal, EpsAt, Escape, CosFinal, Slope, Gap };
    Kind kind = Kind::EpsFinal;
    double value = 0;  // T of eps_at, LEVEL of escape, T1 of slope
    double value2 = 0; // T2 of slope
    int k = 0, m = 0;  // 1-based unit and mode of cos_final
    std::string text;  // as written, e.g. "escape:0.5"
    // The summary column of a route, e.g. "escape_0.5_ode"; Gap has one column, "gap_sgd_ode", for any route.
    std::string column(const std::string& route) const;
    bool perRoute() const { return kind != Kind::Gap; }
};

struct SweepSpec {
    std::string base;         // a preset name, or a project file's path (resolved against the spec's folder)
    bool baseIsProject = false;
    int baseLine = 0;
    Overrides fixed;          // the `set` lines, in order
    std::vector<SweepAxis> axes;
    bool runOde = true, runSgd = false;
    std::vector<SweepQuantity> quantities;  // default: eps_final

    std::vector<std::string> routes() const;  // "ode", "sgd" as run
    std::size_t pointCount() const;
};

// Parses the text of a spec file; specDir is the folder a relative project path is resolved against.
SweepSpec parseSweepSpec(const std::string& text, const std::string& specDir = {});
// One `sweep KEY = VALUES` line's right-hand side, and one entry of `quantities`, as the spec parser reads them
// (the app's sweep editor uses these too). line 0: the refusal names no line.
SweepAxis parseSweepAxis(const std::string& key, const std::string& values, int line = 0);
SweepQuantity parseSweepQuantity(const std::string& text, int line = 0);

struct SweepPoint {
    std::size_t index = 0;
    Overrides swept;      // one (key, text) per axis, in axis order
    Overrides overrides;  // the `set` lines, then the swept values: what a single run would get with --set
    ExperimentConfig config;
};

// Every point, each applied to baseConfig and validated; a bad point throws naming its index and values.
std::vector<SweepPoint> expandSweep(const SweepSpec& spec, const ExperimentConfig& baseConfig);
// The base config of a preset base (throws for an unknown preset); project bases are loaded by the caller.
ExperimentConfig presetBaseConfig(const SweepSpec& spec);

// curves.csv as read back: its header and its rows (an empty cell is NaN).
struct CurveColumns {
    std::vector<std::string> header;
    std::vector<std::vector<double>> rows;
    int column(const std::string& name) const;  // -1 if absent
};
// Parses curves.csv; throws std::runtime_error on a malformed file.
CurveColumns parseCurveCsv(const std::string& text);
// A quantity of one route ("ode" or "sgd") from a point's curves; NaN when undefined (no data, never escapes, fewer
// than two positive errors in a slope's window). Gap ignores the route.
double sweepQuantity(const SweepQuantity& q, const std::string& route, const CurveColumns& curves);

// The quantity columns of summary.csv: each per-route quantity once per route run, each route comparison once;
// and one point's values in the same order.
std::vector<std::string> summaryColumns(const SweepSpec& spec);
std::vector<double> summaryValues(const SweepSpec& spec, const CurveColumns& curves);

} // namespace aedyn
