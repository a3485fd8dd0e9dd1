// aedyn-cli: runs an experiment headless and writes curves.csv and run.json (interface documented in README).
#include "CurveTable.h"
#include "Experiment.h"
#include "ProjectFile.h"
#include "ResultFolder.h"
#include "RunJson.h"

#ifdef AEDYN_HAVE_FIGURES
#include "ExperimentWorkers.h"
#include "FigureExport.h"

#include <QApplication>
#endif

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>

#include <cmath>
#include <csignal>
#include <cstring>
#include <memory>
#include <tuple>
#include <cstdio>
#include <optional>
#include <sstream>
#include <unistd.h>

namespace {

enum ExitCode { Success = 0, RunFailed = 1, BadInput = 2, WriteFailed = 3 };

aedyn::RunControl g_control;

void onInterrupt(int) { g_control.stopRequested.store(true); }

int fail(ExitCode code, const QString& message)
{
    std::fprintf(stderr, "aedyn-cli: error: %s\n", qPrintable(message));
    return code;
}

QString describeKeys()
{
    QString s = QStringLiteral("\nParameter keys for --set KEY=VALUE (also used in presets and run.json):\n");
    for (const std::string& key : aedyn::parameterKeys())
        s += QStringLiteral("  %1  %2\n").arg(QString::fromStdString(key), -13)
                 .arg(QString::fromStdString(aedyn::parameterHelp(key)));
    s += QStringLiteral("\nExit codes: 0 done; 1 a route diverged or failed (files written, status in run.json);\n"
                        "2 bad input (nothing written); 3 the output could not be written; 130 interrupted.\n");
    return s;
}

// Progress line with ETA, only when stderr is a terminal (scripts get clean logs).
class Progress {
public:
    Progress(const char* what, double tMax)
        : what_(what), tMax_(tMax), enabled_(isatty(STDERR_FILENO))
    {
        timer_.start();
    }
    void update(double t)
    {
        if (!enabled_ || t <= 0)
            return;
        const double elapsed = timer_.elapsed() / 1000.0;
        const double eta = elapsed * (tMax_ - t) / t;
        std::fprintf(stderr, "\r%s  t = %-10.4g / %g  %3.0f %%  ETA %d:%02d   ", what_, t, tMax_, 100.0 * t / tMax_,
                     static_cast<int>(eta) / 60, static_cast<int>(eta) % 60);
        std::fflush(stderr);
    }
    void finish()
    {
        if (enabled_)
            std::fprintf(stderr, "\r%80s\r", "");
    }

private:
    const char* what_;
    double tMax_;
    bool enabled_;
    QElapsedTimer timer_;
};

// The status of a route for run.json; a failure is also reported on stderr and marks the run as failed.
RouteReport report(const char* route, const aedyn::RunOutcome& r, double seconds, bool& failed)
{
    if (!r.ok && !r.cancelled) {
        failed = true;
        std::fprintf(stderr, "aedyn-cli: %s: %s\n", route, r.message.c_str());
    }
    const QString status =
        r.ok ? QStringLiteral("ok") : (r.cancelled ? QStringLiteral("stopped") : QString::fromStdString(r.message));
    return {status, seconds};
}

void printSummary(const aedyn::Experiment& e, const std::vector<double>& epsOde, const std::vector<double>& epsSgd)
{
    const aedyn::ModeSpectrum& m = e.data().modes();
    std::printf("D = %d, K = %d, %s, rule %s, lr %g; %zu grid times to t = %g\n", e.config().D, e.config().K,
                std::string(aedyn::activationName(e.config().activation)).c_str(),
                std::string(aedyn::ruleName(e.config().rule)).c_str(), e.config().lr, e.times().size(),
                e.config().tMax);
    std::printf("eigenvalues rho/D:");
    for (int i = 0; i < std::min<int>(8, m.rho.size()); ++i)
        std::printf(" %.6g", m.rho(i));
    if (m.bulkCount > 0)
        std::printf("  bulk %.4g (x%ld)", m.bulkRho, m.bulkCount);
    std::printf("\nPCA errors (rank 0..K):");
    for (double p : e.pcaErrors())
        std::printf(" %.6g", p);
    std::printf("\n\n%10s  %12s  %12s\n", "t", "eps_ode", "eps_sgd");
    // About a dozen rows spread evenly over the log grid.
    const std::size_t n = e.times().size();
    const std::size_t stride = std::max<std::size_t>(1, n / 12);
    for (std::size_t i = 0; i < n; i += stride) {
        const bool last = i + stride >= n;
        const std::size_t j = last ? n - 1 : i;
        auto cell = [](const std::vector<double>& v, std::size_t k) {
            return k < v.size() && v[k] == v[k] ? QString::number(v[k], 'g', 6) : QStringLiteral("-");
        };
        std::printf("%10.4g  %12s  %12s\n", e.times()[j], qPrintable(cell(epsOde, j)), qPrintable(cell(epsSgd, j)));
        if (last)
            break;
    }
}

// --figure needs widgets (the figures are the app's own charts); a plain run stays a pure console program.
bool wantsFigures(int argc, char** argv)
{
    for (int i = 1; i < argc; ++i)
        if (std::strncmp(argv[i], "--figure", 8) == 0 && std::strncmp(argv[i], "--figure-size", 13) != 0)
            return true;
    return false;
}

// Qt's own warnings (the off-screen platform's notes, say) are not the user's business; ours go through fail().
void quietQtMessages(QtMsgType type, const QMessageLogContext&, const QString& message)
{
    if (type == QtCriticalMsg || type == QtFatalMsg)
        std::fprintf(stderr, "aedyn-cli: %s\n", qPrintable(message));
}

std::unique_ptr<QCoreApplication> makeApplication(int& argc, char** argv)
{
    qInstallMessageHandler(quietQtMessages);
#ifdef AEDYN_HAVE_FIGURES
    if (wantsFigures(argc, argv)) {
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");  // no window and no display needed
        return std::make_unique<QApplication>(argc, argv);
    }
#endif
    return std::make_unique<QCoreApplication>(argc, argv);
}

// "3.4x2.4" (inches) → {3.4, 2.4}, or nothing.
std::optional<std::pair<double, double>> parseSize(const QString& text)
{
    const QStringList parts = text.toLower().split(QLatin1Char('x'));
    bool okW = false, okH = false;
    const double w = parts.value(0).toDouble(&okW), h = parts.value(1).toDouble(&okH);
    if (parts.size() != 2 || !okW || !okH || !(w > 0 && w <= 50) || !(h > 0 && h <= 50))
        return std::nullopt;
    return std::pair{w, h};
}

} // namespace

