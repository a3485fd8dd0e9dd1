// Hostile but accepted configurations through aedyn::Experiment (issue 14): the theory route never emits a
// non-finite value or a cosine outside [0, 1] — it stops with "the theory produced non-finite values at t = …" —
// and a divergence names its likely cause (huge initial weights or biases, weight decay ≥ D, or the learning rate).
#include "Presets.h"
#include "Experiment.h"

#include <QTest>

#include <cmath>

using namespace aedyn;

namespace {

struct TheoryRun {
    RunOutcome outcome;
    std::size_t points = 0;
    double worstCosine = 0.0;  // the largest cosine seen (must be ≤ 1)
    bool allFinite = true;
};

// Every cosine the charts and tables show, in [0, 1]; false otherwise.
bool cosinesInRange(const Eigen::MatrixXd& c, double& worst)
{
    if (c.size() == 0)
        return true;
    if (!c.allFinite())
        return false;
    worst = std::max(worst, c.maxCoeff());
    return c.minCoeff() >= 0.0 && c.maxCoeff() <= 1.0;
}

TheoryRun runTheory(const std::string& preset, const std::vector<std::pair<std::string, std::string>>& overrides)
{
    ExperimentConfig c = preset.empty() ? ExperimentConfig{} : presetConfig(preset);
    applyParameters(c, overrides);
    const Experiment e(c);
    TheoryRun r;
    r.outcome = e.runTheory([&](std::size_t, const Observables& o) {
        ++r.points;
        bool ok = o.allFinite() && std::isfinite(o.eps);
        ok = cosinesInRange(o.encoderOverlap(), r.worstCosine) && ok;
        ok = cosinesInRange(o.decoderOverlap(), r.worstCosine) && ok;
        ok = cosinesInRange(o.encoderSubspaceOverlap(), r.worstCosine) && ok;
        if (!ok)
            r.allFinite = false;
    });
    return r;
}

std::string simulationMessage(const std::string& preset,
                              const std::vector<std::pair<std::string, std::string>>& overrides)
{
    ExperimentConfig c = preset.empty() ? ExperimentConfig{} : presetConfig(preset);
    applyParameters(c, overrides);
    const Experiment e(c);
    const RunOutcome r = e.runSimulation([](std::size_t, const std::vector<Observables>&, const Weights&) {});
    return r.ok ? std::string() : r.message;
}

} // namespace

class TestHostileConfigs : public QObject {
    Q_OBJECT

private slots:
    void theoryEmitsOnlyFiniteValuesAndTrueCosines_data()
    {
        QTest::addColumn<QString>("preset");
        QTest::addColumn<QStringList>("overrides");
        QTest::addColumn<int>("expected");  // 0: runs to the end, 1: must stop (cannot go on in double precision),
                                            // 2: either (then with the message)
        QTest::newRow("sigma=1e155") << "" << QStringList{"D=100", "sigma=1e155", "t_max=10"} << 1;
        QTest::newRow("init_std=1e-200") << "fig4b-relu-nobias" << QStringList{"init_std=1e-200", "t_max=100"} << 2;
        QTest::newRow("wd=150") << "weight-decay" << QStringList{"wd=150", "t_max=10"} << 0;
        QTest::newRow("tiny weights erf") << "" << QStringList{"D=200", "init_std=1e-160", "t_max=10"} << 0;
    }

    void theoryEmitsOnlyFiniteValuesAndTrueCosines()
    {
        QFETCH(QString, preset);
        QFETCH(QStringList, overrides);
        QFETCH(int, expected);
        std::vector<std::pair<std::string, std::string>> kv;
        for (const QString& o : overrides)
            kv.emplace_back(o.section('=', 0, 0).toStdString(), o.section('=', 1).toStdString());
        const TheoryRun r = runTheory(preset.toStdString(), kv);
        qInfo("%zu points, largest cosine %.17g, outcome: %s", r.points, r.worstCosine,
              r.outcome.ok ? "ok" : r.outcome.message.c_str());
        QVERIFY2(r.allFinite, "a theory point with a non-finite value or a cosine outside [0, 1] was emitted");
        QVERIFY(r.worstCosine <= 1.0);
        if (expected == 0)
            QVERIFY2(r.outcome.ok && r.points > 0, r.outcome.message.c_str());
        if (expected == 1)
            QVERIFY(!r.outcome.ok && !r.outcome.cancelled);
        if (!r.outcome.ok)
            QVERIFY2(r.outcome.message.find("produced non-finite values at t = ") != std::string::npos,
                     r.outcome.message.c_str());
    }

    void sigmaOverflowNamesItsCause()
    {
        const TheoryRun r = runTheory("", {{"D", "100"}, {"sigma", "1e155"}, {"t_max", "10"}});
        QVERIFY2(r.outcome.message.find("sigma") != std::string::npos, r.outcome.message.c_str());
    }

    void divergenceNamesItsCause_data()
    {
        QTest::addColumn<QStringList>("overrides");
        QTest::addColumn<QString>("cause");
        QTest::addColumn<bool>("learningRate");  // "learning rate too large?" is the right diagnosis
        QTest::newRow("lr") << QStringList{"D=100", "lr=5000", "t_max=50", "runs=2"}
                            << "learning rate too large? lr = 5000" << true;
        QTest::newRow("bias_init=1e8") << QStringList{"D=100", "activation=relu", "bias=true", "bias_init=1e8",
                                                      "t_max=5", "runs=2"}
                                       << "the initial biases are already huge (bias_init = 1e+08)" << false;
        QTest::newRow("init_std=1e5") << QStringList{"D=100", "init_std=1e5", "t_max=5", "runs=2"}
                                      << "the initial weights are already huge" << false;
        // wd ≥ D never reaches the simulation: validation refuses it, naming wd (tst_parameterschema).
    }

    void divergenceNamesItsCause()
    {
        QFETCH(QStringList, overrides);
        QFETCH(QString, cause);
        QFETCH(bool, learningRate);
        std::vector<std::pair<std::string, std::string>> kv;
        for (const QString& o : overrides)
            kv.emplace_back(o.section('=', 0, 0).toStdString(), o.section('=', 1).toStdString());
        const std::string message = simulationMessage("", kv);
        qInfo("%s", message.c_str());
        QVERIFY2(message.rfind("diverged at t = ", 0) == 0, message.c_str());
        QVERIFY2(message.find(cause.toStdString()) != std::string::npos, message.c_str());
        QCOMPARE(message.find("learning rate too large?") != std::string::npos, learningRate);
    }
};

QTEST_APPLESS_MAIN(TestHostileConfigs)
#include "tst_hostileconfigs.moc"
