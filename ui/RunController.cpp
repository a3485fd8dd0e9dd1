#include "RunController.h"

#include "BackgroundPriority.h"
#include "ExperimentWorkers.h"
#include "QueuedHandOver.h"

#include <algorithm>
#include <cmath>

namespace {

bool sameParameters(const aedyn::ExperimentConfig& a, const aedyn::ExperimentConfig& b)
{
    return aedyn::parameterValues(a) == aedyn::parameterValues(b);
}

// " · ETA 4:05", " · ETA 2 h 10 min": the remaining time of a run or of a theory, in one form.
QString etaText(double seconds)
{
    const long s = std::lround(seconds);
    return s < 3600 ? QStringLiteral(" · ETA %1:%2").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'))
                    : QStringLiteral(" · ETA %1 h %2 min").arg(s / 3600).arg(s % 3600 / 60);
}

} // namespace

RunController::RunController(QObject* parent)
    : QObject(parent)
    , theoryWorker_(new TheoryWorker)
    , simulationWorker_(new SimulationWorker)
    , pinWorker_(new TheoryWorker)
    , costWorker_(new CostWorker)
{
    markQueuedHandOvers();
    qRegisterMetaType<aedyn::Observables>();
    qRegisterMetaType<aedyn::RunSetup>();
    qRegisterMetaType<aedyn::SimulationPoint>();
    qRegisterMetaType<std::shared_ptr<const aedyn::Weights>>();
    qRegisterMetaType<std::vector<aedyn::ReducedPoint>>();
    qRegisterMetaType<aedyn::ExperimentConfig>();
    qRegisterMetaType<std::shared_ptr<aedyn::RunControl>>();
    const std::pair<QObject*, QThread*> workers[] = {
        {theoryWorker_, &theoryThread_}, {simulationWorker_, &simulationThread_}, {pinWorker_, &pinThread_},
        {costWorker_, &costThread_}};
    for (const auto& [worker, thread] : workers) {
        worker->moveToThread(thread);
        connect(thread, &QThread::finished, worker, &QObject::deleteLater);
        startInBackground(*thread);
    }

    // Signals of an obsolete generation are dropped: only the latest request is drawn.
    connect(theoryWorker_, &TheoryWorker::setupReady, this, [this](quint64 gen, const aedyn::RunSetup& s) {
        if (gen != theoryGeneration_)
            return;
        results_.resetTheory(s);
        setupArrived_ = true;
        theoryConfig_ = requestedTheory_;
        applyStaleness();
        theoryMessage_.clear();
        emit theorySetupArrived(s);
        emit statusChanged();
        emit resultsChanged();
    });
    connect(theoryWorker_, &TheoryWorker::pointReady, this,
            [this](quint64 gen, qulonglong i, const aedyn::Observables& o) {
                if (gen != theoryGeneration_)
                    return;
                results_.setTheory(i, o);
                showTheoryProgress(o.t);
                if (o.t > 0)
                    estimateCost();
                emit resultsChanged();
            });
    connect(theoryWorker_, &TheoryWorker::longTimeReady, this,
            [this](quint64 gen, const std::vector<aedyn::ReducedPoint>& points) {
                if (gen != theoryGeneration_)
                    return;
                results_.setLongTime(points);
                emit resultsChanged();
            });
    connect(theoryWorker_, &TheoryWorker::finished, this, [this](quint64 gen, const QString& failure, double ms) {
        if (gen != theoryGeneration_)
            return;
        estimateCost();
        const aedyn::Observables* last = results_.latestTheory();
        if (failure.isEmpty())
            theoryMessage_.clear();
        else if (!setupArrived_)  // e.g. missing data: only the previous parameters' curves remain, greyed
            theoryMessage_ = QStringLiteral("Theory: %1").arg(failure);
        else
            theoryMessage_ = QStringLiteral("Theory: %1 — the curve up to t = %2 stays drawn.")
                                 .arg(failure)
                                 .arg(last ? last->t : 0.0, 0, 'g', 3);
        theoryRoute_ = QStringLiteral("ODE %1 ms").arg(ms, 0, 'f', 0);
        emit statusChanged();
        emit resultsChanged();
    });

    connect(simulationWorker_, &SimulationWorker::setupReady, this, [this](quint64 gen, const aedyn::RunSetup& s) {
        if (gen == simulationGeneration_) {
            results_.resetSimulation(s);  // the worker's grid and D, never the panel's
            applyStaleness();
            emit resultsChanged();
        }
    });
    connect(simulationWorker_, &SimulationWorker::pointReady, this, [this](quint64 gen, const aedyn::SimulationPoint& p) {
        if (gen == simulationGeneration_) {
            results_.setSimulation(p);
            emit resultsChanged();
        }
    });
    connect(simulationWorker_, &SimulationWorker::firstRunWeights, this, [this](quint64 gen, qulonglong index, std::shared_ptr<const aedyn::Weights> w) {
        if (gen == simulationGeneration_) {
            results_.setFirstRunWeights(index, std::move(w));
            emit resultsChanged();
        }
    });
    connect(simulationWorker_, &SimulationWorker::progress, this, [this](quint64 gen, double t) {
        if (gen == simulationGeneration_) {
            progressT_ = t;
            pace_.add((runClock_.elapsed() - pausedMs_) / 1000.0, t);
            emit statusChanged();
        }
    });
    connect(simulationWorker_, &SimulationWorker::finished, this, [this](quint64 gen, const QString& failure, bool stopped) {
        if (gen != simulationGeneration_)
            return;
        running_ = false;
        if (!failure.isEmpty())
            simulationMessage_ = QStringLiteral("Simulation: %1 — the curves up to then stay drawn.").arg(failure);
        runState_ = !failure.isEmpty() ? QStringLiteral("failed")
                    : stopped          ? QStringLiteral("stopped")
                                       : QStringLiteral("done in %1 s").arg((runClock_.elapsed() - pausedMs_) / 1000.0, 0, 'f', 1);
        emit statusChanged();
        emit resultsChanged();
        emit simulationFinished();
    });

    connect(costWorker_, &CostWorker::estimated, this, [this](quint64 gen, double seconds) {
        if (gen == theoryGeneration_) {
            estimate_ = seconds;
            emit estimateChanged();
        }
    });
    connect(pinWorker_, &TheoryWorker::pointReady, this, [this](quint64 gen, qulonglong, const aedyn::Observables& o) {
        const auto it = pinOfGeneration_.find(gen);
        if (it != pinOfGeneration_.end() && o.t > 0 && o.eps > 0 && std::isfinite(o.eps))
            emit pinPoint(it->second, o.t, o.eps);
    });
}

