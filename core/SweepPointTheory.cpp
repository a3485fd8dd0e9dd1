#include "SweepPointTheory.h"

#include "CurveTable.h"
#include "Experiment.h"
#include "RunResults.h"

#include <sstream>

namespace aedyn {

SweepPointTheory runSweepPointTheory(const ExperimentConfig& config, const RunControl* control)
{
    SweepPointTheory out;
    try {
        const Experiment e(config);
        if (!e.hasTheory()) {
            out.failure = e.theoryUnavailableReason();
            return out;
        }
        RunResults results;
        results.resetTheory(setupOf(e));
        const RunOutcome r =
            e.runTheory([&](std::size_t i, const Observables& o) { results.setTheory(i, o); }, control);
        out.cancelled = r.cancelled;
        if (!r.ok && !r.cancelled)
            out.failure = r.message;
        if (results.latestTheory()) {
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
