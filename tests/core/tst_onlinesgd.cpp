// Online SGD (theory.md §3): one step of every rule against a plain transcription of its formula; linear K = 1
// learns the top eigenvector; Sanger's rule learns the eigenvectors in order; divergence is reported; results do
// not depend on the number of threads; the exact population error against Monte Carlo on fresh inputs.
#include "EigenbasisModel.h"
#include "Initialisation.h"
#include "Observables.h"
#include "SgdEnsemble.h"
#include "SpikedModel.h"
#include "Tolerance.h"

#include <Eigen/Dense>
#include <QTest>

#include <atomic>
#include <chrono>
#include <thread>

using namespace aedyn;

namespace {

// One step written out unit by unit from §3.2–3.6, as independent of OnlineSgd's vectorised form as possible.
Weights referenceStep(const TrainingRule& r, Weights w, const Eigen::VectorXd& x)
{
    const int K = w.K();
    const double D = w.D(), sqrtD = std::sqrt(D), eta = r.lr;
    const Eigen::MatrixXd W = w.W, V = w.V;
    Eigen::VectorXd lambda(K), g(K), gp(K);
    for (int k = 0; k < K; ++k) {
        lambda(k) = W.row(k).dot(x) / sqrtD + (r.rule == Rule::Sanger ? 0.0 : w.beta(k));
        g(k) = activate(r.activation, lambda(k));
        gp(k) = activateDerivative(r.activation, lambda(k));
    }
    for (int k = 0; k < K; ++k) {
        if (r.rule == Rule::Sanger) {
            Eigen::VectorXd sum = Eigen::VectorXd::Zero(w.D());
            for (int a = 0; a <= k; ++a)
                sum += lambda(k) * lambda(a) * W.row(a).transpose();
            w.W.row(k) += eta / (D * D) * (lambda(k) * x - sum).transpose();
            continue;
        }
        const int last = r.rule == Rule::Vanilla ? K - 1 : k;
        Eigen::VectorXd delta = x;
        for (int a = 0; a <= last; ++a)
            delta -= V.row(a).transpose() * g(a);
        const double mu = V.row(k).dot(delta) / D;
        double scalar = mu * gp(k);
        if (r.rule == Rule::TruncatedReference) {
            scalar = V.row(k).dot(x) / D * gp(k);
            for (int a = 0; a <= k; ++a)
                scalar -= V.row(k).dot(V.row(a)) / D * gp(a) * g(a);
        }
        w.W.row(k) += eta / (D * sqrtD) * scalar * x.transpose();
        w.V.row(k) += eta / D * g(k) * delta.transpose();
        if (r.trainBias)  // an encoder weight on a constant input: the encoder's scalar (§3.3, the variant's too)
            w.beta(k) += eta / D * scalar;
    }
    if (r.rule == Rule::Sanger)
        w.V = w.W;
    w.W *= 1 - r.wd / D;
    w.V *= 1 - r.wd / D;
    return w;
}

double maxDifference(const Weights& a, const Weights& b)
{
    return std::max({(a.W - b.W).cwiseAbs().maxCoeff(), (a.V - b.V).cwiseAbs().maxCoeff(),
                     (a.beta - b.beta).cwiseAbs().maxCoeff()});
}

} // namespace

class TestOnlineSgd : public QObject {
    Q_OBJECT

private slots:
    void oneStepMatchesTheFormula_data()
    {
        QTest::addColumn<int>("rule");
        QTest::addColumn<int>("activation");
        QTest::addColumn<bool>("bias");
        QTest::addColumn<double>("wd");
        QTest::newRow("vanilla erf") << int(Rule::Vanilla) << int(Activation::Erf) << false << 0.0;
        QTest::newRow("vanilla relu bias wd") << int(Rule::Vanilla) << int(Activation::Relu) << true << 0.3;
        QTest::newRow("truncated erf bias") << int(Rule::Truncated) << int(Activation::Erf) << true << 0.0;
        QTest::newRow("truncated-reference") << int(Rule::TruncatedReference) << int(Activation::Erf) << true << 0.0;
        QTest::newRow("sanger") << int(Rule::Sanger) << int(Activation::Linear) << false << 0.0;
    }

    void oneStepMatchesTheFormula()
    {
        QFETCH(int, rule);
        QFETCH(int, activation);
        QFETCH(bool, bias);
        QFETCH(double, wd);
        TrainingRule r;
        r.rule = Rule(rule);
        r.activation = Activation(activation);
        r.trainBias = bias;
        r.wd = wd;
        r.lr = 0.7;
        const SpikedModel data(50, {3, 5}, 1.0, RowKind::Random, true, 1);
        Weights w = makeInitialWeights(data, r, 4, InitKind::Random, 0.5, 0.2, 9);
        w.V *= 5;  // decoders of realistic size, so every term matters
        if (r.rule == Rule::Sanger)
            w.V = w.W;
        OnlineSgd sgd(r, w);
        GaussianSampler rng(4);
        Eigen::VectorXd x(50);
        for (int step = 0; step < 5; ++step) {
            data.draw(rng, x.data());
            w = referenceStep(r, w, x);
            sgd.step(x.data());
        }
        QVERIFY2(maxDifference(sgd.weights(), w) < 1e-12, qPrintable(QString::number(maxDifference(sgd.weights(), w))));
    }

