#include "Activation.h"

namespace aedyn {

std::string_view activationName(Activation a)
{
    switch (a) {
    case Activation::Erf: return "erf";
    case Activation::Relu: return "relu";
    case Activation::Linear: return "linear";
    }
    return "erf";
}

std::optional<Activation> parseActivation(std::string_view name)
{
    for (Activation a : {Activation::Erf, Activation::Relu, Activation::Linear})
        if (activationName(a) == name)
            return a;
    return std::nullopt;
}

} // namespace aedyn
