#include "Comparisons.h"

namespace aedyn {

const std::vector<Comparison>& comparisons()
{
    static const std::vector<Comparison> all{
        // Tied weights have no ODE of their own: the untied network's SGD and theory are kept first.
        {"fig4a-tied", "Figure 4a — tied against untied sigmoidal autoencoders",
         {{"fig4a-tied", {{"tied", "false"}}}, {"fig4a-tied", {}}}},
        {"fig4b-bias", "Figure 4b — ReLU without and with trained biases",
         {{"fig4b-relu-nobias", {}}, {"fig4b-relu-bias", {}}}},
        {"fig6-family-k", "Figure 6 — FashionMNIST, a family in K",
         {{"fig6-fashion-mnist", {{"K", "4"}}}, {"fig6-fashion-mnist", {{"K", "8"}}}, {"fig6-fashion-mnist", {}}}},
    };
    return all;
}

const Comparison* findComparison(const std::string& name)
{
    for (const Comparison& c : comparisons())
        if (c.name == name)
            return &c;
    return nullptr;
}

} // namespace aedyn
