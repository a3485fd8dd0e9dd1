// Gaussian expectations (theory.md §5) against the certified values of §5.5–5.6 and §4, and against Monte Carlo.
#include "BivariateNormal.h"
#include "GaussianExpectations.h"
#include "TestError.h"
#include "Tolerance.h"

#include <Eigen/Cholesky>
#include <QTest>

#include <cmath>
#include <random>

using namespace aedyn;

namespace {

const Eigen::MatrixXd& refQ()
{
    static const Eigen::MatrixXd Q = (Eigen::MatrixXd(2, 2) << 1.0, 0.3, 0.3, 0.5).finished();
    return Q;
}

Eigen::MatrixXd m2(double a, double b, double c, double d) { return (Eigen::MatrixXd(2, 2) << a, b, c, d).finished(); }
Eigen::VectorXd v2(double a, double b) { return (Eigen::VectorXd(2) << a, b).finished(); }

void compareMatrix(const Eigen::MatrixXd& actual, const Eigen::MatrixXd& expected, double tol, const char* what)
{
    for (int i = 0; i < expected.rows(); ++i)
        for (int j = 0; j < expected.cols(); ++j)
            if (std::abs(actual(i, j) - expected(i, j)) > tol)
                QFAIL(qPrintable(QStringLiteral("%1(%2,%3) = %4, expected %5").arg(what).arg(i).arg(j)
                                     .arg(actual(i, j), 0, 'g', 12).arg(expected(i, j), 0, 'g', 12)));
}

double gDerivative2(Activation g, double x) { return g == Activation::Erf ? -x * activateDerivative(g, x) : 0.0; }

} // namespace

class TestGaussianExpectations : public QObject {
    Q_OBJECT

private slots:
    void bivariateNormalCheckValues()
    {
        AEDYN_COMPARE_ABS(bivariateNormalCdf(0.5, -0.3, 0.6), 0.343622530111211, 1e-12);
        AEDYN_COMPARE_ABS(bivariateNormalCdf(1.2, 0.7, -0.8), 0.643062753961545, 1e-12);
        AEDYN_COMPARE_ABS(bivariateNormalCdf(-1, 2, 0.95), 0.158655253931457, 1e-12);
        AEDYN_COMPARE_ABS(bivariateNormalCdf(0.3, 0.31, 0.999), 0.612851699820416, 1e-12);
        AEDYN_COMPARE_ABS(bivariateNormalCdf(2, -2, -0.99), 0.003038489299510, 1e-12);
        for (double r : {-0.9, -0.3, 0.0, 0.4, 0.97})
            AEDYN_COMPARE_ABS(bivariateNormalCdf(0, 0, r), 0.25 + std::asin(r) / (2 * M_PI), 1e-13);
    }

    void erfReferenceValues()
    {
        Expectations e;
        QVERIFY(computeExpectations(Activation::Erf, refQ(), v2(0, 0), e));
        compareMatrix(e.M.transpose(), m2(0.5641895835, 0.6514700159, 0, 0).topRows(1), 1e-9, "M");
        compareMatrix(e.N.transpose(), m2(-0.2820947918, -0.4343133439, 0, 0).topRows(1), 1e-9, "N");
        compareMatrix(e.I2, m2(0.3333333333, 0.1108246866, 0.1108246866, 0.2163468959), 1e-9, "I2");
        compareMatrix(e.P, m2(-0.1837762985, -0.0559789680, -0.0746386240, -0.1500527194), 1e-9, "P");
        compareMatrix(e.S, m2(0.3675525969, 0.3731931198, 0.3731931198, 0.4501581581), 1e-9, "S");
        QVERIFY(e.H.isZero() && e.F.isZero());

        QVERIFY(computeExpectations(Activation::Erf, refQ(), v2(0.2, -0.4), e));
        compareMatrix(e.M.transpose(), m2(0.5585758034, 0.6176352291, 0, 0).topRows(1), 1e-9, "M");
        compareMatrix(e.N.transpose(), m2(-0.2737021437, -0.3678360920, 0, 0).topRows(1), 1e-9, "N");
        compareMatrix(e.H.transpose(), m2(-0.0558575803, 0.1647027277, 0, 0).topRows(1), 1e-9, "H");
        compareMatrix(e.I2, m2(0.3406436981, 0.0747404094, 0.0747404094, 0.2629008979), 1e-9, "I2");
        compareMatrix(e.P, m2(-0.1849771258, -0.0364525754, -0.0431056808, -0.1685972050), 1e-9, "P");
        compareMatrix(e.S, m2(0.3626844223, 0.3467335142, 0.3467335142, 0.4155483542), 1e-9, "S");
        compareMatrix(e.F, m2(0.0363491463, -0.1555745175, 0.0984038325, -0.1128040759), 1e-9, "F");
    }

