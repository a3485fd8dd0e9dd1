// GUI-thread repaint times during a run on the off-screen platform, one line per scenario in the form scripts read:
//   gui SCENARIO: worst W ms, p99 P ms, median M ms
// then the slowest repaint of the window's set-up before that run (its first layout, the preset, the theory).
// and what the dashboard costs for many units (creation, series, slowest repaint, memory), up to the largest K the
// validation accepts on this machine.
#include "Benchmarks.h"

#include "MainWindow.h"
#include "ParameterPanel.h"

#include <QChart>
#include <QChartView>

#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <unistd.h>

// Outside any namespace: the macro declares the resource initialiser of the static aedyn_ui library.
static void initResources() { Q_INIT_RESOURCE(aedyn); }

namespace aedyn::bench {

namespace {

double residentMegabytes()
{
    QFile statm(QStringLiteral("/proc/self/statm"));
    if (!statm.open(QIODevice::ReadOnly))
        return 0;
    const QList<QByteArray> fields = statm.readAll().split(' ');
    return fields.value(1).toDouble() * static_cast<double>(sysconf(_SC_PAGESIZE)) / (1 << 20);
}

// Runs the event loop until `done` or `seconds` have passed. The loop sleeps between events, as the application's
// does: polling processEvents() kept the GUI thread busy and took a core from the workers being measured.
template <typename Done>
bool waitFor(Done done, double seconds)
{
    QElapsedTimer timer;
    timer.start();
    QEventLoop loop;
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
        if (done() || timer.elapsed() >= seconds * 1000)
            loop.quit();
    });
    poll.start(5);
    if (!done())
        loop.exec();
    return done();
}

void printFrames(const char* scenario, const std::vector<double>& frames)
{
    if (frames.empty()) {
        std::printf("gui %s: no repaint measured\n", scenario);
        return;
    }
    std::vector<double> v = frames;
    std::sort(v.begin(), v.end());
    const double p99 = v[std::min(v.size() - 1, static_cast<std::size_t>(0.99 * v.size()))];
    std::printf("gui %s: worst %.1f ms, p99 %.1f ms, median %.1f ms\n", scenario, v.back(), p99, v[v.size() / 2]);
    std::fflush(stdout);
}

// Runs a configuration for at most `seconds` (then stops it) and prints the repaint times.
// Waits for the first theory point past t = 0 of `config` (told apart by K and t_max) and the repaint that draws
// it, and prints the time `timer` has run since `since`.
void printFirstTheoryPoint(MainWindow& w, const char* scenario, const aedyn::ExperimentConfig& config,
                           const QElapsedTimer& timer, const char* since)
{
    const bool arrived = waitFor(
        [&] {
            const aedyn::Observables* last = w.store().latestTheory();
            return w.store().setup().K == config.K && w.store().setup().config.tMax == config.tMax && last &&
                   last->t > 0;
        },
        60);
    const std::size_t frames = w.frameTimes().size();
    waitFor([&] { return w.frameTimes().size() > frames; }, 10);
    if (arrived)
        std::printf("gui %s, first theory point past t = 0 on screen %.0f ms after %s\n", scenario,
                    timer.nsecsElapsed() / 1e6, since);
}

void runScenario(const char* scenario, const char* preset, std::initializer_list<std::pair<const char*, const char*>> values,
                 double seconds)
{
    // AEDYN_BENCH_GUI=NAME runs that scenario alone (to profile it), without the dashboards.
    if (const QByteArray only = qgetenv("AEDYN_BENCH_GUI"); !only.isEmpty() && only != scenario)
        return;
    MainWindow w;
    w.resize(1600, 1000);
    w.show();
    QElapsedTimer sincePreset;
    sincePreset.start();
    w.panel()->selectPreset(QString::fromLatin1(preset));
    // For images: the preset's first theory point on screen, from its choice (loading the data in this process
    // counted, from the disk cache).
    if (const auto chosen = w.panel()->config(); chosen && chosen->spectrum == aedyn::SpectrumKind::Images)
        printFirstTheoryPoint(w, scenario, *chosen, sincePreset, "the preset's choice");
    for (const auto& [key, value] : values)
        w.panel()->setValue(key, QString::fromLatin1(value));
    if (!w.panel()->config()) {
        std::printf("gui %s: skipped (%s)\n", scenario, qPrintable(w.panel()->problem()));
        return;
    }
    // And after the scenario's own values (the data now in memory), from their request (the typing pause not counted).
    if (const aedyn::ExperimentConfig configured = *w.panel()->config();
        configured.spectrum == aedyn::SpectrumKind::Images) {
        waitFor([&] { return w.theoryRequested(); }, 5);
        QElapsedTimer sinceRequest;
        sinceRequest.start();
        printFirstTheoryPoint(w, scenario, configured, sinceRequest, "a parameter's change");
    }
    if (!waitFor([&] { return w.theoryUpToDate() || !w.message().isEmpty(); }, 120)) {
        std::printf("gui %s: skipped (the theory did not arrive in 120 s)\n", scenario);
        return;
    }
    // The run's repaints apart from the set-up's: a window laid out for the first time is not a frame of a run.
    const std::size_t before = w.frameTimes().size();
    w.runSimulation();
    waitFor([&] { return !w.simulationRunning(); }, seconds);
    w.stopSimulation();
    waitFor([&] { return !w.simulationRunning(); }, 10);
    waitFor([] { return false; }, 0.2);  // the last coalesced repaint
    const auto runStart = w.frameTimes().begin() + static_cast<std::ptrdiff_t>(before);
    printFrames(scenario, {runStart, w.frameTimes().end()});
    if (before > 0)
        std::printf("gui %s, before the run (first layout, preset, theory): %zu repaints, slowest %.1f ms\n", scenario,
                    before, *std::max_element(w.frameTimes().begin(), runStart));
}

