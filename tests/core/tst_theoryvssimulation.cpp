// The ODE against the mean of ≥ 4 SGD runs started from the same initial weights (theory.md §9.1–9.2): maximum
// relative deviation of ε at about 20 log-spaced times, for the presets of the paper.
#include "Presets.h"
#include "Experiment.h"
#include "ModeOde.h"
#include "Tolerance.h"

#include <QTest>

#include <cmath>

using namespace aedyn;

namespace {

struct Curves {
    std::vector<double> t, ode, sgd;
};

Curves runBoth(const std::string& preset, const std::vector<std::pair<std::string, std::string>>& overrides)
{
    ExperimentConfig c = presetConfig(preset);
    applyParameters(c, overrides);
    const Experiment e(c);
    Curves out;
    out.t = e.times();
    out.ode.assign(out.t.size(), std::nan(""));
    out.sgd = out.ode;
    const RunOutcome theory = e.runTheory([&](std::size_t i, const Observables& o) { out.ode[i] = o.eps; });
    if (!theory.ok)
        qWarning("theory: %s", theory.message.c_str());
    const RunOutcome sim = e.runSimulation([&](std::size_t i, const std::vector<Observables>& runs, const Weights&) {
        double mean = 0;
        for (const Observables& o : runs)
            mean += o.eps;
        out.sgd[i] = mean / runs.size();
    });
    if (!sim.ok)
        qWarning("simulation: %s", sim.message.c_str());
    return out;
}

// Indices of about n grid times spread evenly in log t over [tMin, tMax].
std::vector<std::size_t> logSample(const std::vector<double>& t, double tMin, int n)
{
    std::vector<std::size_t> idx;
    const double l0 = std::log(tMin), l1 = std::log(t.back());
    for (int j = 0; j < n; ++j) {
        const double target = std::exp(l0 + (l1 - l0) * j / (n - 1));
        std::size_t best = 0;
        for (std::size_t i = 1; i < t.size(); ++i)
            if (std::abs(std::log(t[i] / target)) < std::abs(std::log(t[best] / target)) || t[best] == 0)
                best = i;
        if (idx.empty() || idx.back() != best)
            idx.push_back(best);
    }
    return idx;
}

// ε of a curve at time t by linear interpolation in (log t, log ε).
double interpolate(const std::vector<double>& t, const std::vector<double>& y, double at)
{
    for (std::size_t i = 1; i < t.size(); ++i)
        if (t[i] >= at && t[i - 1] > 0) {
            const double w = std::log(at / t[i - 1]) / std::log(t[i] / t[i - 1]);
            return std::exp((1 - w) * std::log(y[i - 1]) + w * std::log(y[i]));
        }
    return y.back();
}

} // namespace

class TestTheoryVsSimulation : public QObject {
    Q_OBJECT

private slots:
    void agreement_data()
    {
        QTest::addColumn<QString>("preset");
        QTest::addColumn<QStringList>("overrides");
        QTest::addColumn<double>("tolerance");
        QTest::addColumn<double>("timeShift");  // allowed relative shift of the time axis at steep escapes
        // Tolerances from the issue: 3 % at D = 1000, 5 % at D = 500 (theory.md §9.1).
        QTest::newRow("fig2-sequential D=1000") << "fig2-sequential" << QStringList{} << 0.03 << 0.0;
        QTest::newRow("linear D=1000") << "linear" << QStringList{} << 0.03 << 0.0;
        QTest::newRow("relu no bias D=500") << "fig4b-relu-nobias" << QStringList{} << 0.05 << 0.0;
        QTest::newRow("relu bias D=500") << "fig4b-relu-bias" << QStringList{} << 0.05 << 0.0;
        QTest::newRow("weight decay D=500") << "weight-decay" << QStringList{} << 0.05 << 0.0;
        QTest::newRow("powerlaw D=400") << "powerlaw" << QStringList{} << 0.05 << 0.0;
        QTest::newRow("sanger D=200") << "sanger" << QStringList{} << 0.05 << 0.0;
        QTest::newRow("fig3 K=1 D=1000") << "fig3-rescaling" << QStringList{} << 0.05 << 0.0;
        QTest::newRow("fig3 informed D=1000") << "fig3-rescaling" << QStringList{"init=informed"} << 0.05 << 0.0;
        QTest::newRow("truncated D=500") << "fig5-truncated" << QStringList{"t_max=600"} << 0.05 << 0.05;
        QTest::newRow("truncated-reference D=500")
            << "fig5-truncated" << QStringList{"t_max=600", "rule=truncated-reference"} << 0.05 << 0.05;
    }

