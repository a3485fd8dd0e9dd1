// aedyn-cli's documented interface: presets, errors and exit codes, the CSV header, run.json, divergence, and the
// sequential plateaus of the figure-2 preset.
#include "ParameterJson.h"
#include "ParameterSchema.h"
#include "Presets.h"
#include "ImageFiles.h"
#include "ProjectFile.h"
#include "Tolerance.h"

#include <QDir>
#include <QFile>
#ifdef AEDYN_HAVE_FIGURES
#include <QImage>
#endif
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QElapsedTimer>
#include <QProcess>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <csignal>
#include <map>

namespace {

struct CliResult {
    int exitCode = -1;
    QString out, err;
};

CliResult runCli(const QStringList& args, int timeoutMs = 120000)
{
    QProcess p;
    p.start(QStringLiteral(AEDYN_CLI_PATH), args);
    if (!p.waitForFinished(timeoutMs))
        p.kill();
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
}

// Parsed curves.csv: header and rows (empty cells as NaN).
struct Csv {
    QStringList header;
    QList<QList<double>> rows;
    int column(const QString& name) const { return header.indexOf(name); }
};

Csv readCsv(const QString& path)
{
    Csv csv;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return csv;
    const QList<QByteArray> lines = f.readAll().split('\n');
    csv.header = QString::fromUtf8(lines.value(0)).split(QLatin1Char(','));
    for (qsizetype i = 1; i < lines.size(); ++i) {
        if (lines[i].isEmpty())
            continue;
        QList<double> row;
        for (const QByteArray& cell : lines[i].split(','))
            row.append(cell.isEmpty() ? std::nan("") : cell.toDouble());
        csv.rows.append(row);
    }
    return csv;
}

} // namespace

