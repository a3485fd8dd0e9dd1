// `aedyn-cli sweep`: each point's curves.csv is byte-identical to a single aedyn-cli run of its parameters;
// --task N runs exactly point N; --gather reports missing points (exit 1); a resumed sweep skips finished points;
// the --slurm script holds the array, the passed-through options and the task command (and runs a point).
#include "ExperimentConfig.h"
#include "Presets.h"
#include "ProjectFile.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <csignal>

namespace {

struct CliResult {
    int exitCode = -1;
    QString out, err;
};

CliResult runCli(const QStringList& args, int timeoutMs = 120000,
                 const QProcessEnvironment& env = QProcessEnvironment::systemEnvironment(),
                 const QString& program = QStringLiteral(AEDYN_CLI_PATH))
{
    QProcess p;
    p.setProcessEnvironment(env);
    p.start(program, args);
    if (!p.waitForFinished(timeoutMs))
        p.kill();
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
}

QByteArray readFile(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

void writeFile(const QString& path, const QByteArray& text)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(text);
}

// Four theory points, D = 100 to t = 20: a second or so in all.
const QByteArray kSpec = "# tst_sweep\n"
                         "base = fig2-sequential\n"
                         "set D = 100\n"
                         "set t_max = 20\n"
                         "sweep lr = 0.5, 1\n"
                         "sweep sigma = log 0.5 1 2\n"
                         "quantities = eps_final, escape:0.5\n";
const QStringList kPointOverrides[] = {
    {"lr=0.5", "sigma=0.5"}, {"lr=0.5", "sigma=1"}, {"lr=1", "sigma=0.5"}, {"lr=1", "sigma=1"}};

QString point(const QString& out, int i)
{
    return QDir(out).filePath(QStringLiteral("point-%1").arg(i, 4, 10, QLatin1Char('0')));
}

} // namespace

class TestSweep : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;
    QString spec_;

