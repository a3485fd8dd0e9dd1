#include "CurveStore.h"

void CurveStore::resetTheory(const ExperimentSetup& setup)
{
    setup_ = setup;
    theory_.assign(setup.times.size(), std::nullopt);
    anyTheory_ = false;
    theoryStale = false;
}

void CurveStore::resetSimulation(std::vector<double> times)
{
    simulation_.assign(times.size(), std::nullopt);
    simulationTimes_ = std::move(times);
    firstRun_.reset();
    ++firstRunVersion_;
    anySim_ = false;
    simulationStale = false;
}

void CurveStore::setTheory(std::size_t index, const aedyn::Observables& o)
{
    if (index >= theory_.size())
        return;
    theory_[index] = o;
    latestTheory_ = index;
    anyTheory_ = true;
}

void CurveStore::setSimulation(const SimulationPoint& p)
{
    if (p.index >= simulation_.size())
        return;
    simulation_[p.index] = p;
    latestSim_ = p.index;
    anySim_ = true;
}

const SimulationPoint* CurveStore::latestSimulation() const
{
    return anySim_ ? &*simulation_[latestSim_] : nullptr;
}

const aedyn::Observables* CurveStore::latestTheory() const
{
    return anyTheory_ ? &*theory_[latestTheory_] : nullptr;
}
