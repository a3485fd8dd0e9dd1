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

quint64 SweepRunner::start(std::vector<aedyn::ExperimentConfig> configs)
{
    cancel();
    pool_.clear();  // the old generation's points that have not started yet
    job_ = std::make_shared<Job>();
    job_->configs = std::move(configs);
    remaining_ = job_->configs.size();
    const quint64 generation = ++generation_;
    for (std::size_t i = 0; i < job_->configs.size(); ++i)
        pool_.start([this, job = job_, generation, i] {
            if (job->control.stopRequested)
                return;
            aedyn::SweepPointTheory theory = aedyn::runSweepPointTheory(job->configs[i], &job->control);
            if (theory.cancelled)
                return;
            // Queued to the GUI thread; dropped there if this runner is gone or the generation is obsolete.
            QMetaObject::invokeMethod(
                this, [this, generation, i, t = std::move(theory)]() mutable { deliver(generation, i, std::move(t)); },
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

void SweepRunner::deliver(quint64 generation, std::size_t index, aedyn::SweepPointTheory theory)
{
    if (generation != generation_ || remaining_ == 0)
        return;
    emit pointFinished(generation, index, theory);
    if (--remaining_ == 0)
        emit finished(generation);
}