RunController::~RunController() { shutDown(); }

void RunController::shutDown()
{
    for (const auto& control : {theoryControl_, control_, costControl_})
        if (control)
            control->stopRequested = true;
    for (QThread* t : {&theoryThread_, &simulationThread_, &pinThread_, &costThread_})
        quitAndWait(*t);
}

void RunController::requestTheory(const aedyn::ExperimentConfig& config)
{
    // The running integration is obsolete: stop it rather than queue behind it.
    if (theoryControl_)
        theoryControl_->stopRequested = true;
    theoryControl_ = std::make_shared<aedyn::RunControl>();
    const quint64 generation = ++theoryGeneration_;
    setupArrived_ = false;
    requestedTheory_ = config;
    theoryRoute_ = QStringLiteral("ODE computing…");
    theoryClock_.start();
    theoryPace_.clear();
    theoryTMax_ = config.tMax;
    emit statusChanged();
    queueHandOver([&] {
        QMetaObject::invokeMethod(theoryWorker_, [w = theoryWorker_, config, ctl = theoryControl_, generation] {
            w->compute(config, ctl, generation);
        }, Qt::QueuedConnection);
    });
    // What a Run of these parameters would cost, measured on a thread of its own once the theory has its start.
    if (costControl_)
        costControl_->stopRequested = true;
    costPending_ = config;
    costGeneration_ = generation;
    estimate_ = 0.0;
    emit estimateChanged();
}

void RunController::estimateCost()
{
    if (!costPending_)
        return;
    costControl_ = std::make_shared<aedyn::RunControl>();
    queueHandOver([&] {
        QMetaObject::invokeMethod(costWorker_, [w = costWorker_, config = *costPending_, ctl = costControl_,
                                                generation = costGeneration_] { w->estimate(config, ctl, generation); },
                                  Qt::QueuedConnection);
    });
    costPending_.reset();
}

void RunController::run(const aedyn::ExperimentConfig& config)
{
    if (running_)
        return;
    simulationMessage_.clear();
    control_ = std::make_shared<aedyn::RunControl>();
    running_ = true;
    tMax_ = config.tMax;
    progressT_ = 0.0;
    runState_.clear();
    simulationConfig_ = config;
    runEstimate_ = requestedTheory_ && sameParameters(*requestedTheory_, config) ? estimate_ : 0.0;
    simulationRoute_ = config.runs == 1 ? QStringLiteral("1 SGD run") : QStringLiteral("%1 SGD runs").arg(config.runs);
    runClock_.start();
    pausedMs_ = 0;
    pace_.clear();
    // Until the worker's setup arrives nothing of the old run stays drawn under the new parameters.
    const quint64 generation = ++simulationGeneration_;
    results_.clearSimulation();
    queueHandOver([&] {
        QMetaObject::invokeMethod(simulationWorker_, [w = simulationWorker_, config, ctl = control_, generation] {
            w->run(config, ctl, generation);
        }, Qt::QueuedConnection);
    });
    emit statusChanged();
    emit resultsChanged();
}

