// The Gaussian sampler: moments and tails of the standard normal, determinism, independent streams.
#include "BivariateNormal.h"
#include "GaussianSampler.h"
#include "Tolerance.h"

#include <QTest>

#include <cmath>
#include <vector>

using namespace aedyn;

class TestGaussianSampler : public QObject {
    Q_OBJECT

private slots:
    // 10⁷ numbers: mean, variance, kurtosis within 5 standard errors; tail fractions against Φ.
    void momentsAndTails()
    {
        GaussianSampler rng(42);
        const std::size_t n = 10000000;
        std::vector<double> x(n);
        rng.fillNormal(x.data(), n);
        double m1 = 0, m2 = 0, m3 = 0, m4 = 0;
        std::size_t beyond1 = 0, beyond3 = 0, beyond4 = 0;
        for (double v : x) {
            m1 += v;
            m2 += v * v;
            m3 += v * v * v;
            m4 += v * v * v * v;
            beyond1 += std::abs(v) > 1;
            beyond3 += std::abs(v) > 3;
            beyond4 += std::abs(v) > 4;
        }
        m1 /= n, m2 /= n, m3 /= n, m4 /= n;
        const double se = 1 / std::sqrt(double(n));
        AEDYN_COMPARE_ABS(m1, 0.0, 5 * se);
        AEDYN_COMPARE_ABS(m2, 1.0, 5 * std::sqrt(2.0) * se);
        AEDYN_COMPARE_ABS(m3, 0.0, 5 * std::sqrt(15.0) * se);
        AEDYN_COMPARE_ABS(m4, 3.0, 5 * std::sqrt(96.0) * se);
        auto tail = [&](std::size_t count, double z) {
            const double p = 2 * normalCdf(-z);
            AEDYN_COMPARE_ABS(double(count) / n, p, 5 * std::sqrt(p * (1 - p) / n));
        };
        tail(beyond1, 1);
        tail(beyond3, 3);
        tail(beyond4, 4);
    }

    // Ten equal-probability bins of Φ: a χ² statistic with 9 degrees of freedom below its 0.1 % quantile (27.9).
    void chiSquare()
    {
        GaussianSampler rng(7, 3);
        const int n = 1000000;
        std::vector<double> x(n);
        rng.fillNormal(x.data(), n);
        std::vector<int> bins(10);
        for (double v : x)
            ++bins[std::min(9, static_cast<int>(normalCdf(v) * 10))];
        double chi2 = 0;
        for (int b : bins)
            chi2 += (b - n / 10.0) * (b - n / 10.0) / (n / 10.0);
        QVERIFY2(chi2 < 27.9, qPrintable(QString::number(chi2)));
    }

    void deterministicAndIndependent()
    {
        std::vector<double> a(1000), b(1000), c(1000);
        GaussianSampler(1, 0).fillNormal(a.data(), a.size());
        GaussianSampler(1, 0).fillNormal(b.data(), b.size());
        GaussianSampler(1, 1).fillNormal(c.data(), c.size());
        QCOMPARE(a, b);
        // Streams of the same seed are uncorrelated.
        double ac = 0;
        for (int i = 0; i < 1000; ++i)
            ac += a[i] * c[i];
        QVERIFY(std::abs(ac / 1000) < 5 / std::sqrt(1000.0));
        // Filling in pieces continues the same stream as filling at once.
        GaussianSampler whole(9), pieces(9);
        std::vector<double> w(600), p(600);
        whole.fillNormal(w.data(), 600);
        pieces.fillNormal(p.data(), 600);
        QCOMPARE(w, p);
    }
};

QTEST_APPLESS_MAIN(TestGaussianSampler)
#include "tst_gaussiansampler.moc"
