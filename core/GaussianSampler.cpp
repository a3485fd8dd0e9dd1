#include "GaussianSampler.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <optional>

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
    for (int lane = 0; lane < kLanes; ++lane)
        for (int j = 0; j < 4; ++j)
            s_[j][lane] = splitmix64(x);
}

void GaussianSampler::fillBits(std::uint64_t* out, std::size_t n)
{
    // The state lives in locals during the loop so that the compiler can keep the lanes in vector registers.
    alignas(32) std::uint64_t a[kLanes], b[kLanes], c[kLanes], d[kLanes];
    for (int l = 0; l < kLanes; ++l)
        a[l] = s_[0][l], b[l] = s_[1][l], c[l] = s_[2][l], d[l] = s_[3][l];
    for (std::size_t k = 0; k < n; k += kLanes) {
        for (int l = 0; l < kLanes; ++l) {
            out[k + l] = rotl(a[l] + d[l], 23) + a[l];
            const std::uint64_t t = b[l] << 17;
            c[l] ^= a[l];
            d[l] ^= b[l];
            b[l] ^= c[l];
            a[l] ^= d[l];
            c[l] ^= t;
            d[l] = rotl(d[l], 45);
        }
    }
    for (int l = 0; l < kLanes; ++l)
        s_[0][l] = a[l], s_[1][l] = b[l], s_[2][l] = c[l], s_[3][l] = d[l];
}

std::uint64_t GaussianSampler::nextU64()
{
    std::uint64_t bits[kLanes];
    fillBits(bits, kLanes);
    return bits[0];
}

double GaussianSampler::uniform() { return (nextU64() >> 11) * kTwoPow53Inv; }

double GaussianSampler::normal()
{
    for (;;) {
        const std::uint64_t u = nextU64();
        const double xi = static_cast<double>(u >> 11) * kTwoPow53Inv * ziggurat().x[u & 0xFF];
        if (const std::optional<double> z = finishCandidate(static_cast<unsigned>(u & 0xFF), (u & 0x100) != 0, xi))
            return *z;
    }
}

std::optional<double> GaussianSampler::finishCandidate(unsigned layer, bool negative, double xi)
{
    const Ziggurat& z = ziggurat();
    const double sign = negative ? -1.0 : 1.0;
    if (xi < z.x[layer + 1])  // inside the part of the layer that lies wholly under the curve
        return sign * xi;
    if (layer == 0) {
        // The tail beyond r (Marsaglia's exponential method).
        double a, b;
        do {
            a = -std::log(1.0 - uniform()) / Ziggurat::r;
            b = -std::log(1.0 - uniform());
        } while (2.0 * b < a * a);
        return sign * (Ziggurat::r + a);
    }
    // The wedge: accept under the curve, otherwise the whole draw starts again.
    if (z.f[layer] + uniform() * (z.f[layer + 1] - z.f[layer]) < std::exp(-0.5 * xi * xi))
        return sign * xi;
    return std::nullopt;
}

void GaussianSampler::fillNormal(double* out, std::size_t n)
{
    // Raw bits in blocks, then the ziggurat's fast path. Each 64-bit word gives two candidates of 32 bits: an
    // 8-bit layer, a sign and a 23-bit uniform (resolution 1.2e-7 of the layer width). The rare candidates outside
    // the fast path (about 1 %) are finished after the loop.
    constexpr std::size_t kBlock = 256;
    alignas(32) std::uint64_t bits[kBlock];
    const double* x = ziggurat().x.data();
    for (std::size_t start = 0; start < n; start += 2 * kBlock) {
        const std::size_t count = std::min(2 * kBlock, n - start);
        const std::size_t words = (count + 1) / 2;
        fillBits(bits, (words + kLanes - 1) / kLanes * kLanes);
        double* o = out + start;
        // Candidates outside the fast path are remembered and finished after the loop (wedge or tail test of their
        // own layer), which keeps calls out of the hot path.
        std::uint16_t rejected[2 * kBlock + 1];
        std::size_t nRejected = 0;
        auto candidate = [&](std::uint32_t u, std::size_t k) {
            const unsigned i = u & 0xFF;
            // The 23 uniform bits become the mantissa of a double in [1, 2); bit 8 becomes the sign bit.
            const double unit = std::bit_cast<double>(0x3FF0000000000000ULL | (std::uint64_t(u >> 9) << 29)) - 1.0;
            const double xi = unit * x[i];
            o[k] = std::bit_cast<double>(std::bit_cast<std::uint64_t>(xi) ^ (std::uint64_t(u & 0x100) << 55));
            rejected[nRejected] = static_cast<std::uint16_t>(k);
            nRejected += xi >= x[i + 1];
        };
        const std::size_t pairs = count / 2;
        for (std::size_t j = 0; j < pairs; ++j) {
            const std::uint64_t w = bits[j];
            candidate(static_cast<std::uint32_t>(w), 2 * j);
            candidate(static_cast<std::uint32_t>(w >> 32), 2 * j + 1);
        }
        if (count & 1)
            candidate(static_cast<std::uint32_t>(bits[pairs]), count - 1);
        for (std::size_t r = 0; r < nRejected; ++r) {
            const std::uint16_t k = rejected[r];
            const std::uint32_t u = static_cast<std::uint32_t>(bits[k >> 1] >> ((k & 1) * 32));
            const std::optional<double> z = finishCandidate(u & 0xFF, (u & 0x100) != 0, std::abs(o[k]));
            o[k] = z ? *z : normal();
        }
    }
}

} // namespace aedyn
