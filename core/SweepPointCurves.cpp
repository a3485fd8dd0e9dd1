#include "SweepPointCurves.h"

#include "CurveTable.h"
#include "Experiment.h"
#include "RunResults.h"

#include <sstream>

namespace aedyn {

SweepPointCurves runSweepPoint(const ExperimentConfig& config, bool simulate, const RunControl* control, int threads)
{
    SweepPointCurves out;
    try {
        const Experiment e(config);
        RunResults results;
        const RunSetup setup = setupOf(e);
        results.resetTheory(setup);
        if (simulate)
            results.resetSimulation(setup);
        if (!e.hasTheory()) {
            out.failure = e.theoryUnavailableReason();
        } else {
            const RunOutcome r =
                e.runTheory([&](std::size_t i, const Observables& o) { results.setTheory(i, o); }, control);
            out.cancelled = r.cancelled;
            if (!r.ok && !r.cancelled)
                out.failure = r.message;
        }
        if (simulate && !out.cancelled) {
            const RunOutcome r = e.runSimulation(
                [&](std::size_t i, const std::vector<Observables>& runs, const Weights&) {
                    results.setSimulation(simulationPointOf(i, runs));
                },
                {}, control, threads);
            out.cancelled = r.cancelled;
            out.simulated = !r.cancelled;
            if (!r.ok && !r.cancelled)
                out.simulationFailure = r.message;
        }
        if (results.latestTheory() || results.latestSimulation()) {
            // Through the text of curves.csv, so the numbers are those a file would give back.
            std::ostringstream csv;
            CurveTable(results).writeCsv(csv);
            out.curves = parseCurveCsv(csv.str());
        }
    } catch (const std::exception& ex) {
        out.failure = ex.what();
    }
    return out;
}

} // namespace aedyn
