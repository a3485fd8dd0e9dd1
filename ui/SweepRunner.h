#pragma once
// Runs the theory of a sweep's points — and, when asked, then their SGD simulation — on a pool of worker threads,
// never the GUI thread, and streams each finished point back to the GUI thread. start() begins a new generation and stops the old one: its running points
// end within milliseconds (their RunControl), its queued points never start, and anything it still reports is
// dropped by generation, so an older sweep's points never reach the newer one's results.
#include "ExperimentConfig.h"
#include "SweepPointCurves.h"

#include <QObject>
#include <QThreadPool>

#include <memory>
#include <vector>

class SweepRunner : public QObject {
    Q_OBJECT
public:
    explicit SweepRunner(QObject* parent = nullptr);
    ~SweepRunner() override;  // stops every point and waits for the workers

    // Starts computing every configuration (point i is configs[i]); returns the new generation. With `simulate`,
    // once every theory is queued each point is run again with its SGD ensemble, so all the cheap theory shows
    // before the first simulation ends.
    quint64 start(std::vector<aedyn::ExperimentConfig> configs, bool simulate = false);
    // How the simulations share the cores: one point after another on every thread when each point has at least
    // as many runs as there are threads (as `aedyn-cli sweep` does; the costliest point does not then run alone
    // on one core at the end), else the points side by side, one thread each.
    bool simulatesInTurn(const std::vector<aedyn::ExperimentConfig>& configs) const;
    void cancel();
    bool running() const { return remaining_ > 0; }
    quint64 generation() const { return generation_; }
    // Worker threads still computing (an obsolete generation's points included).
    int busyWorkers() const { return pool_.activeThreadCount(); }
    int threads() const { return pool_.maxThreadCount(); }

signals:
    // On the GUI thread, only for the current generation, in the order the points finish: a point's theory, and
    // with `simulate` later its curves of both routes.
    void pointFinished(quint64 generation, qulonglong index, const aedyn::SweepPointCurves& curves);
    void finished(quint64 generation);

private:
    struct Job;
    void deliver(quint64 generation, std::size_t index, aedyn::SweepPointCurves curves);

    QThreadPool pool_;
    std::shared_ptr<Job> job_;
    quint64 generation_ = 0;
    std::size_t remaining_ = 0;
};
