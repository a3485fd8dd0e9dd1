#include "CliRunner.h"

#include "CliFigures.h"
#include "CurveTable.h"
#include "Experiment.h"
#include "LongTimeContinuation.h"
#include "Presets.h"
#include "ResourceEstimate.h"
#include "ProjectFile.h"
#include "ResultFolder.h"
#include "RunJson.h"
#include "RunResults.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>

#include <csignal>
#include <cstdio>
#include <memory>
#include <sstream>
#include <unistd.h>

namespace {

aedyn::RunControl g_control;

void onInterrupt(int) { g_control.stopRequested.store(true); }

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

// About a dozen rows of the learning curve, spread evenly over the log grid, from the results model.
void printSummary(const aedyn::Experiment& e, const aedyn::RunResults& results)
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
    std::printf("\n\n%10s  %14s  %12s\n", "t", e.hasTheory() ? "eps_ode" : "eps_ode_untied", "eps_sgd");
    const std::size_t n = e.times().size();
    const std::size_t stride = std::max<std::size_t>(1, n / 12);
    for (std::size_t i = 0; i < n; i += stride) {
        const bool last = i + stride >= n;
        const std::size_t j = last ? n - 1 : i;
        const auto& ode = results.theory()[j];
        const auto& sgd = results.simulation()[j];
        std::printf("%10.4g  %14s  %12s\n", e.times()[j],
                    ode ? qPrintable(QString::number(ode->eps, 'g', 6)) : "-",
                    sgd ? qPrintable(QString::number(sgd->eps, 'g', 6)) : "-");
        if (last)
            break;
    }
}

} // namespace

int cliFail(int code, const QString& message)
{
    std::fprintf(stderr, "aedyn-cli: error: %s\n", qPrintable(message));
    return code;
}

int runCli(const CliOptions& options, const QStringList& arguments)
{
    if (const QString problem = figureOptionsProblem(options); !problem.isEmpty())
        return cliFail(kBadInput, problem);
    // A project file replaces the preset as the starting point; --set still applies on top of it.
    QString preset = options.preset;
    try {
        aedyn::ExperimentConfig config;
        if (!options.projectPath.isEmpty()) {
            QString error;
            const auto project = loadProject(options.projectPath, &error);
            if (!project)
                return cliFail(kBadInput, error);
            preset = project->preset;
            config = project->config;
        } else {
            config = aedyn::presetConfig(preset.toStdString());
        }
        aedyn::applyParameters(config, options.overrides);
        return runExperiment(config, preset, options, arguments);
    } catch (const aedyn::ConfigError& e) {
        return cliFail(kBadInput, QString::fromStdString(e.what()));
    }
}

int runExperiment(const aedyn::ExperimentConfig& config, const QString& preset, const CliOptions& options,
                  const QStringList& arguments)
{
    std::unique_ptr<aedyn::Experiment> experiment;
    try {
        aedyn::validate(config);
        // Refused before anything is allocated, with the estimate, rather than killed by the OOM killer later.
        aedyn::checkResources(config, aedyn::availableMemoryBytes());
        experiment = std::make_unique<aedyn::Experiment>(config);
    } catch (const aedyn::ConfigError& e) {
        return cliFail(kBadInput, QString::fromStdString(e.what()));
    }
    // Locked for this run, committed as one unit, never written through links (README, "aedyn-cli output").
    std::unique_ptr<aedyn::ResultFolder> out;
    try {
        out = std::make_unique<aedyn::ResultFolder>(QFile::encodeName(options.outDir).toStdString());
    } catch (const aedyn::ResultFolderError& e) {
        return cliFail(kWriteFailed, QString::fromLocal8Bit(e.what()));
    }

    std::signal(SIGINT, onInterrupt);
    std::signal(SIGTERM, onInterrupt);
    const aedyn::Experiment& e = *experiment;
    aedyn::RunResults results;
    const aedyn::RunSetup setup = aedyn::setupOf(e);
    results.resetTheory(setup);
    results.resetSimulation(setup);
    QElapsedTimer total;
    total.start();

    RouteReport theory{QStringLiteral("not run"), 0.0};
    bool failed = false;
    if (options.runOde && !e.hasTheory()) {
        // As the app does: the untied network for comparison (curves.csv's eps_ode_untied, the figures' "ODE of
        // untied weights" line); eps_ode stays empty.
        QElapsedTimer timer;
        timer.start();
        const aedyn::RunOutcome r = e.runShownTheory(
            [&](std::size_t i, const aedyn::Observables& o) { results.setTheory(i, o); }, &g_control);
        theory = report("untied comparison theory", r, timer.elapsed() / 1000.0, failed);
        theory.status = QString::fromStdString(e.theoryUnavailableReason()) +
                        QStringLiteral("; the untied comparison (eps_ode_untied): ") + theory.status;
    } else if (options.runOde) {
        QElapsedTimer timer;
        timer.start();
        const aedyn::RunOutcome r =
            e.runTheory([&](std::size_t i, const aedyn::Observables& o) { results.setTheory(i, o); }, &g_control);
        if (r.ok && results.latestTheory())
            results.setLongTime(aedyn::continueToLongTimes(setup, *results.latestTheory(), &g_control));
        theory = report("theory", r, timer.elapsed() / 1000.0, failed);
    }

    RouteReport simulation{QStringLiteral("not run"), 0.0};
    if (options.runSgd && !g_control.stopRequested) {
        QElapsedTimer timer;
        timer.start();
        Progress progress("SGD", e.config().tMax);
        const bool keepWeights = !options.figures.isEmpty();  // the weight views of a figure need them
        const aedyn::RunOutcome r = e.runSimulation(
            [&](std::size_t i, const std::vector<aedyn::Observables>& runs, const aedyn::Weights& first) {
                results.setSimulation(aedyn::simulationPointOf(i, runs));
                if (keepWeights)
                    results.setFirstRunWeights(i, first);
            },
            [&](double t) { progress.update(t); }, &g_control, options.threads);
        progress.finish();
        simulation = report("simulation", r, timer.elapsed() / 1000.0, failed);
    }
    if (g_control.stopRequested) {
        std::fprintf(stderr, "aedyn-cli: interrupted; nothing written\n");
        return kInterrupted;
    }

    const aedyn::CurveTable table(results);
    std::ostringstream csv;
    table.writeCsv(csv);
    const QJsonObject json =
        runJson(e, preset, arguments, theory, simulation, total.elapsed() / 1000.0, table.header());
    try {
        out->commit({{"curves.csv", csv.str()}, {"run.json", QJsonDocument(json).toJson().toStdString()}});
    } catch (const aedyn::ResultFolderError& e) {
        return cliFail(kWriteFailed, QString::fromLocal8Bit(e.what()));
    }
    if (const QString problem = writeFigures(results, options); !problem.isEmpty())
        return cliFail(kWriteFailed, problem);
    if (!options.quiet)
        printSummary(e, results);
    return failed ? kRunFailed : kSuccess;
}