// The Qt Charts series of the whole window: what its charts cost to lay out and paint.
qsizetype seriesCount(const MainWindow& w)
{
    qsizetype n = 0;
    for (const QChartView* view : w.findChildren<QChartView*>())
        n += view->chart()->series().size();
    return n;
}

// About the largest K the panel accepts with D = max(1000, K): validation refuses what needs more memory than
// this machine has available.
int largestValidK()
{
    ParameterPanel panel;
    panel.setValue("t_max", QStringLiteral("1"));
    auto valid = [&](int K) {
        panel.setValue("D", QString::number(std::max(1000, K)));
        panel.setValue("K", QString::number(K));
        return panel.config().has_value();
    };
    int lo = 1, hi = 4096;  // the schema's limit
    if (valid(hi))
        return hi;
    while (hi - lo > 1) {
        const int mid = (lo + hi) / 2;
        (valid(mid) ? lo : hi) = mid;
    }
    return lo * 19 / 20;  // a margin for the memory other programs take and give back meanwhile
}

void dashboardFor(int K, int D)
{
    const double before = residentMegabytes();
    QElapsedTimer timer;
    timer.start();
    MainWindow w;
    w.resize(1600, 1000);
    w.show();
    QCoreApplication::processEvents();
    const double built = timer.nsecsElapsed() / 1e6;
    w.panel()->setValue("D", QString::number(D));
    w.panel()->setValue("K", QString::number(K));
    w.panel()->setValue("t_max", QStringLiteral("1"));
    if (!w.panel()->config()) {
        std::printf("gui dashboard K = %d: refused (%s)\n", K, qPrintable(w.panel()->problem()));
        return;
    }
    // Typed parameters wait for a pause in typing; from the request on, the first theory points of these
    // parameters are drawn.
    waitFor([&] { return w.theoryRequested(); }, 5);
    QElapsedTimer sinceRequest;
    sinceRequest.start();
    waitFor([&] { return w.store().setup().K == K && w.store().latestTheory(); }, 120);
    const std::size_t framesBefore = w.frameTimes().size();
    waitFor([&] { return w.frameTimes().size() > framesBefore; }, 10);  // the repaint that draws it
    const double firstTheory = sinceRequest.nsecsElapsed() / 1e6;
    const bool complete = waitFor([&] { return w.theoryUpToDate(); }, 120);
    const QString drawn = complete ? QStringLiteral("theory drawn after %1 s").arg(timer.elapsed() / 1000.0, 0, 'f', 2)
                                   : QStringLiteral("theory not complete after %1 s").arg(timer.elapsed() / 1000);
    waitFor([] { return false; }, 0.2);
    const auto& frames = w.frameTimes();
    std::printf("gui dashboard K = %d (D = %d): window built in %.0f ms, first theory on screen %.0f ms after its "
                "request, %lld series, %s, slowest repaint %.1f ms, RSS %+.0f MB\n",
                K, D, built, firstTheory, static_cast<long long>(seriesCount(w)), qPrintable(drawn),
                frames.empty() ? 0.0 : *std::max_element(frames.begin(), frames.end()), residentMegabytes() - before);
    std::fflush(stdout);
}

} // namespace

void guiBenchmarks()
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    int argc = 1;
    char name[] = "aedyn-bench";
    char* argv[] = {name, nullptr};
    QApplication app(argc, argv);
    initResources();
    std::printf("\nGUI-thread repaint (off-screen platform, 1600 x 1000)\n");
    runScenario("fig2-x8", "fig2-sequential", {{"runs", "8"}}, 120);
    runScenario("fig5d", "fig5d-fashion-mnist", {{"t_max", "20"}}, 60);
    runScenario("d10000-k64-x8", "fig2-sequential", {{"D", "10000"}, {"K", "64"}, {"runs", "8"}}, 15);
    if (qEnvironmentVariableIsEmpty("AEDYN_BENCH_GUI"))
        for (int K : {64, 512, largestValidK()})
            dashboardFor(K, std::max(1000, K));
}

} // namespace aedyn::bench
