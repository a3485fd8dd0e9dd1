// Project files: save → open gives the identical configuration, display options and pins; malformed, truncated,
// foreign and future-version files are refused with a message naming the file and the problem.
#include "Presets.h"
#include "ProjectFile.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

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
