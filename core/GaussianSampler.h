#pragma once
// A fast, seedable source of standard normal numbers. Drawing the input dominates an SGD step, so numbers are made
// in blocks (ziggurat over a xoshiro256++ stream), never one std::normal_distribution call at a time.
#include <cstddef>
#include <cstdint>

namespace aedyn {

class GaussianSampler {
public:
    // Streams with the same seed and different `stream` are independent (one per SGD run).
    explicit GaussianSampler(std::uint64_t seed, std::uint64_t stream = 0);

    void fillNormal(double* out, std::size_t n);  // n i.i.d. N(0, 1)
    double normal();
    double uniform();                             // in [0, 1)
    std::uint64_t nextU64();

private:
    std::uint64_t s_[4];
};

} // namespace aedyn
