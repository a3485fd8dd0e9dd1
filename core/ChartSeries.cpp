#include "ChartSeries.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>
#include <tuple>

namespace aedyn {

namespace {

// Log axes accept only finite, positive values.
bool drawable(double t, double y) { return t > 0 && std::isfinite(t) && y > 0 && std::isfinite(y); }

void append(Series& s, double t, double y)
{
    if (drawable(t, y)) {
        s.t.push_back(t);
        s.y.push_back(y);
    }
}

std::string n(int i) { return std::to_string(i); }

void writeNumber(std::ostream& out, double x)
{
    if (!std::isfinite(x))
        return;
    char buf[32];
    const auto r = std::to_chars(buf, buf + sizeof buf, x);
    out.write(buf, r.ptr - buf);
}

// A field of the CSV: quoted when it holds a separator or a quote (pin labels do).
void writeText(std::ostream& out, const std::string& s)
{
    if (s.find_first_of(",\"\n") == std::string::npos) {
        out << s;
        return;
    }
    out << '"';
    for (char c : s)
        out << (c == '"' ? std::string("\"\"") : std::string(1, c));
    out << '"';
}

} // namespace

std::vector<Series> learningSeries(const RunResults& results, bool individualRuns)
{
    std::vector<Series> out;
    Series ode{"eps", "ode", "", -1, {}, {}, {}};
    const auto& times = results.setup().times;
    for (std::size_t i = 0; i < results.theory().size(); ++i)
        if (const auto& o = results.theory()[i])
            append(ode, times[i], o->eps);
    out.push_back(std::move(ode));

    Series mean{"eps", "sgd", "mean", -1, {}, {}, {}};
    std::vector<Series> runs;
    for (std::size_t i = 0; i < results.simulation().size(); ++i) {
        const auto& p = results.simulation()[i];
        if (!p)
            continue;
        const double t = results.simulationTimes()[i];
        if (drawable(t, p->eps)) {
            append(mean, t, p->eps);
            mean.sem.push_back(p->epsSem);
        }
        for (std::size_t r = 0; individualRuns && r < std::min<std::size_t>(p->epsRuns.size(), kChartRuns); ++r) {
            if (runs.size() <= r)
                runs.push_back({"eps", "sgd", n(static_cast<int>(r) + 1), -1, {}, {}, {}});
            append(runs[r], t, p->epsRuns[r]);
        }
    }
    out.push_back(std::move(mean));
    for (Series& s : runs)
        out.push_back(std::move(s));
    return out;
}

std::vector<Series> normSeries(const RunResults& results)
{
    std::vector<Series> out;
    // With one unit the norms hide the physics (the bulk part stays frozen); its projections on e₁ show it.
    const bool projections = results.setup().K == 1;
    auto scales = [&](const Observables& o, int k) -> std::pair<double, double> {
        if (projections)
            return {std::abs(o.encoderProjection(k, 0)), std::abs(o.decoderProjection(k, 0))};
        return {o.encoderNorm(k), o.decoderNorm(k)};
    };
    auto names = [&](int k) {
        return projections ? std::pair{"abs_u_" + n(k + 1) + "_1", "abs_z_" + n(k + 1) + "_1"}
                           : std::pair{"wnorm_" + n(k + 1), "vnorm_" + n(k + 1)};
    };
    if (!results.setup().theoryIsUntiedComparison) {
        const int K = results.setup().K;
        const auto& times = results.setup().times;
        for (int k = 0; k < std::min(K, kChartUnits); ++k) {
            Series w{names(k).first, "ode", "", k, {}, {}, {}}, v{names(k).second, "ode", "", k, {}, {}, {}};
            for (std::size_t i = 0; i < results.theory().size(); ++i)
                if (const auto& o = results.theory()[i]; o && o->encoderNorm.size() > k) {
                    const auto [a, c] = scales(*o, k);
                    append(w, times[i], a);
                    append(v, times[i], c);
                }
            out.push_back(std::move(w));
            out.push_back(std::move(v));
        }
    }
    if (!results.setup().theoryIsUntiedComparison && results.setup().K > kChartUnits) {
        const char* stats[] = {"median", "min", "max"};
        for (const char* quantity : {"wnorm", "vnorm"}) {
            std::vector<Series> summary;
            for (const char* stat : stats)
                summary.push_back({std::string(quantity) + "_" + stat, "ode", "", -1, {}, {}, {}});
            for (std::size_t i = 0; i < results.theory().size(); ++i) {
                const auto& o = results.theory()[i];
                if (!o)
                    continue;
                const Eigen::VectorXd& norms = quantity[0] == 'w' ? o->encoderNorm : o->decoderNorm;
                std::vector<double> v(norms.data(), norms.data() + norms.size());
                std::sort(v.begin(), v.end());
                const double median = v.size() % 2 ? v[v.size() / 2] : 0.5 * (v[v.size() / 2 - 1] + v[v.size() / 2]);
                append(summary[0], results.setup().times[i], median);
                append(summary[1], results.setup().times[i], v.front());
                append(summary[2], results.setup().times[i], v.back());
            }
            for (Series& s : summary)
                out.push_back(std::move(s));
        }
    }
    if (projections && !results.setup().theoryIsUntiedComparison && results.setup().pcaErrors.size() > 1) {
        // One unit: how far above rank-1 PCA it still is, the quantity whose t^−2/3 figure 3 is about.
        Series f{"excess", "ode", "", 0, {}, {}, {}};
        for (std::size_t i = 0; i < results.theory().size(); ++i)
            if (const auto& o = results.theory()[i])
                append(f, results.setup().times[i], o->eps - results.setup().pcaErrors[1]);
        if (!f.t.empty())
            out.push_back(std::move(f));
        if (!results.longTime().empty()) {
            Series a{names(0).first, "reduced-ode", "", 0, {}, {}, {}}, c{names(0).second, "reduced-ode", "", 0, {}, {}, {}};
            Series e{"excess", "reduced-ode", "", 0, {}, {}, {}};
            for (const ReducedPoint& p : results.longTime()) {
                append(a, p.t, p.a);
                append(c, p.t, p.c);
                append(e, p.t, p.excess);
            }
            for (Series* s : {&a, &c, &e})
                out.push_back(std::move(*s));
        }
    }
    const int K = results.simulationSetup().K;
    for (int k = 0; k < std::min(K, kChartUnits); ++k) {
        Series w{names(k).first, "sgd", "mean", k, {}, {}, {}}, v{names(k).second, "sgd", "mean", k, {}, {}, {}};
        for (std::size_t i = 0; i < results.simulation().size(); ++i)
            if (const auto& p = results.simulation()[i]; p && p->mean.encoderNorm.size() > k) {
                const auto [a, c] = scales(p->mean, k);
                append(w, results.simulationTimes()[i], a);
                append(v, results.simulationTimes()[i], c);
            }
        out.push_back(std::move(w));
        out.push_back(std::move(v));
    }
    return out;
}

std::vector<Series> biasSeries(const RunResults& results)
{
    std::vector<Series> out;
    // A linear axis: every finite value at t > 0 (the time axis is logarithmic).
    auto add = [](Series& s, double t, double y) {
        if (t > 0 && std::isfinite(t) && std::isfinite(y)) {
            s.t.push_back(t);
            s.y.push_back(y);
        }
    };
    const RunSetup& theory = results.setup();
    if (theory.config.bias && !theory.theoryIsUntiedComparison)
        for (int k = 0; k < std::min(theory.K, kChartUnits); ++k) {
            Series b{"beta_" + n(k + 1), "ode", "", k, {}, {}, {}};
            for (std::size_t i = 0; i < results.theory().size(); ++i)
                if (const auto& o = results.theory()[i]; o && o->op.beta.size() > k)
                    add(b, theory.times[i], o->op.beta(k));
            out.push_back(std::move(b));
        }
    const RunSetup& simulation = results.simulationSetup();
    if (simulation.config.bias)
        for (int k = 0; k < std::min(simulation.K, kChartUnits); ++k) {
            Series b{"beta_" + n(k + 1), "sgd", "mean", k, {}, {}, {}};
            for (std::size_t i = 0; i < results.simulation().size(); ++i)
                if (const auto& p = results.simulation()[i]; p && p->mean.op.beta.size() > k)
                    add(b, results.simulationTimes()[i], p->mean.op.beta(k));
            out.push_back(std::move(b));
        }
    return out;
}

ShownPoints shownPoints(const RunResults& results)
{
    // One time for both routes: the cursor's when one is set; else, while a simulation of the theory's parameters
    // is shown, the simulation's latest time rather than the theory's end, so the two compare like with like.
    const SimulationPoint* sim = results.latestSimulation();
    if (results.cursor) {
        sim = nullptr;
        for (const auto& p : results.simulation())
            if (p && p->mean.t <= *results.cursor * (1 + 1e-12))
                sim = &*p;
    }
    const Observables* theory = results.latestTheory();
    const std::optional<double> shared =
        results.cursor ? results.cursor
                       : sim && !results.theoryStale && !results.simulationStale ? std::optional<double>(sim->mean.t)
                                                                                 : std::nullopt;
    if (shared) {
        theory = nullptr;
        for (const auto& o : results.theory())
            if (o && o->t <= *shared * (1 + 1e-12))
                theory = &*o;
    }
    // The untied comparison theory of a tied network says nothing about the tied weights.
    if (results.setup().theoryIsUntiedComparison)
        theory = nullptr;
    return {theory, sim ? &sim->mean : nullptr};
}

namespace {

// Calls add(observables, route, run) for the theory and the SGD mean at the time shownPoints() chooses.
template <class Add>
void forEachShownRoute(const RunResults& results, Add&& add)
{
    const ShownPoints shown = shownPoints(results);
    if (shown.theory)
        add(*shown.theory, "ode", "");
    if (shown.simulation)
        add(*shown.simulation, "sgd", "mean");
}

} // namespace

std::vector<Series> eigenbasisSeries(const RunResults& results, int maxUnits, int maxModes)
{
    std::vector<Series> out;
    auto add = [&](const Observables& o, const char* route, const char* run) {
        const Eigen::MatrixXd cos = o.encoderOverlap();
        const int M = std::min<int>(maxModes, cos.cols());
        for (int k = 0; k < std::min<int>(maxUnits, cos.rows()); ++k) {
            for (int m = 0; m < M; ++m)
                out.push_back({"cos_" + n(k + 1) + "_" + n(m + 1), route, run, k, {o.t}, {cos(k, m)}, {}, m});
            const double rest = std::sqrt(std::max(0.0, 1.0 - cos.row(k).head(M).squaredNorm()));
            out.push_back({"rest_" + n(k + 1), route, run, k, {o.t}, {rest}, {}, M});
        }
    };
    forEachShownRoute(results, add);
    return out;
}

std::vector<Series> overlapSeries(const RunResults& results, int maxUnits, int maxModes)
{
    std::vector<Series> out;
    auto add = [&](const Observables& o, const char* route, const char* run) {
        // One unit: within a one-dimensional tracked subspace the overlap is 1 at every time, so the plain cosine
        // and the share of w outside the tracked modes show its alignment instead.
        const bool plain = o.encoderProjection.rows() == 1;
        const Eigen::MatrixXd cos = plain ? o.encoderOverlap() : o.encoderSubspaceOverlap();
        const std::string name = plain ? "cos_" : "subspace_cos_";
        for (int k = 0; k < std::min<int>(maxUnits, cos.rows()); ++k) {
            for (int m = 0; m < std::min<int>(maxModes, cos.cols()); ++m)
                out.push_back({name + n(k + 1) + "_" + n(m + 1), route, run, k, {o.t}, {cos(k, m)}, {}, m});
            if (plain) {
                const double rest = std::sqrt(std::max(0.0, 1.0 - cos.row(k).squaredNorm()));
                out.push_back({"bulk_cos_" + n(k + 1), route, run, k, {o.t}, {rest}, {}, std::min<int>(maxModes, cos.cols())});
            }
        }
    };
    forEachShownRoute(results, add);
    return out;
}

void writeTidyCsv(const std::vector<Series>& series, std::ostream& out)
{
    std::vector<std::string> columns;
    auto columnOf = [&](const std::string& name) {
        const auto it = std::find(columns.begin(), columns.end(), name);
        if (it != columns.end())
            return static_cast<std::size_t>(it - columns.begin());
        columns.push_back(name);
        return columns.size() - 1;
    };
    for (const Series& s : series) {
        columnOf(s.column);
        if (!s.sem.empty())
            columnOf(s.column + "_sem");
    }
    // Rows keyed by route and run in the order they first appear, then by time.
    std::vector<std::pair<std::string, std::string>> groups;
    std::map<std::tuple<std::size_t, double>, std::vector<double>> rows;
    for (const Series& s : series) {
        const auto g = std::make_pair(s.route, s.run);
        auto it = std::find(groups.begin(), groups.end(), g);
        if (it == groups.end())
            it = groups.insert(groups.end(), g);
        const std::size_t group = static_cast<std::size_t>(it - groups.begin());
        for (std::size_t i = 0; i < s.t.size(); ++i) {
            auto& cells = rows[{group, s.t[i]}];
            cells.resize(columns.size(), NAN);
            cells[columnOf(s.column)] = s.y[i];
            if (i < s.sem.size())
                cells[columnOf(s.column + "_sem")] = s.sem[i];
        }
    }
    out << "t,route,run";
    for (const std::string& c : columns)
        out << ',' << c;
    out << '\n';
    for (const auto& [key, cells] : rows) {
        const auto& [route, run] = groups[std::get<0>(key)];
        writeNumber(out, std::get<1>(key));
        out << ',' << route << ',';
        writeText(out, run);
        for (std::size_t c = 0; c < columns.size(); ++c) {
            out << ',';
            if (c < cells.size())
                writeNumber(out, cells[c]);
        }
        out << '\n';
    }
}

} // namespace aedyn
