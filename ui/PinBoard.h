#pragma once
// Runs kept for comparison ("Keep this run", Ctrl+K): their curves stay drawn, faded, labelled with the parameters
// in which they differ from the current ones. A pin opened from a project has only its parameters; its theory is
// recomputed and arrives point by point.
#include "ExperimentConfig.h"
#include "LearningCurveChart.h"
#include "RunResults.h"

#include <QList>
#include <QPointF>

#include <optional>
#include <vector>

class PinBoard {
public:
    // Pins the drawn curves of `results`, computed with `config`. Returns false when nothing is drawn yet.
    bool keep(const aedyn::RunResults& results, const aedyn::ExperimentConfig& config);
    // A pin of a project: parameters only; returns its index, for addTheoryPoint.
    int add(const aedyn::ExperimentConfig& config);
    void addTheoryPoint(int pin, double t, double eps);
    void remove(int index);
    void clear() { pins_.clear(); }

    int count() const { return static_cast<int>(pins_.size()); }
    const aedyn::ExperimentConfig& config(int index) const { return pins_.at(index).config; }
    // "K = 3, lr = 1": the parameters in which the pin differs from `current`.
    QString label(int index, const std::optional<aedyn::ExperimentConfig>& current) const;
    QList<PinnedCurve> curves(const std::optional<aedyn::ExperimentConfig>& current) const;

private:
    struct Pin {
        aedyn::ExperimentConfig config;
        QList<QPointF> theory, simulation;
    };
    std::vector<Pin> pins_;
};