void RunController::togglePause()
{
    if (!running_)
        return;
    const bool pause = !control_->paused;
    control_->paused = pause;
    // Paused time does not count towards the ETA.
    if (pause)
        pauseClock_.start();
    else
        pausedMs_ += pauseClock_.elapsed();
    runState_ = pause ? QStringLiteral("paused") : QString();
    emit statusChanged();
}

void RunController::stop()
{
    if (control_)
        control_->stopRequested = true;
}

void RunController::clearSimulation()
{
    stop();
    // Answers still queued from the stopped run belong to an old generation and are dropped.
    ++simulationGeneration_;
    running_ = false;
    results_.clearSimulation();
    simulationConfig_.reset();
    progressT_ = 0.0;
    tMax_ = 0.0;
    runState_.clear();
    simulationMessage_.clear();
    simulationRoute_.clear();
    emit statusChanged();
    emit resultsChanged();
    emit simulationFinished();
}

void RunController::markStale(const std::optional<aedyn::ExperimentConfig>& current)
{
    current_ = current;
    applyStaleness();
    emit resultsChanged();
}

void RunController::applyStaleness()
{
    // Stale means "differs from what was computed": typing a value and deleting it again restores the colours.
    auto differs = [this](const std::optional<aedyn::ExperimentConfig>& computed) {
        return computed && (!current_ || !sameParameters(*current_, *computed));
    };
    results_.theoryStale = differs(theoryConfig_);
    results_.simulationStale = differs(simulationConfig_);
}

void RunController::showTheoryProgress(double t)
{
    const double seconds = theoryClock_.elapsed() / 1000.0;
    theoryPace_.add(seconds, t);
    // A theory done within a second shows only its time when finished: no text flickers past.
    if (seconds < 1.0)
        return;
    QString text = QStringLiteral("ODE t = %1 / %2").arg(t, 0, 'f', t < 10 ? 2 : 1).arg(theoryTMax_, 0, 'g', 6);
    if (const auto left = theoryPace_.secondsLeft(theoryTMax_))
        text += etaText(*left);
    if (text != theoryRoute_) {
        theoryRoute_ = text;
        emit statusChanged();
    }
}

double RunController::progressFraction() const
{
    return tMax_ > 0 ? std::clamp(progressT_ / tMax_, 0.0, 1.0) : 0.0;
}

QString RunController::progressText() const
{
    if (tMax_ <= 0)
        return runState_;
    QString text = QStringLiteral("t = %1 / %2").arg(progressT_, 0, 'f', progressT_ < 10 ? 2 : 1).arg(tMax_, 0, 'g', 6);
    if (running_) {
        // The pace of the last seconds once a second of progress is in (ProgressRate); before that, the estimate
        // measured before Run.
        const double elapsed = (runClock_.elapsed() - pausedMs_) / 1000.0;
        double eta = -1;
        if (const auto left = pace_.secondsLeft(tMax_))
            eta = *left;
        else if (runEstimate_ > 0)
            eta = std::max(0.0, runEstimate_ - elapsed);
        if (eta >= 0)
            text += etaText(eta);
    }
    if (!runState_.isEmpty())
        text += QStringLiteral(" · ") + runState_;
    return text;
}

QString RunController::routesText() const
{
    return simulationRoute_.isEmpty() ? theoryRoute_ : simulationRoute_ + QStringLiteral(" · ") + theoryRoute_;
}

bool RunController::theoryUpToDate(const std::optional<aedyn::ExperimentConfig>& current) const
{
    const aedyn::Observables* last = results_.latestTheory();
    return current && theoryConfig_ && last && !results_.setup().times.empty() &&
           last->t == results_.setup().times.back() && sameParameters(*current, *theoryConfig_);
}

void RunController::computePinTheory(int pin, const aedyn::ExperimentConfig& config)
{
    const quint64 generation = ++pinGeneration_;
    pinOfGeneration_[generation] = pin;
    queueHandOver([&] {
        QMetaObject::invokeMethod(pinWorker_, [w = pinWorker_, config, generation] {
            w->compute(config, std::make_shared<aedyn::RunControl>(), generation);
        }, Qt::QueuedConnection);
    });
}

void RunController::forgetPinTheories() { pinOfGeneration_.clear(); }
