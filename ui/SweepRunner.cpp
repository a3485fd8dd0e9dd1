#include "SweepRunner.h"

#include "RunControl.h"

#include <QThread>

struct SweepRunner::Job {
    std::vector<aedyn::ExperimentConfig> configs;
    aedyn::RunControl control;
};

SweepRunner::SweepRunner(QObject* parent)
    : QObject(parent)
{
    pool_.setMaxThreadCount(std::max(1, QThread::idealThreadCount()));
}

SweepRunner::~SweepRunner()
{
    cancel();
    pool_.waitForDone();
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
    for (std::size_t k = 0; k < remaining_; ++k)
        pool_.start([this, job = job_, generation, i = k % n, sgd = k >= n] {
            if (job->control.stopRequested)
                return;
            aedyn::SweepPointCurves curves = aedyn::runSweepPoint(job->configs[i], sgd, &job->control, 1);
            if (curves.cancelled)
                return;
            // Queued to the GUI thread; dropped there if this runner is gone or the generation is obsolete.
            QMetaObject::invokeMethod(
                this, [this, generation, i, c = std::move(curves)]() mutable { deliver(generation, i, std::move(c)); },
                Qt::QueuedConnection);
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
