// Project files: save → open gives the identical configuration, display options and pins; malformed, truncated,
// foreign and future-version files are refused with a message naming the file and the problem.
#include "Presets.h"
#include "ParameterJson.h"
#include "ProjectFile.h"
#include "SchemaSamples.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace aedyn;

namespace {

Project sample()
{
    Project p;
    p.preset = QStringLiteral("fig4b-relu-bias");
    p.config = presetConfig("fig4b-relu-bias");
    applyParameters(p.config, {{"K", "3"}, {"lr", "0.37"}, {"seed", "9007199254740"}, {"spikes", "3,5.5,9,17"},
                               {"bias_init", "-0.125"}, {"t_max", "123.456"}});
    p.display = {false, true, 12.5, 200.0};
    PinnedRun pin;
    pin.label = QStringLiteral("without bias");
    pin.config = presetConfig("fig4b-relu-nobias");
    p.pins.append(pin);
    return p;
}

void write(const QString& path, const QByteArray& bytes)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(bytes);
}

} // namespace

class TestProjectFile : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;

private slots:
    void saveThenOpenIsIdentical()
    {
        const Project p = sample();
        const QString path = dir_.filePath(QStringLiteral("a.aedyn"));
        QString error;
        QVERIFY2(saveProject(path, p, &error), qPrintable(error));
        const auto q = loadProject(path, &error);
        QVERIFY2(q.has_value(), qPrintable(error));
        QCOMPARE(parameterValues(q->config), parameterValues(p.config));
        QCOMPARE(q->preset, p.preset);
        QVERIFY(q->display == p.display);
        QCOMPARE(q->pins.size(), 1);
        QCOMPARE(q->pins[0].label, QStringLiteral("without bias"));
        QCOMPARE(parameterValues(q->pins[0].config), parameterValues(p.pins[0].config));
        // Every parameter key is in the file, typed for people who read or edit it.
        const QByteArray text = projectToJson(p);
        for (const std::string& key : parameterKeys())
            QVERIFY2(text.contains(("\"" + key + "\"").c_str()), key.c_str());
        QVERIFY(text.contains("\"lr\": 0.37"));
        QVERIFY(text.contains("\"version\": 1"));
    }

    void malformedFilesAreRefused_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("problem");
        const QByteArray good = projectToJson(sample());
        QTest::newRow("truncated") << good.left(good.size() / 2) << "not a valid project file";
        QTest::newRow("empty") << QByteArray() << "not a valid project file";
        QTest::newRow("not JSON") << QByteArray("K = 3\n") << "not a valid project file";
        QTest::newRow("foreign JSON") << QByteArray(R"({"name": "x"})") << "not an AEDyn project";
        QTest::newRow("future version") << QByteArray(good).replace("\"version\": 1", "\"version\": 7")
                                        << "written by a newer AEDyn (project format 7";
        QTest::newRow("bad value") << QByteArray(good).replace("\"lr\": 0.37", "\"lr\": -2") << "lr = '-2'";
        QTest::newRow("unknown key") << QByteArray(good).replace("\"lr\": 0.37", "\"eta\": 0.37")
                                     << "unknown parameter 'eta'";
        QTest::newRow("no parameters") << QByteArray(R"({"format": "aedyn-project", "version": 1})")
                                       << "\"parameters\" is missing";
        QTest::newRow("absurd version") << QByteArray(good).replace("\"version\": 1", "\"version\": 1e308")
                                        << "written by a newer AEDyn (project format 1e+308";
        QTest::newRow("version past 2^31") << QByteArray(good).replace("\"version\": 1", "\"version\": 4294967297")
                                           << "written by a newer AEDyn (project format 4294967297";
        QTest::newRow("number as text") << QByteArray(good).replace("\"lr\": 0.37", "\"lr\": \"0.37\"")
                                        << "lr = '0.37': must be greater than 0";
        QTest::newRow("flag as number") << QByteArray(good).replace("\"tied\": false", "\"tied\": 0")
                                        << "tied = 'a JSON number': must be true or false";
        QTest::newRow("whole number with a fraction") << QByteArray(good).replace("\"K\": 3", "\"K\": 3.5")
                                                      << "K = '3.5': must be a whole number";
        QTest::newRow("bad fit window") << QByteArray(good).replace("12.5", "900") << "fit_window";
    }

    void malformedFilesAreRefused()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, problem);
        const QString path = dir_.filePath(QStringLiteral("bad.aedyn"));
        write(path, content);
        QString error;
        QVERIFY(!loadProject(path, &error).has_value());
        QVERIFY2(error.startsWith(path + QStringLiteral(": ")) && error.contains(problem), qPrintable(error));
    }

    // Every key: text → value → JSON → value gives the value back, in the JSON type the schema names.
    void everyKeyRoundTripsThroughJson()
    {
        for (const ParameterSpec& spec : parameterSchema()) {
            const ParameterValue v = parseParameter(spec, test::schemaSamples().at(spec.key));
            const QJsonValue json = parameterToJson(spec, v);
            const QJsonValue reread = QJsonDocument::fromJson(QJsonDocument(QJsonObject{{"x", json}}).toJson())["x"];
            QVERIFY2(parameterFromJson(spec, reread) == v, spec.key.c_str());
            switch (spec.type) {
            case ParameterType::Integer:
            case ParameterType::Real:
                QVERIFY2(json.isDouble(), spec.key.c_str());
                break;
            case ParameterType::RealList:
                QVERIFY2(json.isArray(), spec.key.c_str());
                break;
            case ParameterType::Flag:
                QVERIFY2(json.isBool(), spec.key.c_str());
                break;
            default:
                QVERIFY2(json.isString(), spec.key.c_str());  // a path like "123" stays text
            }
        }
        // A whole configuration of samples survives a project file (M follows the spike list).
        ExperimentConfig c;
        for (const auto& [key, text] : test::schemaSamples())
            if (key != "M" && key != "spectrum" && key != "D" && key != "wd" && key != "K")
                setParameter(c, key, text);
        c.rule = Rule::Vanilla;  // tied networks train with the vanilla rule
        Project p;
        p.config = c;
        QString error;
        const auto q = projectFromJson(projectToJson(p), &error);
        QVERIFY2(q.has_value(), qPrintable(error));
        QCOMPARE(parameterValues(q->config), parameterValues(c));
    }

    void onlyRegularFilesAreRead()
    {
        QString error;
        QVERIFY(!loadProject(QStringLiteral("/dev/zero"), &error).has_value());
        QVERIFY2(error.contains(QStringLiteral("not a regular file")), qPrintable(error));
        const QString fifo = dir_.filePath(QStringLiteral("fifo.aedyn"));
        QCOMPARE(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
        QVERIFY(!loadProject(fifo, &error).has_value());  // would block for ever if it were opened
        QVERIFY2(error.contains(QStringLiteral("not a regular file")), qPrintable(error));
    }

    void unreadableAndUnwritablePaths()
    {
        QString error;
        QVERIFY(!loadProject(dir_.filePath(QStringLiteral("missing.aedyn")), &error).has_value());
        QVERIFY2(error.contains(QStringLiteral("cannot open")) && error.contains(QStringLiteral("missing.aedyn")),
                 qPrintable(error));
        // A path under a regular file cannot be created, even by root.
        const QString file = dir_.filePath(QStringLiteral("plain"));
        write(file, "x");
        QVERIFY(!saveProject(file + QStringLiteral("/p.aedyn"), sample(), &error));
        QVERIFY2(error.startsWith(QStringLiteral("cannot write ")), qPrintable(error));
        // A failed save leaves the existing file as it was.
        const QString kept = dir_.filePath(QStringLiteral("kept.aedyn"));
        QVERIFY(saveProject(kept, sample(), &error));
        QVERIFY(loadProject(kept, &error).has_value());
    }
};

QTEST_GUILESS_MAIN(TestProjectFile)
#include "tst_projectfile.moc"
