#pragma once
// The two workers that run the core off the GUI thread. Each lives in its own QThread and reports through queued
// signals carrying plain values and the generation of the request, so that answers to an obsolete request are
// dropped; the GUI stops or pauses them through a shared RunControl (atomics).
#include "ExperimentConfig.h"
#include "RunControl.h"
#include "RunResults.h"

#include <QObject>

#include <memory>

Q_DECLARE_METATYPE(aedyn::Observables)
Q_DECLARE_METATYPE(aedyn::RunSetup)
Q_DECLARE_METATYPE(aedyn::SimulationPoint)
Q_DECLARE_METATYPE(std::shared_ptr<const aedyn::Weights>)
Q_DECLARE_METATYPE(std::vector<aedyn::ReducedPoint>)
Q_DECLARE_METATYPE(aedyn::ExperimentConfig)

// Integrates the ODE for a configuration. A newer request makes the running one obsolete: the GUI sets its
// RunControl's stop flag, so at most one integration runs and the queue never grows.
class TheoryWorker : public QObject {
    Q_OBJECT
public slots:
    void compute(const aedyn::ExperimentConfig& config, std::shared_ptr<aedyn::RunControl> control, quint64 generation);
signals:
    void setupReady(quint64 generation, const aedyn::RunSetup& setup);
    void pointReady(quint64 generation, qulonglong index, const aedyn::Observables& o);
    // After the last point, for one aligned erf unit: the reduced long-time continuation (figure 3).
    void longTimeReady(quint64 generation, const std::vector<aedyn::ReducedPoint>& points);
    void finished(quint64 generation, const QString& failure, double milliseconds);
};

// Runs the SGD simulation of a configuration. Its setup — the grid and D as the experiment resolved them (with
// images D is the number of pixels) — comes first, before any point.
class SimulationWorker : public QObject {
    Q_OBJECT
public slots:
    void run(const aedyn::ExperimentConfig& config, std::shared_ptr<aedyn::RunControl> control, quint64 generation);
signals:
    void setupReady(quint64 generation, const aedyn::RunSetup& setup);
    void pointReady(quint64 generation, const aedyn::SimulationPoint& p);
    void firstRunWeights(quint64 generation, qulonglong index, std::shared_ptr<const aedyn::Weights> w);
    void progress(quint64 generation, double t);
    void finished(quint64 generation, const QString& failure, bool stopped);
};

// Times a short burst of the simulation's SGD steps to tell, before Run, how long the run will take.
class CostWorker : public QObject {
    Q_OBJECT
public slots:
    void estimate(const aedyn::ExperimentConfig& config, std::shared_ptr<aedyn::RunControl> control, quint64 generation);
signals:
    void estimated(quint64 generation, double seconds);
};
