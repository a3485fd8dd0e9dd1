// The spiked model's exact spectrum (theory.md §2.2) against a dense eigen-decomposition and the sample
// covariance; PCA errors (§2.3); sinusoidal rows; the eigenbasis model and the power law.
#include "EigenbasisModel.h"
#include "SpikedModel.h"
#include "Tolerance.h"

#include <Eigen/Eigenvalues>
#include <QTest>

using namespace aedyn;

namespace {

Eigen::MatrixXd denseCovariance(const SpikedModel& m, const std::vector<double>& lambda, double sigma)
{
    const int D = m.dimension();
    const double s = m.normalisation();
    Eigen::MatrixXd omega = sigma * sigma * Eigen::MatrixXd::Identity(D, D);
    for (std::size_t i = 0; i < lambda.size(); ++i)
        omega += lambda[i] * lambda[i] * m.rows().row(i).transpose() * m.rows().row(i);
    return omega / (s * s);
}

} // namespace

class TestSpikedModel : public QObject {
    Q_OBJECT

private slots:
    void spectrumMatchesDenseEigenDecomposition_data()
    {
        QTest::addColumn<bool>("sinusoidal");
        QTest::addColumn<bool>("normalise");
        QTest::newRow("random, normalised") << false << true;
        QTest::newRow("random, raw") << false << false;
        QTest::newRow("sinusoidal, normalised") << true << true;
    }

    void spectrumMatchesDenseEigenDecomposition()
    {
        QFETCH(bool, sinusoidal);
        QFETCH(bool, normalise);
        const int D = 300;
        const std::vector<double> lambda{3, 5, 9};
        const SpikedModel m(D, lambda, 1.0, sinusoidal ? RowKind::Sinusoidal : RowKind::Random, normalise, 11);
        for (int i = 0; i < 3; ++i)
            AEDYN_COMPARE_REL(m.rows().row(i).norm(), std::sqrt(double(D)), 1e-12);
        const Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> eig(denseCovariance(m, lambda, 1.0));
        const Eigen::VectorXd dense = eig.eigenvalues().reverse() / D;
        for (int i = 0; i < 3; ++i) {
            AEDYN_COMPARE_REL(m.modes().rho(i), dense(i), 1e-10);
            const double cosine = std::abs(m.spikeEigenvectors().col(i).dot(eig.eigenvectors().col(D - 1 - i)));
            AEDYN_COMPARE_REL(cosine, 1.0, 1e-9);
        }
        for (int i = 3; i < D; ++i)
            AEDYN_COMPARE_REL(m.modes().sortedEigenvalue(i), dense(i), 1e-9);
        QCOMPARE(m.modes().bulkCount, long(D - 3));
        AEDYN_COMPARE_REL(m.modes().traceOverD(), dense.sum(), 1e-10);
        // PCA errors from the dense spectrum.
        const std::vector<double> pca = m.modes().pcaErrors(3);
        double captured = 0;
        for (int r = 0; r <= 3; ++r) {
            AEDYN_COMPARE_REL(pca[r], 0.5 * (dense.sum() - captured), 1e-10);
            if (r < 3)
                captured += dense(r);
        }
    }

    // The sample covariance of 2·10⁵ draws against the exact Ω (entries within 5 standard errors).
    void sampleCovarianceMatchesExact()
    {
        const int D = 40, n = 200000;
        const std::vector<double> lambda{2, 3};
        const SpikedModel m(D, lambda, 0.7, RowKind::Random, true, 5);
        GaussianSampler rng(8);
        Eigen::MatrixXd X(D, n);
        for (int i = 0; i < n; ++i)
            m.draw(rng, X.col(i).data());
        const Eigen::MatrixXd sample = X * X.transpose() / n;
        const Eigen::MatrixXd exact = denseCovariance(m, lambda, 0.7);
        for (int i = 0; i < D; ++i)
            for (int j = 0; j < D; ++j) {
                const double se = std::sqrt((exact(i, i) * exact(j, j) + exact(i, j) * exact(i, j)) / n);
                AEDYN_COMPARE_ABS(sample(i, j), exact(i, j), 5.5 * se);
            }
    }

