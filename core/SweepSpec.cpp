#include "SweepSpec.h"
#include "Text.h"

#include "ParameterSchema.h"
#include "Presets.h"

#include <charconv>
#include <cmath>
#include <filesystem>
#include <limits>
#include <optional>
#include <set>
#include <sstream>
#include <stdexcept>

namespace aedyn {

namespace {

// Points of one sweep, all axes together. 10^5 points are days of theory on one machine and as many folders; the
// bound also keeps a hostile spec from making the parser expand millions of values (fuzz_sweepspec timed out at
// 10^6).
constexpr std::size_t kMaxPoints = 100000;

std::optional<double> number(const std::string& raw)
{
    const std::string s = trimmed(raw);
    double x = 0;
    const char* begin = s.data();
    if (!s.empty() && s[0] == '+')
        ++begin;
    const auto [end, ec] = std::from_chars(begin, s.data() + s.size(), x);
    if (s.empty() || ec != std::errc() || end != s.data() + s.size() || !std::isfinite(x))
        return std::nullopt;
    return x;
}

std::vector<std::string> split(const std::string& s, char sep)
{
    std::vector<std::string> parts;
    std::string item;
    std::istringstream in(s);
    while (std::getline(in, item, sep))
        parts.push_back(trimmed(item));
    if (!s.empty() && s.back() == sep)
        parts.emplace_back();
    return parts;
}

[[noreturn]] void refuse(int line, const std::string& key, const std::string& problem)
{
    throw ConfigError(line > 0 ? "line " + std::to_string(line) + ": " + problem : problem, key);
}

// The value text checked by the schema; a refusal carries parseParameter's message.
std::string checkedValue(int line, const ParameterSpec& spec, const std::string& text)
{
    try {
        return formatParameter(spec, parseParameter(spec, text));
    } catch (const ConfigError& e) {
        refuse(line, spec.key, e.what());
    }
}

std::vector<std::string> rangeValues(int line, const ParameterSpec& spec, const std::vector<std::string>& words)
{
    const std::string& kind = words[0];
    const std::string form = kind + " FROM TO N";
    if (spec.type != ParameterType::Integer && spec.type != ParameterType::Real)
        refuse(line, spec.key, spec.key + ": a " + kind + " range needs a numeric key, and " + spec.key + " is " +
                                   allowedValues(spec));
    if (words.size() != 4)
        refuse(line, spec.key, spec.key + ": expected '" + form + "', e.g. '" + kind + " 0.1 10 5'");
    const auto from = number(words[1]), to = number(words[2]);
    if (!from || !to)
        refuse(line, spec.key, spec.key + ": '" + (!from ? words[1] : words[2]) + "' in '" + form +
                                   "' is not a number");
    long long n = 0;
    const auto [end, ec] = std::from_chars(words[3].data(), words[3].data() + words[3].size(), n);
    if (ec != std::errc() || end != words[3].data() + words[3].size())
        refuse(line, spec.key, spec.key + ": N = '" + words[3] + "' in '" + form + "' is not a whole number");
    if (n < 2)
        refuse(line, spec.key, spec.key + ": a range needs N >= 2 points (got " + words[3] + ")");
    if (n > static_cast<long long>(kMaxPoints))
        refuse(line, spec.key, spec.key + ": N = " + words[3] + " is more than " + std::to_string(kMaxPoints));
    const bool log = kind == "log";
    if (log && (*from <= 0 || *to <= 0))
        refuse(line, spec.key, spec.key + ": a log range needs both bounds greater than 0 (got " + words[1] + " and " +
                                   words[2] + ")");
    std::vector<std::string> values;
    std::set<std::string> seen;
    for (long long i = 0; i < n; ++i) {
        const double f = double(i) / double(n - 1);
        double x = i == 0 ? *from
                   : i == n - 1 ? *to
                   : log ? *from * std::pow(*to / *from, f)
                         : *from + (*to - *from) * f;
        if (spec.type == ParameterType::Integer) {
            // Beyond 2^53 no double is a distinct whole number, and beyond long long a cast is undefined; every
            // whole-number key's range is far smaller, so such a value is refused as the schema would refuse it.
            if (!(std::abs(x) < 9.0e15))
                refuse(line, spec.key, spec.key + ": the range " + words[1] + " to " + words[2] + " reaches " +
                                           shortestNumber(x) + ", out of range for a whole number");
            x = std::round(x);
        }
        const std::string text = spec.type == ParameterType::Integer ? std::to_string(static_cast<long long>(x))
                                                                     : shortestNumber(x);
        if (!seen.insert(text).second)
            refuse(line, spec.key, spec.key + ": the " + kind + " range " + words[1] + " to " + words[2] + " in " +
                                       words[3] + " points repeats " + text + " (" + spec.key +
                                       " is a whole number; use fewer points)");
        values.push_back(checkedValue(line, spec, text));
    }
    return values;
}

const ParameterSpec& knownKey(int line, const std::string& key)
{
    try {
        return parameterSpec(key);
    } catch (const ConfigError& e) {
        refuse(line, key, e.what());
    }
}

SweepQuantity parseQuantity(int line, const std::string& text)
{
    SweepQuantity q;
    q.text = text;
    const std::vector<std::string> parts = split(text, ':');
    const std::string known = "known: eps_final, eps_at:T, escape:LEVEL, cos_final:K:M, slope:T1:T2, gap";
    auto bad = [&](const std::string& why) { refuse(line, "quantities", "quantities: '" + text + "' " + why); };
    if (parts[0] == "eps_final" && parts.size() == 1) {
        q.kind = SweepQuantity::Kind::EpsFinal;
    } else if (parts[0] == "gap" && parts.size() == 1) {
        q.kind = SweepQuantity::Kind::Gap;
    } else if ((parts[0] == "eps_at" || parts[0] == "escape") && parts.size() == 2) {
        const auto x = number(parts[1]);
        if (!x || (parts[0] == "eps_at" ? *x < 0 : *x <= 0))
            bad(parts[0] == "eps_at" ? "needs a time T >= 0" : "needs a level greater than 0");
        q.kind = parts[0] == "eps_at" ? SweepQuantity::Kind::EpsAt : SweepQuantity::Kind::Escape;
        q.value = *x;
    } else if (parts[0] == "slope" && parts.size() == 3) {
        const auto t1 = number(parts[1]), t2 = number(parts[2]);
        if (!t1 || !t2 || *t1 <= 0 || *t2 <= *t1)
            bad("needs a window of times 0 < T1 < T2 (a log-log fit)");
        q.kind = SweepQuantity::Kind::Slope;
        q.value = *t1;
        q.value2 = *t2;
    } else if (parts[0] == "cos_final" && parts.size() == 3) {
        int k = 0, m = 0;
        const auto rk = std::from_chars(parts[1].data(), parts[1].data() + parts[1].size(), k);
        const auto rm = std::from_chars(parts[2].data(), parts[2].data() + parts[2].size(), m);
        if (rk.ec != std::errc() || rm.ec != std::errc() || rk.ptr != parts[1].data() + parts[1].size() ||
            rm.ptr != parts[2].data() + parts[2].size() || k < 1 || m < 1 || m > 10)
            bad("needs a unit K >= 1 and a mode M from 1 to 10 (curves.csv's cos columns)");
        q.kind = SweepQuantity::Kind::CosFinal;
        q.k = k;
        q.m = m;
    } else {
        bad("is not a quantity (" + known + ")");
    }
    return q;
}

} // namespace

std::string SweepQuantity::column(const std::string& route) const
{
    switch (kind) {
    case Kind::EpsFinal:
        return "eps_final_" + route;
    case Kind::EpsAt:
        return "eps_at_" + shortestNumber(value) + "_" + route;
    case Kind::Escape:
        return "escape_" + shortestNumber(value) + "_" + route;
    case Kind::CosFinal:
        return "cos_final_" + std::to_string(k) + "_" + std::to_string(m) + "_" + route;
    case Kind::Slope:
        return "slope_" + shortestNumber(value) + "_" + shortestNumber(value2) + "_" + route;
    case Kind::Gap:
        return "gap_sgd_ode";
    }
    return {};
}

std::vector<std::string> SweepSpec::routes() const
{
    std::vector<std::string> r;
    if (runOde)
        r.emplace_back("ode");
    if (runSgd)
        r.emplace_back("sgd");
    return r;
}

std::size_t SweepSpec::pointCount() const
{
    std::size_t n = 1;
    for (const SweepAxis& a : axes)
        n *= a.values.size();
    return n;
}

SweepAxis parseSweepAxis(const std::string& key, const std::string& rhs, int line)
{
    const ParameterSpec& ps = knownKey(line, key);
    SweepAxis axis{key, {}, line};
    const std::vector<std::string> words = [&] {
        std::vector<std::string> w;
        std::istringstream ws(rhs);
        for (std::string x; ws >> x;)
            w.push_back(x);
        return w;
    }();
    if (!words.empty() && (words[0] == "lin" || words[0] == "log")) {
        axis.values = rangeValues(line, ps, words);
    } else {
        // Lists are comma-separated; for a list-valued key (spikes) the items are separated by ';'.
        const char sep = ps.type == ParameterType::RealList ? ';' : ',';
        if (rhs.empty())
            refuse(line, key, key + ": the list of values is empty");
        std::set<std::string> seen;
        for (const std::string& v : split(rhs, sep)) {
            if (v.empty())
                refuse(line, key, key + ": empty value in the list '" + rhs + "'");
            const std::string t = checkedValue(line, ps, v);
            if (!seen.insert(t).second)
                refuse(line, key, key + ": the value " + t + " is listed twice");
            axis.values.push_back(t);
        }
    }
    return axis;
}

SweepQuantity parseSweepQuantity(const std::string& text, int line) { return parseQuantity(line, text); }

SweepSpec parseSweepSpec(const std::string& text, const std::string& specDir)
{
    SweepSpec spec;
    std::set<std::string> fixedKeys, sweptKeys;
    bool haveRoutes = false, haveQuantities = false;
    std::istringstream in(text);
    std::string raw;
    int line = 0;
    while (std::getline(in, raw)) {
        ++line;
        if (const auto hash = raw.find('#'); hash != std::string::npos)
            raw.erase(hash);
        const std::string s = trimmed(raw);
        if (s.empty())
            continue;
        const auto eq = s.find('=');
        if (eq == std::string::npos)
            refuse(line, {}, "expected 'base = …', 'set KEY = VALUE', 'sweep KEY = VALUES', 'routes = …' or "
                             "'quantities = …', got '" + s + "'");
        std::string lhs = trimmed(s.substr(0, eq));
        const std::string rhs = trimmed(s.substr(eq + 1));
        const auto space = lhs.find_first_of(" \t");
        const std::string word = lhs.substr(0, space);
        const std::string key = space == std::string::npos ? std::string() : trimmed(lhs.substr(space));

        if (word == "base" && key.empty()) {
            if (!spec.base.empty())
                refuse(line, "base", "base: given twice (first on line " + std::to_string(spec.baseLine) + ")");
            if (rhs.empty())
                refuse(line, "base", "base: expected a preset name or a project file");
            spec.baseLine = line;
            spec.baseIsProject = rhs.find('/') != std::string::npos || rhs.ends_with(".aedyn");
            if (spec.baseIsProject) {
                std::filesystem::path p(rhs);
                if (p.is_relative() && !specDir.empty())
                    p = std::filesystem::path(specDir) / p;
                spec.base = p.lexically_normal().string();
            } else {
                if (!findPreset(rhs)) {
                    std::string names;
                    for (const Preset& pr : presets())
                        names += (names.empty() ? "" : ", ") + pr.name;
                    refuse(line, "base", "base: unknown preset '" + rhs + "' (known: " + names + ")");
                }
                spec.base = rhs;
            }
        } else if ((word == "set" || word == "sweep") && !key.empty()) {
            const ParameterSpec& ps = knownKey(line, key);
            if (fixedKeys.count(key) || sweptKeys.count(key))
                refuse(line, key, key + ": already set or swept on an earlier line");
            if (word == "set") {
                spec.fixed.emplace_back(key, checkedValue(line, ps, rhs));
                fixedKeys.insert(key);
                continue;
            }
            SweepAxis axis = parseSweepAxis(key, rhs, line);
            if (spec.pointCount() * axis.values.size() > kMaxPoints)
                refuse(line, key, key + ": the sweep would have more than " + std::to_string(kMaxPoints) + " points");
            spec.axes.push_back(std::move(axis));
            sweptKeys.insert(key);
        } else if (word == "routes" && key.empty()) {
            if (haveRoutes)
                refuse(line, "routes", "routes: given twice");
            haveRoutes = true;
            if (rhs == "ode")
                spec.runOde = true, spec.runSgd = false;
            else if (rhs == "sgd")
                spec.runOde = false, spec.runSgd = true;
            else if (rhs == "both")
                spec.runOde = true, spec.runSgd = true;
            else
                refuse(line, "routes", "routes: '" + rhs + "' must be ode, sgd or both");
        } else if (word == "quantities" && key.empty()) {
            if (haveQuantities)
                refuse(line, "quantities", "quantities: given twice");
            haveQuantities = true;
            std::set<std::string> seen;
            for (const std::string& q : split(rhs, ',')) {
                if (q.empty())
                    refuse(line, "quantities", "quantities: empty entry in '" + rhs + "'");
                SweepQuantity parsed = parseSweepQuantity(q, line);
                if (!seen.insert(parsed.column("")).second)
                    refuse(line, "quantities", "quantities: '" + q + "' is listed twice");
                spec.quantities.push_back(std::move(parsed));
            }
        } else {
            refuse(line, {}, "'" + lhs + "' is not 'base', 'set KEY', 'sweep KEY', 'routes' or 'quantities'");
        }
    }
    if (spec.base.empty())
        throw ConfigError("the spec has no 'base = PRESET' or 'base = PROJECT.aedyn' line", "base");
    if (spec.axes.empty())
        throw ConfigError("the spec has no 'sweep KEY = VALUES' line", "sweep");
    if (spec.quantities.empty())
        spec.quantities.push_back(parseSweepQuantity("eps_final"));
    for (const SweepQuantity& q : spec.quantities)
        if (!q.perRoute() && !(spec.runOde && spec.runSgd))
            throw ConfigError("quantities: '" + q.text + "' compares the simulation with the theory and needs "
                              "'routes = both'",
                              "quantities");
    return spec;
}

ExperimentConfig presetBaseConfig(const SweepSpec& spec)
{
    if (spec.baseIsProject)
        throw ConfigError("line " + std::to_string(spec.baseLine) + ": base: a project file is loaded by the caller",
                          "base");
    return presetConfig(spec.base);
}

std::vector<SweepPoint> expandSweep(const SweepSpec& spec, const ExperimentConfig& baseConfig)
{
    const std::size_t n = spec.pointCount();
    std::vector<SweepPoint> points;
    points.reserve(n);
    for (std::size_t index = 0; index < n; ++index) {
        SweepPoint p;
        p.index = index;
        // The first axis varies slowest.
        std::size_t rest = index, stride = n;
        for (const SweepAxis& a : spec.axes) {
            stride /= a.values.size();
            p.swept.emplace_back(a.key, a.values[rest / stride]);
            rest %= stride;
        }
        p.overrides = spec.fixed;
        p.overrides.insert(p.overrides.end(), p.swept.begin(), p.swept.end());
        p.config = baseConfig;
        try {
            applyParameters(p.config, p.overrides);
            validate(p.config);
            for (const SweepQuantity& q : spec.quantities)
                if (q.kind == SweepQuantity::Kind::CosFinal && q.k > p.config.K)
                    throw ConfigError("quantity " + q.text + " names unit " + std::to_string(q.k) + " but K = " +
                                          std::to_string(p.config.K),
                                      "quantities");
        } catch (const ConfigError& e) {
            std::string values;
            for (const auto& [k, v] : p.swept)
                values += (values.empty() ? "" : ", ") + k + " = " + v;
            throw ConfigError("point " + std::to_string(index) + " (" + values + "): " + e.what(), e.key());
        }
        points.push_back(std::move(p));
    }
    return points;
}

int CurveColumns::column(const std::string& name) const
{
    for (std::size_t i = 0; i < header.size(); ++i)
        if (header[i] == name)
            return static_cast<int>(i);
    return -1;
}

CurveColumns parseCurveCsv(const std::string& text)
{
    CurveColumns c;
    std::istringstream in(text);
    std::string line;
    if (!std::getline(in, line) || line.empty())
        throw std::runtime_error("curves.csv is empty");
    c.header = split(line, ',');
    if (c.header.empty() || c.header[0] != "t")
        throw std::runtime_error("curves.csv does not start with the column t");
    int row = 1;
    while (std::getline(in, line)) {
        ++row;
        if (line.empty())
            continue;
        const std::vector<std::string> cells = split(line, ',');
        if (cells.size() != c.header.size())
            throw std::runtime_error("curves.csv row " + std::to_string(row) + " has " + std::to_string(cells.size()) +
                                     " cells, the header " + std::to_string(c.header.size()));
        std::vector<double> values(cells.size(), std::numeric_limits<double>::quiet_NaN());
        for (std::size_t i = 0; i < cells.size(); ++i) {
            if (cells[i].empty())
                continue;
            const auto x = number(cells[i]);
            if (!x && cells[i] != "nan" && cells[i] != "inf" && cells[i] != "-inf")
                throw std::runtime_error("curves.csv row " + std::to_string(row) + ": '" + cells[i] +
                                         "' is not a number");
            if (x)
                values[i] = *x;
        }
        c.rows.push_back(std::move(values));
    }
    if (c.rows.empty())
        throw std::runtime_error("curves.csv has no rows");
    return c;
}

namespace {

// The mean relative distance of the SGD mean from the theory over the grid times t > 0 where both have a value.
// A mean rather than a maximum: the largest distance sits on a plateau's edge, where a small shift in time is a
// large difference in error, and is too noisy to show a scaling with D.
double routeGap(const CurveColumns& curves)
{
    const double nan = std::numeric_limits<double>::quiet_NaN();
    const int ode = curves.column("eps_ode"), sgd = curves.column("eps_sgd");
    if (ode < 0 || sgd < 0)
        return nan;
    double sum = 0;
    int n = 0;
    for (const auto& r : curves.rows)
        if (r[0] > 0 && std::isfinite(r[ode]) && std::isfinite(r[sgd]) && r[ode] > 0) {
            sum += std::abs(r[sgd] - r[ode]) / r[ode];
            ++n;
        }
    return n > 0 ? sum / n : nan;
}

} // namespace

double sweepQuantity(const SweepQuantity& q, const std::string& route, const CurveColumns& curves)
{
    const double nan = std::numeric_limits<double>::quiet_NaN();
    if (q.kind == SweepQuantity::Kind::Gap)
        return routeGap(curves);
    const int eps = curves.column("eps_" + route);
    const int col = q.kind == SweepQuantity::Kind::CosFinal
                        ? curves.column("cos_" + route + "_" + std::to_string(q.k) + "_" + std::to_string(q.m))
                        : eps;
    if (col < 0 || curves.rows.empty())
        return nan;
    // The last row where the route has a value: t_max for a complete run.
    auto lastRow = [&]() -> const std::vector<double>* {
        for (auto it = curves.rows.rbegin(); it != curves.rows.rend(); ++it)
            if (!std::isnan((*it)[col]))
                return &*it;
        return nullptr;
    };
    switch (q.kind) {
    case SweepQuantity::Kind::EpsFinal: {
        const auto* r = lastRow();
        return r ? (*r)[col] : nan;
    }
    case SweepQuantity::Kind::CosFinal: {
        const auto* r = lastRow();
        return r ? std::abs((*r)[col]) : nan;
    }
    case SweepQuantity::Kind::EpsAt: {
        const std::vector<double>* best = nullptr;
        for (const auto& r : curves.rows)
            if (!best || std::abs(r[0] - q.value) < std::abs((*best)[0] - q.value))
                best = &r;
        return (*best)[col];
    }
    case SweepQuantity::Kind::Escape:
        for (const auto& r : curves.rows)
            if (r[col] < q.value)
                return r[0];
        return nan;
    case SweepQuantity::Kind::Slope: {
        // Least squares of log ε against log t over the grid times in [T1, T2]: the exponent of ε ∝ t^slope.
        double n = 0, sx = 0, sy = 0, sxx = 0, sxy = 0;
        for (const auto& r : curves.rows) {
            if (!(r[0] >= q.value && r[0] <= q.value2 && r[col] > 0 && std::isfinite(r[col])))
                continue;
            const double x = std::log(r[0]), y = std::log(r[col]);
            n += 1, sx += x, sy += y, sxx += x * x, sxy += x * y;
        }
        const double spread = n * sxx - sx * sx;
        return n >= 2 && spread > 0 ? (n * sxy - sx * sy) / spread : nan;
    }
    case SweepQuantity::Kind::Gap:
        break;
    }
    return nan;
}

std::vector<std::string> summaryColumns(const SweepSpec& spec)
{
    std::vector<std::string> columns;
    for (const SweepQuantity& q : spec.quantities) {
        if (!q.perRoute()) {
            columns.push_back(q.column({}));
            continue;
        }
        for (const std::string& r : spec.routes())
            columns.push_back(q.column(r));
    }
    return columns;
}

std::vector<double> summaryValues(const SweepSpec& spec, const CurveColumns& curves)
{
    std::vector<double> values;
    for (const SweepQuantity& q : spec.quantities) {
        if (!q.perRoute()) {
            values.push_back(sweepQuantity(q, {}, curves));
            continue;
        }
        for (const std::string& r : spec.routes())
            values.push_back(sweepQuantity(q, r, curves));
    }
    return values;
}

} // namespace aedyn
