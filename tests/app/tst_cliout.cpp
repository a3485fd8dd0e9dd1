// aedyn-cli --out DIR as a shared, failing or contested folder (README, "aedyn-cli output"): links planted in DIR are
// never written through, a second run on DIR is refused at once, a write that fails half-way leaves the previous
// curves.csv and run.json together, and errors give the operating system's reason.
#include "ResultFolder.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

namespace {

struct CliResult {
    int exitCode = -1;
    QString err;
};

CliResult runCli(const QStringList& args, const std::function<void()>& inChild = {})
{
    QProcess p;
    if (inChild)
        p.setChildProcessModifier(inChild);
    p.start(QStringLiteral(AEDYN_CLI_PATH), args);
    if (!p.waitForFinished(120000))
        p.kill();
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, QString::fromUtf8(p.readAllStandardError())};
}

// A run of a fraction of a second whose curves.csv (about 1.3 kB) is smaller than its run.json (about 2.3 kB);
// `seed` makes the curves differ between runs.
QStringList quickRun(const QString& out, int seed)
{
    return {"--set", "D=100", "--set", "K=1", "--set", "M=1", "--t-max", "0.02", "--runs", "1",
            "--seed", QString::number(seed), "--quiet", "--out", out};
}

QByteArray readAll(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray("<unreadable>");
}

} // namespace

class TestCliOut : public QObject {
    Q_OBJECT

private slots:
    void plantedSymlinksLeaveTheirTargetsIntact()
    {
        QTemporaryDir tmp;
        const QString victim = tmp.filePath(QStringLiteral("victim.txt"));
        {
            QFile f(victim);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("precious\n");
        }
        const QString out = tmp.filePath(QStringLiteral("out"));
        QVERIFY(QDir().mkpath(out));
        QVERIFY(QFile::link(victim, out + "/curves.csv"));
        QVERIFY(QFile::link(victim, out + "/run.json"));
        const CliResult r = runCli(quickRun(out, 1));
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(readAll(victim), QByteArray("precious\n"));
        QVERIFY(!QFileInfo(out + "/curves.csv").isSymLink());
        QVERIFY(!QFileInfo(out + "/run.json").isSymLink());
        QVERIFY(readAll(out + "/curves.csv").startsWith("t,"));
        QVERIFY(aedyn::ResultFolder::isComplete(QFile::encodeName(out).toStdString()));
    }

    void secondRunOnTheSameFolderRefusedAtOnce()
    {
        QTemporaryDir tmp;
        const QString out = tmp.filePath(QStringLiteral("out"));
        QVERIFY(QDir().mkpath(out));
        // Hold the folder's lock as a running aedyn-cli does.
        const int lock = ::open(QFile::encodeName(out + "/.aedyn.lock").constData(), O_RDWR | O_CREAT | O_CLOEXEC,
                                0666);
        QVERIFY(lock >= 0);
        QCOMPARE(::flock(lock, LOCK_EX | LOCK_NB), 0);
        QElapsedTimer timer;
        timer.start();
        const CliResult r = runCli(quickRun(out, 1) + QStringList{"--set", "D=400", "--t-max", "50"});
        const qint64 ms = timer.elapsed();
        ::close(lock);
        QCOMPARE(r.exitCode, 3);
        QVERIFY2(r.err.contains(QStringLiteral("is in use by another aedyn-cli run")), qPrintable(r.err));
        QVERIFY2(ms < 10000, qPrintable(QString::number(ms)));
        QVERIFY(!QFile::exists(out + "/curves.csv"));
        // Once the lock is released the folder can be used.
        QCOMPARE(runCli(quickRun(out, 1)).exitCode, 0);
    }

    void failedWriteKeepsThePreviousPairTogether()
    {
        QTemporaryDir tmp;
        const QString out = tmp.filePath(QStringLiteral("out"));
        QCOMPARE(runCli(quickRun(out, 1)).exitCode, 0);
        const QByteArray oldCsv = readAll(out + "/curves.csv");
        const QByteArray oldJson = readAll(out + "/run.json");

        // The second run may write files no larger than its curves.csv: run.json (larger here) fails with EFBIG
        // after curves.csv was written, as on a disk that fills up between the two.
        const QString probe = tmp.filePath(QStringLiteral("probe"));
        QCOMPARE(runCli(quickRun(probe, 2)).exitCode, 0);
        const qint64 csvSize = QFileInfo(probe + "/curves.csv").size();
        const qint64 jsonSize = QFileInfo(probe + "/run.json").size();
        QVERIFY2(csvSize < jsonSize, qPrintable(QStringLiteral("%1 %2").arg(csvSize).arg(jsonSize)));
        const rlim_t limit = static_cast<rlim_t>(csvSize + (jsonSize - csvSize) / 2);
        const CliResult r = runCli(quickRun(out, 2), [limit] {
            std::signal(SIGXFSZ, SIG_IGN);
            const rlimit rl{limit, limit};
            ::setrlimit(RLIMIT_FSIZE, &rl);
        });
        QCOMPARE(r.exitCode, 3);
        QVERIFY2(r.err.contains(QStringLiteral("File too large")), qPrintable(r.err));
        QCOMPARE(readAll(out + "/curves.csv"), oldCsv);
        QCOMPARE(readAll(out + "/run.json"), oldJson);
        QVERIFY(aedyn::ResultFolder::isComplete(QFile::encodeName(out).toStdString()));
        QVERIFY(oldCsv != readAll(probe + "/curves.csv")); // the runs did differ
    }

    void unwritableFolderNamesTheReason()
    {
        QTemporaryDir tmp;
        QVERIFY(::chmod(QFile::encodeName(tmp.path()).constData(), 0755) == 0);
        const QString ro = tmp.filePath(QStringLiteral("ro"));
        QVERIFY(QDir().mkpath(ro));
        QVERIFY(::chmod(QFile::encodeName(ro).constData(), 0555) == 0);
        // Root passes every permission check: run the CLI as nobody then.
        const bool root = ::geteuid() == 0;
        if (root && ::access(AEDYN_CLI_PATH, X_OK) == 0) {
            struct stat st {};
            if (::stat(AEDYN_CLI_PATH, &st) != 0 || !(st.st_mode & S_IXOTH))
                QSKIP("aedyn-cli is not executable by an unprivileged user here");
        }
        for (const QString& out : {ro, ro + "/below"}) {
            const CliResult r = runCli(quickRun(out, 1), [root] {
                if (root && (::setgid(65534) != 0 || ::setuid(65534) != 0))
                    ::_exit(99);
            });
            QCOMPARE(r.exitCode, 3);
            QVERIFY2(r.err.contains(QStringLiteral("Permission denied")), qPrintable(r.err));
        }
        QVERIFY(::chmod(QFile::encodeName(ro).constData(), 0755) == 0);
    }
};

QTEST_GUILESS_MAIN(TestCliOut)
#include "tst_cliout.moc"