    void reluReferenceValues()
    {
        Expectations e;
        QVERIFY(computeExpectations(Activation::Relu, refQ(), v2(0, 0), e));
        compareMatrix(e.M.transpose(), m2(0.5, 0.5, 0, 0).topRows(1), 1e-9, "M");
        compareMatrix(e.H.transpose(), m2(0.3989422804, 0.5641895835, 0, 0).topRows(1), 1e-9, "H");
        compareMatrix(e.I2, m2(0.5, 0.1978289626, 0.1978289626, 0.25), 1e-9, "I2");
        compareMatrix(e.P, m2(0, 0.1019088874, 0.2038177747, 0), 1e-9, "P");
        compareMatrix(e.S, m2(0.5, 0.3197335840, 0.3197335840, 0.5), 1e-9, "S");
        compareMatrix(e.F, m2(0.3989422804, 0.2008887379, 0.2840995777, 0.2820947918), 1e-9, "F");

        QVERIFY(computeExpectations(Activation::Relu, refQ(), v2(0.2, -0.4), e));
        compareMatrix(e.M.transpose(), m2(0.5792597094, 0.2858038225, 0, 0).topRows(1), 1e-9, "M");
        compareMatrix(e.N.transpose(), m2(-0.0782085388, 0.3846165195, 0, 0).topRows(1), 1e-9, "N");
        compareMatrix(e.H.transpose(), m2(0.3910426940, 0.4807706494, 0, 0).topRows(1), 1e-9, "H");
        compareMatrix(e.I2, m2(0.6806386366, 0.1219668846, 0.1219668846, 0.0924763930), 1e-9, "I2");
        compareMatrix(e.P, m2(0, 0.0346739474, 0.2995604834, 0), 1e-9, "P");
        compareMatrix(e.S, m2(0.5792597094, 0.2215718568, 0.2215718568, 0.2858038225), 1e-9, "S");
        compareMatrix(e.F, m2(0.5068946359, 0.1041069005, 0.2357122853, 0.1260637957), 1e-9, "F");
    }

    void linearReferenceValues()
    {
        Expectations e;
        QVERIFY(computeExpectations(Activation::Linear, refQ(), v2(0.2, -0.4), e));
        compareMatrix(e.I2, m2(1.04, 0.22, 0.22, 0.66), 1e-12, "I2");
        compareMatrix(e.F, m2(0.2, -0.4, 0.2, -0.4), 1e-12, "F");
    }

    void testErrorCheckValues()
    {
        const Eigen::MatrixXd R1 = m2(0.4, 0.05, -0.1, 0.2), T0 = m2(1, 0.1, 0.1, 0.5);
        const struct {
            Activation g;
            double zero, biased;
        } table[] = {{Activation::Erf, 0.3758660227, 0.3965637473},
                     {Activation::Relu, 0.5322828963, 0.5867704567},
                     {Activation::Linear, 0.5550000000, 0.6070000000}};
        for (const auto& row : table) {
            AEDYN_COMPARE_ABS(populationError(row.g, 1.0, refQ(), R1, T0, v2(0, 0)), row.zero, 1e-9);
            AEDYN_COMPARE_ABS(populationError(row.g, 1.0, refQ(), R1, T0, v2(0.2, -0.4)), row.biased, 1e-9);
        }
    }