class TestCli : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        // The spectrum cache of real-image runs goes to a folder of the test, not the user's.
        qputenv("AEDYN_CACHE_DIR", QDir::temp().filePath(QStringLiteral("aedyn-tst-cli-cache")).toUtf8());
    }

    void cleanupTestCase() { QDir(QDir::temp().filePath(QStringLiteral("aedyn-tst-cli-cache"))).removeRecursively(); }

    void listsEveryPreset()
    {
        const CliResult r = runCli({QStringLiteral("--list-presets")});
        QCOMPARE(r.exitCode, 0);
        for (const char* name : {"fig2-sequential", "fig3-rescaling", "fig4a-tied", "fig4b-relu-bias",
                                 "fig4b-relu-nobias", "fig5-truncated", "linear", "weight-decay", "powerlaw", "sanger"})
            QVERIFY2(r.out.contains(QLatin1String(name)), name);
    }

    void helpDocumentsTheInterface()
    {
        const CliResult r = runCli({QStringLiteral("--help")});
        QCOMPARE(r.exitCode, 0);
        for (const char* word : {"--preset", "--set", "--t-max", "--runs", "--seed", "--no-ode", "--no-sgd", "--out",
                                 "--list-presets", "init_std", "bias_init"})
            QVERIFY2(r.out.contains(QLatin1String(word)), word);
    }

    void badInputIsRefusedByName_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("named");
        QTest::newRow("K=0") << QStringList{"--set", "K=0"} << "K = '0'";
        QTest::newRow("K>D") << QStringList{"--set", "D=10", "--set", "K=11"} << "K = 11 is larger than D = 10";
        QTest::newRow("M>D") << QStringList{"--set", "D=2", "--set", "K=1"} << "do not fit in D = 2";
        QTest::newRow("lr<0") << QStringList{"--set", "lr=-1"} << "lr = '-1'";
        QTest::newRow("spike") << QStringList{"--set", "spikes=3,abc"} << "spikes = '3,abc'";
        QTest::newRow("negative spike") << QStringList{"--set", "spikes=3,-5"} << "greater than 0";
        QTest::newRow("activation") << QStringList{"--set", "activation=sigmoid"} << "erf, relu or linear";
        QTest::newRow("unknown key") << QStringList{"--set", "eta=1"} << "unknown parameter 'eta'";
        QTest::newRow("not key=value") << QStringList{"--set", "K"} << "expected KEY=VALUE";
        QTest::newRow("preset") << QStringList{"--preset", "fig99"} << "unknown preset 'fig99'";
        QTest::newRow("t-max") << QStringList{"--t-max", "soon"} << "t_max = 'soon'";
        QTest::newRow("runs") << QStringList{"--runs", "0"} << "runs = '0'";
        QTest::newRow("informed K>M") << QStringList{"--set", "init=informed", "--set", "K=4"} << "needs K <= M";
        QTest::newRow("M vs spikes") << QStringList{"--set", "M=2", "--set", "spikes=3,5,9"} << "does not match";
        QTest::newRow("option") << QStringList{"--bogus"} << "bogus";
        QTest::newRow("images missing") << QStringList{"--set", "spectrum=images", "--set", "images=/nonexistent/x.gz"}
                                        << "/nonexistent/x.gz: no such file or folder";
        QTest::newRow("images not IDX") << QStringList{"--set", "spectrum=images", "--set", "images=/etc/passwd"}
                                        << "/etc/passwd: wrong magic number";
        QTest::newRow("spectrum") << QStringList{"--set", "spectrum=photos"} << "spiked, powerlaw or images";
    }

    void badInputIsRefusedByName()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, named);
        QTemporaryDir dir;
        const QString out = dir.filePath(QStringLiteral("out"));
        const CliResult r = runCli(args + QStringList{"--out", out});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(named), qPrintable(r.err));
        QCOMPARE(r.err.trimmed().count(QLatin1Char('\n')), 0);  // one clear line
        QVERIFY(!QFile::exists(out + QStringLiteral("/curves.csv")));
    }

    void outIsRequired()
    {
        const CliResult r = runCli({QStringLiteral("--no-sgd")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains(QLatin1String("--out")));
    }

    void writesCsvAndRunJson()
    {
        QTemporaryDir dir;
        const CliResult r = runCli({"--preset", "fig2-sequential", "--set", "D=200", "--t-max", "5", "--runs", "2",
                                    "--seed", "7", "--quiet", "--out", dir.path()});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const Csv csv = readCsv(dir.filePath(QStringLiteral("curves.csv")));
        QCOMPARE(csv.header.mid(0, 4), (QStringList{"t", "eps_ode", "eps_sgd", "eps_sgd_sem"}));
        for (const char* col : {"wnorm_ode_1", "vnorm_sgd_3", "Q1_ode_2_2", "R1_sgd_1_1", "T0_ode_3_3", "u_ode_1_3",
                                "z_sgd_3_1", "cos_ode_2_2"})
            QVERIFY2(csv.column(QLatin1String(col)) >= 0, col);
        QVERIFY(csv.rows.size() > 20);
        QCOMPARE(csv.rows.first()[0], 0.0);
        AEDYN_COMPARE_REL(csv.rows.last()[0], 5.0, 1e-12);
        for (const auto& row : csv.rows) {
            QCOMPARE(row.size(), csv.header.size());
            for (double x : row)
                QVERIFY(std::isfinite(x));
        }
        // At t = 0 theory and simulation start from the same weights: identical errors.
        AEDYN_COMPARE_REL(csv.rows.first()[1], csv.rows.first()[2], 1e-9);

        QFile f(dir.filePath(QStringLiteral("run.json")));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QJsonObject json = QJsonDocument::fromJson(f.readAll()).object();
        QCOMPARE(json.value("parameters").toObject().value("D").toDouble(), 200.0);
        QCOMPARE(json.value("parameters").toObject().value("seed").toDouble(), 7.0);
        QCOMPARE(json.value("pca_errors").toArray().size(), 4);
        QCOMPARE(json.value("theory").toObject().value("status").toString(), QStringLiteral("ok"));
        QVERIFY(json.contains("seeds") && json.contains("aedyn_version") && json.contains("wall_time_s"));
    }

    void sameSeedSameNumbers()
    {
        QTemporaryDir a, b;
        const QStringList args{"--set", "D=100", "--t-max", "3", "--runs", "2", "--no-ode", "--quiet"};
        QCOMPARE(runCli(args + QStringList{"--threads", "1", "--out", a.path()}).exitCode, 0);
        QCOMPARE(runCli(args + QStringList{"--threads", "2", "--out", b.path()}).exitCode, 0);
        QFile fa(a.filePath("curves.csv")), fb(b.filePath("curves.csv"));
        QVERIFY(fa.open(QIODevice::ReadOnly) && fb.open(QIODevice::ReadOnly));
        QCOMPARE(fa.readAll(), fb.readAll());
    }

    void skippedRoutesLeaveEmptyCells()
    {
        QTemporaryDir dir;
        QCOMPARE(runCli({"--set", "D=100", "--t-max", "2", "--no-ode", "--quiet", "--out", dir.path()}).exitCode, 0);
        Csv csv = readCsv(dir.filePath("curves.csv"));
        QVERIFY(!csv.rows.isEmpty());
        for (const auto& row : csv.rows) {
            QVERIFY(std::isnan(row[1]));
            QVERIFY(std::isfinite(row[2]));
        }
        QCOMPARE(runCli({"--set", "D=100", "--t-max", "2", "--no-sgd", "--quiet", "--out", dir.path()}).exitCode, 0);
        csv = readCsv(dir.filePath("curves.csv"));
        for (const auto& row : csv.rows) {
            QVERIFY(std::isfinite(row[1]));
            QVERIFY(std::isnan(row[2]) && std::isnan(row[3]));
        }
    }

    void divergenceIsReportedWithItsTime()
    {
        QTemporaryDir dir;
        const CliResult r =
            runCli({"--set", "D=100", "--set", "lr=5000", "--t-max", "50", "--no-ode", "--quiet", "--out", dir.path()});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QLatin1String("diverged at t = ")) &&
                     r.err.contains(QLatin1String("learning rate too large?")),
                 qPrintable(r.err));
        const Csv csv = readCsv(dir.filePath("curves.csv"));
        for (const auto& row : csv.rows)  // nothing non-finite reaches a curve
            QVERIFY(std::isfinite(row[2]));
    }

    // Real images from a folder the test writes: D is the pixel count, eps_sgd the test-image error, and the
    // Gaussian-equivalent error closes the row.
    void realImagesFromAFolder()
    {
        QTemporaryDir dir;
        const QString data = dir.filePath(QStringLiteral("data"));
        QVERIFY(QDir().mkpath(data));
        aedyn::ImageSet train, test;
        for (aedyn::ImageSet* s : {&train, &test}) {
            s->rows = s->cols = 8;
            s->count = s == &train ? 400 : 100;
            for (long i = 0; i < s->count * 64; ++i)
                s->pixels.push_back(static_cast<std::uint8_t>((i * 37 + (i / 64) * 11) % 256 * ((i % 64) < 32)));
        }
        aedyn::writeIdxImages((data + QStringLiteral("/train-images-idx3-ubyte.gz")).toStdString(), train);
        aedyn::writeIdxImages((data + QStringLiteral("/t10k-images-idx3-ubyte.gz")).toStdString(), test);
        const QStringList args{"--set", "spectrum=images", "--set", "images=" + data, "--set", "K=2", "--t-max", "3",
                               "--runs", "2", "--quiet"};
        const CliResult r = runCli(args + QStringList{"--out", dir.filePath("out")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const Csv csv = readCsv(dir.filePath(QStringLiteral("out/curves.csv")));
        QCOMPARE(csv.header.last(), QStringLiteral("eps_sgd_gaussian"));
        const auto& last = csv.rows.last();
        QCOMPARE(last[0], 3.0);
        for (const char* column : {"eps_ode", "eps_sgd", "eps_sgd_sem", "eps_sgd_gaussian"})
            QVERIFY2(std::isfinite(last[csv.column(QLatin1String(column))]), column);
        QFile json(dir.filePath(QStringLiteral("out/run.json")));
        QVERIFY(json.open(QIODevice::ReadOnly));
        const QJsonObject o = QJsonDocument::fromJson(json.readAll()).object();
        QCOMPARE(o["spectrum"].toObject()["D"].toInt(), 64);
        QCOMPARE(o["images"].toObject()["train_images"].toInt(), 400);
        QCOMPARE(o["images"].toObject()["test_images"].toInt(), 100);
        QVERIFY(o["images"].toObject()["test_file"].toString().endsWith(QStringLiteral("t10k-images-idx3-ubyte.gz")));

        // Met again, the files give their spectrum without the training images: a theory alone never reads them,
        // and SGD reads them when it starts, to the same curves.
        QCOMPARE(runCli(args + QStringList{"--no-sgd", "--out", dir.filePath("theory")}).exitCode, 0);
        const QJsonObject theory = QJsonDocument::fromJson([&] {
                                       QFile f(dir.filePath(QStringLiteral("theory/run.json")));
                                       return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
                                   }()).object()["images"].toObject();
        QVERIFY(theory["spectrum_from_cache"].toBool());
        QVERIFY(!theory.contains("pixels_from_cache"));
        QCOMPARE(theory["train_images"].toInt(), 400);
        QCOMPARE(runCli(args + QStringList{"--out", dir.filePath("again")}).exitCode, 0);
        QFile first(dir.filePath(QStringLiteral("out/curves.csv"))), again(dir.filePath(QStringLiteral("again/curves.csv")));
        QVERIFY(first.open(QIODevice::ReadOnly) && again.open(QIODevice::ReadOnly));
        QVERIFY(first.readAll() == again.readAll());
    }

    // A project file runs headless and gives exactly the curves of the same parameters given as options.
    void projectFileRunsHeadless()
    {
        QTemporaryDir dir;
        Project p;
        p.preset = QStringLiteral("fig2-sequential");
        p.config = aedyn::presetConfig("fig2-sequential");
        aedyn::applyParameters(p.config, {{"D", "100"}, {"t_max", "2"}, {"runs", "2"}, {"seed", "17"}});
        const QString path = dir.filePath(QStringLiteral("p.aedyn"));
        QString error;
        QVERIFY2(saveProject(path, p, &error), qPrintable(error));
        QCOMPARE(runCli({path, "--quiet", "--out", dir.filePath("a")}).exitCode, 0);
        QCOMPARE(runCli({"--preset", "fig2-sequential", "--set", "D=100", "--t-max", "2", "--runs", "2", "--seed", "17",
                         "--quiet", "--out", dir.filePath("b")})
                     .exitCode,
                 0);
        QFile a(dir.filePath(QStringLiteral("a/curves.csv"))), b(dir.filePath(QStringLiteral("b/curves.csv")));
        QVERIFY(a.open(QIODevice::ReadOnly) && b.open(QIODevice::ReadOnly));
        QVERIFY(a.readAll() == b.readAll());
        // --set still applies on top of the project.
        QCOMPARE(runCli({path, "--set", "K=2", "--quiet", "--out", dir.filePath("c")}).exitCode, 0);
        QCOMPARE(readCsv(dir.filePath(QStringLiteral("c/curves.csv"))).column(QStringLiteral("wnorm_ode_3")), -1);

        QFile bad(dir.filePath(QStringLiteral("bad.aedyn")));
        QVERIFY(bad.open(QIODevice::WriteOnly));
        bad.write("{\"format\": \"aedyn-project\", \"version\": 99}");
        bad.close();
        const CliResult r = runCli({bad.fileName(), "--out", dir.filePath("d")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QStringLiteral("written by a newer AEDyn")), qPrintable(r.err));
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("d/curves.csv"))));
    }