    // Linear K = 1: the decoder aligns with the top eigenvector and ε reaches ε_PCA(1).
    void linearLearnsTheTopEigenvector()
    {
        TrainingRule r;
        r.activation = Activation::Linear;
        const SpikedModel data(100, {3, 5}, 1.0, RowKind::Random, true, 2);
        const Weights w0 = makeInitialWeights(data, r, 1, InitKind::Random, 0.1, 0, 3);
        SgdEnsemble e(data, r, w0, 1, 4);
        QVERIFY(e.advanceTo(100 * 200));
        const Observables o = observablesFromWeights(data, r, e.weights(0), 200);
        QVERIFY2(o.decoderOverlap()(0, 0) > 0.99, qPrintable(QString::number(o.decoderOverlap()(0, 0))));
        AEDYN_COMPARE_REL(o.eps, data.modes().pcaErrors(1)[1], 0.03);
    }

    // Sanger's rule: w_k → ±D^{1/4} e_k, in order.
    void sangerLearnsTheEigenvectorsInOrder()
    {
        TrainingRule r;
        r.activation = Activation::Linear;
        r.rule = Rule::Sanger;
        r.lr = 1;
        const int D = 50;
        const SpikedModel data(D, {3, 5, 9}, 1.0, RowKind::Random, true, 2);
        const Weights w0 = makeInitialWeights(data, r, 2, InitKind::Random, 0.05, 0, 3);
        SgdEnsemble e(data, r, w0, 1, 4);
        QVERIFY(e.advanceTo(D * 4000LL));
        const Observables o = observablesFromWeights(data, r, e.weights(0), 4000);
        const double scale = std::pow(double(D), 0.25);
        const Eigen::MatrixXd u = o.encoderProjection / scale;  // K×M
        qInfo("u/D^(1/4) = [[%.3f %.3f %.3f] [%.3f %.3f %.3f]]", u(0, 0), u(0, 1), u(0, 2), u(1, 0), u(1, 1), u(1, 2));
        AEDYN_COMPARE_ABS(std::abs(u(0, 0)), 1.0, 0.05);
        AEDYN_COMPARE_ABS(std::abs(u(1, 1)), 1.0, 0.05);
        AEDYN_COMPARE_ABS(u(0, 1), 0.0, 0.05);
        AEDYN_COMPARE_ABS(u(1, 0), 0.0, 0.05);
        AEDYN_COMPARE_REL(o.eps, data.modes().pcaErrors(2)[2], 0.05);
    }

    void divergenceIsReported()
    {
        TrainingRule r;
        r.lr = 1e4;
        const SpikedModel data(100, {3, 5}, 1.0, RowKind::Random, true, 2);
        SgdEnsemble e(data, r, makeInitialWeights(data, r, 2, InitKind::Random, 0.1, 0, 3), 2, 4);
        QVERIFY(!e.advanceTo(100 * 100));
        QVERIFY2(e.divergence().rfind("diverged at t = ", 0) == 0 &&
                     e.divergence().find("(learning rate too large?)") != std::string::npos,
                 e.divergence().c_str());
        QVERIFY(e.divergenceTime() > 0 && e.divergenceTime() <= 100);
        QVERIFY(!e.advanceTo(100 * 200));
    }

    void independentOfThreadCount()
    {
        TrainingRule r;
        const SpikedModel data(80, {3, 5}, 1.0, RowKind::Random, true, 2);
        const Weights w0 = makeInitialWeights(data, r, 3, InitKind::Random, 0.1, 0, 3);
        SgdEnsemble one(data, r, w0, 3, 4, 1), two(data, r, w0, 3, 4, 2);
        QVERIFY(one.advanceTo(5000) && two.advanceTo(2000) && two.advanceTo(5000));
        for (int run = 0; run < 3; ++run)
            QCOMPARE(maxDifference(one.weights(run), two.weights(run)), 0.0);
        QVERIFY(maxDifference(one.weights(0), one.weights(1)) > 0);  // runs see different data
    }

    void stopAnswers()
    {
        TrainingRule r;
        const SpikedModel data(80, {3, 5}, 1.0, RowKind::Random, true, 2);
        SgdEnsemble e(data, r, makeInitialWeights(data, r, 3, InitKind::Random, 0.1, 0, 3), 2, 4);
        RunControl control;
        control.stopRequested = true;
        QVERIFY(!e.advanceTo(1000000, &control));
        QVERIFY(e.divergence().empty());
    }