    void agreement()
    {
        QFETCH(QString, preset);
        QFETCH(QStringList, overrides);
        QFETCH(double, tolerance);
        QFETCH(double, timeShift);
        // Under sanitizers (README, "Sanitizer builds") a lighter variant: the three cheapest rows (4-6 s each
        // unsanitized; ASan+UBSan on a shared machine is ~10x slower and Qt Test stops a function after 300 s) still
        // exercise the ODE, the SGD ensemble and their comparison; the others run in the ordinary build.
        static const QStringList light{"weight decay D=500", "powerlaw D=400", "sanger D=200"};
        if (qEnvironmentVariableIsSet("AEDYN_SANITIZED") && !light.contains(QLatin1String(QTest::currentDataTag())))
            QSKIP("lighter variant under sanitizers: this row runs in the ordinary build");
        std::vector<std::pair<std::string, std::string>> kv;
        for (const QString& o : overrides)
            kv.emplace_back(o.section('=', 0, 0).toStdString(), o.section('=', 1).toStdString());
        const Curves c = runBoth(preset.toStdString(), kv);
        double worst = 0, worstT = 0;
        for (std::size_t i : logSample(c.t, 0.1, 20)) {
            QVERIFY(std::isfinite(c.ode[i]) && std::isfinite(c.sgd[i]));
            double dev = std::abs(c.sgd[i] - c.ode[i]) / c.ode[i];
            // Finite-D scatter of escape times: compare with the ODE at a slightly shifted time (theory.md §9.1).
            for (int j = -10; j <= 10 && timeShift > 0; ++j) {
                const double shifted = interpolate(c.t, c.ode, c.t[i] * (1 + timeShift * j / 10));
                dev = std::min(dev, std::abs(c.sgd[i] - shifted) / shifted);
            }
            if (dev > worst) {
                worst = dev;
                worstT = c.t[i];
            }
        }
        qInfo("%s: max relative deviation %.3f %% at t = %.3g", qPrintable(preset), 100 * worst, worstT);
        QVERIFY2(worst <= tolerance, qPrintable(QStringLiteral("max deviation %1 % at t = %2 exceeds %3 %")
                                                     .arg(100 * worst).arg(worstT).arg(100 * tolerance)));
    }