#ifdef AEDYN_HAVE_FIGURES
    // --figure renders the app's charts without a display; bad figure options are refused before anything runs.
    void figuresHeadless()
    {
        QTemporaryDir dir;
        const QStringList run{"--set", "D=100", "--t-max", "5", "--runs", "1", "--quiet", "--out", dir.filePath("o")};
        CliResult r = runCli(run + QStringList{"--figure", dir.filePath("a.svg"), "--figure", dir.filePath("a.pdf"),
                                               "--figure", dir.filePath("a.png"), "--dpi", "100"});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.err.isEmpty(), qPrintable(r.err));  // Qt's platform chatter stays out of scripts' logs
        QFile svg(dir.filePath(QStringLiteral("a.svg"))), pdf(dir.filePath(QStringLiteral("a.pdf")));
        QVERIFY(svg.open(QIODevice::ReadOnly) && svg.readAll().contains("Learning curve"));
        QVERIFY(pdf.open(QIODevice::ReadOnly) && pdf.read(5) == "%PDF-");
        QCOMPARE(QImage(dir.filePath(QStringLiteral("a.png"))).size(), QSize(340, 240));
        r = runCli(run + QStringList{"--chart", "dashboard", "--figure", dir.filePath("d.png"), "--dpi", "50"});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(QImage(dir.filePath(QStringLiteral("d.png"))).size(), QSize(350, 250));  // 7 × 5 in
        // The typesetting options: no titles, 7-pt type, panel letters b to e.
        r = runCli(run + QStringList{"--chart", "dashboard", "--figure", dir.filePath("t.svg"), "--no-title",
                                     "--font-size", "7", "--panel-letter", "b"});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QFile typeset(dir.filePath(QStringLiteral("t.svg")));
        QVERIFY(typeset.open(QIODevice::ReadOnly));
        const QByteArray t = typeset.readAll();
        QVERIFY(!t.contains("Learning curve") && t.contains(">b<") && t.contains(">e<"));
        // The views exported alone: the encoders in the eigenbasis, the trained biases.
        for (const auto& [chart, title] : {std::pair{"eigenbasis", "igenbasis"}, {"biases", "Biases"}}) {
            r = runCli(run + QStringList{"--set", "bias=true", "--chart", chart, "--figure", dir.filePath("v.svg")});
            QVERIFY2(r.exitCode == 0, qPrintable(r.err));
            QFile view(dir.filePath(QStringLiteral("v.svg")));
            QVERIFY(view.open(QIODevice::ReadOnly) && view.readAll().contains(title));
        }

        // A path under a regular file cannot be written, even by root.
        QFile plain(dir.filePath(QStringLiteral("plain")));
        QVERIFY(plain.open(QIODevice::WriteOnly));
        plain.close();
        const QString unwritable = plain.fileName() + QStringLiteral("/b.svg");
        const struct {
            QStringList args;
            int code;
            const char* named;
        } bad[] = {{{"--figure", dir.filePath("b.jpg")}, 2, "unknown figure format '.jpg'"},
                   {{"--figure", dir.filePath("b.svg"), "--chart", "pie"}, 2, "--chart 'pie'"},
                   {{"--figure", dir.filePath("b.svg"), "--figure-size", "3x"}, 2, "--figure-size '3x'"},
                   {{"--figure", dir.filePath("b.png"), "--dpi", "0"}, 2, "--dpi '0'"},
                   {{"--figure", dir.filePath("b.svg"), "--font-size", "30"}, 2, "--font-size '30'"},
                   {{"--figure", dir.filePath("b.svg"), "--font-size", "big"}, 2, "--font-size 'big'"},
                   {{"--figure", dir.filePath("b.svg"), "--panel-letter", "ab"}, 2, "--panel-letter 'ab'"},
                   {{"--figure", dir.filePath("b.svg"), "--chart", "dashboard", "--panel-letter", "x"}, 2,
                    "--panel-letter 'x'"},
                   {{"--figure", dir.filePath("b.svg"), "--chart", "dashboard", "--figure-size", "3.4x2.4"}, 2,
                    "--figure-size 3.4x2.4: 3.4 × 2.4 in is too small for the four charts: they need at least 7 × 4.8 in"},
                   {{"--figure", unwritable}, 3, "cannot write"}};
        for (const auto& b : bad) {
            const CliResult e = runCli(run + b.args);
            QCOMPARE(e.exitCode, b.code);
            QVERIFY2(e.err.contains(QString::fromUtf8(b.named)), qPrintable(e.err));
        }
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("b.svg"))));
    }
