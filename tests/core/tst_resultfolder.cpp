// ResultFolder: links in the output folder are never written through, a second writer is refused, a failure at any
// step of a commit never leaves a complete-looking mixed set, and errors carry the operating system's reason.
#include "ResultFolder.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <fcntl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

using aedyn::ResultFolder;
using aedyn::ResultFolderError;

namespace {

QByteArray readAll(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray("<unreadable>");
}

void writeText(const QString& path, const QByteArray& text)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(text);
}

bool isSymlink(const QString& path)
{
    struct stat st {};
    return ::lstat(QFile::encodeName(path).constData(), &st) == 0 && S_ISLNK(st.st_mode);
}

std::string errorOf(const std::function<void()>& f)
{
    try {
        f();
    } catch (const ResultFolderError& e) {
        return e.what();
    }
    return {};
}

// What ResultFolder(path) throws when run as an unprivileged user (root passes permission checks).
std::string errorAsUnprivileged(const std::string& path)
{
    if (::geteuid() != 0)
        return errorOf([&] { ResultFolder f(path); });
    int fds[2];
    if (::pipe(fds) != 0)
        return "pipe failed";
    const pid_t pid = ::fork();
    if (pid == 0) {
        ::close(fds[0]);
        std::string message = "no error";
        if (::setgid(65534) == 0 && ::setuid(65534) == 0)
            message = errorOf([&] { ResultFolder f(path); });
        else
            message = "cannot drop privileges";
        [[maybe_unused]] const auto n = ::write(fds[1], message.data(), message.size());
        ::_exit(0);
    }
    ::close(fds[1]);
    std::string message;
    char buf[512];
    for (ssize_t n; (n = ::read(fds[0], buf, sizeof buf)) > 0;)
        message.append(buf, static_cast<std::size_t>(n));
    ::close(fds[0]);
    ::waitpid(pid, nullptr, 0);
    return message;
}

const std::vector<std::pair<std::string, std::string>> runA{{"curves.csv", "t,eps\n1,0.5\n"},
                                                              {"run.json", "{\"run\": \"A\"}\n"}};
const std::vector<std::pair<std::string, std::string>> runB{{"curves.csv", "t,eps\n1,0.25\n2,0.125\n"},
                                                              {"run.json", "{\"run\": \"B\"}\n"}};

} // namespace

