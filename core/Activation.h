#pragma once
// Activation functions g of the hidden units (theory.md §1.2).
#include <cmath>
#include <optional>
#include <string>
#include <string_view>

namespace aedyn {

enum class Activation { Erf, Relu, Linear };

std::string_view activationName(Activation a);            // "erf", "relu", "linear"
std::optional<Activation> parseActivation(std::string_view name);

// g(x) = erf(x/√2) for Erf; max(0,x) for Relu; x for Linear.
inline double activate(Activation a, double x)
{
    switch (a) {
    case Activation::Erf: return std::erf(x * 0.70710678118654752440);
    case Activation::Relu: return x > 0.0 ? x : 0.0;
    case Activation::Linear: return x;
    }
    return x;
}

// g′(x); Θ(0) = 0 for ReLU.
inline double activateDerivative(Activation a, double x)
{
    switch (a) {
    case Activation::Erf: return 0.79788456080286535588 * std::exp(-0.5 * x * x);
    case Activation::Relu: return x > 0.0 ? 1.0 : 0.0;
    case Activation::Linear: return 1.0;
    }
    return 1.0;
}

} // namespace aedyn
