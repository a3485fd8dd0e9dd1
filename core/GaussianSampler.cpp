#include "GaussianSampler.h"

#include <array>
#include <cmath>

namespace aedyn {

namespace {

std::uint64_t splitmix64(std::uint64_t& x)
{
    std::uint64_t z = (x += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

inline std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

// The 256-layer ziggurat of Marsaglia & Tsang for the unnormalised density f(x) = exp(−x²/2): layer i spans
// [0, x[i]] and every layer has the same area v; x[1] = r is where the tail starts.
struct Ziggurat {
    static constexpr double r = 3.6541528853610088;
    static constexpr double v = 0.00492867323399;
    std::array<double, 257> x{};
    std::array<double, 257> f{};
    Ziggurat()
    {
        const double fr = std::exp(-0.5 * r * r);
        x[0] = v / fr;
        x[1] = r;
        for (int i = 1; i < 256; ++i) {
            const double y = v / x[i] + std::exp(-0.5 * x[i] * x[i]);
            x[i + 1] = y < 1.0 ? std::sqrt(-2.0 * std::log(y)) : 0.0;
        }
        x[256] = 0.0;
        for (int i = 0; i <= 256; ++i)
            f[i] = std::exp(-0.5 * x[i] * x[i]);
    }
};

const Ziggurat& ziggurat()
{
    static const Ziggurat z;
    return z;
}

constexpr double kTwoPow53Inv = 1.0 / 9007199254740992.0;

} // namespace

GaussianSampler::GaussianSampler(std::uint64_t seed, std::uint64_t stream)
{
    std::uint64_t x = seed ^ (0xD1B54A32D192ED03ULL * (stream + 1));
    for (auto& s : s_)
        s = splitmix64(x);
}

std::uint64_t GaussianSampler::nextU64()
{
    const std::uint64_t result = rotl(s_[0] + s_[3], 23) + s_[0];
    const std::uint64_t t = s_[1] << 17;
    s_[2] ^= s_[0];
    s_[3] ^= s_[1];
    s_[1] ^= s_[2];
    s_[0] ^= s_[3];
    s_[2] ^= t;
    s_[3] = rotl(s_[3], 45);
    return result;
}

double GaussianSampler::uniform() { return (nextU64() >> 11) * kTwoPow53Inv; }

double GaussianSampler::normal()
{
    const Ziggurat& z = ziggurat();
    for (;;) {
        const std::uint64_t u = nextU64();
        const int i = static_cast<int>(u & 0xFF);
        const double sign = (u & 0x100) ? -1.0 : 1.0;
        const double xi = ((u >> 11) * kTwoPow53Inv) * z.x[i];
        if (xi < z.x[i + 1])  // inside the part of the layer that lies wholly under the curve: ~99 % of draws
            return sign * xi;
        if (i == 0) {
            // The tail beyond r (Marsaglia's exponential method).
            double a, b;
            do {
                a = -std::log(1.0 - uniform()) / Ziggurat::r;
                b = -std::log(1.0 - uniform());
            } while (2.0 * b < a * a);
            return sign * (Ziggurat::r + a);
        }
        if (z.f[i] + uniform() * (z.f[i + 1] - z.f[i]) < std::exp(-0.5 * xi * xi))
            return sign * xi;
    }
}

void GaussianSampler::fillNormal(double* out, std::size_t n)
{
    for (std::size_t i = 0; i < n; ++i)
        out[i] = normal();
}

} // namespace aedyn
