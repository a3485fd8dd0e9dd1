#pragma once
// Initial weights (theory.md §3.8): random i.i.d. N(0, σ₀²), or aligned with the leading eigenvectors
// ("informed": a₀ = c₀ = 1; "perfect": c₀ = c*(a₀), §7.2).
#include "DataModel.h"
#include "TrainingRule.h"
#include "Weights.h"

#include <cstdint>
#include <optional>
#include <string_view>

namespace aedyn {

enum class InitKind { Random, Informed, Perfect };

std::string_view initName(InitKind k);  // "random", "informed", "perfect"
std::optional<InitKind> parseInit(std::string_view name);

// Throws std::invalid_argument when an aligned start needs more tracked modes than the data has (K > modes).
Weights makeInitialWeights(const DataModel& data, const TrainingRule& rule, int K, InitKind kind, double initStd,
                           double biasInit, std::uint64_t seed);

} // namespace aedyn
