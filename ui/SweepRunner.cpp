#include "SweepRunner.h"

#include "QueuedHandOver.h"
#include "RunControl.h"

#include <QThread>

#include <algorithm>

struct SweepRunner::Job {
    std::vector<aedyn::ExperimentConfig> configs;
    aedyn::RunControl control;
};

SweepRunner::SweepRunner(QObject* parent)
    : QObject(parent)
{
    markQueuedHandOvers();
    pool_.setMaxThreadCount(std::max(1, QThread::idealThreadCount()));
}

SweepRunner::~SweepRunner()
{
    cancel();
    pool_.waitForDone();
    acquireQueuedHandOver();  // the pool's threads are done with what they were given
}

bool SweepRunner::simulatesInTurn(const std::vector<aedyn::ExperimentConfig>& configs) const
{
    return std::all_of(configs.begin(), configs.end(), [&](const auto& c) { return c.runs >= threads(); });
}

quint64 SweepRunner::start(std::vector<aedyn::ExperimentConfig> configs, bool simulate)
{
    cancel();
    pool_.clear();  // the old generation's points that have not started yet
    job_ = std::make_shared<Job>();
    job_->configs = std::move(configs);
    const std::size_t n = job_->configs.size();
    remaining_ = simulate ? 2 * n : n;
    const quint64 generation = ++generation_;
    // Runs points [from, to) one after another, each on `threads` threads, and queues each to the GUI thread, where
    // it is dropped if this runner is gone or the generation is obsolete.
    auto points = [this, job = job_, generation](std::size_t from, std::size_t to, bool sgd, int threads) {
        acquireQueuedHandOver();  // the configurations were written on the GUI thread
        for (std::size_t i = from; i < to && !job->control.stopRequested; ++i) {
            aedyn::SweepPointCurves curves = aedyn::runSweepPoint(job->configs[i], sgd, &job->control, threads);
            if (curves.cancelled)
                return;
            queueHandOver([&] {
                QMetaObject::invokeMethod(
                    this, [this, generation, i, c = std::move(curves)]() mutable { deliver(generation, i, std::move(c)); },
                    Qt::QueuedConnection);
            });
        }
    };
    queueHandOver([&] {
        for (std::size_t i = 0; i < n; ++i)
            pool_.start([points, i] { points(i, i + 1, false, 1); });
        if (simulate && simulatesInTurn(job_->configs))
            pool_.start([points, n, t = threads()] { points(0, n, true, t); });
        else if (simulate)
            for (std::size_t i = 0; i < n; ++i)
                pool_.start([points, i] { points(i, i + 1, true, 1); });
    });
    if (remaining_ == 0)
        emit finished(generation);
    return generation;
}

void SweepRunner::cancel()
{
    if (job_)
        job_->control.stopRequested = true;
    pool_.clear();
    remaining_ = 0;
}

void SweepRunner::deliver(quint64 generation, std::size_t index, aedyn::SweepPointCurves curves)
{
    if (generation != generation_ || remaining_ == 0)
        return;
    emit pointFinished(generation, index, curves);
    if (--remaining_ == 0)
        emit finished(generation);
}
