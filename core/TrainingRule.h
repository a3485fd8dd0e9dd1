#pragma once
// What is trained and how: the settings shared by the SGD simulator and the ODEs (theory.md §3).
#include "Activation.h"

#include <optional>
#include <string_view>

namespace aedyn {

enum class Rule { Vanilla, Truncated, TruncatedReference, Sanger };

std::string_view ruleName(Rule r);  // "vanilla", "truncated", "truncated-reference", "sanger"
std::optional<Rule> parseRule(std::string_view name);

struct TrainingRule {
    Activation activation = Activation::Erf;
    Rule rule = Rule::Vanilla;
    bool tied = false;      // v_k ≡ w_k (simulation only, §3.4)
    bool trainBias = false; // β_k trained (§3.7)
    double lr = 1.0;        // η before the D-scalings
    double wd = 0.0;        // κ (§3.6)
};

} // namespace aedyn