int main(int argc, char** argv)
{
    const std::unique_ptr<QCoreApplication> application = makeApplication(argc, argv);
    QCoreApplication& app = *application;
    QCoreApplication::setApplicationName(QStringLiteral("aedyn-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(AEDYN_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Runs an AEDyn experiment headless: the ODE theory and the online-SGD simulation of a "
                       "shallow autoencoder.\nWrites DIR/curves.csv and DIR/run.json.") +
        describeKeys());
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("PROJECT"),
                                 QStringLiteral("An AEDyn project file (*.aedyn) to run instead of a preset."),
                                 QStringLiteral("[PROJECT]"));
    const QCommandLineOption presetOpt("preset", "Start from preset NAME (default fig2-sequential).", "NAME");
    const QCommandLineOption setOpt("set", "Override a parameter, e.g. --set K=4 (repeatable).", "KEY=VALUE");
    const QCommandLineOption tMaxOpt("t-max", "Final time t = steps / D (same as --set t_max=T).", "T");
    const QCommandLineOption runsOpt("runs", "Number of SGD runs (same as --set runs=N).", "N");
    const QCommandLineOption seedOpt("seed", "Seed (same as --set seed=S).", "S");
    const QCommandLineOption noOdeOpt("no-ode", "Do not integrate the ODE (eps_ode stays empty).");
    const QCommandLineOption noSgdOpt("no-sgd", "Do not simulate SGD (eps_sgd stays empty).");
    const QCommandLineOption threadsOpt("threads", "Threads for the SGD runs (default: all cores).", "N");
    const QCommandLineOption quietOpt("quiet", "Print nothing on success.");
    const QCommandLineOption outOpt("out", "Output directory (created if missing).", "DIR");
    const QCommandLineOption listOpt("list-presets", "List the presets and exit.");
    const QCommandLineOption figureOpt("figure",
                                       "Also write the figure FILE (.png, .svg or .pdf), exactly as the app draws "
                                       "it, without a display (repeatable).",
                                       "FILE");
    const QCommandLineOption chartOpt("chart", "The chart of --figure: learning (default), norms, weights, "
                                               "spectrum or dashboard.",
                                      "NAME");
    const QCommandLineOption sizeOpt("figure-size", "Figure size in inches (default 3.4x2.4; dashboard 7x5).",
                                     "WxH");
    const QCommandLineOption dpiOpt("dpi", "Resolution of PNG figures (default 300).", "N");
    parser.addOptions({presetOpt, setOpt, tMaxOpt, runsOpt, seedOpt, noOdeOpt, noSgdOpt, threadsOpt, quietOpt,
                       outOpt, listOpt, figureOpt, chartOpt, sizeOpt, dpiOpt});
    if (!parser.parse(app.arguments()))
        return fail(BadInput, parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        std::fputs(qPrintable(parser.helpText()), stdout);
        return Success;
    }
    if (parser.isSet(QStringLiteral("version"))) {
        std::printf("aedyn-cli %s\n", AEDYN_VERSION);
        return Success;
    }
    if (parser.isSet(listOpt)) {
        for (const aedyn::Preset& p : aedyn::presets())
            std::printf("%-20s %s\n", p.name.c_str(), p.title.c_str());
        return Success;
    }
    if (parser.positionalArguments().size() > 1)
        return fail(BadInput, QStringLiteral("unexpected argument '%1' (one project file at most)")
                                  .arg(parser.positionalArguments().at(1)));
    // A project file replaces the preset as the starting point; --set still applies on top of it.
    std::optional<Project> project;
    if (!parser.positionalArguments().isEmpty()) {
        if (parser.isSet(presetOpt))
            return fail(BadInput, QStringLiteral("give either a project file or --preset, not both"));
        QString error;
        project = loadProject(parser.positionalArguments().first(), &error);
        if (!project)
            return fail(BadInput, error);
    }

    const QString preset = project ? project->preset
                                   : parser.isSet(presetOpt) ? parser.value(presetOpt)
                                                             : QStringLiteral("fig2-sequential");
    std::vector<std::pair<std::string, std::string>> overrides;
    for (const QString& kv : parser.values(setOpt)) {
        const qsizetype eq = kv.indexOf(QLatin1Char('='));
        if (eq <= 0)
            return fail(BadInput, QStringLiteral("--set '%1': expected KEY=VALUE, e.g. --set K=4").arg(kv));
        overrides.emplace_back(kv.left(eq).trimmed().toStdString(), kv.mid(eq + 1).toStdString());
    }
    if (parser.isSet(tMaxOpt))
        overrides.emplace_back("t_max", parser.value(tMaxOpt).toStdString());
    if (parser.isSet(runsOpt))
        overrides.emplace_back("runs", parser.value(runsOpt).toStdString());
    if (parser.isSet(seedOpt))
        overrides.emplace_back("seed", parser.value(seedOpt).toStdString());
    int threads = 0;
    if (parser.isSet(threadsOpt)) {
        bool ok = false;
        threads = parser.value(threadsOpt).toInt(&ok);
        if (!ok || threads < 1 || threads > 256)
            return fail(BadInput, QStringLiteral("--threads '%1': must be a whole number from 1 to 256")
                                      .arg(parser.value(threadsOpt)));
    }
    // Figures: every option is checked before anything runs.
    const QStringList figures = parser.values(figureOpt);