    // theory.md §2.2: orthogonal rows give ρ̃ = (Λ² + σ²/D)/s²; PCA errors of the fig-2 example.
    void normalisedTraceAndFig2Example()
    {
        const SpikedModel m(1000, {3, 5, 9}, 1.0, RowKind::Random, true, 1);
        AEDYN_COMPARE_REL(m.modes().traceOverD(), 1.0, 1e-12);
        AEDYN_COMPARE_REL(m.modes().pcaErrors(0)[0], 0.5, 1e-12);
        // Random rows are orthogonal only up to O(1/√D): the spikes move by a few per cent at most.
        const double orthogonal[] = {0.698284, 0.215526, 0.077595};
        for (int i = 0; i < 3; ++i)
            AEDYN_COMPARE_REL(m.modes().rho(i), orthogonal[i], 0.05);
        AEDYN_COMPARE_REL(m.modes().bulkRho, 8.6207e-6, 1e-4);
    }

    // §2.2: sinusoidal rows at D = 500 overlap, and the eigenvectors are mixtures of them.
    void sinusoidalRows()
    {
        const SpikedModel m(500, {3, 5, 9}, 1.0, RowKind::Sinusoidal, true, 0);
        const Eigen::MatrixXd& a = m.rows();
        const double D = 500;
        AEDYN_COMPARE_ABS(a.row(0).dot(a.row(1)) / D, -0.187, 0.001);
        AEDYN_COMPARE_ABS(a.row(1).dot(a.row(2)) / D, -0.180, 0.001);
        AEDYN_COMPARE_ABS(a.row(0).dot(a.row(2)) / D, -0.021, 0.001);
        const Eigen::MatrixXd& e = m.spikeEigenvectors();
        AEDYN_COMPARE_ABS(std::abs(e.col(0).dot(a.row(2).transpose())) / std::sqrt(D), 0.997, 0.001);
        AEDYN_COMPARE_ABS(std::abs(e.col(1).dot(a.row(1).transpose())) / std::sqrt(D), 0.96, 0.005);
        AEDYN_COMPARE_ABS(std::abs(e.col(2).dot(a.row(0).transpose())) / std::sqrt(D), 0.95, 0.005);
    }

    void badParametersAreRefused()
    {
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, SpikedModel(2, {3, 5, 9}, 1, RowKind::Random, true, 1));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, SpikedModel(10, {3, -5}, 1, RowKind::Random, true, 1));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, SpikedModel(10, {3}, -1, RowKind::Random, true, 1));
    }

    void powerLawEigenbasis()
    {
        const auto rho = EigenbasisModel::powerLawSpectrum(400, 0.4, 1.5, 0.02, true);
        const EigenbasisModel m(rho);
        AEDYN_COMPARE_REL(m.modes().traceOverD(), 1.0, 1e-12);
        QCOMPARE(m.modes().rho.size(), Eigen::Index(400));
        QCOMPARE(m.modes().bulkCount, 0L);
        QVERIFY(m.modes().rho(0) > m.modes().rho(1));
        // Draws have variance ρ_τ per coordinate.
        GaussianSampler rng(3);
        Eigen::VectorXd x(400), var = Eigen::VectorXd::Zero(400);
        const int n = 20000;
        for (int i = 0; i < n; ++i) {
            m.draw(rng, x.data());
            var += x.cwiseProduct(x);
        }
        var /= n;
        for (int i : {0, 1, 10, 399})
            AEDYN_COMPARE_REL(var(i), rho[i], 5 * std::sqrt(2.0 / n));
    }
};

QTEST_APPLESS_MAIN(TestSpikedModel)
#include "tst_spikedmodel.moc"
