#include "SweepResults.h"

#include <charconv>
#include <cmath>
#include <limits>

namespace aedyn {

namespace {

std::string number(double x)
{
    if (!std::isfinite(x))
        return {};
    char buf[32];
    const auto r = std::to_chars(buf, buf + sizeof buf, x);
    return std::string(buf, r.ptr);
}

// A cell of CSV text: quoted when it holds a comma or a quote (a list value such as the spikes).
std::string cell(const std::string& text)
{
    if (text.find_first_of(",\"") == std::string::npos)
        return text;
    std::string quoted = "\"";
    for (char c : text)
        quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
    return quoted + "\"";
}

} // namespace

void SweepResults::reset(std::vector<SweepAxis> axes, std::vector<SweepPoint> points, bool simulate)
{
    axes_ = std::move(axes);
    points_ = std::move(points);
    simulate_ = simulate;
    curves_.assign(points_.size(), std::nullopt);
    arrived_ = failed_ = simulated_ = simulationFailed_ = 0;
}

void SweepResults::setPoint(std::size_t index, SweepPointCurves curves)
{
    if (index >= curves_.size())
        return;
    auto& kept = curves_[index];
    if (kept && (kept->simulated || !curves.simulated))
        return;
    if (!kept) {
        arrived_ += 1;
        failed_ += curves.failure.empty() ? 0 : 1;
    }
    if (curves.simulated) {
        simulated_ += 1;
        simulationFailed_ += curves.simulationFailure.empty() ? 0 : 1;
    }
    kept = std::move(curves);
}

bool SweepResults::routeOk(std::size_t index, const std::string& route) const
{
    const auto& c = curves_[index];
    if (!c || c->curves.rows.empty())
        return false;
    return route == "sgd" ? c->simulated && c->simulationFailure.empty() : c->failure.empty();
}

double SweepResults::quantity(std::size_t index, const SweepQuantity& q, const std::string& route) const
{
    const bool ok = q.perRoute() ? routeOk(index, route) : routeOk(index, "ode") && routeOk(index, "sgd");
    if (!ok)
        return std::numeric_limits<double>::quiet_NaN();
    return sweepQuantity(q, route, curves_[index]->curves);
}

std::vector<std::pair<double, double>> SweepResults::curve(std::size_t index, const std::string& route) const
{
    std::vector<std::pair<double, double>> out;
    if (!routeOk(index, route))
        return out;
    const CurveColumns& c = curves_[index]->curves;
    const int eps = c.column("eps_" + route);
    if (eps < 0)
        return out;
    for (const auto& row : c.rows)
        if (std::isfinite(row[eps]))
            out.emplace_back(row[0], row[eps]);
    return out;
}

std::string SweepResults::familyCsv() const
{
    std::string csv = "point";
    for (const SweepAxis& a : axes_)
        csv += "," + a.key;
    csv += simulate_ ? ",t,eps_ode,eps_sgd\n" : ",t,eps_ode\n";
    for (std::size_t i = 0; i < points_.size(); ++i) {
        std::string keys = std::to_string(i);
        for (const auto& [k, v] : points_[i].swept)
            keys += "," + cell(v);
        // One row per grid time of either route; a route without a value there (failed, not run) leaves its cell empty.
        const bool ode = routeOk(i, "ode"), sgd = simulate_ && routeOk(i, "sgd");
        if (!ode && !sgd)
            continue;
        const CurveColumns& c = curves_[i]->curves;
        const int eo = c.column("eps_ode"), es = c.column("eps_sgd");
        for (const auto& row : c.rows) {
            const double o = ode && eo >= 0 ? row[eo] : NAN, s = sgd && es >= 0 ? row[es] : NAN;
            if (!std::isfinite(o) && !std::isfinite(s))
                continue;
            csv += keys + "," + number(row[0]) + "," + number(o) + (simulate_ ? "," + number(s) : "") + "\n";
        }
    }
    return csv;
}

std::string SweepResults::quantityCsv(const SweepQuantity& q) const
{
    // The columns of `aedyn-cli sweep`'s summary for this quantity, and gap beside it when both routes ran.
    std::vector<std::pair<std::string, std::string>> columns;  // (column, route)
    if (q.perRoute()) {
        columns.push_back({q.column("ode"), "ode"});
        if (simulate_)
            columns.push_back({q.column("sgd"), "sgd"});
    }
    const SweepQuantity gap = parseSweepQuantity("gap");
    if (simulate_)
        columns.push_back({gap.column({}), {}});
    std::string csv = "point";
    for (const SweepAxis& a : axes_)
        csv += "," + a.key;
    for (const auto& [name, route] : columns)
        csv += "," + name;
    csv += ",status\n";
    for (std::size_t i = 0; i < points_.size(); ++i) {
        csv += std::to_string(i);
        for (const auto& [k, v] : points_[i].swept)
            csv += "," + cell(v);
        for (const auto& [name, route] : columns)
            csv += "," + number(route.empty() ? quantity(i, gap) : quantity(i, q, route));
        const auto& c = curves_[i];
        const char* status = !c                            ? "pending"
                             : !c->failure.empty()         ? "failed"
                             : !c->simulationFailure.empty() ? "sgd failed"
                             : simulate_ && !c->simulated  ? "pending"
                                                           : "ok";
        csv += std::string(",") + status + "\n";
    }
    return csv;
}

} // namespace aedyn
