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

void SweepResults::reset(std::vector<SweepAxis> axes, std::vector<SweepPoint> points)
{
    axes_ = std::move(axes);
    points_ = std::move(points);
    theory_.assign(points_.size(), std::nullopt);
    arrived_ = failed_ = 0;
}

void SweepResults::setPoint(std::size_t index, SweepPointTheory theory)
{
    if (index >= theory_.size() || theory_[index])
        return;
    arrived_ += 1;
    failed_ += theory.failure.empty() ? 0 : 1;
    theory_[index] = std::move(theory);
}

double SweepResults::quantity(std::size_t index, const SweepQuantity& q) const
{
    const auto& t = theory_[index];
    if (!t || !t->failure.empty() || t->curves.rows.empty())
        return std::numeric_limits<double>::quiet_NaN();
    return sweepQuantity(q, "ode", t->curves);
}

std::vector<std::pair<double, double>> SweepResults::curve(std::size_t index) const
{
    std::vector<std::pair<double, double>> out;
    const auto& t = theory_[index];
    if (!t || !t->failure.empty())
        return out;
    const int eps = t->curves.column("eps_ode");
    if (eps < 0)
        return out;
    for (const auto& row : t->curves.rows)
        if (std::isfinite(row[eps]))
            out.emplace_back(row[0], row[eps]);
    return out;
}

std::string SweepResults::familyCsv() const
{
    std::string csv = "point";
    for (const SweepAxis& a : axes_)
        csv += "," + a.key;
    csv += ",t,eps_ode\n";
    for (std::size_t i = 0; i < points_.size(); ++i) {
        std::string keys = std::to_string(i);
        for (const auto& [k, v] : points_[i].swept)
            keys += "," + cell(v);
        for (const auto& [t, eps] : curve(i))
            csv += keys + "," + number(t) + "," + number(eps) + "\n";
    }
    return csv;
}

std::string SweepResults::quantityCsv(const SweepQuantity& q) const
{
    std::string csv = "point";
    for (const SweepAxis& a : axes_)
        csv += "," + a.key;
    csv += "," + q.column("ode") + ",status\n";
    for (std::size_t i = 0; i < points_.size(); ++i) {
        csv += std::to_string(i);
        for (const auto& [k, v] : points_[i].swept)
            csv += "," + cell(v);
        const char* status = !theory_[i] ? "pending" : theory_[i]->failure.empty() ? "ok" : "failed";
        csv += "," + number(quantity(i, q)) + "," + status + "\n";
    }
    return csv;
}

} // namespace aedyn