#ifdef AEDYN_HAVE_FIGURES
    FigureChart chart = FigureChart::Learning;
    if (parser.isSet(chartOpt)) {
        const auto c = parseFigureChart(parser.value(chartOpt));
        if (!c)
            return fail(BadInput, QStringLiteral("--chart '%1': must be learning, norms, weights, spectrum or dashboard")
                                      .arg(parser.value(chartOpt)));
        chart = *c;
    }
    FigureOptions figureOptions;
    if (chart == FigureChart::Dashboard)
        std::tie(figureOptions.widthInches, figureOptions.heightInches) = std::pair{7.0, 5.0};
    if (parser.isSet(sizeOpt)) {
        const auto size = parseSize(parser.value(sizeOpt));
        if (!size)
            return fail(BadInput, QStringLiteral("--figure-size '%1': expected WIDTHxHEIGHT in inches, each from "
                                                 "0 to 50, e.g. 3.4x2.4")
                                      .arg(parser.value(sizeOpt)));
        std::tie(figureOptions.widthInches, figureOptions.heightInches) = *size;
    }
    if (parser.isSet(dpiOpt)) {
        bool ok = false;
        figureOptions.dpi = parser.value(dpiOpt).toInt(&ok);
        if (!ok || figureOptions.dpi < 30 || figureOptions.dpi > 2400)
            return fail(BadInput, QStringLiteral("--dpi '%1': must be a whole number from 30 to 2400")
                                      .arg(parser.value(dpiOpt)));
    }
    for (const QString& f : figures)
        if (const QString problem = figureFormatProblem(f); !problem.isEmpty())
            return fail(BadInput, problem);
    CurveStore store;
#else
    if (!figures.isEmpty() || parser.isSet(chartOpt) || parser.isSet(sizeOpt) || parser.isSet(dpiOpt))
        return fail(BadInput, QStringLiteral("this aedyn-cli was built without the GUI (AEDYN_BUILD_GUI=OFF), so it "
                                             "cannot draw figures"));
