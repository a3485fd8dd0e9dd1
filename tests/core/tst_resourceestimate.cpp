// The memory estimate of a configuration (core/ResourceEstimate.h, issue 14): D = 100000 with K = 4096 is refused
// with 2 GB available in one line naming the parameters and the estimate; the paper's presets fit in 2 GB.
#include "Presets.h"
#include "ResourceEstimate.h"

#include <QTest>

using namespace aedyn;

class TestResourceEstimate : public QObject {
    Q_OBJECT

private slots:
    void hugeNetworkIsRefused()
    {
        ExperimentConfig c;
        applyParameters(c, {{"D", "100000"}, {"K", "4096"}, {"runs", "4"}});
        // W and V of 4096 × 100000 doubles are 6.6 GB per copy: 4 runs, the initial weights and a working copy;
        // the K×K order parameters (671 MB each) kept at every output time for the theory and the mean add more.
        const ResourceEstimate e = estimateResources(c);
        QVERIFY(e.weights > std::size_t(39e9) && e.weights < std::size_t(41e9));
        QVERIFY(e.observables > std::size_t(2 * 100 * 671e6));
        try {
            checkResources(c, std::size_t(2) << 30);
            QFAIL("expected a ConfigError");
        } catch (const ConfigError& e) {
            const QString m = QString::fromUtf8(e.what());
            qInfo("%s", e.what());
            QVERIFY2(m.startsWith("D = 100000 with K = 4096, runs = 4 and ") && m.contains(" GB of memory") &&
                         m.contains("this machine has 2.1 GB available") && !m.contains('\n'),
                     e.what());
        }
        // More runs need more.
        ExperimentConfig more = c;
        more.runs = 8;
        QVERIFY(estimatedBytes(more) > estimatedBytes(c));
    }

    void presetsFit_data()
    {
        QTest::addColumn<QString>("preset");
        for (const Preset& p : presets())
            QTest::newRow(p.name.c_str()) << QString::fromStdString(p.name);
    }

    void presetsFit()
    {
        QFETCH(QString, preset);
        const ExperimentConfig c = presetConfig(preset.toStdString());
        qInfo("%s: about %s", qPrintable(preset), formatBytes(double(estimatedBytes(c))).c_str());
        checkResources(c, std::size_t(2) << 30);  // throws (and fails the test) if it does not fit
    }

    void longGridsAndManyRunsAreCounted()
    {
        ExperimentConfig c = presetConfig("fig2-sequential");
        const std::size_t base = estimatedBytes(c);
        c.runs = 1000;  // 250 times the runs: the weights dominate
        QVERIFY(estimatedBytes(c) > 50 * base);
        c.runs = 4;
        c.tMax = 1e9;
        QVERIFY(estimateResources(c).gridPoints > estimateResources(presetConfig("fig2-sequential")).gridPoints);
    }

    void availableMemoryIsKnown()
    {
        const std::size_t a = availableMemoryBytes();
        QVERIFY(a > std::size_t(1) << 20);
        QVERIFY(a < std::size_t(1) << 50);
    }
};

QTEST_APPLESS_MAIN(TestResourceEstimate)
#include "tst_resourceestimate.moc"
