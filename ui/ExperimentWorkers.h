#pragma once
// The two workers that run the core off the GUI thread. Each lives in its own QThread and reports through queued
// signals carrying plain values; the GUI stops or pauses them through a shared RunControl (atomics).
#include "CurveStore.h"
#include "ExperimentConfig.h"
#include "RunControl.h"

#include <QObject>

#include <memory>

Q_DECLARE_METATYPE(aedyn::Observables)
Q_DECLARE_METATYPE(ExperimentSetup)
Q_DECLARE_METATYPE(SimulationPoint)
Q_DECLARE_METATYPE(aedyn::Weights)
Q_DECLARE_METATYPE(aedyn::ExperimentConfig)

namespace aedyn {
class Experiment;
}

// What the charts need to know of an experiment before any curve (grid, PCA levels, spectrum, eigenvectors).
ExperimentSetup setupOf(const aedyn::Experiment& e);
// One simulation time: the mean over runs and the error drawn (test images for real data).
SimulationPoint simulationPointOf(std::size_t index, const std::vector<aedyn::Observables>& runs);

// Integrates the ODE for a configuration. A newer request makes the running one obsolete: the GUI sets its
// RunControl's stop flag, so at most one integration runs and the queue never grows.
class TheoryWorker : public QObject {
    Q_OBJECT
public slots:
    void compute(const aedyn::ExperimentConfig& config, std::shared_ptr<aedyn::RunControl> control, quint64 generation);
signals:
    void setupReady(quint64 generation, const ExperimentSetup& setup);
    void pointReady(quint64 generation, qulonglong index, const aedyn::Observables& o);
    void finished(quint64 generation, const QString& failure, double milliseconds);
};

// Runs the SGD simulation of a configuration.
class SimulationWorker : public QObject {
    Q_OBJECT
public slots:
    void run(const aedyn::ExperimentConfig& config, std::shared_ptr<aedyn::RunControl> control);
signals:
    void pointReady(const SimulationPoint& p);
    void firstRunWeights(const aedyn::Weights& w);
    void progress(double t);
    void finished(const QString& failure, bool stopped);
};