    // Every expectation against 2·10⁶ samples of (y_k, y_a); tolerance 5 standard errors. For ReLU, g″ and g‴
    // are distributions: H, N and P are checked by central differences in the bias instead (§5.6).
    void monteCarlo_data()
    {
        QTest::addColumn<int>("activation");
        QTest::addColumn<double>("b1");
        QTest::addColumn<double>("b2");
        QTest::newRow("erf, no bias") << int(Activation::Erf) << 0.0 << 0.0;
        QTest::newRow("erf, bias") << int(Activation::Erf) << 0.2 << -0.4;
        QTest::newRow("relu, no bias") << int(Activation::Relu) << 0.0 << 0.0;
        QTest::newRow("relu, bias") << int(Activation::Relu) << 0.7 << -0.3;
    }

    void monteCarlo()
    {
        QFETCH(int, activation);
        QFETCH(double, b1);
        QFETCH(double, b2);
        const Activation g = static_cast<Activation>(activation);
        const Eigen::MatrixXd Q = m2(0.8, -0.35, -0.35, 1.3);
        const Eigen::VectorXd b = v2(b1, b2);
        Expectations e;
        QVERIFY(computeExpectations(g, Q, b, e));
        const Eigen::LLT<Eigen::MatrixXd> chol(Q);
        const Eigen::MatrixXd L = chol.matrixL();
        std::mt19937_64 rng(12345);
        std::normal_distribution<double> normal;
        const int n = 2000000;
        // Accumulators: M_1, I2_12, I2_11, S_12, S_11, F_12, F_21, F_11, (erf:) H_1, N_1, P_12, P_11.
        std::array<double, 12> sum{}, sum2{};
        for (int i = 0; i < n; ++i) {
            const double z1 = normal(rng), z2 = normal(rng);
            const double y1 = L(0, 0) * z1 + b(0), y2 = L(1, 0) * z1 + L(1, 1) * z2 + b(1);
            const double g1 = activate(g, y1), g2 = activate(g, y2);
            const double d1 = activateDerivative(g, y1), d2 = activateDerivative(g, y2);
            const double dd1 = gDerivative2(g, y1);
            const double ddd1 = (y1 * y1 - 1.0) * d1;
            const std::array<double, 12> x{d1, g1 * g2, g1 * g1, d1 * d2, d1 * d1, d1 * g2, d2 * g1, d1 * g1,
                                           dd1, ddd1, dd1 * g2, dd1 * g1};
            for (int j = 0; j < 12; ++j) {
                sum[j] += x[j];
                sum2[j] += x[j] * x[j];
            }
        }
        const std::array<double, 12> exact{e.M(0), e.I2(0, 1), e.I2(0, 0), e.S(0, 1), e.S(0, 0), e.F(0, 1),
                                           e.F(1, 0), e.F(0, 0), e.H(0), e.N(0), e.P(0, 1), e.P(0, 0)};
        const char* names[] = {"M1", "I2_12", "I2_11", "S_12", "S_11", "F_12", "F_21", "F_11", "H1", "N1", "P_12", "P_11"};
        const int checked = g == Activation::Erf ? 12 : 8;
        for (int j = 0; j < checked; ++j) {
            const double mean = sum[j] / n;
            const double se = std::sqrt(std::max(sum2[j] / n - mean * mean, 0.0) / n);
            if (std::abs(mean - exact[j]) > 5 * se + 1e-12)
                QFAIL(qPrintable(QStringLiteral("%1: closed form %2, Monte Carlo %3 ± %4")
                                     .arg(names[j]).arg(exact[j], 0, 'g', 10).arg(mean, 0, 'g', 10).arg(se)));
        }
        if (g != Activation::Relu)
            return;
        // H = ∂M/∂b, N = ∂²M/∂b², P_ka = ∂F_ka/∂b_k, and on the diagonal P_kk + S_kk = ∂F_kk/∂b_k.
        const double h = 1e-5;
        Expectations up, down;
        QVERIFY(computeExpectations(g, Q, b + v2(h, 0), up));
        QVERIFY(computeExpectations(g, Q, b - v2(h, 0), down));
        AEDYN_COMPARE_ABS(e.H(0), (up.M(0) - down.M(0)) / (2 * h), 1e-7);
        AEDYN_COMPARE_ABS(e.N(0), (up.M(0) - 2 * e.M(0) + down.M(0)) / (h * h), 1e-4);
        AEDYN_COMPARE_ABS(e.P(0, 1), (up.F(0, 1) - down.F(0, 1)) / (2 * h), 1e-7);
        AEDYN_COMPARE_ABS(e.P(0, 0) + e.S(0, 0), (up.F(0, 0) - down.F(0, 0)) / (2 * h), 1e-7);
    }