class TestResultFolder : public QObject {
    Q_OBJECT

private slots:
    void createsFolderAndCommitsCompleteSet()
    {
        QTemporaryDir tmp;
        const QString dir = tmp.filePath(QStringLiteral("a/b/out"));
        {
            ResultFolder f(dir.toStdString());
            f.commit(runA);
        }
        QCOMPARE(readAll(dir + "/curves.csv"), QByteArray("t,eps\n1,0.5\n"));
        QCOMPARE(readAll(dir + "/run.json"), QByteArray("{\"run\": \"A\"}\n"));
        std::string why;
        QVERIFY2(ResultFolder::isComplete(dir.toStdString(), &why), why.c_str());
        // Nothing but the results, the manifest and the lock is left behind.
        QCOMPARE(QDir(dir).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot, QDir::Name),
                 QStringList({".aedyn.lock", "curves.csv", "manifest.txt", "run.json"}));
    }

    void plantedSymlinkLeavesItsTargetIntact()
    {
        QTemporaryDir tmp;
        const QString victim = tmp.filePath(QStringLiteral("victim"));
        writeText(victim, "precious\n");
        const QString dir = tmp.filePath(QStringLiteral("out"));
        QVERIFY(QDir().mkpath(dir));
        QVERIFY(QFile::link(victim, dir + "/curves.csv"));
        QVERIFY(QFile::link(victim, dir + "/manifest.txt"));
        {
            ResultFolder f(dir.toStdString());
            f.commit(runA);
        }
        QCOMPARE(readAll(victim), QByteArray("precious\n"));
        QVERIFY(!isSymlink(dir + "/curves.csv")); // the link itself was replaced
        QVERIFY(!isSymlink(dir + "/manifest.txt"));
        QCOMPARE(readAll(dir + "/curves.csv"), QByteArray("t,eps\n1,0.5\n"));

        // A link planted as the lock file is refused, not followed (and not created through).
        const QString dir2 = tmp.filePath(QStringLiteral("out2"));
        QVERIFY(QDir().mkpath(dir2));
        const QString absent = tmp.filePath(QStringLiteral("created-through-link"));
        QVERIFY(QFile::link(absent, dir2 + "/.aedyn.lock"));
        QVERIFY(!errorOf([&] { ResultFolder f(dir2.toStdString()); }).empty());
        QVERIFY(!QFile::exists(absent));

        // The folder itself as a link is refused: whoever planted it chose where we write.
        const QString linkDir = tmp.filePath(QStringLiteral("linkdir"));
        QVERIFY(QFile::link(dir, linkDir));
        const std::string e = errorOf([&] { ResultFolder f(linkDir.toStdString()); });
        QVERIFY2(e.find("symbolic link") != std::string::npos, e.c_str());
        const std::string e2 = errorOf([&] { ResultFolder f((linkDir + "/").toStdString()); });
        QVERIFY2(e2.find("symbolic link") != std::string::npos, e2.c_str());
        const std::string e3 = errorOf([&] { ResultFolder f(victim.toStdString()); });
        QVERIFY2(e3.find("not a directory") != std::string::npos, e3.c_str());
    }

    void secondWriterRefusedWhileLocked()
    {
        QTemporaryDir tmp;
        const std::string dir = tmp.filePath(QStringLiteral("out")).toStdString();
        {
            ResultFolder first(dir);
            const std::string e = errorOf([&] { ResultFolder second(dir); });
            QVERIFY2(e.find("is in use by another aedyn-cli run") != std::string::npos, e.c_str());
            first.commit(runA);
        }
        // Released with the first writer.
        ResultFolder third(dir);
        third.commit(runB);
        QVERIFY(ResultFolder::isComplete(dir));
    }

    void failureAtAnyStepNeverLeavesAMixedSet_data()
    {
        QTest::addColumn<QString>("step");
        QTest::addColumn<bool>("oldSetIntact");
        QTest::newRow("after writing curves.csv") << "written:curves.csv" << true;
        QTest::newRow("after writing run.json") << "written:run.json" << true;
        QTest::newRow("after syncing") << "synced" << true;
        QTest::newRow("after removing the manifest") << "unlinked-manifest" << false;
        QTest::newRow("between the renames") << "renamed:curves.csv" << false;
        QTest::newRow("after the last rename") << "renamed:run.json" << false;
    }
    void failureAtAnyStepNeverLeavesAMixedSet()
    {
        QFETCH(QString, step);
        QFETCH(bool, oldSetIntact);
        QTemporaryDir tmp;
        const std::string dir = tmp.filePath(QStringLiteral("out")).toStdString();
        {
            ResultFolder f(dir);
            f.commit(runA);
            f.setFaultHook([&](const std::string& s) {
                if (s == step.toStdString())
                    throw ResultFolderError("simulated failure at " + s);
            });
            QVERIFY(!errorOf([&] { f.commit(runB); }).empty());
        }
        const QString d = QString::fromStdString(dir);
        if (oldSetIntact) {
            QVERIFY(ResultFolder::isComplete(dir));
            QCOMPARE(readAll(d + "/curves.csv"), QByteArray("t,eps\n1,0.5\n"));
            QCOMPARE(readAll(d + "/run.json"), QByteArray("{\"run\": \"A\"}\n"));
        } else {
            std::string why;
            QVERIFY(!ResultFolder::isComplete(dir, &why)); // clearly incomplete: no manifest
            QVERIFY2(why.find("manifest.txt") != std::string::npos, why.c_str());
        }
        // A mixed set is never vouched for by a manifest, even an old one left in place.
        {
            ResultFolder f(dir);
            f.commit(runA);
        }
        writeText(d + "/run.json", "{\"run\": \"B\"}\n");
        QVERIFY(!ResultFolder::isComplete(dir));
        // The next run completes, and no temporary sub-folder is left.
        {
            ResultFolder f(dir);
            f.commit(runB);
        }
        QVERIFY(ResultFolder::isComplete(dir));
        QCOMPARE(QDir(d).entryList(QStringList{".aedyn-tmp-*"}, QDir::AllEntries | QDir::Hidden).size(), 0);
    }

    void staleTemporaryOfAKilledRunIsRemoved()
    {
        QTemporaryDir tmp;
        const QString dir = tmp.filePath(QStringLiteral("out"));
        QVERIFY(QDir().mkpath(dir + "/.aedyn-tmp-0123456789ab"));
        writeText(dir + "/.aedyn-tmp-0123456789ab/curves.csv", "half");
        ResultFolder f(dir.toStdString());
        QVERIFY(!QFile::exists(dir + "/.aedyn-tmp-0123456789ab"));
    }

    void errorsNameTheOperatingSystemsReason()
    {
        // ENOSPC: /dev/full fails every write with it.
        const int full = ::open("/dev/full", O_WRONLY | O_CLOEXEC);
        if (full < 0)
            QSKIP("no /dev/full");
        const std::string e = errorOf([&] { ResultFolder::writeAll(full, "t,eps\n", "out/curves.csv"); });
        ::close(full);
        QVERIFY2(e.find("No space left on device") != std::string::npos, e.c_str());
        QVERIFY2(e.find("out/curves.csv") != std::string::npos, e.c_str());

        // EACCES: a read-only folder (and one below it).
        QTemporaryDir tmp;
        QVERIFY(::chmod(QFile::encodeName(tmp.path()).constData(), 0755) == 0);
        const QString ro = tmp.filePath(QStringLiteral("ro"));
        QVERIFY(QDir().mkpath(ro));
        QVERIFY(::chmod(QFile::encodeName(ro).constData(), 0555) == 0);
        for (const QString& path : {ro, ro + "/below"}) {
            const std::string denied = errorAsUnprivileged(path.toStdString());
            QVERIFY2(denied.find("Permission denied") != std::string::npos, denied.c_str());
            QVERIFY2(denied.find(path.toStdString()) != std::string::npos, denied.c_str());
        }
        QVERIFY(::chmod(QFile::encodeName(ro).constData(), 0755) == 0);
    }

    void directoryInPlaceOfAFileRefusedBeforeAnyRename()
    {
        QTemporaryDir tmp;
        const std::string dir = tmp.filePath(QStringLiteral("out")).toStdString();
        ResultFolder f(dir);
        f.commit(runA);
        QVERIFY(QDir().mkpath(QString::fromStdString(dir) + "/run.json.d"));
        std::vector<std::pair<std::string, std::string>> withDir = runB;
        withDir.emplace_back("run.json.d", "x");
        const std::string e = errorOf([&] { f.commit(withDir); });
        QVERIFY2(e.find("Is a directory") != std::string::npos, e.c_str());
        QVERIFY(ResultFolder::isComplete(dir));
        QCOMPARE(readAll(QString::fromStdString(dir) + "/curves.csv"), QByteArray("t,eps\n1,0.5\n"));
    }
};

QTEST_GUILESS_MAIN(TestResultFolder)
#include "tst_resultfolder.moc"
