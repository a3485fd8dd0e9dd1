// Preset files: every shipped preset parses and validates, and the optional entries (play_with, lecture_view) are
// read or refused with a message naming the preset and the line.
#include "Comparisons.h"
#include "ExperimentConfig.h"
#include "ParameterSchema.h"
#include "Presets.h"

#include <QTest>

#include <algorithm>

using namespace aedyn;

class TestPresets : public QObject {
    Q_OBJECT
private slots:
    void everyShippedPresetValidates()
    {
        QVERIFY(presets().size() >= 13);
        for (const Preset& p : presets()) {
            QVERIFY2(!p.title.empty() && !p.caption.empty(), p.name.c_str());
            for (const std::string& key : p.playWith)
                QVERIFY2(findParameter(key), (p.name + ": play_with names an unknown key " + key).c_str());
            ExperimentConfig c = presetConfig(p.name);
            validate(c);
        }
    }

    // Every step of every paper comparison is a shipped preset with values the schema accepts, and the result
    // validates; each comparison has at least two curves, and its steps differ.
    void everyComparisonStepValidates()
    {
        QVERIFY(comparisons().size() >= 3);
        for (const Comparison& c : comparisons()) {
            QVERIFY2(c.steps.size() >= 2, c.name.c_str());
            QCOMPARE(findComparison(c.name), &c);
            std::vector<std::string> seen;
            for (const ComparisonStep& step : c.steps) {
                QVERIFY2(findPreset(step.preset), (c.name + ": no preset " + step.preset).c_str());
                ExperimentConfig config = presetConfig(step.preset);
                std::string key = step.preset;
                for (const auto& [k, v] : step.values) {
                    const ParameterSpec& spec = parameterSpec(k);
                    spec.set(config, parseParameter(spec, v));
                    key += " " + k + "=" + v;
                }
                validate(config);
                QVERIFY2(std::find(seen.begin(), seen.end(), key) == seen.end(), key.c_str());
                seen.push_back(key);
            }
        }
        QCOMPARE(findComparison("no-such"), nullptr);
    }

    // The lecture companion: weights unless the preset's story is the norms' power laws.
    void lectureViewIsReadAndChecked()
    {
        QCOMPARE(findPreset("fig2-sequential")->lectureView, std::string("weights"));
        QCOMPARE(findPreset("fig3-rescaling")->lectureView, std::string("norms"));
        QCOMPARE(parsePreset("x", "title = X\nlecture_view = spectrum\nD = 100\n").lectureView, std::string("spectrum"));
        try {
            parsePreset("x", "title = X\n\nlecture_view = chart\n");
            QFAIL("an unknown lecture_view was accepted");
        } catch (const ConfigError& e) {
            const QString m = e.what();
            QVERIFY2(m.contains("preset x") && m.contains("line 3") && m.contains("'chart'"), e.what());
        }
    }
};

QTEST_APPLESS_MAIN(TestPresets)
#include "tst_presets.moc"