    // dI2_kk/dA = P_kk + S_kk (heat equation, §5.1).
    void heatEquation()
    {
        for (Activation g : {Activation::Erf, Activation::Relu})
            for (double b : {0.0, 0.3}) {
                const double A = 0.7, h = 1e-5;
                const SingleExpectations e = singleExpectations(g, A, b);
                const double dI2 = (singleExpectations(g, A + h, b).I2 - singleExpectations(g, A - h, b).I2) / (2 * h);
                AEDYN_COMPARE_ABS(e.P + e.S, dI2, 1e-7);
            }
    }

    // ModeOde gives the two parts of the pair expectations to two threads: together (in either order) they must fill
    // every entry, each exactly as the one-part computation does. The target starts as NaN, so a missed entry fails.
    void pairExpectationsInTwoPartsFillEverything_data() { monteCarlo_data(); }

    void pairExpectationsInTwoPartsFillEverything()
    {
        QFETCH(int, activation);
        QFETCH(double, b1);
        QFETCH(double, b2);
        const Activation g = static_cast<Activation>(activation);
        for (const int K : {1, 2, 5, 13}) {
            std::mt19937 rng(K);
            std::normal_distribution<double> normal;
            Eigen::MatrixXd W(K, K + 3);
            for (Eigen::Index i = 0; i < W.size(); ++i)
                W.data()[i] = normal(rng);
            const Eigen::MatrixXd Q = W * W.transpose() / double(K);
            Eigen::VectorXd b(K);
            for (int k = 0; k < K; ++k)
                b(k) = k % 2 == 0 ? b1 : b2;
            Expectations whole;
            QVERIFY(computeExpectations(g, Q, b, whole));
            for (const bool reversed : {false, true}) {
                Expectations parts;
                QVERIFY(prepareExpectations(g, Q, b, parts));
                // The preparation owns ReLU's same-unit entries and erf's F ≡ 0 without shifts; the parts own the rest.
                const bool fPrepared = g == Activation::Erf && b1 == 0.0 && b2 == 0.0;
                for (Eigen::MatrixXd* m : {&parts.I2, &parts.P, &parts.S, &parts.F})
                    for (int i = 0; i < K; ++i)
                        for (int j = 0; j < K; ++j)
                            if ((i != j || g == Activation::Erf) && !(m == &parts.F && fPrepared))
                                (*m)(i, j) = std::nan("");
                QVERIFY(pairExpectations(g, Q, b, parts, reversed ? 1 : 0));
                QVERIFY(pairExpectations(g, Q, b, parts, reversed ? 0 : 1));
                QVERIFY(parts.I2 == whole.I2);
                QVERIFY(parts.P == whole.P);
                QVERIFY(parts.S == whole.S);
                QVERIFY(parts.F == whole.F);
                QVERIFY(parts.M == whole.M && parts.H == whole.H && parts.N == whole.N);
            }
        }
    }

    void undefinedInputsAreReported()
    {
        Expectations e;
        QVERIFY(!computeExpectations(Activation::Relu, m2(0, 0, 0, 1), v2(0, 0), e));
        QVERIFY(!computeExpectations(Activation::Erf, m2(-2, 0, 0, 1), v2(0, 0), e));
        QVERIFY(!computeExpectations(Activation::Erf, m2(std::nan(""), 0, 0, 1), v2(0, 0), e));
        QVERIFY(std::isnan(populationError(Activation::Relu, 1.0, m2(0, 0, 0, 1), m2(0, 0, 0, 0), m2(1, 0, 0, 1),
                                           v2(0, 0))));
    }
};

QTEST_APPLESS_MAIN(TestGaussianExpectations)
#include "tst_gaussianexpectations.moc"