    // A stop requested from another thread while large runs (D = 10⁴, K = 64: about a millisecond per step) are
    // advanced ends them promptly, not after hundreds of steps; 1 s is a generous responsiveness bound.
    void stopFromAnotherThreadIsPrompt()
    {
        using Clock = std::chrono::steady_clock;
        TrainingRule r;
        const SpikedModel data(10000, {3, 5}, 1.0, RowKind::Random, true, 2);
        SgdEnsemble e(data, r, makeInitialWeights(data, r, 64, InitKind::Random, 0.1, 0, 3), 2, 4);
        RunControl control;
        std::atomic<long long> requestedAt{0};
        std::thread stopper([&] {
            std::this_thread::sleep_for(std::chrono::milliseconds(200));
            requestedAt = Clock::now().time_since_epoch().count();
            control.stopRequested = true;
        });
        const bool finished = e.advanceTo(100000000, &control);  // hours of work
        const auto returnedAt = Clock::now().time_since_epoch().count();
        stopper.join();
        QVERIFY(!finished && e.divergence().empty());
        const double late = std::chrono::duration<double>(Clock::duration(returnedAt - requestedAt.load())).count();
        QVERIFY2(late < 1.0, qPrintable(QString("returned %1 s after the stop request").arg(late)));
    }

    // ε of given weights (§4 with the run's order parameters) against (1/2D)‖x − x̂‖² averaged over fresh inputs;
    // Q1, R1, T0 against a dense computation with the exact Ω.
    void populationErrorMatchesMonteCarlo_data()
    {
        QTest::addColumn<int>("activation");
        QTest::addColumn<bool>("eigenbasis");
        QTest::newRow("erf, spiked") << int(Activation::Erf) << false;
        QTest::newRow("relu, spiked") << int(Activation::Relu) << false;
        QTest::newRow("erf, power law") << int(Activation::Erf) << true;
    }

    void populationErrorMatchesMonteCarlo()
    {
        QFETCH(int, activation);
        QFETCH(bool, eigenbasis);
        const int D = 30, K = 3;
        TrainingRule r;
        r.activation = Activation(activation);
        r.trainBias = true;
        std::unique_ptr<DataModel> data;
        if (eigenbasis)
            data = std::make_unique<EigenbasisModel>(EigenbasisModel::powerLawSpectrum(D, 0.4, 1.5, 0.02, true));
        else
            data = std::make_unique<SpikedModel>(D, std::vector<double>{3, 5}, 1.0, RowKind::Random, true, 6);
        Weights w = makeInitialWeights(*data, r, K, InitKind::Random, 1.0, 0.3, 8);
        w.V *= 0.4;
        w.beta << 0.3, -0.2, 0.5;
        const Observables o = observablesFromWeights(*data, r, w, 0);

        GaussianSampler rng(10);
        Eigen::VectorXd x(D);
        const int n = 200000;
        double sum = 0, sum2 = 0;
        Eigen::MatrixXd omega = Eigen::MatrixXd::Zero(D, D);
        for (int i = 0; i < n; ++i) {
            data->draw(rng, x.data());
            omega += x * x.transpose();
            Eigen::VectorXd xhat = Eigen::VectorXd::Zero(D);
            for (int k = 0; k < K; ++k)
                xhat += w.V.row(k).transpose() * activate(r.activation, w.W.row(k).dot(x) / std::sqrt(D) + w.beta(k));
            const double loss = (x - xhat).squaredNorm() / (2.0 * D);
            sum += loss;
            sum2 += loss * loss;
        }
        const double mean = sum / n, se = std::sqrt((sum2 / n - mean * mean) / n);
        QVERIFY2(std::abs(mean - o.eps) < 5 * se,
                 qPrintable(QStringLiteral("formula %1, Monte Carlo %2 ± %3").arg(o.eps).arg(mean).arg(se)));
        // Order parameters against the exact Ω built from the eigen-decomposition.
        Eigen::MatrixXd exact;
        if (eigenbasis) {
            exact = (data->modes().rho * D).asDiagonal();
        } else {
            const auto& m = static_cast<const SpikedModel&>(*data);
            const Eigen::MatrixXd& E = m.spikeEigenvectors();
            exact = m.modes().bulkRho * D * Eigen::MatrixXd::Identity(D, D);
            for (int i = 0; i < E.cols(); ++i)
                exact += (m.modes().rho(i) - m.modes().bulkRho) * D * E.col(i) * E.col(i).transpose();
        }
        const Eigen::MatrixXd W = w.W, V = w.V;
        QVERIFY((o.op.Q1 - W * exact * W.transpose() / D).cwiseAbs().maxCoeff() < 1e-10);
        QVERIFY((o.op.R1 - V * exact * W.transpose() / std::pow(D, 1.5)).cwiseAbs().maxCoeff() < 1e-10);
        QVERIFY((o.op.T0 - V * V.transpose() / D).cwiseAbs().maxCoeff() < 1e-10);
        // …and the sample second moment agrees with that Ω.
        AEDYN_COMPARE_REL((omega / n).trace(), exact.trace(), 0.01);
    }
};

QTEST_APPLESS_MAIN(TestOnlineSgd)
#include "tst_onlinesgd.moc"
