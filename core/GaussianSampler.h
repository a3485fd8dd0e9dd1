#pragma once
// A fast, seedable source of standard normal numbers. Drawing the input dominates an SGD step, so numbers are made
// in blocks (ziggurat over a xoshiro256++ stream), never one std::normal_distribution call at a time.
#include <cstddef>
#include <cstdint>
#include <optional>

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
    // Four independent xoshiro256++ lanes advanced in lockstep: the compiler vectorises them, which removes the
    // generator's serial dependency chain from the hot loop. s_[j][lane] is word j of a lane's state.
    static constexpr int kLanes = 4;
    alignas(32) std::uint64_t s_[4][kLanes];
    void fillBits(std::uint64_t* out, std::size_t n);  // n a multiple of kLanes
    // The rest of the ziggurat test for a candidate xi of `layer`: a normal number, or nothing if rejected.
    std::optional<double> finishCandidate(unsigned layer, bool negative, double xi);
};

} // namespace aedyn
