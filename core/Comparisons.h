#pragma once
// The paper's multi-curve figures as a sequence of runs: each step is a preset with some values changed; every
// step but the last is run (theory and SGD) and kept as a pinned overlay, and the last one is run as the current
// run, so the finished window shows the whole comparison (figure 4a tied against untied, 4b with against without
// biases, 6 a family in K).
#include <string>
#include <utility>
#include <vector>

namespace aedyn {

struct ComparisonStep {
    std::string preset;
    std::vector<std::pair<std::string, std::string>> values;  // on top of the preset's, as the panel's keys
};

struct Comparison {
    std::string name;   // "fig4b-bias"
    std::string title;  // "Figure 4b — ReLU with and without biases"
    std::vector<ComparisonStep> steps;
};

const std::vector<Comparison>& comparisons();
const Comparison* findComparison(const std::string& name);

} // namespace aedyn