#endif
    const bool runOde = !parser.isSet(noOdeOpt);
    const bool runSgd = !parser.isSet(noSgdOpt);
    const bool quiet = parser.isSet(quietOpt);
    if (!parser.isSet(outOpt))
        return fail(BadInput, QStringLiteral("--out DIR is required (where curves.csv and run.json go)"));
    const QString outDir = parser.value(outOpt);

    std::unique_ptr<aedyn::Experiment> experiment;
    try {
        aedyn::ExperimentConfig config = project ? project->config : aedyn::presetConfig(preset.toStdString());
        aedyn::applyParameters(config, overrides);
        experiment = std::make_unique<aedyn::Experiment>(config);
    } catch (const aedyn::ConfigError& e) {
        return fail(BadInput, QString::fromStdString(e.what()));
    }
    // Locked for this run, committed as one unit, never written through links (README, "aedyn-cli output").
    std::unique_ptr<aedyn::ResultFolder> out;
    try {
        out = std::make_unique<aedyn::ResultFolder>(QFile::encodeName(outDir).toStdString());
    } catch (const aedyn::ResultFolderError& e) {
        return fail(WriteFailed, QString::fromLocal8Bit(e.what()));
    }

    std::signal(SIGINT, onInterrupt);
    std::signal(SIGTERM, onInterrupt);
    const aedyn::Experiment& e = *experiment;
    aedyn::CurveTable table(e);
    std::vector<double> epsOde(e.times().size(), std::numeric_limits<double>::quiet_NaN());
    std::vector<double> epsSgd = epsOde;
    QElapsedTimer total;
    total.start();
#ifdef AEDYN_HAVE_FIGURES
    if (!figures.isEmpty()) {
        store.resetTheory(setupOf(e));
        store.resetSimulation(e.times());
    }
#endif

    RouteReport theory{QStringLiteral("not run"), 0.0};
    bool failed = false;
    if (runOde && !e.hasTheory()) {
        theory.status = QString::fromStdString(e.theoryUnavailableReason());
    } else if (runOde) {
        QElapsedTimer timer;
        timer.start();
        const aedyn::RunOutcome r = e.runTheory(
            [&](std::size_t i, const aedyn::Observables& o) {
                table.setTheory(i, o);
                epsOde[i] = o.eps;
#ifdef AEDYN_HAVE_FIGURES
                if (!figures.isEmpty())
                    store.setTheory(i, o);
#endif
            },
            &g_control);
        theory = report("theory", r, timer.elapsed() / 1000.0, failed);
    }

    RouteReport simulation{QStringLiteral("not run"), 0.0};
    if (runSgd && !g_control.stopRequested) {
        QElapsedTimer timer;
        timer.start();
        Progress progress("SGD", e.config().tMax);
        const aedyn::RunOutcome r = e.runSimulation(
            [&](std::size_t i, const std::vector<aedyn::Observables>& runs, [[maybe_unused]] const aedyn::Weights& first) {
                table.setSimulation(i, runs);
#ifdef AEDYN_HAVE_FIGURES
                if (!figures.isEmpty()) {
                    store.setSimulation(simulationPointOf(i, runs));
                    store.setFirstRunWeights(first);
                }
#endif
                // Real images: the error on the held-out images, as in curves.csv.
                double mean = 0;
                for (const auto& o : runs)
                    mean += std::isfinite(o.testEps) ? o.testEps : o.eps;
                epsSgd[i] = mean / runs.size();
            },
            [&](double t) { progress.update(t); }, &g_control, threads);
        progress.finish();
        simulation = report("simulation", r, timer.elapsed() / 1000.0, failed);
    }
    if (g_control.stopRequested) {
        std::fprintf(stderr, "aedyn-cli: interrupted; nothing written\n");
        return 130;
    }

    std::ostringstream csv;
    table.writeCsv(csv);
    const QJsonObject json = runJson(e, preset, app.arguments(), theory, simulation, total.elapsed() / 1000.0,
                                     table.header());
    try {
        out->commit({{"curves.csv", csv.str()}, {"run.json", QJsonDocument(json).toJson().toStdString()}});
    } catch (const aedyn::ResultFolderError& e) {
        return fail(WriteFailed, QString::fromLocal8Bit(e.what()));
    }
#ifdef AEDYN_HAVE_FIGURES
    for (const QString& f : figures)
        if (const QString problem = exportFigure(store, chart, figureOptions, f); !problem.isEmpty())
            return fail(WriteFailed, problem);
#endif
    if (!quiet)
        printSummary(e, epsOde, epsSgd);
    return failed ? RunFailed : Success;
}
