// The parameter schema: every key round-trips text → value → text, refuses bad values with an error that names
// the key, and README's parameter table is the one the schema generates.
#include "ParameterSchema.h"
#include "SchemaSamples.h"

#include <QFile>

#include <algorithm>
#include <QTest>

using namespace aedyn;

class TestParameterSchema : public QObject {
    Q_OBJECT
private slots:
    void everyKeyHasASampleAndAnEditor()
    {
        for (const ParameterSpec& s : parameterSchema()) {
            QVERIFY2(test::schemaSamples().count(s.key), s.key.c_str());
            QVERIFY2(!s.help.empty(), s.key.c_str());
            QVERIFY2(s.get && s.set, s.key.c_str());
            QVERIFY2(s.type != ParameterType::Choice || !s.choices.empty(), s.key.c_str());
            const auto& groups = parameterGroups();
            QVERIFY2(s.group.empty() || std::find(groups.begin(), groups.end(), s.group) != groups.end(), s.key.c_str());
        }
        QCOMPARE(test::schemaSamples().size(), parameterSchema().size());
    }

    void textRoundTripsThroughTheConfig()
    {
        for (const ParameterSpec& s : parameterSchema()) {
            const std::string sample = test::schemaSamples().at(s.key);
            ExperimentConfig c;
            const std::string before = parameterValue(c, s.key);
            QVERIFY2(before != sample, s.key.c_str());  // the sample changes something
            setParameter(c, s.key, sample);
            const std::string text = parameterValue(c, s.key);
            // M sets the reference spikes; the spike list's own text is what is checked for it.
            if (s.key != "M")
                QCOMPARE(text, sample);
            // text → value → text is a fixed point, and the value read back equals the one set.
            ExperimentConfig d;
            setParameter(d, s.key, text);
            QCOMPARE(parameterValue(d, s.key), text);
            QVERIFY(parseParameter(s, text) == s.get(c));
        }
    }

    void numbersKeepEveryDigit()
    {
        ExperimentConfig c;
        setParameter(c, "lr", "0.1");
        QCOMPARE(parameterValue(c, "lr"), std::string("0.1"));
        const double x = 1.0 / 3.0;
        setParameter(c, "lr", shortestNumber(x));
        QCOMPARE(c.lr, x);  // 12 significant digits (the old form) would not give x back
        setParameter(c, "t_max", "123.45678901234567");
        QCOMPARE(c.tMax, 123.45678901234567);
    }

    void badValuesNameTheirKey_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("message");
        QTest::newRow("K not a number") << "K" << "abc" << "K = 'abc': must be a whole number from 1 to 4096";
        QTest::newRow("K too large") << "K" << "5000" << "K = '5000': must be a whole number from 1 to 4096";
        QTest::newRow("D fraction") << "D" << "10.5" << "D = '10.5'";
        QTest::newRow("lr zero") << "lr" << "0" << "lr = '0': must be greater than 0";
        QTest::newRow("lr inf") << "lr" << "inf" << "must be a finite number";
        QTest::newRow("sigma negative") << "sigma" << "-1" << "sigma = '-1': must be 0 or greater";
        QTest::newRow("spike item") << "spikes" << "3, x, 9" << "(got 'x')";
        QTest::newRow("no spikes") << "spikes" << " " << "spikes";
        QTest::newRow("choice") << "activation" << "tanh" << "must be erf, relu or linear";
        QTest::newRow("flag") << "bias" << "maybe" << "must be true or false";
        QTest::newRow("rtol") << "rtol" << "0.1" << "rtol = '0.1': must be from 1e-14 to 0.001";
        QTest::newRow("atol") << "atol" << "0.5" << "atol = '0.5'";
        QTest::newRow("t_max") << "t_max" << "2e7" << "t_max = '2e7'";
        QTest::newRow("images") << "images" << "" << "images = ''";
    }

    void badValuesNameTheirKey()
    {
        QFETCH(QString, key);
        QFETCH(QString, text);
        QFETCH(QString, message);
        ExperimentConfig c;
        try {
            setParameter(c, key.toStdString(), text.toStdString());
            QFAIL("accepted");
        } catch (const ConfigError& e) {
            QCOMPARE(QString::fromStdString(e.key()), key);
            QVERIFY2(QString::fromStdString(e.what()).contains(message), e.what());
        }
    }

    void crossKeyProblemsNameTheKeyToChange_data()
    {
        QTest::addColumn<QString>("settings");
        QTest::addColumn<QString>("key");
        QTest::newRow("K > D") << "D=10;K=11" << "K";
        QTest::newRow("M > D") << "D=3;M=4" << "spikes";
        QTest::newRow("informed K > M") << "init=informed;K=4" << "init";
        QTest::newRow("sanger erf") << "rule=sanger" << "rule";
        QTest::newRow("tied truncated") << "tied=true;rule=truncated" << "tied";
        QTest::newRow("wd >= D") << "D=100;wd=150" << "wd";
        QTest::newRow("steps") << "D=100000;t_max=2e6" << "t_max";
        QTest::newRow("M and spikes") << "M=2;spikes=3,5,9" << "spikes";
    }

    void crossKeyProblemsNameTheKeyToChange()
    {
        QFETCH(QString, settings);
        QFETCH(QString, key);
        std::vector<std::pair<std::string, std::string>> kv;
        for (const QString& s : settings.split(QLatin1Char(';')))
            kv.emplace_back(s.section(QLatin1Char('='), 0, 0).toStdString(), s.section(QLatin1Char('='), 1).toStdString());
        ExperimentConfig c;
        try {
            applyParameters(c, kv);
            validate(c);
            QFAIL("accepted");
        } catch (const ConfigError& e) {
            QVERIFY2(QString::fromStdString(e.key()) == key, e.what());
        }
    }

    void unknownKeysAreRefused()
    {
        ExperimentConfig c;
        try {
            setParameter(c, "eta", "1");
            QFAIL("accepted");
        } catch (const ConfigError& e) {
            QVERIFY(QString::fromStdString(e.what()).startsWith(QStringLiteral("unknown parameter 'eta' (known: spectrum D K")));
        }
    }

    void readmeTableIsTheSchemas()
    {
        QFile readme(QStringLiteral(AEDYN_SOURCE_DIR "/README.md"));
        QVERIFY(readme.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(readme.readAll());
        const QString begin = QStringLiteral("<!-- parameters:begin (generated from core/ParameterSchema.cpp) -->\n");
        const QString end = QStringLiteral("<!-- parameters:end -->");
        const qsizetype from = text.indexOf(begin), to = text.indexOf(end);
        QVERIFY2(from >= 0 && to > from, "README.md has no parameters block");
        const QString table = text.mid(from + begin.size(), to - from - begin.size());
        const QString expected = QString::fromStdString(parameterTableMarkdown());
        if (table != expected) {
            QFile out(QStringLiteral("parameters.md"));
            if (out.open(QIODevice::WriteOnly))
                out.write(expected.toUtf8());
            QFAIL("README.md's parameter table differs from the schema; the schema's table is in parameters.md "
                  "in the test's working directory");
        }
    }
};

QTEST_GUILESS_MAIN(TestParameterSchema)
#include "tst_parameterschema.moc"
