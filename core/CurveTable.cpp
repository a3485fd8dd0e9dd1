#include "CurveTable.h"

#include <algorithm>
#include <charconv>

namespace aedyn {

namespace {

// Shortest text that reads back to the same double: files keep full precision.
void writeNumber(std::ostream& out, double x)
{
    char buf[32];
    const auto r = std::to_chars(buf, buf + sizeof buf, x);
    out.write(buf, r.ptr - buf);
}

// The quantities that get one column per unit (or per unit and mode), in column order.
template <typename Visit>
void forEachColumn(int K, int modes, bool bias, Visit&& visit)
{
    const char* routes[] = {"ode", "sgd"};
    for (const char* r : routes)
        for (int k = 0; k < K; ++k)
            visit(std::string("wnorm_") + r + "_" + std::to_string(k + 1),
                  [k](const Observables& o) { return o.encoderNorm(k); }, r[0] == 'o');
    for (const char* r : routes)
        for (int k = 0; k < K; ++k)
            visit(std::string("vnorm_") + r + "_" + std::to_string(k + 1),
                  [k](const Observables& o) { return o.decoderNorm(k); }, r[0] == 'o');
    const struct {
        const char* name;
        Eigen::MatrixXd OrderParameters::*m;
    } diagonals[] = {{"Q1", &OrderParameters::Q1}, {"R1", &OrderParameters::R1}, {"T0", &OrderParameters::T0}};
    for (const auto& d : diagonals)
        for (const char* r : routes)
            for (int k = 0; k < K; ++k) {
                const std::string i = std::to_string(k + 1);
                visit(std::string(d.name) + "_" + r + "_" + i + "_" + i,
                      [k, m = d.m](const Observables& o) { return (o.op.*m)(k, k); }, r[0] == 'o');
            }
    if (bias)
        for (const char* r : routes)
            for (int k = 0; k < K; ++k)
                visit(std::string("beta_") + r + "_" + std::to_string(k + 1),
                      [k](const Observables& o) { return o.op.beta(k); }, r[0] == 'o');
    const char* projections[] = {"u", "z", "cos"};
    for (const char* p : projections)
        for (const char* r : routes)
            for (int k = 0; k < K; ++k)
                for (int m = 0; m < modes; ++m) {
                    const std::string name =
                        std::string(p) + "_" + r + "_" + std::to_string(k + 1) + "_" + std::to_string(m + 1);
                    if (p[0] == 'u')
                        visit(name, [k, m](const Observables& o) { return o.encoderProjection(k, m); }, r[0] == 'o');
                    else if (p[0] == 'z')
                        visit(name, [k, m](const Observables& o) { return o.decoderProjection(k, m); }, r[0] == 'o');
                    else
                        visit(name, [k, m](const Observables& o) { return o.encoderOverlap()(k, m); }, r[0] == 'o');
                }
}

} // namespace

CurveTable::CurveTable(const Experiment& e)
    : times_(e.times())
    , rows_(e.times().size())
    , K_(e.config().K)
    , shownModes_(std::min<int>(static_cast<int>(e.data().modes().rho.size()), 10))
    , bias_(e.config().bias)
    , testImages_(e.data().hasTestSet())
{
}

void CurveTable::setTheory(std::size_t i, const Observables& o) { rows_.at(i).theory = o; }

void CurveTable::setSimulation(std::size_t i, const std::vector<Observables>& perRun)
{
    Row& row = rows_.at(i);
    row.simulation = meanOverRuns(perRun);
    std::vector<double> eps;
    for (const Observables& o : perRun)
        eps.push_back(testImages_ ? o.testEps : o.eps);
    row.epsSem = meanSem(eps).sem;
}

std::vector<std::string> CurveTable::header() const
{
    std::vector<std::string> h{"t", "eps_ode", "eps_sgd", "eps_sgd_sem"};
    forEachColumn(K_, shownModes_, bias_, [&](const std::string& name, auto&&, bool) { h.push_back(name); });
    if (testImages_)
        h.push_back("eps_sgd_gaussian");
    return h;
}

void CurveTable::writeCsv(std::ostream& out) const
{
    const auto header = this->header();
    for (std::size_t i = 0; i < header.size(); ++i)
        out << (i ? "," : "") << header[i];
    out << '\n';
    std::size_t last = 0;
    for (std::size_t i = 0; i < rows_.size(); ++i)
        if (rows_[i].theory || rows_[i].simulation)
            last = i + 1;
    for (std::size_t i = 0; i < last; ++i) {
        const Row& row = rows_[i];
        writeNumber(out, times_[i]);
        out << ',';
        if (row.theory)
            writeNumber(out, row.theory->eps);
        out << ',';
        if (row.simulation) {
            writeNumber(out, testImages_ ? row.simulation->testEps : row.simulation->eps);
            out << ',';
            writeNumber(out, row.epsSem);
        } else {
            out << ',';
        }
        forEachColumn(K_, shownModes_, bias_, [&](const std::string&, auto&& value, bool theory) {
            out << ',';
            const auto& o = theory ? row.theory : row.simulation;
            if (o)
                writeNumber(out, value(*o));
        });
        if (testImages_) {
            out << ',';
            if (row.simulation)
                writeNumber(out, row.simulation->eps);
        }
        out << '\n';
    }
}

} // namespace aedyn
