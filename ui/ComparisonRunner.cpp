#include "ComparisonRunner.h"

#include "MainWindow.h"
#include "ParameterPanel.h"

#include <QTimer>

ComparisonRunner::ComparisonRunner(MainWindow* window)
    : QObject(window)
    , window_(window)
{
    connect(window, &MainWindow::simulationFinished, this, &ComparisonRunner::simulationFinished);
}

void ComparisonRunner::start(const aedyn::Comparison& comparison, std::vector<std::pair<std::string, QString>> extra)
{
    if (active() || comparison.steps.empty())
        return;
    comparison_ = comparison;
    extra_ = std::move(extra);
    // A comparison is a figure of its own: earlier pins would mix into it.
    while (window_->pinCount() > 0)
        window_->removePin(0);
    step_ = 0;
    beginStep();
}

QString ComparisonRunner::statusText() const
{
    if (!active())
        return {};
    return QStringLiteral("%1: step %2 of %3 (%4)")
        .arg(QString::fromStdString(comparison_.title))
        .arg(step_ + 1)
        .arg(comparison_.steps.size())
        .arg(window_->panel()->changedFromPreset().isEmpty()
                 ? QString::fromStdString(comparison_.steps[step_].preset)
                 : window_->panel()->changedFromPreset());
}

void ComparisonRunner::beginStep()
{
    const aedyn::ComparisonStep& s = comparison_.steps[step_];
    ParameterPanel* panel = window_->panel();
    if (!panel->selectPreset(QString::fromStdString(s.preset)))
        return end(QStringLiteral("no preset %1").arg(QString::fromStdString(s.preset)));
    for (const auto& [key, value] : s.values)
        panel->setValue(key, QString::fromStdString(value));
    for (const auto& [key, value] : extra_)
        panel->setValue(key, value);
    if (!panel->config())
        return end(panel->problem());
    emit progressed();
    waitForTheoryThenRun();
}

void ComparisonRunner::waitForTheoryThenRun()
{
    if (!active())
        return;
    // Kept runs carry the theory drawn when they are kept, so it must be complete before the SGD starts.
    if (!window_->theoryUpToDate() && window_->message().isEmpty()) {
        QTimer::singleShot(50, this, &ComparisonRunner::waitForTheoryThenRun);
        return;
    }
    running_ = true;
    window_->runSimulation();
}

void ComparisonRunner::simulationFinished()
{
    if (!active() || !running_)
        return;
    running_ = false;
    const aedyn::RunResults& r = window_->store();
    const aedyn::SimulationPoint* last = r.latestSimulation();
    const bool complete = last && !r.simulationTimes().empty() && last->mean.t >= r.simulationTimes().back();
    if (!complete)
        return end(QStringLiteral("stopped at step %1 of %2").arg(step_ + 1).arg(comparison_.steps.size()));
    if (step_ + 1 == static_cast<int>(comparison_.steps.size()))
        return end(QString());
    window_->keepRun();
    ++step_;
    // After the window has handled the end of this run.
    QTimer::singleShot(0, this, &ComparisonRunner::beginStep);
}

void ComparisonRunner::end(const QString& failure)
{
    step_ = -1;
    running_ = false;
    emit progressed();
    emit finished(failure);
}
