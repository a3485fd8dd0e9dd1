// Preset files: every shipped preset parses and validates, and the optional entries (play_with, lecture_view) are
// read or refused with a message naming the preset and the line.
#include "ExperimentConfig.h"
#include "ParameterSchema.h"
#include "Presets.h"

#include <QTest>

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