    // theory.md §3.3 and §6.5: with rule=truncated-reference a trained bias takes the variant's scalar in both the
    // SGD and the ODE (F_aa). ReLU with trained biases (figure 4b's values, D = 500, 4 runs from the same weights):
    // up to t = 120, through the biases' first large excursion (β_2 → −4.4 near t = 45), ε agrees within 5 % and
    // every bias within 0.05 + 3 % of its value at 20 log-spaced times (measured with seed 1: 1.2 % and 0.08 at β ≈ −4.4).
    // Later, near t = 150, a second excursion happens at run-dependent times, and a mean over 4 runs no longer
    // follows the ODE. With the paper's scalar in the SGD's bias update (the old code), ε differs by more than
    // 10 % and the biases by O(1).
    void truncatedReferenceWithTrainedBiases()
    {
        ExperimentConfig c = presetConfig("fig4b-relu-bias");
        applyParameters(c, {{"rule", "truncated-reference"}, {"t_max", "120"}, {"runs", "4"}});
        const Experiment e(c);
        const std::size_t n = e.times().size();
        std::vector<double> odeEps(n, std::nan("")), sgdEps(n, std::nan(""));
        std::vector<Eigen::VectorXd> odeBeta(n), sgdBeta(n);
        QVERIFY(e.runTheory([&](std::size_t i, const Observables& o) {
                     odeEps[i] = o.eps;
                     odeBeta[i] = o.op.beta;
                 }).ok);
        QVERIFY(e.runSimulation([&](std::size_t i, const std::vector<Observables>& runs, const Weights&) {
                     const Observables m = meanOverRuns(runs);
                     sgdEps[i] = m.eps;
                     sgdBeta[i] = m.op.beta;
                 }).ok);
        double worstEps = 0, worstBeta = 0, worstBetaExcess = -1, largestBeta = 0;
        for (std::size_t i : logSample(e.times(), 0.1, 20)) {
            QVERIFY(std::isfinite(odeEps[i]) && std::isfinite(sgdEps[i]));
            worstEps = std::max(worstEps, std::abs(sgdEps[i] - odeEps[i]) / odeEps[i]);
            QCOMPARE(sgdBeta[i].size(), odeBeta[i].size());
            for (Eigen::Index k = 0; k < odeBeta[i].size(); ++k) {
                const double d = std::abs(sgdBeta[i](k) - odeBeta[i](k));
                worstBeta = std::max(worstBeta, d);
                worstBetaExcess = std::max(worstBetaExcess, d - (0.05 + 0.03 * std::abs(odeBeta[i](k))));
                largestBeta = std::max(largestBeta, std::abs(odeBeta[i](k)));
            }
        }
        qInfo("truncated-reference with biases: max deviation of eps %.3f %%, of the biases %.4f", 100 * worstEps,
              worstBeta);
        QVERIFY(largestBeta > 1.0);  // the biases did move, so the comparison means something
        QVERIFY2(worstEps <= 0.05, qPrintable(QString::number(worstEps)));
        QVERIFY2(worstBetaExcess <= 0, qPrintable(QString::number(worstBeta)));
    }

    // Figure 4a has no tied theory; theory.md §8 gives the measured stall instead: ε ≈ 0.245 at t = 50–200 at D = 500
    // (3 runs), far above ε_PCA(1) = 0.151, while the untied network of the same setting goes below ε_PCA(2). The
    // stall depends on D (tied weights have no large-D limit): the preset's D = 1000 stalls higher, near 0.28.
    void tiedStallsFarAboveTheFirstPcaError_data()
    {
        QTest::addColumn<int>("D");
        QTest::addColumn<double>("low");
        QTest::addColumn<double>("high");
        QTest::newRow("D = 500, theory.md") << 500 << 0.235 << 0.255;
        QTest::newRow("D = 1000, the preset") << 1000 << 0.26 << 0.30;
    }

    void tiedStallsFarAboveTheFirstPcaError()
    {
        QFETCH(int, D);
        QFETCH(double, low);
        QFETCH(double, high);
        ExperimentConfig c = presetConfig("fig4a-tied");
        applyParameters(c, {{"D", std::to_string(D)}, {"runs", "3"}, {"t_max", "200"}});
        const Experiment e(c);
        std::vector<double> eps(e.times().size(), std::nan(""));
        QVERIFY(e.runSimulation([&](std::size_t i, const std::vector<Observables>& runs, const Weights&) {
                     eps[i] = meanOverRuns(runs).eps;
                 }).ok);
        for (std::size_t i = 0; i < eps.size(); ++i)
            if (e.times()[i] >= 50)
                QVERIFY2(eps[i] >= low && eps[i] <= high,
                         qPrintable(QStringLiteral("eps(%1) = %2").arg(e.times()[i]).arg(eps[i])));
        double untiedLast = 1;
        QVERIFY(e.runShownTheory([&](std::size_t, const Observables& o) { untiedLast = o.eps; }).ok);
        const std::vector<double> pca = e.pcaErrors();
        QVERIFY2(low > pca[1] + 0.08 && untiedLast < pca[2], qPrintable(QString::number(untiedLast)));
    }
};

QTEST_APPLESS_MAIN(TestTheoryVsSimulation)
#include "tst_theoryvssimulation.moc"