#endif

    void tiedHasNoTheory()
    {
        QTemporaryDir dir;
        const CliResult r = runCli({"--preset", "fig4a-tied", "--set", "D=100", "--t-max", "2", "--quiet", "--out",
                                    dir.path()});
        QCOMPARE(r.exitCode, 0);
        QFile f(dir.filePath(QStringLiteral("run.json")));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QJsonObject json = QJsonDocument::fromJson(f.readAll()).object();
        const QString status = json.value("theory").toObject().value("status").toString();
        QVERIFY2(status.contains(QLatin1String("no ODE")) && status.endsWith(QLatin1String("eps_ode_untied): ok")),
                 qPrintable(status));
        // Every ODE column stays empty; the untied comparison has a column of its own, the same numbers as the
        // untied network's own run.
        const Csv csv = readCsv(dir.filePath("curves.csv"));
        QCOMPARE(csv.header.last(), QStringLiteral("eps_ode_untied"));
        const qsizetype untied = csv.header.size() - 1;
        for (qsizetype c = 0; c < untied; ++c)
            if (csv.header[c].contains(QLatin1String("ode")))
                for (const QList<double>& row : csv.rows)
                    QVERIFY2(std::isnan(row[c]), qPrintable(csv.header[c] + " = " + QString::number(row[c])));
        QTemporaryDir untiedDir;
        QCOMPARE(runCli({"--preset", "fig4a-tied", "--set", "D=100", "--set", "tied=false", "--t-max", "2", "--no-sgd",
                         "--quiet", "--out", untiedDir.path()})
                     .exitCode,
                 0);
        const Csv own = readCsv(untiedDir.filePath("curves.csv"));
        QCOMPARE(own.rows.size(), csv.rows.size());
        for (qsizetype i = 0; i < csv.rows.size(); ++i) {
            QVERIFY(!std::isnan(csv.rows[i][untied]));
            QCOMPARE(csv.rows[i][untied], own.rows[i][own.column("eps_ode")]);
        }
    }

    // The acceptance check: the figure-2 preset shows the sequential plateaus in eps_sgd alone. A plateau
    // is where the curve's slope −dε/d ln t, while ε is within a few per cent of a PCA error, falls below a fifth of
    // the steepest slope of the drop that led there; a curve falling smoothly through the levels has no such place.
    void fig2ShowsSequentialPlateaus()
    {
        QTemporaryDir dir;
        const CliResult r = runCli({"--preset", "fig2-sequential", "--no-ode", "--quiet", "--out", dir.path()}, 600000);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const Csv csv = readCsv(dir.filePath("curves.csv"));
        QFile f(dir.filePath(QStringLiteral("run.json")));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QJsonArray pca = QJsonDocument::fromJson(f.readAll()).object().value("pca_errors").toArray();
        QList<double> eps, slope;
        for (qsizetype i = 1; i + 1 < csv.rows.size(); ++i) {
            eps.append(csv.rows[i][2]);
            slope.append(-(csv.rows[i + 1][2] - csv.rows[i - 1][2]) / std::log(csv.rows[i + 1][0] / csv.rows[i - 1][0]));
        }
        auto extremeSlope = [&](double lo, double hi, bool steepest) {
            double best = steepest ? 0 : 1e300;
            for (qsizetype i = 0; i < eps.size(); ++i)
                if (eps[i] >= lo && eps[i] <= hi)
                    best = steepest ? std::max(best, slope[i]) : std::min(best, slope[i]);
            return best;
        };
        for (int rank : {1, 2}) {
            const double level = pca[rank].toDouble(), above = pca[rank - 1].toDouble();
            const double plateau = extremeSlope(0.97 * level, (rank == 1 ? 1.06 : 1.15) * level, false);
            const double drop = extremeSlope(1.1 * level, 0.9 * above, true);
            qInfo("rank %d: slope on the plateau %.4f, in the drop before it %.4f", rank, plateau, drop);
            QVERIFY2(plateau < drop / 5, qPrintable(QStringLiteral("no plateau at the rank-%1 PCA error").arg(rank)));
        }
        const double final = csv.rows.last()[2];
        QVERIFY2(final < pca[2].toDouble() && final > pca[3].toDouble(), qPrintable(QString::number(final)));
    }

    // Every key set by --set reads back from run.json as the same value, in the JSON type the schema names.
    void everyKeyTravelsFromSetToRunJson()
    {
        QTemporaryDir out;
        // Values that together make a valid experiment (tied networks train with the vanilla rule, K within M).
        const std::map<std::string, std::string> values{
            {"spectrum", "spiked"}, {"D", "77"}, {"K", "2"}, {"spikes", "2.5,4,8.25"}, {"sigma", "0.3"},
            {"rows", "sinusoidal"}, {"normalise", "false"}, {"pl_amplitude", "0.25"}, {"pl_exponent", "1.75"},
            {"pl_floor", "0.01"}, {"images", "cifar10"}, {"test_images", "/data/t10k"}, {"datasize", "12345"},
            {"activation", "relu"}, {"tied", "true"}, {"bias", "true"}, {"bias_init", "-0.125"}, {"rule", "vanilla"},
            {"lr", "0.1"}, {"wd", "0.05"}, {"init", "perfect"}, {"init_std", "0.01"}, {"runs", "7"},
            {"seed", "9007199254740991"}, {"t_max", "0.5"}, {"rtol", "1e-10"}, {"atol", "1e-12"}};
        QStringList args{"--no-ode", "--no-sgd", "--quiet", "--out", out.path()};
        for (const auto& [key, value] : values)
            args << "--set" << QString::fromStdString(key + "=" + value);
        const CliResult r = runCli(args);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QFile f(out.filePath(QStringLiteral("run.json")));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QJsonObject params = QJsonDocument::fromJson(f.readAll()).object()["parameters"].toObject();
        for (const aedyn::ParameterSpec& spec : aedyn::parameterSchema()) {
            const QJsonValue v = params[QString::fromStdString(spec.key)];
            const auto it = values.find(spec.key);
            const std::string expected = it != values.end() ? it->second : "3";  // M: the length of spikes
            QVERIFY2(aedyn::formatParameter(spec, aedyn::parseParameter(spec, expected)) ==
                         aedyn::formatParameter(spec, parameterFromJson(spec, v)),
                     spec.key.c_str());
        }
    }

    // SIGINT in the middle of a long integration (fig5d-size theory, hours of SGD) is answered within a second:
    // exit code 130 and nothing written.
    void interruptIsAnsweredWithinASecond()
    {
        QTemporaryDir out;
#ifdef AEDYN_SANITIZED
        // One run's observables at D = 20000 (a product of ~0.1 s, polled between runs) take over a second under
        // AddressSanitizer: a smaller D keeps the same question answerable.
        const QString sgdD = QStringLiteral("D=5000");
#else
        const QString sgdD = QStringLiteral("D=20000");
#endif
        for (const QStringList& route : {QStringList{"--no-sgd", "--set", "spectrum=powerlaw", "--set", "D=1024",
                                                     "--set", "K=64", "--t-max", "1e6"},
                                         QStringList{"--no-ode", "--set", sgdD, "--set", "K=64", "--t-max", "1e4"}}) {
            QProcess p;
            p.start(QStringLiteral(AEDYN_CLI_PATH), route + QStringList{"--quiet", "--out", out.path()});
            QVERIFY(p.waitForStarted());
            QTest::qWait(1500);  // well inside the computation
            QCOMPARE(p.state(), QProcess::Running);
            QElapsedTimer timer;
            timer.start();
            ::kill(static_cast<pid_t>(p.processId()), SIGINT);
            QVERIFY(p.waitForFinished(5000));
            qInfo("%s: SIGINT answered in %lld ms", qPrintable(route.first()), timer.elapsed());
            QVERIFY(timer.elapsed() < 1000);
            QCOMPARE(p.exitCode(), 130);
            QVERIFY(!QFile::exists(out.filePath(QStringLiteral("curves.csv"))));
        }
    }

    // A configuration no machine here can hold is refused at once with the estimate, nothing allocated.
    void configurationsBeyondMemoryAreRefused()
    {
        QTemporaryDir out;
        QElapsedTimer timer;
        timer.start();
        const CliResult r = runCli({"--set", "D=100000", "--set", "K=4096", "--out", out.path()});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QStringLiteral("D = 100000 with K = 4096")) && r.err.contains(QStringLiteral("GB")) &&
                     r.err.count(QLatin1Char('\n')) == 1,
                 qPrintable(r.err));
        QVERIFY(timer.elapsed() < 5000);
        QVERIFY(!QFile::exists(out.filePath(QStringLiteral("curves.csv"))));
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