private slots:
    void initTestCase()
    {
        QVERIFY(dir_.isValid());
        spec_ = dir_.filePath(QStringLiteral("grid.sweep"));
        writeFile(spec_, kSpec);
    }

    void sweepGivesTheCurvesOfSingleRuns()
    {
        const QString out = dir_.filePath(QStringLiteral("full"));
        const CliResult r = runCli({"sweep", spec_, "--out", out});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        for (int i = 0; i < 4; ++i) {
            QTemporaryDir single;
            QStringList args{"--preset", "fig2-sequential", "--set", "D=100", "--set", "t_max=20"};
            for (const QString& kv : kPointOverrides[i])
                args << "--set" << kv;
            const CliResult s = runCli(args + QStringList{"--no-sgd", "--quiet", "--out", single.path()});
            QVERIFY2(s.exitCode == 0, qPrintable(s.err));
            const QByteArray expected = readFile(QDir(single.path()).filePath("curves.csv"));
            QVERIFY(!expected.isEmpty());
            QCOMPARE(readFile(QDir(point(out, i)).filePath("curves.csv")), expected);
            const QJsonObject run = QJsonDocument::fromJson(readFile(QDir(point(out, i)).filePath("run.json"))).object();
            QCOMPARE(run.value("theory").toObject().value("status").toString(), QStringLiteral("ok"));
            QCOMPARE(run.value("simulation").toObject().value("status").toString(), QStringLiteral("not run"));
            const QJsonObject p = QJsonDocument::fromJson(readFile(QDir(point(out, i)).filePath("point.json"))).object();
            QCOMPARE(p.value("index").toInt(), i);
            QCOMPARE(QStringLiteral("lr=%1").arg(p.value("swept").toObject().value("lr").toString()),
                     kPointOverrides[i][0]);
        }
        const QList<QByteArray> summary = readFile(QDir(out).filePath("summary.csv")).trimmed().split('\n');
        QCOMPARE(summary.size(), 5);
        QCOMPARE(summary[0], QByteArray("point,lr,sigma,eps_final_ode,escape_0.5_ode"));
        QVERIFY2(summary[3].startsWith("2,1,0.5,"), summary[3].constData());
        QVERIFY(summary[3].split(',').at(3).toDouble() > 0);
    }

    void taskRunsExactlyPointN()
    {
        const QString out = dir_.filePath(QStringLiteral("task"));
        const CliResult r = runCli({"sweep", spec_, "--out", out, "--task", "2"});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(QDir(out).entryList(QDir::AllEntries | QDir::NoDotAndDotDot), QStringList{"point-0002"});
        QCOMPARE(QDir(point(out, 2)).entryList(QDir::Files),
                 (QStringList{"curves.csv", "manifest.txt", "point.json", "run.json"}));
        const QJsonObject p = QJsonDocument::fromJson(readFile(QDir(point(out, 2)).filePath("point.json"))).object();
        QCOMPARE(p.value("swept").toObject().value("lr").toString(), QStringLiteral("1"));
        QCOMPARE(p.value("swept").toObject().value("sigma").toString(), QStringLiteral("0.5"));

        const CliResult bad = runCli({"sweep", spec_, "--out", out, "--task", "4"});
        QCOMPARE(bad.exitCode, 2);
        QVERIFY2(bad.err.contains("--task 4") && bad.err.contains("0 to 3"), qPrintable(bad.err));
        QVERIFY(!QFileInfo::exists(point(out, 4)));
    }

    void gatherReportsMissingPoints()
    {
        const QString out = dir_.filePath(QStringLiteral("gather"));
        QCOMPARE(runCli({"sweep", spec_, "--out", out, "--task", "0", "--quiet"}).exitCode, 0);
        QCOMPARE(runCli({"sweep", spec_, "--out", out, "--task", "3", "--quiet"}).exitCode, 0);
        // Point 2 was started but did not finish: a folder with only its log.
        QVERIFY(QDir().mkpath(point(out, 2)));
        writeFile(QDir(point(out, 2)).filePath("log.txt"), "killed\n");
        const CliResult r = runCli({"sweep", spec_, "--out", out, "--gather"});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("point 1 (lr = 0.5, sigma = 1): missing"), qPrintable(r.err));
        QVERIFY2(r.err.contains("point 2 (lr = 1, sigma = 0.5): failed or incomplete, log " +
                                QDir(point(out, 2)).filePath("log.txt")),
                 qPrintable(r.err));
        QVERIFY2(!r.err.contains("point 0") && !r.err.contains("point 3 ("), qPrintable(r.err));
        const QList<QByteArray> summary = readFile(QDir(out).filePath("summary.csv")).trimmed().split('\n');
        QCOMPARE(summary.size(), 5);
        QCOMPARE(summary[2], QByteArray("1,0.5,1,,"));
        QVERIFY(summary[4].split(',').at(3).toDouble() > 0);
    }

    void resumedSweepSkipsFinishedPoints()
    {
        const QString out = dir_.filePath(QStringLiteral("resume"));
        QCOMPARE(runCli({"sweep", spec_, "--out", out, "--task", "1", "--quiet"}).exitCode, 0);
        const QStringList files{"curves.csv", "run.json", "point.json"};
        QList<QDateTime> before;
        for (const QString& f : files)
            before << QFileInfo(QDir(point(out, 1)).filePath(f)).lastModified();
        QThread::msleep(50);
        const CliResult r = runCli({"sweep", spec_, "--out", out});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.err.contains("point 1 (lr = 0.5, sigma = 1): complete, skipped"), qPrintable(r.err));
        QCOMPARE(r.err.count("complete, skipped"), 1);
        for (qsizetype i = 0; i < files.size(); ++i)
            QCOMPARE(QFileInfo(QDir(point(out, 1)).filePath(files[i])).lastModified(), before[i]);
        for (int i : {0, 2, 3})
            QVERIFY(QFileInfo::exists(QDir(point(out, i)).filePath("curves.csv")));
    }

    void slurmScriptHoldsTheArrayAndTheTaskCommand()
    {
        const QString out = dir_.filePath(QStringLiteral("slurm"));
        const CliResult r = runCli({"sweep", spec_, "--out", out, "--slurm", "--partition", "short", "--time",
                                    "00:10:00", "--cpus-per-task", "2"});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QString script = QDir(out).filePath("sweep.sbatch");
        QVERIFY2(r.out.contains("sbatch '" + script + "'") && r.out.contains("--gather"), qPrintable(r.out));
        const QStringList lines = QString::fromUtf8(readFile(script)).split('\n');
        QCOMPARE(lines.value(0), QStringLiteral("#!/bin/bash"));
        QStringList sbatch;
        QMap<QString, QString> vars;
        QString command;
        for (const QString& l : lines) {
            if (l.startsWith("#SBATCH "))
                sbatch << l.mid(8);
            else if (l.contains("--task"))
                command = l;
            const qsizetype eq = l.indexOf('=');
            if (!l.startsWith('#') && eq > 0 && !l.left(eq).contains(' '))
                vars[l.left(eq)] = l.mid(eq + 1);
        }
        QVERIFY(sbatch.contains("--array=0-3"));
        QVERIFY(sbatch.contains("--partition=short"));
        QVERIFY(sbatch.contains("--time=00:10:00"));
        QVERIFY(sbatch.contains("--cpus-per-task=2"));
        QCOMPARE(vars.value("SPEC"), "'" + QFileInfo(spec_).absoluteFilePath() + "'");
        QCOMPARE(vars.value("OUT"), "'" + QDir(out).absolutePath() + "'");
        QCOMPARE(vars.value("AEDYN_CLI"), "'" + QFileInfo(QStringLiteral(AEDYN_CLI_PATH)).absoluteFilePath() + "'");
        QVERIFY2(command.startsWith(R"("$AEDYN_CLI" sweep "$SPEC" --out "$OUT" --task "$SLURM_ARRAY_TASK_ID" --threads 2)"),
                 qPrintable(command));
        QVERIFY2(command.endsWith(R"(> "$dir/log.txt" 2>&1)"), qPrintable(command));

        // What one array task does, without Slurm: run the script as task 3.
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert("SLURM_ARRAY_TASK_ID", "3");
        const CliResult task = runCli({script}, 120000, env, QStringLiteral("/bin/bash"));
        QVERIFY2(task.exitCode == 0, qPrintable(task.err));
        QVERIFY(QFileInfo::exists(QDir(point(out, 3)).filePath("curves.csv")));
        QVERIFY(QFileInfo::exists(QDir(point(out, 3)).filePath("log.txt")));
        QVERIFY(!QFileInfo::exists(point(out, 2)));

        // Chunks of 3 points: two array tasks.
        const CliResult chunked = runCli({"sweep", spec_, "--out", out, "--slurm", "--chunk", "3"});
        QVERIFY2(chunked.exitCode == 0, qPrintable(chunked.err));
        const QString text = QString::fromUtf8(readFile(script));
        QVERIFY2(text.contains("#SBATCH --array=0-1\n") && text.contains("CHUNK=3\n") && text.contains("N=4\n"),
                 qPrintable(text));
        QVERIFY(!text.contains("--partition"));
    }

    // Both routes: the SGD columns too are those of the single run (same seed, same streams).
    void sgdSweepGivesTheCurvesOfSingleRuns()
    {
        const QString spec = dir_.filePath(QStringLiteral("sgd.sweep"));
        writeFile(spec, "base = fig2-sequential\nset D = 100\nset t_max = 2\nset runs = 2\nsweep lr = 0.5, 1\n"
                        "routes = both\n");
        const QString out = dir_.filePath(QStringLiteral("sgd"));
        const CliResult r = runCli({"sweep", spec, "--out", out, "--threads", "2"});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        for (int i = 0; i < 2; ++i) {
            QTemporaryDir single;
            const CliResult s = runCli({"--preset", "fig2-sequential", "--set", "D=100", "--set", "t_max=2", "--set",
                                        "runs=2", "--set", i == 0 ? "lr=0.5" : "lr=1", "--quiet", "--out",
                                        single.path()});
            QVERIFY2(s.exitCode == 0, qPrintable(s.err));
            const QByteArray expected = readFile(QDir(single.path()).filePath("curves.csv"));
            QCOMPARE(readFile(QDir(point(out, i)).filePath("curves.csv")), expected);
        }
        const QList<QByteArray> summary = readFile(QDir(out).filePath("summary.csv")).trimmed().split('\n');
        QCOMPARE(summary[0], QByteArray("point,lr,eps_final_ode,eps_final_sgd"));
        QVERIFY(summary[1].split(',').at(3).toDouble() > 0);
    }

    // The finite-size template, with two of its sizes and a shorter time: the SGD mean comes closer to the ODE as D
    // grows, about as D^(-1/2) (a factor 4 from D = 100 to 1600; measured 4.3), so the gap must at least halve.
    void finiteSizeTemplateGapFallsWithD()
    {
        QByteArray text = readFile(QStringLiteral(AEDYN_SWEEP_TEMPLATES "/finite-size.sweep"));
        QVERIFY(text.contains("\nsweep D = log 100 6400 7\n") && text.contains("\nset t_max = 100\n"));
        text.replace("\nsweep D = log 100 6400 7\n", "\nsweep D = 100, 1600\n");
        text.replace("\nset t_max = 100\n", "\nset t_max = 50\n");
        const QString spec = dir_.filePath(QStringLiteral("finite-size.sweep"));
        writeFile(spec, text);
        const QString out = dir_.filePath(QStringLiteral("finite-size"));
        const CliResult r = runCli({"sweep", spec, "--out", out, "--quiet"}, 600000);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QList<QByteArray> summary = readFile(QDir(out).filePath("summary.csv")).trimmed().split('\n');
        QCOMPARE(summary.size(), 3);
        QCOMPARE(summary[0], QByteArray("point,D,gap_sgd_ode,eps_final_ode,eps_final_sgd"));
        const double small = summary[1].split(',').at(2).toDouble(), large = summary[2].split(',').at(2).toDouble();
        qInfo("gap at D = 100: %.5f, at D = 1600: %.5f (ratio %.2f)", small, large, small / large);
        QVERIFY(large > 0);
        QVERIFY2(small > 2 * large, qPrintable(QStringLiteral("gap %1 at D = 100, %2 at D = 1600").arg(small).arg(large)));
    }

    // A project file as the base, relative to the spec: the points are the project plus the overrides.
    void projectBaseRelativeToTheSpec()
    {
        QVERIFY(QDir().mkpath(dir_.filePath("proj/runs")));
        Project p;
        p.preset = QStringLiteral("fig2-sequential");
        p.config = aedyn::presetConfig("fig2-sequential");
        aedyn::applyParameters(p.config, {{"D", "100"}, {"t_max", "5"}, {"seed", "17"}});
        QString error;
        QVERIFY2(saveProject(dir_.filePath("proj/runs/p.aedyn"), p, &error), qPrintable(error));
        const QString spec = dir_.filePath(QStringLiteral("proj/p.sweep"));
        writeFile(spec, "base = runs/p.aedyn\nsweep K = 1, 2\n");
        const QString out = dir_.filePath(QStringLiteral("proj/out"));
        const CliResult r = runCli({"sweep", spec, "--out", out, "--quiet"});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QTemporaryDir single;
        QCOMPARE(runCli({dir_.filePath("proj/runs/p.aedyn"), "--set", "K=2", "--no-sgd", "--quiet", "--out",
                         single.path()})
                     .exitCode,
                 0);
        QCOMPARE(readFile(QDir(point(out, 1)).filePath("curves.csv")),
                 readFile(QDir(single.path()).filePath("curves.csv")));
    }

    // SIGINT mid-sweep stops every running point: exit code 130, no point looks complete.
    void interruptStopsTheSweep()
    {
        const QString spec = dir_.filePath(QStringLiteral("long.sweep"));
        writeFile(spec, "base = fig2-sequential\nset spectrum = powerlaw\nset D = 1024\nset K = 64\nset t_max = 1e6\n"
                        "sweep lr = 1, 2, 3\n");
        const QString out = dir_.filePath(QStringLiteral("long"));
        QProcess p;
        p.start(QStringLiteral(AEDYN_CLI_PATH), {"sweep", spec, "--out", out});
        QVERIFY(p.waitForStarted());
        QTest::qWait(1500);
        QCOMPARE(p.state(), QProcess::Running);
        QElapsedTimer timer;
        timer.start();
        ::kill(static_cast<pid_t>(p.processId()), SIGINT);
        QVERIFY(p.waitForFinished(10000));
        qInfo("SIGINT answered in %lld ms", timer.elapsed());
        QCOMPARE(p.exitCode(), 130);
        for (int i = 0; i < 3; ++i)
            QVERIFY(!QFileInfo::exists(QDir(point(out, i)).filePath("curves.csv")));
        QVERIFY(!QFileInfo::exists(QDir(out).filePath("summary.csv")));
    }

    void refusesABadSpecNamingTheLine()
    {
        const QString bad = dir_.filePath(QStringLiteral("bad.sweep"));
        writeFile(bad, "base = fig2-sequential\nsweep lr = log -1 1 3\n");
        const CliResult r = runCli({"sweep", bad, "--out", dir_.filePath("bad")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("line 2: lr: a log range needs both bounds greater than 0"), qPrintable(r.err));
        QVERIFY(!QFileInfo::exists(dir_.filePath("bad")));
        const CliResult both = runCli({"sweep", spec_, "--out", dir_.filePath("bad"), "--gather", "--task", "1"});
        QCOMPARE(both.exitCode, 2);
    }
};

QTEST_GUILESS_MAIN(TestSweep)
#include "tst_sweep.moc"
