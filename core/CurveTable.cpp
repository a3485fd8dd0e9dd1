#include "CurveTable.h"

#include <algorithm>
#include <charconv>

namespace aedyn {

namespace {

// Shortest text that reads back to the same double: files keep full precision. Appended to the row's text, which
// goes to the stream whole (a stream call per number cost about a tenth of writing figure 5d's 547,000 cells).
void appendNumber(std::string& row, double x)
{
    char buf[32];
    const auto r = std::to_chars(buf, buf + sizeof buf, x);
    row.append(buf, r.ptr);
}

// The quantities that get one column per unit (or per unit and mode), in column order. Each column's name comes
// as a callable: the header asks for it, the rows (thousands of columns for images) do not build it.
template <typename Visit>
void forEachColumn(int K, int modes, bool bias, Visit&& visit)
{
    const char* routes[] = {"ode", "sgd"};
    for (const char* r : routes)
        for (int k = 0; k < K; ++k)
            visit([&] { return std::string("wnorm_") + r + "_" + std::to_string(k + 1); },
                  [k](const Observables& o) { return o.encoderNorm(k); }, r[0] == 'o');
    for (const char* r : routes)
        for (int k = 0; k < K; ++k)
            visit([&] { return std::string("vnorm_") + r + "_" + std::to_string(k + 1); },
                  [k](const Observables& o) { return o.decoderNorm(k); }, r[0] == 'o');
    const struct {
        const char* name;
        Eigen::MatrixXd OrderParameters::*m;
    } diagonals[] = {{"Q1", &OrderParameters::Q1}, {"R1", &OrderParameters::R1}, {"T0", &OrderParameters::T0}};
    for (const auto& d : diagonals)
        for (const char* r : routes)
            for (int k = 0; k < K; ++k)
                visit(
                    [&] {
                        const std::string i = std::to_string(k + 1);
                        return std::string(d.name) + "_" + r + "_" + i + "_" + i;
                    },
                    [k, m = d.m](const Observables& o) { return OrderParameters::diagonal(o.op.*m, k); }, r[0] == 'o');
    if (bias)
        for (const char* r : routes)
            for (int k = 0; k < K; ++k)
                visit([&] { return std::string("beta_") + r + "_" + std::to_string(k + 1); },
                      [k](const Observables& o) { return o.op.beta(k); }, r[0] == 'o');
    const char* projections[] = {"u", "z", "cos"};
    for (const char* p : projections)
        for (const char* r : routes)
            for (int k = 0; k < K; ++k)
                for (int m = 0; m < modes; ++m) {
                    const auto name = [&] {
                        return std::string(p) + "_" + r + "_" + std::to_string(k + 1) + "_" + std::to_string(m + 1);
                    };
                    if (p[0] == 'u')
                        visit(name, [k, m](const Observables& o) { return o.encoderProjection(k, m); }, r[0] == 'o');
                    else if (p[0] == 'z')
                        visit(name, [k, m](const Observables& o) { return o.decoderProjection(k, m); }, r[0] == 'o');
                    else
                        visit(name, [k, m](const Observables& o) { return o.encoderOverlap(k, m); }, r[0] == 'o');
                }
}

} // namespace

CurveTable::CurveTable(const RunResults& results)
    : results_(results)
    , K_(results.setup().K)
    , shownModes_(std::min<int>(static_cast<int>(results.setup().trackedRho.size()), 10))
    , bias_(results.setup().config.bias)
    , testImages_(results.setup().imageRows > 0)
    , untiedComparison_(results.setup().theoryIsUntiedComparison)
{
}

std::vector<std::string> CurveTable::header() const
{
    std::vector<std::string> h{"t", "eps_ode", "eps_sgd", "eps_sgd_sem"};
    forEachColumn(K_, shownModes_, bias_, [&](auto&& name, auto&&, bool) { h.push_back(name()); });
    if (testImages_)
        h.push_back("eps_sgd_gaussian");
    if (untiedComparison_)
        h.push_back("eps_ode_untied");
    return h;
}

void CurveTable::writeCsv(std::ostream& out) const
{
    const auto header = this->header();
    for (std::size_t i = 0; i < header.size(); ++i)
        out << (i ? "," : "") << header[i];
    out << '\n';
    // One grid for both routes: the CLI runs them from the same experiment.
    const std::vector<double>& times = results_.setup().times;
    auto theoryAt = [&](std::size_t i) -> const Observables* {
        return i < results_.theory().size() && results_.theory()[i] ? &*results_.theory()[i] : nullptr;
    };
    auto simulationAt = [&](std::size_t i) -> const SimulationPoint* {
        return i < results_.simulation().size() && results_.simulation()[i] ? &*results_.simulation()[i] : nullptr;
    };
    std::size_t last = 0;
    for (std::size_t i = 0; i < times.size(); ++i)
        if (theoryAt(i) || simulationAt(i))
            last = i + 1;
    std::string row;
    for (std::size_t i = 0; i < last; ++i) {
        // The untied comparison's numbers are not the tied network's: they go to eps_ode_untied alone.
        const Observables* untied = untiedComparison_ ? theoryAt(i) : nullptr;
        const Observables* theory = untiedComparison_ ? nullptr : theoryAt(i);
        const SimulationPoint* sim = simulationAt(i);
        row.clear();
        appendNumber(row, times[i]);
        row += ',';
        if (theory)
            appendNumber(row, theory->eps);
        row += ',';
        if (sim) {
            appendNumber(row, sim->eps);  // for images: the mean error on the held-out images
            row += ',';
            appendNumber(row, sim->epsSem);
        } else {
            row += ',';
        }
        forEachColumn(K_, shownModes_, bias_, [&](auto&&, auto&& value, bool fromTheory) {
            row += ',';
            if (fromTheory && theory)
                appendNumber(row, value(*theory));
            else if (!fromTheory && sim)
                appendNumber(row, value(sim->mean));
        });
        if (testImages_) {
            row += ',';
            if (sim)
                appendNumber(row, sim->mean.eps);
        }
        if (untiedComparison_) {
            row += ',';
            if (untied)
                appendNumber(row, untied->eps);
        }
        row += '\n';
        out.write(row.data(), static_cast<std::streamsize>(row.size()));
    }
}

} // namespace aedyn
