#pragma once
// The results model of the app's sweep: the points of one sweep (its swept axes, each point's configuration) and,
// as they arrive in any order, each point's theory and then, when the sweep also simulates, its SGD curves. The
// charts and both tidy CSVs are derived from it; a new sweep replaces it whole, so points of an older sweep can
// never mix with the new ones.
#include "SweepPointCurves.h"
#include "SweepSpec.h"

#include <optional>
#include <string>
#include <vector>

namespace aedyn {

class SweepResults {
public:
    // simulate: every point's SGD route follows its theory.
    void reset(std::vector<SweepAxis> axes, std::vector<SweepPoint> points, bool simulate = false);
    // A point's theory, or later its curves with the simulation too (which replace the theory-only ones).
    void setPoint(std::size_t index, SweepPointCurves curves);

    const std::vector<SweepAxis>& axes() const { return axes_; }
    const std::vector<SweepPoint>& points() const { return points_; }
    bool simulates() const { return simulate_; }
    // The curves of a point, or nothing while its theory is still to come.
    const std::optional<SweepPointCurves>& theory(std::size_t index) const { return curves_[index]; }
    std::size_t arrived() const { return arrived_; }
    std::size_t failed() const { return failed_; }
    std::size_t simulated() const { return simulated_; }
    std::size_t simulationFailed() const { return simulationFailed_; }
    // The route has a complete curve at the point: "ode" (theory reached t_max) or "sgd" (every run did).
    bool routeOk(std::size_t index, const std::string& route) const;

    // The quantity of a route ("ode" or "sgd"; gap needs both) at a point: NaN while to come, when the route
    // failed there, or when undefined.
    double quantity(std::size_t index, const SweepQuantity& q, const std::string& route = "ode") const;
    // (t, ε) of a point's curve of a route, every grid time with a finite ε; empty while to come or when it failed.
    std::vector<std::pair<double, double>> curve(std::size_t index, const std::string& route = "ode") const;

    // Tidy CSV: the family, one row per point and time (point, the swept keys, t, eps_ode[, eps_sgd]) ...
    std::string familyCsv() const;
    // ... or one row per point (point, the swept keys, the quantity's summary columns as `aedyn-cli sweep` names
    // them — per route, then gap_sgd_ode when simulating — and status: ok, failed, sgd failed or pending).
    std::string quantityCsv(const SweepQuantity& q) const;

private:
    std::vector<SweepAxis> axes_;
    std::vector<SweepPoint> points_;
    bool simulate_ = false;
    std::vector<std::optional<SweepPointCurves>> curves_;
    std::size_t arrived_ = 0, failed_ = 0, simulated_ = 0, simulationFailed_ = 0;
};

} // namespace aedyn
