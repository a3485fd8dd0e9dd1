#pragma once
// The results model of the app's sweep: the points of one sweep (its swept axes, each point's configuration) and,
// as they arrive in any order, each point's theory. The charts and both tidy CSVs are derived from it; a new
// sweep replaces it whole, so points of an older sweep can never mix with the new ones.
#include "SweepPointTheory.h"
#include "SweepSpec.h"

#include <optional>
#include <string>
#include <vector>

namespace aedyn {

class SweepResults {
public:
    void reset(std::vector<SweepAxis> axes, std::vector<SweepPoint> points);
    void setPoint(std::size_t index, SweepPointTheory theory);

    const std::vector<SweepAxis>& axes() const { return axes_; }
    const std::vector<SweepPoint>& points() const { return points_; }
    // The theory of a point, or nothing while it is still to come.
    const std::optional<SweepPointTheory>& theory(std::size_t index) const { return theory_[index]; }
    std::size_t arrived() const { return arrived_; }
    std::size_t failed() const { return failed_; }

    // The quantity at a point: NaN while the point is to come, when its theory failed, or when undefined there.
    double quantity(std::size_t index, const SweepQuantity& q) const;
    // (t, ε) of a point's theory curve, every grid time with a finite ε; empty while to come or when it failed.
    std::vector<std::pair<double, double>> curve(std::size_t index) const;

    // Tidy CSV: the family, one row per point and time (point, the swept keys, t, eps_ode) ...
    std::string familyCsv() const;
    // ... or one row per point (point, the swept keys, the quantity's column, status: ok, failed or pending).
    std::string quantityCsv(const SweepQuantity& q) const;

private:
    std::vector<SweepAxis> axes_;
    std::vector<SweepPoint> points_;
    std::vector<std::optional<SweepPointTheory>> theory_;
    std::size_t arrived_ = 0, failed_ = 0;
};

} // namespace aedyn
